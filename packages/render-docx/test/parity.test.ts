import { resolveFonts } from '@gongwen/fonts';
import type { FontRole } from '@gongwen/model';
import { derived, fontRoles, layout } from '@gongwen/model';
import { buildDocDefinition } from '@gongwen/render-pdf';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../src/index.js';
import { jointSealedDocument } from './fixtures.js';
import type { XmlElement } from '@gongwen/test-kit/xml';
import { find, parseXml } from '@gongwen/test-kit/xml';

/**
 * The DOCX and the PDF renderer read one layout spec; this compares what each actually wrote
 * for the same Document: the PDF renderer's pdfmake definition against the DOCX's section and
 * styles. Twips round to 1/20 pt, so lengths agree to 0.05 pt.
 */
type PdfNode = Record<string, unknown>;

function pdfTexts(node: unknown, out: { text: string; fontSize: number; font: string }[] = []) {
  if (Array.isArray(node)) for (const n of node) pdfTexts(n, out);
  else if (node && typeof node === 'object') {
    const n = node as PdfNode;
    if (typeof n.text === 'string' && typeof n.fontSize === 'number') out.push({ text: n.text, fontSize: n.fontSize, font: String(n.font) });
    // A line given as inlines (one per font or per justification step): its text is theirs joined.
    if (Array.isArray(n.text) && n.text.length && n.text.every((i) => typeof (i as PdfNode)?.text === 'string')) {
      const inlines = n.text as PdfNode[];
      out.push({ text: inlines.map((i) => i.text).join(''), fontSize: Number(inlines[0]!.fontSize), font: String(inlines[0]!.font) });
    }
    for (const value of Object.values(n)) if (typeof value === 'object') pdfTexts(value, out);
  }
  return out;
}

const child = (e: XmlElement | undefined, name: string) => e?.children.find((c) => c.name === name);

describe('DOCX and PDF agree', async () => {
  const doc = jointSealedDocument();
  const { fonts } = resolveFonts();
  const pdf = buildDocDefinition(doc, fonts);
  const files = unzipSync((await renderDocx(doc)).docx);
  const xml = (path: string) => parseXml(new TextDecoder().decode(files[path]!));
  const document = xml('word/document.xml');
  const styles = xml('word/styles.xml');
  const sect = find(document, 'w:sectPr')[0]!;
  const twip = (e: XmlElement | undefined, attr: string) => Number(e!.attrs[attr]) / 20;
  const style = (id: string) => find(styles, 'w:style').find((s) => s.attrs['w:styleId'] === id)!;
  const styleSize = (id: string) => Number(child(child(style(id), 'w:rPr'), 'w:sz')!.attrs['w:val']) / 2;
  const styleFont = (id: string) => child(child(style(id), 'w:rPr'), 'w:rFonts')!.attrs['w:eastAsia'];
  const texts = pdfTexts(pdf.content);
  const pdfText = (text: string) => texts.find((t) => t.text === text)!;

  it('on the page size and margins', () => {
    const pgSz = child(sect, 'w:pgSz');
    expect(twip(pgSz, 'w:w')).toBeCloseTo(pdf.pageSize.width, 1);
    expect(twip(pgSz, 'w:h')).toBeCloseTo(pdf.pageSize.height, 1);
    const pgMar = child(sect, 'w:pgMar');
    const [left, top, right, bottom] = pdf.pageMargins;
    expect(twip(pgMar, 'w:left')).toBeCloseTo(left, 1);
    expect(twip(pgMar, 'w:top')).toBeCloseTo(top, 1);
    expect(twip(pgMar, 'w:right')).toBeCloseTo(right, 1);
    // The PDF's flow reaches half a point below the block (so a line shifted at a page's top never
    // costs the 22nd line); the block itself is the same.
    expect(twip(pgMar, 'w:bottom')).toBeCloseTo(derived.marginsPt.bottom, 1);
    expect(derived.marginsPt.bottom - bottom).toBeCloseTo(0.5, 6);
  });

  it('on the line pitch: both fit 22 lines in the 225 mm block', () => {
    const docxPitch = twip(child(sect, 'w:docGrid'), 'w:linePitch');
    expect(Math.abs(docxPitch - derived.linePitchPt)).toBeLessThan(0.05);
    for (const p of [docxPitch, derived.linePitchPt]) {
      expect(Math.floor((derived.blockHeightPt + 1e-6) / p)).toBe(layout.grid.linesPerPage);
    }
  });

  it('on the body size, first-line indent and a tracking that fits 28 characters', () => {
    expect(styleSize('Normal')).toBe(pdf.defaultStyle.fontSize);
    const indent = find(style('BodyText'), 'w:ind')[0]!;
    const pdfIndent = (pdf.content.find((n) => Array.isArray((n as PdfNode).stack)) as { stack: { margin: number[] }[] }).stack[0]!.margin[0]!;
    expect(twip(indent, 'w:firstLine')).toBeCloseTo(pdfIndent, 1);
    const condense = Number(child(child(style('Normal'), 'w:rPr'), 'w:spacing')!.attrs['w:val']) / 20;
    for (const tracking of [condense, derived.bodyTrackingPt]) {
      expect(layout.grid.charsPerLine * (styleSize('Normal') + tracking)).toBeLessThanOrEqual(derived.blockWidthPt + 1e-6);
    }
  });

  it('on the size and font role of the title, headings, 发文机关标志, 发文字号 and page numbers', () => {
    const cases: [string, string, FontRole][] = [
      [doc.title[0]!, 'Title', 'title'],
      ['一、2023年推进法治政府建设的主要措施和成效', 'Heading1', 'heading1'],
      ['（一）坚持统筹与落实“双保障”，法治建设取得初步成效', 'Heading2', 'heading2'],
      [doc.header!.organs[0]!, 'OrganMark', 'organMark'],
      [doc.header!.documentNumber!, 'Normal', 'body'],
    ];
    for (const [text, styleId, role] of cases) {
      const node = pdfText(text);
      expect(node, text).toBeDefined();
      expect(styleSize(styleId), text).toBe(node.fontSize);
      // Both renderers set the role's font: the PDF the resolved file, the DOCX the role's name.
      expect(node.font, text).toBe(fonts[role][0]!.id);
      expect(fontRoles[role].families, text).toContain(styleFont(styleId));
    }
    const footer = pdfTexts(pdf.footer(1, 2))[0]!;
    expect(styleSize('Footer')).toBe(footer.fontSize);
    expect(footer.font).toBe(fonts.pageNumber[0]!.id);
  });

  it('on the red rule: as wide as the block, as thick', () => {
    const line = JSON.stringify(pdf.content);
    const canvas = /"type":"line","x1":0,"y1":0,"x2":([\d.]+),"y2":0,"lineWidth":([\d.]+),"lineColor":"#([0-9A-F]+)"/.exec(line)!;
    const border = find(document, 'w:pBdr').map((b) => child(b, 'w:bottom')!)[0]!;
    expect(Number(border.attrs['w:sz']) / 8).toBe(Number(canvas[2]));
    expect(border.attrs['w:color']).toBe(canvas[3]);
    // A paragraph border spans the paragraph, which spans the block.
    const block = (Number(child(sect, 'w:pgSz')!.attrs['w:w']) - Number(child(sect, 'w:pgMar')!.attrs['w:left']) - Number(child(sect, 'w:pgMar')!.attrs['w:right'])) / 20;
    expect(block).toBeCloseTo(Number(canvas[1]), 0);
  });
});
