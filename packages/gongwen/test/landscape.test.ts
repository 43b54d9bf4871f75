/**
 * A table too wide for the portrait block (ch. 8 横排表格), from the YAML to both documents: the
 * tables example with an eleven-column table added goes on a landscape page in the PDF and in
 * the DOCX as a real LibreOffice lays it out, and the PDF passes every GB/T 9704 rule.
 */
import { readFileSync } from 'node:fs';
import { checkOfd, checkPdf, measureOfd, measurePdf, type PdfMeasurements } from '@gongwen/conformance';
import { render } from 'gongwen';
import { beforeAll, describe, expect, it } from 'vitest';
import { docxToPdf, findSoffice } from '../../render-docx/test/libreoffice.js';

const soffice = findSoffice();
const inCi = /^(1|true)$/i.test(process.env.CI ?? '');
const example = readFileSync(new URL('../../../examples/national-qinghe-county-2023.yaml', import.meta.url), 'utf8');
const months = ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月'];
/** An eleven-column table of `towns`' monthly figures, indented as a block of a part's body. */
const wideTable = (towns: readonly string[], indent = '          ') =>
  [
    '- table:',
    '    title: 2023年青禾县各乡镇行政执法案件月度统计表',
    '    header:',
    `      - [乡镇, ${months.join(', ')}]`,
    '    rows:',
    ...towns.map((town, i) => `      - [${town}, ${months.map((_, j) => (i + 2) * (j + 1)).join(', ')}]`),
    `    align: [left, ${months.map(() => 'right').join(', ')}]`,
    `    widths: [2, ${months.map(() => 1).join(', ')}]`,
    '    rules: grid',
  ].map((line) => indent + line).join('\n');
const wide = wideTable(['城关镇', '河西乡', '青禾镇', '东岭乡']);
// After the first table of the example.
const anchor = '              widths: [3, 1, 1, 1, 1, 1]\n';
const source = example.replace(anchor, `${anchor}${wide}\n`);

const shape = (m: PdfMeasurements) => m.pages.map((p) => `${Math.round(p.width)}×${Math.round(p.height)}`);
const townPage = (m: PdfMeasurements) => m.pages.findIndex((p) => p.lines.some((l) => l.text.replace(/\s/g, '').startsWith('城关镇2')));

/** The report in PDF, OFD and DOCX, each measured back (the DOCX as LibreOffice lays it out). */
async function threeFormats(yaml: string, name: string) {
  if (!soffice) throw new Error('LibreOffice (soffice) is required under CI');
  const result = await render(yaml, { filename: `${name}.yaml`, formats: ['pdf', 'docx', 'ofd'] });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const [pdf, ofd, docx] = await Promise.all([measurePdf(result.outputs.pdf!), measureOfd(result.outputs.ofd!), docxToPdf(soffice, result.outputs.docx!, name).then(measurePdf)]);
  return { result, pdf, ofd, docx };
}

describe.skipIf(!soffice && !inCi)('a wide table in a report (ch. 8 横排表格)', () => {
  let pdfBytes: Uint8Array;
  let ofdBytes: Uint8Array;
  let pdf: PdfMeasurements;
  let ofd: PdfMeasurements;
  let docx: PdfMeasurements;
  beforeAll(async () => {
    expect(source).not.toBe(example);
    const made = await threeFormats(source, 'wide-table');
    ({ pdf, ofd, docx } = made);
    pdfBytes = made.result.outputs.pdf!;
    ofdBytes = made.result.outputs.ofd!;
  });

  it('goes on a landscape page of its own, on the same page in the PDF and the DOCX, the pages before and after portrait', () => {
    const page = townPage(pdf);
    expect(page).toBeGreaterThan(0);
    expect(shape(pdf)[page]).toBe('297×210');
    expect(shape(pdf).filter((s) => s === '297×210')).toHaveLength(1);
    expect(shape(docx)).toEqual(shape(pdf));
    expect(townPage(docx)).toBe(page);
    // The page numbers run on, the landscape page's among them.
    expect(docx.pages.map((p) => p.pageNumber?.value)).toEqual(pdf.pages.map((p) => p.pageNumber?.value));
    expect(pdf.pages[page]!.pageNumber?.value).toBe(page + 1);
  });

  it('leaves the PDF conforming: every rule passes, the landscape page judged by its turned block', async () => {
    const report = await checkPdf(pdfBytes);
    expect(report.rules.filter((r) => !r.pass).map((r) => `${r.id}: ${r.measured}`)).toEqual([]);
    expect(report.pages.filter((p) => p.exempt.includes('landscape')).map((p) => p.number)).toEqual([townPage(pdf) + 1]);
  });

  it('gives the OFD the same pages, its landscape page number turned where the PDF has it, and every rule passing', async () => {
    const page = townPage(pdf);
    expect(shape(ofd)).toEqual(shape(pdf));
    expect(ofd.pages[page]!.orientation).toBe('landscape');
    expect(ofd.pages.map((p) => p.pageNumber?.value)).toEqual(pdf.pages.map((p) => p.pageNumber?.value));
    // Read in the portrait sheet's frame, the turned number stands where the PDF's does.
    const [a, b] = [ofd.pages[page]!.pageNumber!, pdf.pages[page]!.pageNumber!];
    expect(Math.abs(a.x - b.x)).toBeLessThan(0.3);
    expect(Math.abs(a.baseline - b.baseline)).toBeLessThan(0.3);
    const report = await checkOfd(ofdBytes);
    expect(report.rules.filter((r) => !r.pass).map((r) => `${r.id}: ${r.measured}`)).toEqual([]);
    expect(report.pages.filter((p) => p.exempt.includes('landscape')).map((p) => p.number)).toEqual([page + 1]);
  });
});

