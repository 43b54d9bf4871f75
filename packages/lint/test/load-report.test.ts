import { readFileSync } from 'node:fs';
import { loadReport } from '@gongwen/schema';
import { describe, expect, it } from 'vitest';
import { lintReport } from '../src/index.js';
import { examplesDir, lint, loadSeed, loadStyle, seeds } from './load.js';

describe('with @gongwen/schema loadReport', () => {
  for (const seed of Object.keys(seeds) as (keyof typeof seeds)[]) {
    it(`seed ${seed}: the same findings at the same places as the test loader`, () => {
      const filename = seeds[seed];
      const source = readFileSync(examplesDir + filename, 'utf8');
      const loaded = loadReport(source, { filename });
      expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const style = loadStyle(loaded.report!.style);
      const found = lintReport(loaded.report!, { source, filename, locate: loaded.locate, style });
      expect(found).toEqual(lint(loadSeed(seed), { filename, style }));
    });
  }
});
