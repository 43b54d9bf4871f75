import { beforeAll, describe, expect, it } from 'vitest';
import { checkPdf, formatCheckReport, measurePdf, PdfReadError, type CheckReport } from '../src/index.js';
import { conformantPdf, lockedPdf, nonConformantPdf, textlessPdf, type ConformantPdf } from './fixtures.js';

const ALL_RULES = [
  'page/size',
  'block/left',
  'block/top',
  'block/right',
  'block/bottom',
  'grid/lines-per-page',
  'grid/line-pitch',
  'grid/chars-per-line',
  'indent/first-line',
  'fonts/sizes',
  'fonts/embedded',
  'page-number/format',
  'page-number/position',
  'header/organ-mark',
  'red-rule/position',
  'title/position',
  'attachment/position',
  'end-matter/position',
  'text/equals',
];

const byId = (r: CheckReport, id: string) => {
  const rule = r.rules.find((x) => x.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
};

describe('checkPdf on a GB/T 9704-shaped PDF', () => {
  let good: ConformantPdf;
  let report: CheckReport;
  beforeAll(async () => {
    good = await conformantPdf();
    report = await checkPdf(good.bytes, { expectedText: good.text });
  });

  it('passes every rule, none of them vacuously', () => {
    expect(report.rules.map((r) => r.id)).toEqual(ALL_RULES);
    const failing = report.rules.filter((r) => !r.pass).map((r) => `${r.id}: ${r.measured}`);
    expect(failing).toEqual([]);
    expect(report.rules.filter((r) => r.skipped).map((r) => r.id)).toEqual([]);
    expect(report.conformant).toBe(true);
  });

  it('counts the full pages and their lines', () => {
    expect(report.pageCount).toBeGreaterThanOrEqual(5);
    expect(byId(report, 'grid/lines-per-page').measured).toMatch(/均为 22 行/);
    // Hanging ，。 lines count as 28; lines short by a pushed-down pair are explained.
    expect(byId(report, 'grid/chars-per-line').measured).toMatch(/28 字 \d+，避头尾移行 [1-9]/);
    expect(byId(report, 'block/right').measured).toMatch(/标点悬挂/);
  });

  it('says how each page was read', () => {
    const [first, second] = report.pages;
    expect(first).toMatchObject({ number: 1, pageNumber: '— 1 —', full: false, exempt: ['first', 'title'] });
    expect(second).toMatchObject({ number: 2, lines: 22, pageNumber: '— 2 —', full: true, exempt: [] });
    expect(report.pages.at(-1)!.exempt).toEqual(expect.arrayContaining(['end-matter', 'body-end']));
  });

  it('reports the first difference of the text with context and place', async () => {
    const changed = good.text.map((l) => l.replace('扎实推进依法行政', '扎实推进依法治理'));
    const r = await checkPdf(good.bytes, { expectedText: changed });
    const rule = byId(r, 'text/equals');
    expect(rule.pass).toBe(false);
    expect(r.conformant).toBe(false);
    expect(rule.measured).toContain('第 1 页');
    expect(rule.measured).toContain('⟦行政');
    expect(rule.measured).toContain('⟦治理');
    expect(rule.measuredEn).toMatch(/page 1 line \d+/);
  });

  it('reports missing text at the end', async () => {
    const r = await checkPdf(good.bytes, { expectedText: [...good.text, '此页无正文'] });
    expect(byId(r, 'text/equals').measured).toMatch(/PDF …[^⟦]*⟦∅⟧，文档 …[^⟦]*⟦此页无正文⟧/);
  });

  it('leaves text/equals out when no text is expected', async () => {
    const r = await checkPdf(good.bytes);
    expect(r.rules.map((x) => x.id)).toEqual(ALL_RULES.slice(0, -1));
  });
});

describe('checkPdf on a PDF that ignores the standard', () => {
  let report: CheckReport;
  beforeAll(async () => {
    const good = await conformantPdf();
    report = await checkPdf(await nonConformantPdf(), { expectedText: good.text });
  });

  it('fails every rule, with what it measured', () => {
    const passing = report.rules.filter((r) => r.pass).map((r) => `${r.id}: ${r.measured}`);
    expect(passing).toEqual([]);
    expect(report.rules.map((r) => r.id)).toEqual(ALL_RULES);
    expect(report.conformant).toBe(false);
    expect(byId(report, 'page/size').measured).toContain('215.9 × 279.4 mm');
    expect(byId(report, 'block/left').measured).toContain('20.0 mm');
    expect(byId(report, 'fonts/sizes').measured).toContain('正文 12.00 pt');
    expect(byId(report, 'fonts/embedded').measured).toContain('Helvetica');
    expect(byId(report, 'page-number/format').measured).toContain('「- 1 -」');
    expect(byId(report, 'indent/first-line').measured).toContain('24.00 pt');
    expect(byId(report, 'red-rule/position').measured).toContain('100.0 mm');
    expect(byId(report, 'title/position').measured).toMatch(/^1 行，16\.00 pt，中心 [0-9.]+ mm，红线下 \d+\.\d mm/);
    expect(byId(report, 'header/organ-mark').measured).toMatch(/^上沿 2\d\.\d mm，中心 10[78]\.\d mm/);
    expect(byId(report, 'end-matter/position').measured).toMatch(/^第 4 页，2 条线，末条 y 259\.4 mm/);
  });

  it('names the failing pages', () => {
    expect(byId(report, 'page/size').pages).toEqual([1, 2, 3, 4, 5]);
    expect(byId(report, 'page-number/position').pages).toEqual([1, 2, 3, 4, 5]);
    expect(byId(report, 'attachment/position').measured).toMatch(/^1 个附件（附件1）：p5 label x \d+\.\d mm/);
  });
});

describe('checkPdf on input that is not a readable PDF', () => {
  it('rejects text with a clear error, not a crash', async () => {
    const err = await checkPdf(new TextEncoder().encode('title: 2024年度法治政府建设情况\n')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PdfReadError);
    const e = err as PdfReadError;
    expect(e.code).toBe('not-pdf');
    expect(e.message).toBe('不是 PDF 文件（文件开头没有 “%PDF-” 标记）');
    expect(e.messageIn('en')).toBe('not a PDF file (it does not start with “%PDF-”)');
    expect(e.hintIn('zh')).toContain('DOCX');
  });

  it('rejects an empty file and a DOCX (zip) file', async () => {
    await expect(checkPdf(new Uint8Array())).rejects.toMatchObject({ code: 'not-pdf' });
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]);
    await expect(checkPdf(zip, { lang: 'en' })).rejects.toThrow('not a PDF file');
  });

  it('rejects a damaged PDF and says so', async () => {
    const err = (await checkPdf(new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF')).catch((e: unknown) => e)) as PdfReadError;
    expect(err).toBeInstanceOf(PdfReadError);
    expect(err.code).toBe('damaged');
    expect(err.message).toMatch(/^PDF 文件已损坏，无法读取/);
  });

  it('rejects a password-protected PDF and says so', async () => {
    const bytes = await lockedPdf();
    await expect(checkPdf(bytes)).rejects.toMatchObject({ name: 'PdfReadError', code: 'encrypted', message: 'PDF 文件有密码保护，无法读取' });
  });

  it('says a PDF without a text layer cannot be measured, and does not pass it', async () => {
    const r = await checkPdf(await textlessPdf());
    expect(r.conformant).toBe(false);
    expect(byId(r, 'page/size').pass).toBe(true);
    expect(byId(r, 'block/left')).toMatchObject({ pass: false, measured: 'PDF 中没有可提取的文字', measuredEn: 'the PDF has no extractable text' });
  });

  it('leaves the caller’s buffer intact', async () => {
    const good = await conformantPdf();
    const copy = good.bytes.slice();
    await checkPdf(good.bytes);
    expect(good.bytes).toEqual(copy);
  });

  it('reads a Node Buffer and a view into a larger buffer, leaving both intact', async () => {
    const good = await conformantPdf();
    const expected = await checkPdf(good.bytes);
    const buffer = Buffer.from(good.bytes);
    expect((await checkPdf(buffer)).rules).toEqual(expected.rules);
    expect(buffer.equals(good.bytes)).toBe(true);
    // Bytes at an offset inside a bigger allocation, with junk after them.
    const big = new Uint8Array(good.bytes.length + 64).fill(0x20);
    big.set(good.bytes, 32);
    const view = big.subarray(32, 32 + good.bytes.length);
    expect((await checkPdf(view)).rules).toEqual(expected.rules);
    expect((await measurePdf(Buffer.from(big.buffer, 32, good.bytes.length))).pageCount).toBe(expected.pageCount);
    expect(big.subarray(32, 32 + good.bytes.length)).toEqual(good.bytes);
  });
});

describe('formatCheckReport', () => {
  it('prints one aligned row per rule and a verdict', async () => {
    const good = await conformantPdf();
    const text = formatCheckReport(await checkPdf(good.bytes, { expectedText: good.text }));
    const rows = text.trimEnd().split('\n');
    expect(rows[0]).toMatch(/^规则\s+结果\s+测量值\s+要求$/);
    expect(rows).toHaveLength(1 + ALL_RULES.length + 2);
    expect(rows[1]).toMatch(/^page\/size 纸张 A4\s+✓\s+210\.0 × 297\.0 mm\s+210 × 297 mm（±1）$/);
    expect(rows.at(-1)).toMatch(/^符合 GB\/T 9704-2012（19 项规则，\d+ 页）$/);
  });

  it('speaks English, and marks failures', async () => {
    const text = formatCheckReport(await checkPdf(await nonConformantPdf()), { lang: 'en' });
    expect(text).toMatch(/^rule\s+result\s+measured\s+expected\n/);
    expect(text).toMatch(/grid\/lines-per-page lines per page\s+✗\s+wrong line counts: p1: \d+/);
    expect(text).toMatch(/does not conform to GB\/T 9704-2012: 18 of 18 rules failed \(5 pages\)\n$/);
  });
});
