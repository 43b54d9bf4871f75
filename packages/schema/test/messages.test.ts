import { formatDiagnostic } from '@gongwen/diagnostics';
import { describe, expect, it } from 'vitest';
import { loadReport } from '../src/index.js';

const report = (extra: string) => `style: national
year: 2021
issuers:
  - name: 交口乡人民政府
parts:
  - kind: measures
    body:
      - 正文。
${extra}`;

const only = (source: string, lang?: 'zh' | 'en') => {
  const r = loadReport(source, { filename: 'r.yaml', ...(lang ? { lang } : {}) });
  expect(r.diagnostics).toHaveLength(1);
  return r.diagnostics[0]!;
};

describe('messages say what is wrong and what to do, in Chinese by default', () => {
  it('names the expected and the found type', () => {
    const d = only(report('closing: 特此报告。\n'));
    expect(d).toMatchObject({ ruleId: 'schema/type', path: 'closing', line: 9, column: 10, endLine: 9, endColumn: 15 });
    expect(d.message).toBe('应为列表（每项以“- ”开头），实际是文字 “特此报告。”');
    expect(d.hint).toContain('以“- ”开头');
  });

  it('speaks English on request', () => {
    const d = only(report('closing: 特此报告。\n'), 'en');
    expect(d.message).toBe('expected a list (items starting with "- "), found text "特此报告。"');
    expect(d.hint).toBe('write a list: each item on its own line, starting with "- "');
  });

  it('suggests the closest key for a misspelt one, in both languages', () => {
    const zh = only(report('sigature:\n  date: 2022-01-09\n'));
    expect(zh).toMatchObject({ ruleId: 'schema/unknown-key', path: 'sigature', line: 9, column: 1, endColumn: 9 });
    expect(zh.hint).toMatch(/^是否想写“signature”？/);
    const en = only(report('sigature:\n  date: 2022-01-09\n'), 'en');
    expect(en.message).toBe('unknown key "sigature"');
    expect(en.hint).toMatch(/^did you mean "signature"\? allowed here: \$schema, style, year/);
  });

  it('maps a key written in Chinese to its name', () => {
    expect(only(report('附注: [此件公开发布]\n')).hint).toMatch(/^是否想写“notes”？/);
  });

  it('does not guess when no allowed key is close', () => {
    const d = only(report('remarks: x\n'));
    expect(d.hint).not.toContain('是否想写');
    expect(d.hint).toContain('这里可用的键');
  });

  it('points a missing key at the mapping that lacks it, with the field described', () => {
    const d = only(report('printing:\n  organ: 交口乡党政办\n'));
    expect(d).toMatchObject({ ruleId: 'schema/required', path: 'printing.date', line: 9, column: 1 });
    expect(d.message).toBe('缺少必填项“date”');
    expect(d.hint).toContain('ISO 日期');
  });

  it('leaves the document number’s form to the content rules (gongwen lint), which can fix it', () => {
    expect(loadReport(report('documentNumber: 交发[2022]第08号\n')).diagnostics).toEqual([]);
    expect(only(report('documentNumber: " "\n')).ruleId).toBe('schema/pattern');
  });

  it('rejects impossible dates and accepts leap days', () => {
    expect(only(report('signature:\n  date: 2023-02-29\n')).message).toBe('没有这一天：2023-02-29');
    expect(only(report('signature:\n  date: 2022-13-01\n'), 'en').message).toBe('there is no such date: 2022-13-01');
    expect(loadReport(report('signature:\n  date: 2024-02-29\n')).diagnostics).toEqual([]);
  });

  it('offers the allowed values for an enum, with a suggestion', () => {
    const d = only(report('header:\n  urgency: 特级\n'));
    expect(d.ruleId).toBe('schema/enum');
    expect(d.hint).toBe('是否想写“特急”？可选：特急、加急、特提、平急');
  });

  it('reports a union mismatch once, naming every accepted type', () => {
    const d = only(report('title: { text: 标题 }\n'));
    expect(d).toMatchObject({ ruleId: 'schema/type', path: 'title' });
    expect(d.message).toBe('应为文字或列表（每项以“- ”开头），实际是映射');
  });

  it('reports only the branch that fits: an item mapping with a bad key is not also "not text"', () => {
    const r = loadReport(report('closing: [特此报告。]\nattachments:\n  - title: 附件\n    body:\n      - lead: 一\n        tetx: 二\n'));
    expect(r.diagnostics.map((d) => [d.ruleId, d.path])).toEqual([['schema/unknown-key', 'attachments[0].body[0].tetx']]);
  });

  it('marks duplicate keys with their data path and where the first one is', () => {
    const d = only(report('closing: [a]\nclosing: [b]\n'));
    expect(d).toMatchObject({ ruleId: 'yaml/duplicate-key', path: 'closing', line: 10, column: 1 });
    expect(d.hint).toContain('第 9 行');
  });

  it('formats with the source line and a caret under the value', () => {
    const source = report('year2: 2021\n');
    const d = only(source);
    expect(formatDiagnostic(d, { source })).toBe(
      [
        'r.yaml:9:1: 错误: 未知的键“year2” (year2) [schema/unknown-key]',
        '  9 | year2: 2021',
        '    | ^^^^^',
        `  建议: 是否想写“year”？这里可用的键：$schema、style、year、issuers、documentNumber、signers、header、title、addressee、preamble、parts、partsOrder、closing、attachments、signature、notes、copyTo、printing、figures`,
      ].join('\n'),
    );
  });
});

