import type { Report } from '@gongwen/schema';
import { describe, expect, it } from 'vitest';
import { fixReport, lintReport } from '../src/index.js';

describe('untrusted input', () => {
  it('never throws on data the schema would reject, so a batch keeps going', () => {
    const odd: unknown[] = [
      {},
      { year: '2023', parts: 'none' },
      { year: 2023, parts: [null, 3, { kind: 'custom', includes: 4, body: [] }, { kind: 'plans', body: [null, 7, { body: 'x' }, { lead: 5 }] }] },
      { year: 2023, title: [1, null], figures: [{ total: 'x' }, { label: 'a', total: 3, parts: [{ value: '1' }] }] },
      { year: 2023, documentNumber: 42, signature: { date: '2023-02-30' }, parts: [{ kind: 'measures', body: ['(((('] }] },
    ];
    for (const report of odd) expect(() => lintReport(report as Report, { source: '', locate: () => undefined })).not.toThrow();
  });

  it('reports an impossible date as nothing rather than as a date window problem', () => {
    const report = { year: 2023, parts: [], signature: { date: '2024-02-30' } } as unknown as Report;
    expect(lintReport(report).filter((d) => d.ruleId === 'year/signature-date')).toEqual([]);
  });

  it('fixReport leaves unparsable YAML untouched instead of guessing', () => {
    const broken = 'parts: [\n  - 这里,那里\n';
    expect(fixReport(broken, [{ severity: 'warning', ruleId: 'form/halfwidth-punctuation', message: '', path: 'parts[0]' }])).toBe(broken);
  });

  it('fixReport ignores paths that do not lead to a string', () => {
    const source = 'parts:\n  - kind: measures\n    body:\n      - 这里,那里\n';
    const d = { severity: 'warning' as const, ruleId: 'form/halfwidth-punctuation', message: '' };
    expect(fixReport(source, [{ ...d, path: 'parts[0]' }, { ...d, path: 'parts[9].body[0]' }])).toBe(source);
    expect(fixReport(source, [{ ...d, path: 'parts[0].body[0]' }])).toBe(source.replace(',', '，'));
  });
});
