import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkPdf, measurePdf } from '@gongwen/conformance';
import { resolveFonts } from '@gongwen/fonts';
import { layout, mmToTwip, type BodyBlock, type Document, type TableBlock } from '@gongwen/model';
import { renderPdf } from '@gongwen/render-pdf';
import { find, parseXml } from '@gongwen/test-kit/xml';
import { renderDocx } from '../src/index.js';
import { docxToPdf, findSoffice } from './libreoffice.js';
import { checkAllowlist } from './ooxml-allowlist.js';

const months = ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月'];
/** Eleven columns: wider than the portrait block allows (layout.table.landscapeColumns). */
const wideTable: TableBlock = {
  kind: 'table',
  title: '2023年各乡镇行政执法案件月度统计表',
  header: [['乡镇', ...months]],
  rows: Array.from({ length: 6 }, (_, i) => [`第${i + 1}乡镇`, ...months.map((_, j) => String((i + 1) * (j + 3)))]),
  align: ['left', ...months.map(() => 'right' as const)],
  widths: [2, ...months.map(() => 1)],
  rules: 'grid',
};
const paragraph = (i: number): BodyBlock => ({
  kind: 'paragraph',
  runs: [{ text: `${i}号段落。镇政府坚持以习近平法治思想为指导，深入贯彻落实党中央、国务院关于法治政府建设的决策部署，严格依法履行职能，全面推进依法行政，各项工作取得明显成效。` }],
});
const doc: Document = {
  meta: { title: 't', author: 'a' },
  title: ['关于测试的报告'],
  body: [paragraph(1), paragraph(2), { kind: 'heading', level: 1, marker: '一、', text: '各乡镇执法情况' }, wideTable, paragraph(3), paragraph(4), paragraph(5)],
};