describe('locate', () => {
  const source = report('signature:\n  organs: [交口乡人民政府]\n  date: 2022-01-09\n');
  const r = loadReport(source);

  it('finds values by data path', () => {
    expect(r.report).toBeDefined();
    expect(r.locate(['year'])).toEqual({ line: 2, column: 7, endLine: 2, endColumn: 11 });
    expect(r.locate(['parts', 0, 'body', 0])).toEqual({ line: 8, column: 9, endLine: 8, endColumn: 12 });
    expect(r.locate(['signature', 'organs', 0])).toEqual({ line: 10, column: 12, endLine: 10, endColumn: 19 });
  });

  it('returns undefined for paths that are not in the data', () => {
    expect(r.locate(['nothing'])).toBeUndefined();
    expect(r.locate(['parts', 5])).toBeUndefined();
    expect(r.locate(['year', 'deeper'])).toBeUndefined();
  });

  it('follows aliases to the anchored value', () => {
    const aliased = loadReport(
      report('signature:\n  organs: [&gov 交口乡人民政府]\n  date: 2022-01-09\nprinting: { organ: *gov, date: 2022-01-09 }\n'),
    );
    expect(aliased.diagnostics).toEqual([]);
    // The anchored text itself, after `&gov `.
    expect(aliased.locate(['printing', 'organ'])).toEqual({ line: 10, column: 17, endLine: 10, endColumn: 24 });
  });

  it('is there even when loading failed', () => {
    const bad = loadReport('style: national\nyear: x\n');
    expect(bad.report).toBeUndefined();
    expect(bad.locate(['year'])).toEqual({ line: 2, column: 7, endLine: 2, endColumn: 8 });
    expect(loadReport(new Uint8Array([0, 1, 2])).locate(['year'])).toBeUndefined();
  });
});

describe('texts and line ends', () => {
  it('rejects a text that is only blanks, once', () => {
    const d = only(report('closing:\n  - "   "\n'));
    expect(d).toMatchObject({ ruleId: 'schema/pattern', path: 'closing[0]', message: '文字只有空白' });
    const empty = only(report('closing:\n  - ""\n'));
    expect(empty).toMatchObject({ ruleId: 'schema/range', message: '不能为空' });
  });

  it('reads Windows (CRLF) and old Mac (CR) line ends with the same positions', () => {
    const lf = report('tittle: x\n');
    for (const eol of ['\r\n', '\r']) {
      const d = only(lf.replace(/\n/g, eol));
      expect(d).toMatchObject({ ruleId: 'schema/unknown-key', line: 9, column: 1, endLine: 9, endColumn: 7 });
    }
  });
});

describe('JSON input', () => {
  it('reads a report written as JSON, with positions in the JSON text', () => {
    const json = JSON.stringify(
      { style: 'national', year: 2021, issuers: [{ name: '交口乡人民政府' }], parts: [{ kind: 'measures', body: ['正文。'] }], titel: 'x' },
      null,
      2,
    );
    const r = loadReport(json, { filename: 'r.json' });
    expect(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.hint?.slice(0, 12)}`)).toEqual([
      '17:3 schema/unknown-key 是否想写“title”？',
    ]);
  });
});
