import { describe, expect, it } from 'vitest';
import { validateReport } from '../src/index.js';

const good = {
  style: 'national',
  year: 2021,
  issuers: [{ name: '交口乡人民政府' }],
  parts: [{ kind: 'measures', body: ['正文。', { lead: '加强组织领导。', text: '成立了领导小组。' }] }],
};

describe('validateReport, for data that is already an object', () => {
  it('accepts a valid report and returns it typed', () => {
    const r = validateReport(structuredClone(good));
    expect(r.diagnostics).toEqual([]);
    expect(r.report?.parts[0].kind).toBe('measures');
  });

  it('gives the same messages as loadReport, with data paths instead of positions', () => {
    const bad = structuredClone(good) as Record<string, unknown>;
    bad.style = 'National';
    (bad.parts as { body: unknown[] }[])[0]!.body.push({ lead: 'x', txet: 'y' });
    const r = validateReport(bad);
    expect(r.report).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.ruleId, d.path, d.line])).toEqual([
      ['schema/pattern', 'style', undefined],
      ['schema/unknown-key', 'parts[0].body[2].txet', undefined],
    ]);
    expect(r.diagnostics[1]!.hint).toMatch(/^是否想写“text”？/);
    expect(validateReport(bad, { lang: 'en' }).diagnostics[1]!.message).toBe('unknown key "txet"');
  });

  it('reports data that contains itself instead of overflowing', () => {
    const looped = structuredClone(good) as { parts: { body: unknown[] }[] };
    const section: Record<string, unknown> = { heading: '循环' };
    section.body = [section];
    looped.parts[0]!.body.push(section);
    expect(validateReport(looped).diagnostics.map((d) => d.ruleId)).toEqual(['input/too-deep']);
  });

  it('reports a value that is not a report at all', () => {
    expect(validateReport('report').diagnostics.map((d) => d.ruleId)).toEqual(['schema/type']);
    expect(validateReport(null).diagnostics.map((d) => d.ruleId)).toEqual(['schema/type']);
  });
});