describe('a landscape table in the DOCX (layout.landscape)', () => {
  it('stands in a landscape section: the page turned, its margins turned with it', async () => {
    const { docx } = await renderDocx(doc);
    const xml = parseXml(new TextDecoder().decode(unzipSync(docx)['word/document.xml']!), 'word/document.xml');
    const sections = find(xml, 'w:sectPr');
    expect(sections).toHaveLength(3);
    const size = (i: number) => find(sections[i]!, 'w:pgSz')[0]!.attrs;
    const margins = (i: number) => find(sections[i]!, 'w:pgMar')[0]!.attrs;
    expect(size(0)).toMatchObject({ 'w:w': String(mmToTwip(210)), 'w:h': String(mmToTwip(297)) });
    expect(size(1)).toMatchObject({ 'w:w': String(mmToTwip(297)), 'w:h': String(mmToTwip(210)), 'w:orient': 'landscape' });
    expect(size(2)).toMatchObject({ 'w:w': String(mmToTwip(210)), 'w:h': String(mmToTwip(297)) });
    const m = layout.landscape.margins;
    expect(margins(1)).toMatchObject({ 'w:top': String(mmToTwip(m.top)), 'w:bottom': String(mmToTwip(m.bottom)), 'w:left': String(mmToTwip(m.left)), 'w:right': String(mmToTwip(m.right)) });
    // Every part within the element allowlist (ECMA-376), the turned footers' floated tbRl cell too.
    const files = unzipSync(docx);
    for (const path of Object.keys(files).filter((p) => /^word\/(document|footer\d+)\.xml$/.test(p))) {
      expect(checkAllowlist(parseXml(new TextDecoder().decode(files[path]!), path)), path).toEqual([]);
    }
    const turned = Object.keys(files).filter((p) => /^word\/footer\d+\.xml$/.test(p) && new TextDecoder().decode(files[p]!).includes('w:textDirection w:val="tbRl"'));
    expect(turned).toHaveLength(2);
    // The table spans the turned block: 225 mm.
    const grid = find(xml, 'w:gridCol').map((c) => Number(c.attrs['w:w']));
    expect(grid.reduce((a, b) => a + b, 0)).toBe(mmToTwip(layout.landscape.textBlock.width));
  });

  it('passes every GB/T 9704 rule in the PDF, the landscape page judged by its turned block (page/size)', async () => {
    const fonts = resolveFonts({ systemDirs: [], env: {} }).fonts;
    const body = [...doc.body, ...Array.from({ length: 10 }, (_, i) => paragraph(i + 6))];
    const { pdf } = await renderPdf({ ...doc, body }, fonts);
    const report = await checkPdf(pdf);
    expect(report.rules.filter((r) => !r.pass).map((r) => `${r.id}: ${r.measured}`)).toEqual([]);
    expect(report.rules.find((r) => r.id === 'page/size')!.measured).toContain('297.0 × 210.0 mm');
    expect(report.pages.map((p) => p.exempt.includes('landscape'))).toEqual(report.pages.map((p) => p.number === 2));
    // The page after it is full again: 22 lines on the grid.
    expect(report.pages[2]).toMatchObject({ lines: layout.grid.linesPerPage, full: true, pageNumber: '— 3 —' });
    expect(report.pages[1]!.pageNumber).toBe('— 2 —');
  });

  const soffice = findSoffice();
  it.skipIf(!soffice)('lays out in LibreOffice as in the PDF: the same page sizes in the same order, the table on the same page', async () => {
    const fonts = resolveFonts({ systemDirs: [], env: {} }).fonts;
    const laidOut = await renderPdf(doc, fonts);
    const { docx } = await renderDocx(doc, { tables: laidOut.tables });
    const [pdf, lo] = await Promise.all([measurePdf(laidOut.pdf), docxToPdf(soffice!, docx, 'landscape').then((bytes) => measurePdf(bytes))]);
    const shape = (m: typeof pdf) => m.pages.map((p) => `${Math.round(p.width)}×${Math.round(p.height)}`);
    expect(shape(lo)).toEqual(shape(pdf));
    expect(shape(pdf)).toContain('297×210');
    const tablePage = (m: typeof pdf) => m.pages.findIndex((p) => p.lines.some((l) => l.text.replace(/\s/g, '').startsWith('第1乡镇')));
    expect(tablePage(lo)).toBe(tablePage(pdf));
    expect(shape(pdf)[tablePage(pdf)]).toBe('297×210');
    // The heading right above the table heads its landscape page, in both.
    for (const m of [pdf, lo]) expect(m.pages[tablePage(m)]!.lines[0]!.text.replace(/\s/g, '')).toBe('一、各乡镇执法情况');
    // The page number of the landscape page reads down its left edge, where the portrait pages have it, in both.
    const pn = (m: typeof pdf) => m.pages[tablePage(m)]!.pageNumber;
    expect(pn(lo)?.value).toBe(tablePage(pdf) + 1);
    expect(pn(lo)!.x).toBeCloseTo(pn(pdf)!.x, 0);
    expect(pn(lo)!.xEnd).toBeCloseTo(pn(pdf)!.xEnd, 0);
    expect(Math.abs(pn(lo)!.baseline - pn(pdf)!.baseline)).toBeLessThan(1);
    // The pages after it have theirs upright at the foot again.
    expect(lo.pages.map((p) => p.pageNumber?.value)).toEqual(pdf.pages.map((p) => p.pageNumber?.value));
    // The table's first row lies inside the turned block in both.
    for (const m of [pdf, lo]) {
      const row = m.pages[tablePage(m)]!.lines.find((l) => l.text.replace(/\s/g, '').startsWith('第1乡镇'))!;
      expect(row.x).toBeGreaterThan(layout.landscape.margins.left);
      expect(row.x).toBeLessThan(layout.landscape.margins.left + 4);
      expect(row.baseline).toBeGreaterThan(layout.landscape.margins.top);
      expect(row.baseline).toBeLessThan(layout.landscape.margins.top + layout.landscape.textBlock.height);
    }
  });
});
