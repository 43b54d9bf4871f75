import { derived, layout, ptToMm } from '@gongwen/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { measurePdf, type PdfMeasurements } from '../src/index.js';
import { conformantPdf, nonConformantPdf } from './fixtures.js';

describe('measurePdf', () => {
  let m: PdfMeasurements;
  beforeAll(async () => {
    m = await measurePdf((await conformantPdf()).bytes);
  });

  it('reads page size in mm', () => {
    expect(m.pageCount).toBe(m.pages.length);
    for (const p of m.pages) {
      expect(p.width).toBeCloseTo(210, 1);
      expect(p.height).toBeCloseTo(297, 1);
    }
  });

  it('reads line starts, ends and baselines where they were drawn', () => {
    const lines = m.pages[1]!.lines;
    expect(lines).toHaveLength(22);
    const flush = lines.filter((l) => Math.abs(l.x - 28) < 0.01);
    const indented = lines.filter((l) => Math.abs(l.x - (28 + ptToMm(2 * derived.charPitchPt))) < 0.01);
    expect(flush.length + indented.length).toBe(22);
    expect(indented.length).toBeGreaterThan(1);
    expect(ptToMm(2 * derived.charPitchPt) + 28).toBeCloseTo(39.14, 2);
    // Justified lines end on the block's right edge (the last glyph's advance included).
    expect(lines.filter((l) => Math.abs(l.xEnd - 184) < 0.1).length).toBeGreaterThan(10);
    // The first glyph top on the block's top edge, then one grid pitch per line.
    expect(lines[0]!.top).toBeCloseTo(layout.margins.top, 2);
    expect(lines[0]!.baseline).toBeCloseTo(43.5, 1);
    for (let i = 1; i < lines.length; i++) expect(lines[i]!.baseline - lines[i - 1]!.baseline).toBeCloseTo(ptToMm(derived.linePitchPt), 3);
  });

  it('keeps a hanging ，。 on its line, past the edge', () => {
    const hanging = m.pages.flatMap((p) => p.lines).filter((l) => /[，。]$/.test(l.text) && l.xEnd > 189);
    expect(hanging.length).toBeGreaterThan(0);
    expect([...hanging[0]!.text]).toHaveLength(29);
  });

  it('names fonts without the subset tag, and knows they are embedded subsets', () => {
    expect(m.fonts).toHaveLength(1);
    expect(m.fonts[0]!.name).toMatch(/^[A-Z]{6}\+NotoSerifSC-Regular$/);
    expect(m.fonts[0]).toMatchObject({ baseName: 'NotoSerifSC-Regular', embedded: true, subset: true });
    expect(m.body).toEqual({ fontSize: 16, font: 'NotoSerifSC-Regular' });
  });

  it('finds the page number by parity, apart from the text lines', () => {
    const [odd, even] = [m.pages[0]!.pageNumber!, m.pages[1]!.pageNumber!];
    expect(odd).toMatchObject({ text: '— 1 —', value: 1, fontSize: 14 });
    expect(odd.xEnd).toBeCloseTo(179.06, 1);
    expect(even).toMatchObject({ text: '— 2 —', value: 2 });
    expect(even.x).toBeCloseTo(32.94, 1);
    expect(m.pages[0]!.lines.some((l) => l.text.includes('—'))).toBe(false);
  });

  it('finds the red rule and red text of the header, and the 版记 rules at the foot', () => {
    const first = m.pages[0]!;
    const red = first.rules.filter((r) => r.tone === 'red');
    expect(red).toHaveLength(1);
    expect(red[0]).toMatchObject({ color: 'FF0000', thicknessPt: layout.header.ruleThicknessPt });
    expect(red[0]!.x1).toBeCloseTo(28, 2);
    expect(red[0]!.length).toBeCloseTo(156, 2);
    expect(first.redGlyphs).toBe([...'某某镇人民政府文件'].length);
    const last = m.pages.at(-1)!;
    const black = last.rules.filter((r) => r.tone === 'black').sort((a, b) => a.y - b.y);
    expect(black).toHaveLength(3);
    expect(black[2]!.y).toBeCloseTo(layout.margins.top + layout.textBlock.height, 2);
    expect(black[2]!.thicknessPt).toBeCloseTo((layout.endMatter.outerRule * 72) / 25.4, 3);
    // 版记 printer and date stand on one baseline: one line, the gap read as a space.
    expect(last.lines.at(-1)!.text).toBe('某某镇党政综合办公室 2025年1月9日印发');
  });

  it('measures a PDF made by another tool the same way', async () => {
    const other = await measurePdf(await nonConformantPdf());
    expect(other.pages[0]!.width).toBeCloseTo(215.9, 1);
    expect(other.pages[0]!.pageNumber).toMatchObject({ text: '- 1 -', value: 1 });
    expect(other.fonts.find((f) => f.baseName === 'Helvetica')).toMatchObject({ embedded: false, subset: false });
    expect(other.body?.fontSize).toBe(12);
  });
});