/** Each page's shape, page number and line count: what a reader leafing through sees. */
const leaves = (m: PdfMeasurements) => m.pages.map((p) => `${shape(m)[p.number - 1]} p${p.pageNumber?.value ?? '-'} ${p.lines.length} lines`);

describe.skipIf(!soffice && !inCi)('a wide table in a report, at its limits', () => {
  it('runs over several landscape pages, its header row on each, the same pages in the PDF, the OFD and the DOCX', async () => {
    const towns = Array.from({ length: 34 }, (_, i) => `第${i + 1}社区`);
    const { result, pdf, ofd, docx } = await threeFormats(example.replace(anchor, `${anchor}${wideTable(towns)}\n`), 'wide-table-pages');
    const turned = pdf.pages.filter((p) => p.orientation === 'landscape');
    expect(turned.length).toBeGreaterThanOrEqual(3);
    // Consecutive pages, each opening with the header row, the table's rows in order across them.
    expect(turned.map((p) => p.number - turned[0]!.number)).toEqual(turned.map((_, i) => i));
    for (const p of turned.slice(1)) expect(p.lines[0]!.text.replace(/\s/g, '')).toBe(`乡镇${months.join('')}`);
    const rows = turned.flatMap((p) => p.lines.map((l) => l.text.replace(/\s/g, '')).filter((t) => t.startsWith('第')).map((t) => t.replace(/社区.*/, '')));
    expect(rows).toEqual(towns.map((t) => t.replace('社区', '')));
    expect(leaves(ofd)).toEqual(leaves(pdf));
    expect(leaves(docx)).toEqual(leaves(pdf));
    for (const report of [await checkPdf(result.outputs.pdf!), await checkOfd(result.outputs.ofd!)]) {
      expect(report.rules.filter((r) => !r.pass).map((r) => `${r.id}: ${r.measured}`)).toEqual([]);
    }
  });

  it("as the body's last block, keeps its landscape page and the signature follows on a portrait page, in all three formats", async () => {
    // The plans' last paragraph, then the table; no closing words between it and the signature.
    const lines = example.split('\n');
    const closing = lines.indexOf('closing:');
    expect(lines[closing + 1]).toBe('  - 特此报告。');
    const yaml = [...lines.slice(0, closing - 1), wideTable(['城关镇', '河西乡', '青禾镇', '东岭乡'], '      '), '', ...lines.slice(closing + 3)].join('\n');
    const { pdf, ofd, docx } = await threeFormats(yaml, 'wide-table-last');
    const shapes = shape(pdf);
    expect(shapes.at(-2)).toBe('297×210');
    expect(shapes.at(-1)).toBe('210×297');
    expect(pdf.pages.at(-2)!.lines.some((l) => l.text.replace(/\s/g, '').startsWith('城关镇2'))).toBe(true);
    expect(pdf.pages.at(-1)!.lines.at(-1)!.text.replace(/\s/g, '')).toBe('2024年2月26日');
    expect(leaves(ofd)).toEqual(leaves(pdf));
    expect(leaves(docx)).toEqual(leaves(pdf));
  });
});
