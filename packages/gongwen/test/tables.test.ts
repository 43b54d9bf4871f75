/**
 * Tables as the reader sees them, measured from both documents: the PDF, and the DOCX as a real
 * LibreOffice lays it out (the repository's fontconfig map). The example with tables has a 三线表
 * that breaks twice and a grid that breaks once.
 */
import { readFileSync } from 'node:fs';
import { findTables, measurePdf, type PdfMeasurements, type TableRegion } from '@gongwen/conformance';
import { layout, mmToPt } from '@gongwen/model';
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
