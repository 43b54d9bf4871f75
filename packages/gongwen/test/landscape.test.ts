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
const wide = [
  '          - table:',
  '              title: 2023年青禾县各乡镇行政执法案件月度统计表',
  '              header:',
  `                - [乡镇, ${months.join(', ')}]`,
  '              rows:',
  ...['城关镇', '河西乡', '青禾镇', '东岭乡'].map((town, i) => `                - [${town}, ${months.map((_, j) => (i + 2) * (j + 1)).join(', ')}]`),
  `              align: [left, ${months.map(() => 'right').join(', ')}]`,
  `              widths: [2, ${months.map(() => 1).join(', ')}]`,
  '              rules: grid',
].join('\n');
// After the first table of the example.
const anchor = '              widths: [3, 1, 1, 1, 1, 1]\n';
const source = example.replace(anchor, `${anchor}${wide}\n`);

const shape = (m: PdfMeasurements) => m.pages.map((p) => `${Math.round(p.width)}×${Math.round(p.height)}`);
const townPage = (m: PdfMeasurements) => m.pages.findIndex((p) => p.lines.some((l) => l.text.replace(/\s/g, '').startsWith('城关镇2')));

describe.skipIf(!soffice && !inCi)('a wide table in a report (ch. 8 横排表格)', () => {
  let pdfBytes: Uint8Array;
  let ofdBytes: Uint8Array;
  let pdf: PdfMeasurements;
  let docx: PdfMeasurements;
  beforeAll(async () => {
    if (!soffice) throw new Error('LibreOffice (soffice) is required under CI');
    expect(source).not.toBe(example);
    const result = await render(source, { filename: 'wide-table.yaml', formats: ['pdf', 'docx', 'ofd'] });
    pdfBytes = result.outputs.pdf!;
    ofdBytes = result.outputs.ofd!;
    pdf = await measurePdf(pdfBytes);
    docx = await measurePdf(await docxToPdf(soffice, result.outputs.docx!, 'wide-table'));
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
    const ofd = await measureOfd(ofdBytes);
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
