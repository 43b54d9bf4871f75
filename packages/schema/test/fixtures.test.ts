import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadReport } from '../src/index.js';
import { cpuTimed } from './cpu-time.js';

const dir = new URL('./fixtures/', import.meta.url);
const list = (sub: string) =>
  readdirSync(new URL(sub, dir))
    .filter((f) => f.endsWith('.yaml'))
    .sort();

/** `# expect: error 7:5 schema/unknown-key` lines at the top of a fixture, in order. */
function expectations(source: string): string[] {
  const out: string[] = [];
  for (const line of source.split('\n')) {
    if (!line.startsWith('#')) break;
    const m = /^# expect: (\w+ \d+:\d+ [\w/-]+)\s*$/.exec(line);
    if (m) out.push(m[1]!);
  }
  return out;
}

describe('invalid fixtures', () => {
  const files = list('invalid/');

  it('has at least 25 of them', () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  for (const file of files) {
    it(file, () => {
      const source = readFileSync(new URL(`invalid/${file}`, dir), 'utf8');
      const expected = expectations(source);
      expect(expected.length, 'the fixture states its expected diagnostics').toBeGreaterThan(0);

      const { result, ms } = cpuTimed(() => loadReport(source, { filename: file }));
      expect(ms).toBeLessThan(1000);

      expect(result.report).toBeUndefined();
      expect(result.diagnostics.map((d) => `${d.severity} ${d.line}:${d.column} ${d.ruleId}`)).toEqual(expected);
      for (const d of result.diagnostics) {
        expect(d.file).toBe(file);
        expect(d.message.length).toBeGreaterThan(0);
        expect(d.endLine! * 1e6 + d.endColumn!).toBeGreaterThanOrEqual(d.line! * 1e6 + d.column!);
        if (d.ruleId.startsWith('schema/') && d.ruleId !== 'schema/type') expect(d.path, d.message).toBeTruthy();
      }
    });
  }
});

describe('valid fixtures', () => {
  for (const file of list('valid/')) {
    it(file, () => {
      const result = loadReport(readFileSync(new URL(`valid/${file}`, dir)), { filename: file });
      expect(result.diagnostics).toEqual([]);
      expect(result.report?.parts.length).toBeGreaterThan(0);
    });
  }
});
