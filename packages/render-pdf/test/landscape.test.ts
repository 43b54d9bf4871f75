import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { resolveFonts } from '@gongwen/fonts';
import { derived, layout, mmToPt, ptToMm, type Document, type TableBlock } from '@gongwen/model';
import { renderPdf } from '../src/index.js';
import { prose } from './fixtures.js';

const fonts = resolveFonts({ systemDirs: [], env: {} }).fonts;

const months = ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月'];
/** Eleven columns: wider than the portrait block allows (layout.table.landscapeColumns). */
export const wideTable: TableBlock = {
  kind: 'table',
  title: '2023年各乡镇行政执法案件月度统计表',
  header: [['乡镇', ...months]],
  rows: Array.from({ length: 6 }, (_, i) => [`第${i + 1}乡镇`, ...months.map((_, j) => String((i + 1) * (j + 3)))]),
  align: ['left', ...months.map(() => 'right' as const)],
  widths: [2, ...months.map(() => 1)],
  rules: 'grid',
};
const doc: Document = { meta: { title: 't', author: 'a' }, title: ['关于测试的报告'], body: [...prose(2), wideTable, ...prose(4)] };
const docs = { even: doc };

interface Item {
  page: number;
  text: string;
  /** The glyphs' advance direction: [1,0] upright, [0,-1] down the page (in PDF space, y up). */
  dir: [number, number];
  x: number;
  /** From the page's top. */
  y: number;
}

async function read(pdf: Uint8Array): Promise<{ sizes: { width: number; height: number; rotate: number }[]; items: Item[] }> {
  const d = await getDocument({ data: pdf.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const sizes = [];
  const items: Item[] = [];
  for (let p = 1; p <= d.numPages; p++) {
    const page = await d.getPage(p);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    sizes.push({ width: ptToMm(x1 - x0), height: ptToMm(y1 - y0), rotate: page.rotate });
    const content = await page.getTextContent();
    for (const it of content.items) {
      if (!('str' in it) || !it.str.trim()) continue;
      const [a, b, , , e, f] = it.transform as number[];
      const n = Math.hypot(a!, b!);
      items.push({ page: p, text: it.str, dir: [Math.round(a! / n), Math.round(b! / n)], x: e!, y: y1 - f! });
    }
  }
  return { sizes, items };
}

describe('a table wider than the portrait block (ch. 8 横排表格)', () => {
  it('goes on a landscape page of its own: A4 turned, the table inside the turned block, text before and after on portrait pages', async () => {
    const { pdf } = await renderPdf(doc, fonts);
    const { sizes, items } = await read(pdf);
    const tablePages = [...new Set(items.filter((i) => /^第\d乡镇$/.test(i.text.replace(/\s/g, ''))).map((i) => i.page))];
    expect(tablePages).toHaveLength(1);
    const tp = tablePages[0]!;
    for (const [i, s] of sizes.entries()) {
      const landscape = i + 1 === tp;
      expect(s.rotate).toBe(0);
      expect(s.width, `page ${i + 1}`).toBeCloseTo(landscape ? 297 : 210, 0);
      expect(s.height, `page ${i + 1}`).toBeCloseTo(landscape ? 210 : 297, 0);
    }
    // Text before on the page before, text after on the page after, upright.
    expect(items.some((i) => i.page === tp - 1 && i.dir[0] === 1 && i.y > mmToPt(37) + derived.linePitchPt)).toBe(true);
    expect(items.some((i) => i.page === tp + 1 && i.dir[0] === 1)).toBe(true);
    // The table's cells lie in the turned block: 35 mm from the left, 28 mm from the top, 225 × 156 mm.
    const m = layout.landscape.margins;
    const cells = items.filter((i) => i.page === tp && i.dir[0] === 1);
    const left = Math.min(...cells.map((c) => ptToMm(c.x)));
    const right = Math.max(...cells.map((c) => ptToMm(c.x)));
    const top = Math.min(...cells.map((c) => ptToMm(c.y)));
    expect(left).toBeGreaterThan(m.left);
    expect(left).toBeLessThan(m.left + 3);
    // The last column's figures reach the block's right edge less the padding.
    expect(right).toBeLessThan(297 - m.right);
    expect(right).toBeGreaterThan(297 - m.right - 15);
    // The title's baseline on the first grid line of the turned block.
    const title = cells.find((c) => c.text.replace(/\s/g, '').startsWith('2023年各乡镇'))!;
    expect(ptToMm(title.y)).toBeGreaterThan(m.top);
    expect(ptToMm(title.y)).toBeLessThan(m.top + ptToMm(derived.linePitchPt));
    expect(top).toBeGreaterThan(m.top);
    // The months' heads stand on one line: the turned block is wide enough for them.
    const head = cells.filter((c) => Math.abs(c.y - title.y - derived.linePitchPt) < 2).map((c) => c.text.replace(/\s/g, '')).join('');
    for (const month of months) expect(head).toContain(month);
  });

  // After two paragraphs the table's page is even (2); after four, odd (3).
  it.each([
    ['an even page', doc],
    ['an odd page', { ...doc, body: [...prose(4), wideTable, ...prose(4)] }],
  ])('prints its page number where a portrait page has it, reading sideways, on %s (7.5, ch. 8)', async (_, doc) => {
    const { pdf } = await renderPdf(doc, fonts);
    const { items } = await read(pdf);
    const tp = items.find((i) => /^第\d乡镇$/.test(i.text.replace(/\s/g, '')))!.page;
    const number = items.filter((i) => i.page === tp && i.text.includes(String(tp)) && i.dir[0] === 0);
    expect(number.length).toBeGreaterThan(0);
    const n = number[0]!;
    // Down the page (PDF space: y falls as the text runs).
    expect(n.dir).toEqual([0, -1]);
    // The portrait place, turned: 7 mm below the portrait block is 7 mm left of the turned block's left edge…
    const baselineFromLeft = ptToMm(n.x);
    expect(baselineFromLeft).toBeLessThan(layout.landscape.margins.left - layout.pageNumber.belowBlock + 3);
    expect(baselineFromLeft).toBeGreaterThan(layout.landscape.margins.left - layout.pageNumber.belowBlock - 5);
    // …and on an odd page one character in from the portrait block's right edge, i.e. the turned block's bottom.
    const inset = ptToMm(layout.pageNumber.insetChars * 14);
    const runsFrom = ptToMm(n.y);
    expect(tp).toBe(doc === docs.even ? 2 : 3);
    if (tp % 2 === 1) {
      expect(runsFrom).toBeGreaterThan(210 - layout.margins.right - inset - 25);
      expect(runsFrom).toBeLessThan(210 - layout.margins.right - inset);
    } else expect(runsFrom).toBeCloseTo(layout.margins.left + inset, 0);
    // The portrait pages keep theirs upright.
    const upright = items.filter((i) => i.page === tp + 1 && i.text.includes(`${tp + 1}`) && i.dir[0] === 1 && i.y > mmToPt(262));
    expect(upright.length).toBeGreaterThan(0);
  });
});
