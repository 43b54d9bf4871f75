import { readFileSync } from 'node:fs';
import { loadReport } from '@gongwen/schema';
import { describe, expect, it } from 'vitest';
import { lintLoaded, lintReport, lintStyleOf } from '../src/index.js';
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

describe('lintLoaded', () => {
  // A style as loadStyle returns it, reduced to what lint reads of it.
  const style = (required: string[]) => ({ name: 'national', manifest: { parts: { required } }, fill: (path: string) => `《${path}》` }) as Parameters<typeof lintLoaded>[2];

  it('is lintReport on the loaded text and positions, in the style as lintStyleOf reads it', () => {
    const filename = seeds['003'];
    const source = readFileSync(examplesDir + filename, 'utf8');
    const loaded = loadReport(source, { filename });
    const s = style(['measures', 'plans']);
    const expected = lintReport(loaded.report!, { source, filename, locate: loaded.locate, style: lintStyleOf(s, loaded.report!), today: '2024-03-05' });
    expect(expected.length).toBeGreaterThan(0);
    expect(lintLoaded(loaded.report!, loaded, s, { filename, today: '2024-03-05' })).toEqual(expected);
  });

  it('with a severity, gives every finding that severity, the rules’ own errors first', () => {
    const source = readFileSync(examplesDir + seeds['003'], 'utf8');
    const loaded = loadReport(source);
    // A required part the report lacks is an error of its rule; the report's other findings are warnings.
    const own = lintLoaded(loaded.report!, loaded, style(['measures', 'other']));
    const errors = own.filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(own.some((d) => d.severity !== 'error')).toBe(true);
    const asWarnings = lintLoaded(loaded.report!, loaded, style(['measures', 'other']), { severity: 'warning' });
    expect(asWarnings.map((d) => d.severity)).toEqual(own.map(() => 'warning'));
    expect(asWarnings.slice(0, errors.length).map((d) => d.ruleId)).toEqual(errors.map((d) => d.ruleId));
  });
});
