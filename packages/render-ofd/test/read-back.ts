import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { text as utf8 } from './documents.js';
import { find, parseXml } from '@gongwen/test-kit/xml';

/*
 * Both files read back the way a reader sees them, into one shape: per page, every glyph's
 * character and origin (left end of its advance, baseline), every stroked rule, every picture,
 * in mm from the page's top-left corner.
 */

export interface Glyph {
  char: string;
  x: number;
  baseline: number;
}
export interface Rule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
}
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface ReadPage {
  glyphs: Glyph[];
  rules: Rule[];
  pictures: Box[];
}

const mm = (pt: number): number => (pt * 25.4) / 72;
type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]];

/** The PDF's pages from pdfjs-dist's operator lists: text matrices, fonts, character spacing, paths, images. */
export async function readPdf(pdf: Uint8Array): Promise<ReadPage[]> {
  const doc = await getDocument({ data: pdf.slice(), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages: ReadPage[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const height = page.view[3]!;
    const { fnArray, argsArray } = await page.getOperatorList();
    const out: ReadPage = { glyphs: [], rules: [], pictures: [] };
    const stack: { ctm: Matrix; lineWidth: number; strokeAlpha: number; charSpacing: number }[] = [];
    let state = { ctm: [1, 0, 0, 1, 0, 0] as Matrix, lineWidth: 1, strokeAlpha: 1, charSpacing: 0 };
    let tm: Matrix = [1, 0, 0, 1, 0, 0];
    let size = 0;
    const top = (x: number, y: number): [number, number] => {
      const [dx, dy] = apply(state.ctm, x, y);
      return [mm(dx), mm(height - dy)];
    };
    fnArray.forEach((fn, i) => {
      const args = argsArray[i] as unknown[];
      if (fn === OPS.save) stack.push({ ...state });
      else if (fn === OPS.restore) state = stack.pop() ?? state;
      else if (fn === OPS.transform) state.ctm = multiply(args as Matrix, state.ctm);
      else if (fn === OPS.setLineWidth) state.lineWidth = args[0] as number;
      else if (fn === OPS.setGState) {
        for (const [key, value] of args[0] as [string, unknown][]) if (key === 'CA') state.strokeAlpha = value as number;
      } else if (fn === OPS.beginText) tm = [1, 0, 0, 1, 0, 0];
      else if (fn === OPS.setTextMatrix) tm = Array.from(args[0] as ArrayLike<number>) as Matrix;
      else if (fn === OPS.setFont) size = args[1] as number;
      else if (fn === OPS.setCharSpacing) state.charSpacing = args[0] as number;
      else if (fn === OPS.showText) {
        let tx = 0;
        for (const g of args[0] as ({ unicode: string; width: number } | number)[]) {
          if (typeof g === 'number') {
            tx -= (g / 1000) * size;
            continue;
          }
          const [ux, uy] = apply(tm, tx, 0);
          const [x, baseline] = top(ux, uy);
          out.glyphs.push({ char: g.unicode, x, baseline });
          tx += (g.width / 1000) * size + state.charSpacing;
        }
      } else if (fn === OPS.constructPath && args[0] === OPS.stroke && state.strokeAlpha > 0) {
        const data = Array.from(((args[1] as unknown[])[0] ?? []) as ArrayLike<number>);
        // A single segment: moveTo (0) x y, lineTo (1) x y.
        if (data.length === 6 && data[0] === 0 && data[3] === 1) {
          const [x1, y1] = top(data[1]!, data[2]!);
          const [x2, y2] = top(data[4]!, data[5]!);
          out.rules.push({ x1, y1, x2, y2, width: mm(state.lineWidth * Math.hypot(state.ctm[0], state.ctm[1])) });
        }
      } else if (fn === OPS.paintImageXObject) {
        const [x1, y1] = top(0, 0);
        const [x2, y2] = top(1, 1);
        out.pictures.push({ x: Math.min(x1, x2), y: Math.min(y1, y2), width: Math.abs(x2 - x1), height: Math.abs(y2 - y1) });
      }
    });
    pages.push(out);
  }
  await doc.destroy();
  return pages;
}

const numbers = (s: string | undefined): number[] => (s ?? '').trim().split(/\s+/).filter(Boolean).map(Number);

/** An ST_Array of DeltaX with its `g count value` runs expanded. */
export function expandDeltas(s: string | undefined): number[] {
  const tokens = (s ?? '').trim().split(/\s+/).filter(Boolean);
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === 'g') {
      const n = Number(tokens[i + 1]);
      const v = Number(tokens[i + 2]);
      for (let k = 0; k < n; k++) out.push(v);
      i += 2;
    } else out.push(Number(tokens[i]));
  }
  return out;
}

/** The OFD's pages from its XML: TextCode origins and DeltaX, PathObject segments, ImageObject boundaries. */
export function readOfd(parts: Map<string, Uint8Array>): ReadPage[] {
  const documentXml = parseXml(utf8(parts.get('Doc_0/Document.xml')));
  return find(documentXml, 'ofd:Pages')[0]!.children.map((entry) => {
    const page = parseXml(utf8(parts.get(`Doc_0/${entry.attrs.BaseLoc}`)));
    const out: ReadPage = { glyphs: [], rules: [], pictures: [] };
    for (const layer of find(page, 'ofd:Layer')) {
      for (const object of layer.children) {
        const [bx, by, bw, bh] = numbers(object.attrs.Boundary) as [number, number, number, number];
        if (object.name === 'ofd:TextObject') {
          for (const code of find(object, 'ofd:TextCode')) {
            const steps = expandDeltas(code.attrs.DeltaX);
            let x = bx + Number(code.attrs.X ?? 0);
            const baseline = by + Number(code.attrs.Y ?? 0);
            [...code.text].forEach((char, i) => {
              out.glyphs.push({ char, x, baseline });
              x += steps[i] ?? 0;
            });
          }
        } else if (object.name === 'ofd:PathObject') {
          const [, x1, y1, , x2, y2] = find(object, 'ofd:AbbreviatedData')[0]!.text.split(/\s+/);
          out.rules.push({ x1: bx + Number(x1), y1: by + Number(y1), x2: bx + Number(x2), y2: by + Number(y2), width: Number(object.attrs.LineWidth) });
        } else if (object.name === 'ofd:ImageObject') out.pictures.push({ x: bx, y: by, width: bw, height: bh });
      }
    }
    return out;
  });
}

/** Lines of text, by baseline (within 0.2 mm), top to bottom, each read left to right. */
export function linesOf(page: ReadPage): string[] {
  const rows: { baseline: number; glyphs: Glyph[] }[] = [];
  for (const g of page.glyphs) {
    const row = rows.find((r) => Math.abs(r.baseline - g.baseline) < 0.2);
    if (row) row.glyphs.push(g);
    else rows.push({ baseline: g.baseline, glyphs: [g] });
  }
  return rows
    .sort((a, b) => a.baseline - b.baseline)
    .map((r) => r.glyphs.sort((a, b) => a.x - b.x).map((g) => g.char).join('').trim())
    .filter(Boolean);
}
