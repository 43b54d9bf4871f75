import { describe, expect, it } from 'vitest';
import { loadReport, validateReport } from '../src/index.js';

const report = (title: string) => `style: national
year: 2021
title: ${title}
issuers:
  - name: 某某县人民政府
parts:
  - kind: measures
    body:
      - 推进法治建设。
`;

describe('characters XML forbids', () => {
  it('are dropped where the data enters, with a warning at the value, whatever escape brought them in', () => {
    for (const [escape, code] of [['\\uFFFE', 'U+FFFE'], ['\\uFFFF', 'U+FFFF'], ['\\x01', 'U+0001'], ['\\0', 'U+0000'], ['\\b', 'U+0008'], ['\\uD800', 'U+D800']] as const) {
      const r = loadReport(report(`"推进${escape}建设"`), { filename: 'r.yaml' });
      expect(r.report?.title, escape).toBe('推进建设');
      expect(r.diagnostics, escape).toMatchObject([{ severity: 'warning', ruleId: 'input/forbidden-char', file: 'r.yaml', line: 3, column: 8, path: 'title' }]);
      expect(r.diagnostics[0]!.message).toContain(code);
    }
  });

  it('written raw in the file are dropped too, and tab and line feed are kept', () => {
    const r = loadReport(report('推进\uFFFE建设'), { lang: 'en' });
    expect(r.report?.title).toBe('推进建设');
    expect(r.diagnostics[0]).toMatchObject({ ruleId: 'input/forbidden-char', line: 3, path: 'title' });
    expect(r.diagnostics[0]!.message).toMatch(/U\+FFFE.*dropped/);
    expect(loadReport(report('"甲\\t乙"')).diagnostics).toEqual([]);
  });

  it('leave a value that held nothing else empty, which the schema then refuses', () => {
    const r = loadReport(report('"\\uFFFE"'));
    expect(r.report).toBeUndefined();
    expect(r.diagnostics.map((d) => d.ruleId)).toContain('input/forbidden-char');
    expect(r.diagnostics.some((d) => d.severity === 'error' && d.path === 'title')).toBe(true);
  });

  it('in data handed in as an object are refused, and the object is left as it was', () => {
    const data = { style: 'national', year: 2021, issuers: [{ name: '某某\uFFFF县' }], parts: [{ kind: 'measures', body: ['推进。'] }] };
    const r = validateReport(data);
    expect(r.report).toBeUndefined();
    expect(r.diagnostics).toMatchObject([{ severity: 'error', ruleId: 'input/forbidden-char', path: 'issuers[0].name' }]);
    expect(data.issuers[0]!.name).toBe('某某\uFFFF县');
  });
});
