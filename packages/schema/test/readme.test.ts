import { readFileSync } from 'node:fs';
import { formatDiagnostic } from '@gongwen/diagnostics';
import { expect, it } from 'vitest';
import { loadReport } from '../src/index.js';

it('the README example prints what the README says', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const source = /const source = `([^`]*)`;/.exec(readme)?.[1];
  const printed = /\nprints\n\n```\n([^`]*)```/.exec(readme)?.[1];
  expect(source).toBeDefined();
  expect(printed).toBeDefined();
  const { report, diagnostics } = loadReport(source!, { filename: 'report.yaml' });
  expect(report).toBeUndefined();
  expect(diagnostics.map((d) => formatDiagnostic(d, { source: source! })).join('\n') + '\n').toBe(printed);
});
