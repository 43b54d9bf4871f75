/**
 * Tables as the reader sees them, measured from both documents: the PDF, and the DOCX as a real
 * LibreOffice lays it out (the repository's fontconfig map). The example with tables has a 三线表
 * that breaks twice and a grid that breaks once.
 */
import { readFileSync } from 'node:fs';
import { checkPdf, findTables, measurePdf, tableRows, type PdfMeasurements, type TableRegion } from '@gongwen/conformance';
import { derived, documentLines, layout, mmToPt, ptToMm } from '@gongwen/model';
import { render } from 'gongwen';
import { beforeAll, describe, expect, it } from 'vitest';
import { docxToPdf, findSoffice } from '../../render-docx/test/libreoffice.js';

const soffice = findSoffice();
const inCi = /^(1|true)$/i.test(process.env.CI ?? '');
const examples = new URL('../../../examples/', import.meta.url);
const blockBottom = layout.margins.top + layout.textBlock.height;
const outerPt = mmToPt(layout.table.outerRule);
const innerPt = mmToPt(layout.table.innerRule);

/** The parts of tables that go on on the next page, with the rule that closes each. */
const breaks = (m: PdfMeasurements) =>
  findTables(m)
    .filter((t: TableRegion) => t.continues)
    .map((t) => ({ page: t.page, lastLine: t.lines.at(-1)!, closing: t.rules.at(-1)! }));

describe.skipIf(!soffice && !inCi)('a table that breaks across pages, in the PDF and the DOCX', () => {
  let pdf: PdfMeasurements;
  let docx: PdfMeasurements;
  beforeAll(async () => {
    if (!soffice) throw new Error('LibreOffice (soffice) is required under CI');
    const source = readFileSync(new URL('national-qinghe-county-2023.yaml', examples), 'utf8');
    const result = await render(source, { filename: 'national-qinghe-county-2023.yaml', formats: ['pdf', 'docx'] });
    pdf = await measurePdf(result.outputs.pdf!);
    docx = await measurePdf(await docxToPdf(soffice, result.outputs.docx!, 'table-breaks'));
  });

  it('breaks on the same pages in both', () => {
    expect(breaks(pdf).map((b) => b.page)).toEqual([1, 2, 3]);
    expect(breaks(docx).map((b) => b.page)).toEqual([1, 2, 3]);
  });

  it('closes a 三线表’s part on each page with its bottom rule at the foot of the last row, in both', () => {
    // Pages 1 and 3 end inside the 三线表s, page 2 inside the grid.
    for (const m of [pdf, docx]) {
      for (const b of breaks(m).filter((x) => x.page !== 2)) {
        expect(b.closing.y, `page ${b.page}`).toBeGreaterThan(b.lastLine.bottom - 1);
        expect(b.closing.y, `page ${b.page}`).toBeLessThanOrEqual(blockBottom + 0.5);
        expect(b.closing.thicknessPt, `page ${b.page}`).toBeCloseTo(outerPt, 1);
        expect(Math.abs(b.closing.length - layout.textBlock.width), `page ${b.page}`).toBeLessThan(1);
      }
    }
    // And at the same place: within a millimetre.
    const [a, b] = [breaks(pdf), breaks(docx)];
    for (const [i, x] of a.entries()) expect(Math.abs(x.closing.y - b[i]!.closing.y), `page ${x.page}`).toBeLessThan(1);
  });

  it('leaves a grid’s break to its row rule', () => {
    for (const m of [pdf, docx]) {
      const grid = breaks(m).find((x) => x.page === 2)!;
      expect(grid.closing.thicknessPt).toBeCloseTo(innerPt, 1);
    }
  });
});

/**
 * The example's tables with cells that wrap: long names in the first column, a last column that
 * wraps where a digit and the automatic space beside it do not fit, Latin letters and quotes.
 */
