import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importReport, parseChineseDate } from '../src/index.js';

const one = (input: string | Uint8Array, filename?: string, lang?: 'en') => {
  const r = importReport(input, { filename, lang });
  expect(r.yaml).toBeUndefined();
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toHaveLength(1);
  return r.diagnostics.find((d) => d.severity === 'error')!;
};

describe('inputs that are not a report get one clear error', () => {
  it('an empty file, or one of blanks only', () => {
    expect(one(new Uint8Array(0), 'a.txt').ruleId).toBe('import/empty');
    expect(one('  \n\u3000\n', 'a.txt').ruleId).toBe('import/empty');
  });
  it('a binary file', () => {
    const d = one(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]), 'scan.txt');
    expect(d.ruleId).toBe('import/binary');
    expect(d.message).toContain('不是文字');
  });
  it('a spreadsheet, as .xlsx, as old .xls and as CSV', () => {
    const xlsx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') });
    expect(one(xlsx, 'figures.xlsx').ruleId).toBe('import/spreadsheet');
    expect(one(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'figures.xls').ruleId).toBe('import/spreadsheet');
    expect(one('单位,人数,次数,备注\n司法所,3,12,无\n', 'figures.csv').ruleId).toBe('import/spreadsheet');
  });
  it('a damaged .docx', () => {
    expect(one(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'report.docx').ruleId).toBe('import/not-docx');
  });
  it('an old .doc in the browser: convert it first', () => {
    const d = one(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'report.doc');
    expect(d.ruleId).toBe('import/needs-conversion');
    expect(d.hint).toContain('.docx');
  });
  it('a text that is not a report, pointing at its first line, in English with lang en', () => {
    const d = one('\n\n   会议通知\n请各村于周五前报送材料。\n', 'notice.txt', 'en');
    expect(d.ruleId).toBe('import/not-a-report');
    expect(d).toMatchObject({ file: 'notice.txt', line: 3, column: 4 });
    expect(d.message).toMatch(/does not look like a report/);
  });
});

describe('what the import keeps and says', () => {
  const text = ['某某镇人民政府', '关于2023年度法治政府建设情况的报告', '某某县人民政府：', '现将有关情况报告如下:', '一、主要举措和成效', '（一）加强领导。成立领导小组。', '（三）编号跳过了二。照样保留。', '二、存在的不足', '学法不够深入,形式单一。', '三、下一步工作安排', '继续加强学习。', '特此报告。', '某某镇人民政府', '二〇二四年一月十五日', '（此件公开发布）', '抄送：县司法局，县依法治县办。', '某某镇党政办公室    2024年1月16日印发'].join('\n');
  const r = importReport(text, { filename: 'r.txt' });
  it('keeps the text exactly, slips included', () => {
    expect(r.report!.preamble).toEqual(['现将有关情况报告如下:']);
    expect(r.report!.parts[1]!.body).toEqual(['学法不够深入,形式单一。']);
  });
  it('reads the closing, signature, 附注 and 版记, dates in any Chinese form as ISO', () => {
    expect(r.report).toMatchObject({ closing: ['特此报告。'], signature: { organs: ['某某镇人民政府'], date: '2024-01-15' }, notes: ['（此件公开发布）'], copyTo: ['县司法局', '县依法治县办'], printing: { organ: '某某镇党政办公室', date: '2024-01-16' } });
    expect(r.yaml).toMatch(/date: 2024-01-15 # 原文写作“二〇二四年一月十五日”/);
  });
  it('keeps numbering it cannot reproduce as the copy’s own paragraphs, with a diagnostic at the line', () => {
    expect(r.report!.parts[0]!.body).toEqual(['（一）加强领导。成立领导小组。', '（三）编号跳过了二。照样保留。']);
    const d = r.diagnostics.find((x) => x.ruleId === 'import/numbering-kept')!;
    expect(d).toMatchObject({ severity: 'warning', file: 'r.txt', line: 6, column: 1 });
  });
  it('marks its guesses in comments at the line', () => {
    expect(r.yaml).toMatch(/^ {2}- kind: measures # 推断：标题中有“举措”$/m);
    expect(r.yaml).toMatch(/^style: national # /m);
  });
  it('parses Chinese dates', () => {
    expect(parseChineseDate('2022年1月9日')).toBe('2022-01-09');
    expect(parseChineseDate('二〇二一年十二月三十一日')).toBe('2021-12-31');
    expect(parseChineseDate('2022.3.1')).toBe('2022-03-01');
    expect(parseChineseDate('2022年2月30日')).toBeUndefined();
  });
});

it('the library entry uses no Node built-in, so it runs in a browser', () => {
  const src = join(__dirname, '../src');
  for (const f of readdirSync(src).filter((f) => f.endsWith('.ts') && f !== 'node.ts')) {
    expect(readFileSync(join(src, f), 'utf8'), f).not.toMatch(/from ['"]node:|require\(/);
  }
});

it('refuses a .docx that would unpack to far more than a report, before unpacking it', () => {
  // A zip bomb: a small file whose word/document.xml declares (and holds) 80 MiB.
  const bomb = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': new Uint8Array(80 * 1024 * 1024) }, { level: 9 });
  expect(bomb.byteLength).toBeLessThan(1024 * 1024);
  const before = process.memoryUsage().rss;
  const d = one(bomb, 'bomb.docx');
  expect(d.ruleId).toBe('import/too-large');
  expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
});
