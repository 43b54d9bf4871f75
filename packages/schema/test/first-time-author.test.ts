/** Mistakes a first-time author makes, each answered by one message that says what happened and what to do. */
import { describe, expect, it } from 'vitest';
import { loadReport } from '../src/index.js';

const report = (body: string, extra = '') => `style: national
year: 2021
issuers:
  - name: 交口乡人民政府
parts:
  - kind: measures
    body:
${body}${extra}`;

const load = (source: string, lang?: 'en') => loadReport(source, { filename: 'r.yaml', ...(lang ? { lang } : {}) }).diagnostics;

describe('an ASCII colon pasted from the web', () => {
  it('ending a list item: one message, at the colon', () => {
    const ds = load(report('      - 存在以下问题:\n'));
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ ruleId: 'yaml/ascii-colon', path: 'parts[0].body[0]', line: 8, column: 15, endColumn: 16 });
    expect(ds[0]!.message).toContain('英文冒号“:”');
    expect(ds[0]!.hint).toBe('改成中文冒号“：”，或给整段文字加上英文双引号。');
  });

  it('inside a list item: one message, not a missing text and an unknown key', () => {
    const ds = load(report('      - 存在以下问题: 一是学法不深，二是宣传不够。\n'));
    expect(ds.map((d) => [d.ruleId, d.line, d.column])).toEqual([['yaml/ascii-colon', 8, 15]]);
  });

  it('inside a value: one message, at the colon, not the start of the value', () => {
    const ds = load(report('      - text: 主要做法: 一是加强领导。\n'));
    expect(ds.map((d) => [d.ruleId, d.line, d.column])).toEqual([['yaml/ascii-colon', 8, 19]]);
  });

  it('in a preamble line, in English on request', () => {
    const ds = load(report('      - 正文。\n', 'preamble:\n  - 现将有关情况报告如下:\n'), 'en');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ ruleId: 'yaml/ascii-colon', path: 'preamble[0]', line: 10, column: 15 });
    expect(ds[0]!.hint).toBe('write the full-width colon "：" (as Chinese text does), or put the whole text in double quotes');
  });

  it('the same text with a full-width colon, or quoted, is fine', () => {
    expect(load(report('      - 存在以下问题：一是学法不深。\n'))).toEqual([]);
    expect(load(report('      - "存在以下问题: 一是学法不深。"\n'))).toEqual([]);
  });
});

describe('a key in the wrong place says where it belongs', () => {
  it('arabicNumbering under a subsection belongs to the part', () => {
    const ds = load(report('      - heading: 加强学习\n        arabicNumbering: continue\n        body:\n          - lead: 开展培训。\n'));
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ ruleId: 'schema/unknown-key', line: 9, column: 9 });
    expect(ds[0]!.message).toBe('“arabicNumbering”写错了位置：它是 parts 下的一个部分（与 kind 同级）的键');
  });

  it('a misspelling still gets the closest key', () => {
    const [d] = load(report('      - heading: 加强学习\n        bdy:\n          - 开展培训。\n'));
    expect(d!.hint).toMatch(/^是否想写“body”？/);
  });
});

describe('an item with children but no text', () => {
  it('says a lead can carry children', () => {
    const ds = load(report('      - body:\n          - 一是加强领导。\n'));
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toBe('这个条目下面有内容（body），自己却没有文字');
    expect(ds[0]!.hint).toContain('lead:');
  });
});

describe('a list item under a mapping', () => {
  it('gives one message naming the key it stands under', () => {
    const ds = load(report('      - 正文。\n', 'signature:\n  date: 2022-01-09\n  - 交口乡人民政府\n'));
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ ruleId: 'yaml/syntax', line: 11 });
    expect(ds[0]!.message).toBe('列表项“- 交口乡人民政府”写在了 signature 的键之间');
    expect(ds[0]!.hint).toContain('organs:');
  });
});