const wrapping: [string, string][] = [
  ['- [县人民政府, 8, 7, 0, 8]', '- [县人民政府及其工作部门以县人民政府名义作出行政行为的案件, 8, 7, 0, 8]'],
  ['- [县自然资源局, 7, 6, 1, 7]', '- [县自然资源局（含不动产登记中心）, 7, 6, 1, 7]'],
  ['- [县公安局, 3, 3, 0, 5]', '- [县公安局交通管理大队2023年第1至第3季度, 3, 3, 0, 5次（含视频出庭2次）]'],
  ['- [县农业农村局, 2, 1, 0, 3]', '- [县农业农村局“12316”热线APP平台, 2, 1, 0, 3]'],
  ['- [行政强制, 9, 9, 6, 2, 1]', '- [行政强制（含查封、扣押、冻结等强制措施）, 9, 9, 6, 2, 1]'],
  ['- [柳林镇, 6, 4, 33, 43]', '- [柳林镇（2023年10月由柳林乡撤乡设镇）, 6, 4, 33, 43]'],
];

describe.skipIf(!soffice && !inCi)('rows whose cells wrap, in the PDF and the DOCX', () => {
  const pitchMm = ptToMm(derived.linePitchPt);
  let pdf: PdfMeasurements;
  let docx: PdfMeasurements;
  let pdfBytes: Uint8Array;
  let docxPdf: Uint8Array;
  let lines: string[];
  beforeAll(async () => {
    if (!soffice) throw new Error('LibreOffice (soffice) is required under CI');
    let source = readFileSync(new URL('national-qinghe-county-2023.yaml', examples), 'utf8');
    for (const [from, to] of wrapping) {
      expect(source).toContain(from);
      source = source.replace(from, to);
    }
    const result = await render(source, { filename: 'wrapping.yaml', formats: ['pdf', 'docx'] });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    lines = documentLines(result.document!);
    pdfBytes = result.outputs.pdf!;
    docxPdf = await docxToPdf(soffice, result.outputs.docx!, 'table-wrapping');
    [pdf, docx] = [await measurePdf(pdfBytes), await measurePdf(docxPdf)];
  });

  const rowsOf = (m: PdfMeasurements) => findTables(m).flatMap((t) => tableRows(t).map((r) => ({ page: t.page, part: t, ...r })));

  it('break each cell at the same characters, every row as many lines tall in both', () => {
    const [a, b] = [rowsOf(pdf), rowsOf(docx)];
    expect(a.filter((r) => r.lines.length > 1).length).toBeGreaterThanOrEqual(wrapping.length);
    const shape = (rows: typeof a) => rows.map((r) => ({ page: r.page, lines: r.lines.map((l) => l.text.replace(/\s/gu, '')) }));
    expect(shape(b)).toEqual(shape(a));
    expect(docx.pages.map((p) => p.lines.length)).toEqual(pdf.pages.map((p) => p.lines.length));
  });

  it('keep a wrapped row on the grid: its lines one pitch apart, a grid row as tall as its lines', () => {
    for (const [m, slackPt] of [[pdf, 0.15], [docx, 0.3]] as const) {
      for (const r of rowsOf(m)) {
        for (let i = 1; i < r.lines.length; i++) expect(Math.abs(mmToPt(r.lines[i]!.baseline - r.lines[i - 1]!.baseline) - derived.linePitchPt), r.text).toBeLessThan(slackPt);
      }
      // In the grid, the rules around a row stand as many grid lines apart as it has lines.
      for (const part of findTables(m).filter((t) => t.rules.length > 3)) {
        const ys = part.rules.map((x) => x.y);
        for (const r of tableRows(part)) {
          const below = ys.find((y) => y > r.lines.at(-1)!.baseline)!;
          const above = ys.filter((y) => y < r.lines[0]!.baseline).at(-1)!;
          expect(Math.abs(below - above - r.lines.length * pitchMm), r.text).toBeLessThan(0.6);
        }
      }
    }
  });

  it('show every line of every cell: both read back as the document, and the PDF meets every rule', async () => {
    const fromPdf = await checkPdf(pdfBytes, { expectedText: lines });
    expect(fromPdf.rules.filter((r) => !r.pass).map((r) => `${r.id}: ${r.measuredEn}`)).toEqual([]);
    // LibreOffice's 楷体 stand-in sits off the pitch (see render-docx's LibreOffice tests); the rest holds.
    const fromDocx = await checkPdf(docxPdf, { expectedText: lines });
    expect(fromDocx.rules.filter((r) => !r.pass && r.id !== 'grid/line-pitch').map((r) => `${r.id}: ${r.measuredEn}`)).toEqual([]);
  });
});
