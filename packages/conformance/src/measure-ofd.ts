import { mmToPt } from '@gongwen/model';
import { readZip } from '@gongwen/zip';
import { bodyText } from './body-text.js';
import { baseFontName, isSubsetName } from './font-names.js';
import { joinPieces, RULE_MAX_THICKNESS_PT, RULE_MIN_LENGTH_MM, toneOf } from './graphics-scan.js';
import type { FontInfo, HorizontalRule, ImageBox, PageMeasurements, PdfMeasurements } from './measurements.js';
import { OfdReadError } from './ofd-read-error.js';
import { linesAndPageNumber } from './page-number-line.js';
import type { PlacedItem } from './text-lines.js';
import { child, children, childText, parseXmlTree, type XmlNode } from './xml-tree.js';

/*
 * Reads an OFD (GB/T 33190-2016) back into the measurements `checkMeasurements` takes, as
 * `measurePdf` does for a PDF: per page, text lines with the left and right ends of their ink
 * (the last glyph's advance from the embedded font), rules, pictures, red glyphs; the fonts that
 * carry text. Every position is in the OFD's own unit, mm from the page's top-left corner.
 */

export interface MeasureOfdOptions {
  /** Language of the error thrown for input that is not a readable OFD. */
  lang?: 'zh' | 'en';
}

/** What the reader needs of a parsed font (fontkit). */
interface FontMetrics {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  numGlyphs: number;
  glyphForCodePoint(codePoint: number): { id: number; advanceWidth: number };
}

interface OfdFont {
  name: string;
  metrics: FontMetrics | undefined;
  /** Distinct characters drawn with the font. */
  drawn: Set<number>;
}

type Matrix = [number, number, number, number, number, number];
const identity: Matrix = [1, 0, 0, 1, 0, 0];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** A CJK em box for fonts without usable metrics: 0.88 above and 0.12 below the baseline. */
const DEFAULT_ASCENT = 0.88;
const DEFAULT_DESCENT = -0.12;
/** GB/T 33190 7.9: a path's line width defaults to 0.353 mm. */
const DEFAULT_LINE_WIDTH_MM = 0.353;
/** A file holding more glyphs than this many per character drawn (plus a few) is the whole font, not a subset. */
const SUBSET_GLYPHS_PER_CHAR = 2;
const SUBSET_SPARE_GLYPHS = 16;
/**
 * A report's OFD is a few MB (font subsets, seals); an OFD whose parts declare more than this in
 * all is refused before anything is inflated, so a small hostile file cannot exhaust memory.
 */
const MAX_PACKAGE_BYTES = 256 * 1024 * 1024;

const numbers = (s: string | undefined): number[] =>
  (s ?? '')
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);

/** An ST_Array of offsets with its `g count value` runs expanded. */
function offsets(s: string | undefined): number[] {
  const tokens = (s ?? '').trim().split(/\s+/).filter(Boolean);
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === 'g') {
      const n = Math.min(Number(tokens[i + 1]) || 0, 1_000_000);
      const v = Number(tokens[i + 2]);
      for (let k = 0; k < n; k++) out.push(v);
      i += 2;
    } else out.push(Number(tokens[i]));
  }
  return out;
}

/** `255 0 0` (RGB, 8 bits), `0` (gray), `0 255 255 0` (CMYK) or `#FF #00 #00` → `RRGGBB`. */
function colorHex(node: XmlNode | undefined, fallback: string): string {
  if (!node?.attrs.Value) return fallback;
  const parts = node.attrs.Value.trim().split(/\s+/).map((p) => (p.startsWith('#') ? parseInt(p.slice(1), 16) : Number(p)));
  if (parts.some((v) => !Number.isFinite(v))) return fallback;
  const byte = (v: number): string => Math.max(0, Math.min(255, Math.round(v))).toString(16).padStart(2, '0');
  let rgb: number[];
  if (parts.length === 1) rgb = [parts[0]!, parts[0]!, parts[0]!];
  else if (parts.length === 4) rgb = parts.slice(0, 3).map((c) => 255 - Math.min(255, c + parts[3]!));
  else rgb = parts.slice(0, 3);
  return rgb.map(byte).join('').toUpperCase();
}

/** Resolves an ST_Loc: absolute from the package root when it starts with `/`, else relative to `dir`. */
function resolve(dir: string, loc: string): string {
  const parts = (loc.startsWith('/') ? loc : `${dir}/${loc}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return out.join('/');
}
const dirOf = (path: string): string => path.split('/').slice(0, -1).join('/');

/** Reads an OFD back and measures every page, like `measurePdf`. Rejects with an `OfdReadError`. */
export async function measureOfd(bytes: Uint8Array, options: MeasureOfdOptions = {}): Promise<PdfMeasurements> {
  const lang = options.lang;
  if (!(bytes instanceof Uint8Array) || !isZip(bytes)) throw new OfdReadError('not-ofd', { lang });
  let parts: Map<string, Uint8Array>;
  try {
    parts = readZip(bytes, { maxBytes: MAX_PACKAGE_BYTES });
  } catch (err) {
    throw new OfdReadError('damaged', { lang, detail: err instanceof Error ? err.message : String(err) });
  }
  const utf8 = new TextDecoder();
  const xmlOf = (path: string): XmlNode => {
    const data = parts.get(path);
    if (!data) throw new OfdReadError('damaged', { lang, detail: `${path} ${lang === 'en' ? 'is missing' : '缺失'}` });
    return parseXmlTree(utf8.decode(data));
  };
  if (!parts.has('OFD.xml')) throw new OfdReadError('not-ofd', { lang });

  const ofd = child(xmlOf('OFD.xml'), 'OFD');
  const root = childText(child(ofd, 'DocBody'), 'DocRoot');
  if (!root) throw new OfdReadError('damaged', { lang, detail: 'OFD.xml: DocBody/DocRoot' });
  const documentPath = resolve('', root);
  const documentDir = dirOf(documentPath);
  const doc = child(xmlOf(documentPath), 'Document');
  const common = child(doc, 'CommonData');
  const defaultBox = numbers(childText(child(common, 'PageArea'), 'PhysicalBox'));

  // Fonts of every resource file the document and its pages name (PublicRes, DocumentRes, PageRes).
  const fontkit = await import('fontkit');
  const fonts = new Map<string, OfdFont>();
  const readRes = (resPath: string): void => {
    if (!parts.has(resPath)) return;
    const res = child(xmlOf(resPath), 'Res');
    const base = resolve(dirOf(resPath), res?.attrs.BaseLoc ?? '');
    for (const font of children(child(res, 'Fonts'), 'Font')) {
      const id = font.attrs.ID;
      if (!id || fonts.has(id)) continue;
      const file = childText(font, 'FontFile');
      let metrics: FontMetrics | undefined;
      const data = file ? parts.get(resolve(base, file)) : undefined;
      if (data) {
        try {
          metrics = fontkit.create(data) as FontMetrics;
          if (!(metrics.unitsPerEm > 0)) metrics = undefined;
        } catch {
          metrics = undefined;
        }
      }
      fonts.set(id, { name: font.attrs.FontName ?? font.attrs.FamilyName ?? id, metrics, drawn: new Set() });
    }
  };
  for (const name of ['PublicRes', 'DocumentRes']) for (const r of children(common, name)) readRes(resolve(documentDir, r.text.trim()));

  const templates = new Map<string, string>();
  for (const t of children(common, 'TemplatePage')) if (t.attrs.ID && t.attrs.BaseLoc) templates.set(t.attrs.ID, resolve(documentDir, t.attrs.BaseLoc));

  const pages: PageMeasurements[] = [];
  const entries = children(child(doc, 'Pages'), 'Page');
  entries.forEach((entry, index) => {
    const pagePath = resolve(documentDir, entry.attrs.BaseLoc ?? '');
    const page = child(xmlOf(pagePath), 'Page');
    for (const r of children(page, 'PageRes')) readRes(resolve(dirOf(pagePath), r.text.trim()));
    const box = numbers(childText(child(page, 'Area'), 'PhysicalBox'));
    const [, , width, height] = box.length === 4 ? box : defaultBox.length === 4 ? defaultBox : [0, 0, 210, 297];
    const landscape = width! > height!;
    const scene: Scene = { items: [], turned: [], width: width!, landscape, rules: [], pieces: [], images: [], redGlyphs: 0, fonts };
    // A template page's content is drawn first, beneath the page's own.
    for (const t of children(page, 'Template')) {
      const path = templates.get(t.attrs.TemplateID ?? '');
      if (path && parts.has(path)) drawContent(child(child(xmlOf(path), 'Page'), 'Content'), scene);
    }
    drawContent(child(page, 'Content'), scene);
    scene.rules.push(...joinPieces(scene.pieces));
    const { lines, pageNumber } = linesAndPageNumber(scene.items, scene.turned, { width: width!, height: height! });
    pages.push({
      number: index + 1,
      width: width!,
      height: height!,
      ...(landscape ? { orientation: 'landscape' as const } : {}),
      lines,
      ...(pageNumber ? { pageNumber } : {}),
      rules: scene.rules,
      redGlyphs: scene.redGlyphs,
      images: scene.images,
    });
  });

  const used: FontInfo[] = [];
  for (const f of fonts.values()) {
    if (!f.drawn.size) continue;
    const subset = isSubsetName(f.name) || (f.metrics !== undefined && f.metrics.numGlyphs <= SUBSET_GLYPHS_PER_CHAR * f.drawn.size + SUBSET_SPARE_GLYPHS);
    used.push({ name: f.name, baseName: baseFontName(f.name), embedded: f.metrics !== undefined, subset });
  }
  return { pageCount: pages.length, pages, fonts: used, body: bodyText(pages) };
}

const isZip = (b: Uint8Array): boolean => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

interface Scene {
  items: PlacedItem[];
  /** On a landscape page: the text drawn turned a quarter clockwise, in the portrait sheet's frame. */
  turned: PlacedItem[];
  /** The page's width in mm, and whether it is wider than tall. */
  width: number;
  landscape: boolean;
  /** Horizontal strokes shorter than a rule, joined into rules when the page is drawn. */
  pieces: HorizontalRule[];
  rules: HorizontalRule[];
  images: ImageBox[];
  redGlyphs: number;
  fonts: Map<string, OfdFont>;
}

/** Draws a page's layers (and the page blocks inside them) in order. */
function drawContent(content: XmlNode | undefined, scene: Scene): void {
  const visit = (node: XmlNode): void => {
    for (const object of node.children) {
      if (object.name === 'PageBlock' || object.name === 'Layer') visit(object);
      else if (object.name === 'TextObject') drawText(object, scene);
      else if (object.name === 'PathObject') drawPath(object, scene);
      else if (object.name === 'ImageObject') drawImage(object, scene);
    }
  };
  for (const layer of children(content, 'Layer')) visit(layer);
}

/** An object's placement: its CTM, then the Boundary's top-left corner as the origin. */
function placement(object: XmlNode): Matrix {
  const [bx = 0, by = 0] = numbers(object.attrs.Boundary);
  const ctm = numbers(object.attrs.CTM);
  const m: Matrix = ctm.length === 6 ? (ctm as Matrix) : identity;
  return [m[0], m[1], m[2], m[3], m[4] + bx, m[5] + by];
}
const scaleOf = (m: Matrix): number => Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));

function drawText(object: XmlNode, scene: Scene): void {
  // Text that is neither filled nor stroked is not seen (a searchable layer behind a scan).
  if (object.attrs.Fill === 'false' && object.attrs.Stroke !== 'true') return;
  const m = placement(object);
  const font = scene.fonts.get(object.attrs.Font ?? '');
  const sizeMm = Number(object.attrs.Size) || 0;
  const fontSize = round2(mmToPt(sizeMm * scaleOf(m)));
  const color = colorHex(child(object, 'FillColor'), '000000');
  const red = toneOf(color) === 'red';
  const metrics = font?.metrics;
  const turned = scene.landscape && Math.abs(m[0]) < 1e-6 && m[1] > 0;
  const ascent = metrics && metrics.ascent > 0 ? metrics.ascent / metrics.unitsPerEm : DEFAULT_ASCENT;
  const descent = metrics && metrics.descent < 0 ? metrics.descent / metrics.unitsPerEm : DEFAULT_DESCENT;
  const advance = (char: string): number => {
    const code = char.codePointAt(0)!;
    const glyph = metrics?.glyphForCodePoint(code);
    if (glyph && glyph.id !== 0) return (glyph.advanceWidth / metrics!.unitsPerEm) * sizeMm;
    return (isWide(code) ? 1 : 0.5) * sizeMm;
  };
  let x = 0;
  let y = 0;
  for (const code of children(object, 'TextCode')) {
    const chars = [...code.text];
    if (!chars.length) continue;
    if (code.attrs.X !== undefined) x = Number(code.attrs.X) || 0;
    if (code.attrs.Y !== undefined) y = Number(code.attrs.Y) || 0;
    const dx = offsets(code.attrs.DeltaX);
    const dy = offsets(code.attrs.DeltaY);
    // Runs of glyphs on one baseline: a DeltaY step starts another.
    let run: { chars: string[]; x0: number; y: number } = { chars: [], x0: x, y };
    const flush = (xEnd: number): void => {
      if (!run.chars.length) return;
      const str = run.chars.join('');
      const [px, py] = apply(m, run.x0, run.y);
      const [ex, ey] = apply(m, xEnd, run.y);
      const item = { str, fontSize, font: font?.name ?? '', ascent, descent };
      // On a landscape page, text turned a quarter clockwise (running down the page) is read in
      // the portrait sheet's frame, as the PDF's is: the page number, where portrait pages have it.
      if (turned) scene.turned.push({ ...item, x: py, width: ey - py, baseline: scene.width - px });
      else scene.items.push({ ...item, x: px, width: ex - px, baseline: py });
    };
    chars.forEach((char, i) => {
      run.chars.push(char);
      if (font) font.drawn.add(char.codePointAt(0)!);
      if (red && char.trim()) scene.redGlyphs++;
      const last = i === chars.length - 1;
      const step = dx[i] ?? advance(char);
      if (last) {
        flush(x + advance(char));
        x += step;
        return;
      }
      if (dy[i]) {
        flush(x + advance(char));
        x += step;
        y += dy[i]!;
        run = { chars: [], x0: x, y };
      } else x += step;
    });
  }
}

function drawPath(object: XmlNode, scene: Scene): void {
  const m = placement(object);
  const stroked = object.attrs.Stroke !== 'false';
  const filled = object.attrs.Fill === 'true';
  if (!stroked && !filled) return;
  const lineWidth = object.attrs.LineWidth !== undefined ? Number(object.attrs.LineWidth) || 0 : DEFAULT_LINE_WIDTH_MM;
  const color = stroked ? colorHex(child(object, 'StrokeColor'), '000000') : colorHex(child(object, 'FillColor'), '000000');
  for (const box of subpathBoxes(childText(object, 'AbbreviatedData') ?? '')) {
    const corners = [apply(m, box[0], box[1]), apply(m, box[2], box[3]), apply(m, box[0], box[3]), apply(m, box[2], box[1])];
    const xs = corners.map((c) => c[0]);
    const ys = corners.map((c) => c[1]);
    const length = Math.max(...xs) - Math.min(...xs);
    const heightMm = Math.max(...ys) - Math.min(...ys);
    const thicknessPt = mmToPt(stroked ? lineWidth * scaleOf(m) + heightMm : heightMm);
    if (thicknessPt > RULE_MAX_THICKNESS_PT || thicknessPt <= 0) continue;
    // A piece shorter than a rule (a narrow table column's share of one) is joined end to end
    // with its neighbours once the page is drawn, as the PDF's are.
    (length < RULE_MIN_LENGTH_MM ? scene.pieces : scene.rules).push({
      x1: Math.min(...xs),
      x2: Math.max(...xs),
      y: (Math.max(...ys) + Math.min(...ys)) / 2,
      length,
      thicknessPt,
      color,
      tone: toneOf(color),
    });
  }
}

/** Bounding boxes of each subpath of an AbbreviatedData path (GB/T 33190 9.3.2: S M L Q B A C). */
function subpathBoxes(data: string): Array<[number, number, number, number]> {
  const tokens = data.trim().split(/\s+/).filter(Boolean);
  const boxes: Array<[number, number, number, number]> = [];
  let box: [number, number, number, number] | undefined;
  const add = (x: number, y: number): void => {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    box = box ? [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)] : [x, y, x, y];
  };
  const arity: Record<string, number> = { S: 2, M: 2, L: 2, Q: 4, B: 6, A: 7, C: 0 };
  for (let i = 0; i < tokens.length; ) {
    const op = tokens[i++]!;
    const n = arity[op];
    if (n === undefined) break; // not a command: stop rather than misread the rest
    const args = tokens.slice(i, i + n).map(Number);
    i += n;
    if (op === 'S' || op === 'M') {
      if (box) boxes.push(box);
      box = undefined;
      add(args[0]!, args[1]!);
    } else if (op === 'A') add(args[5]!, args[6]!);
    else for (let k = 0; k < n; k += 2) add(args[k]!, args[k + 1]!);
  }
  if (box) boxes.push(box);
  return boxes;
}

function drawImage(object: XmlNode, scene: Scene): void {
  // An image fills the unit square of its CTM.
  const m = placement(object);
  const corners = [apply(m, 0, 0), apply(m, 1, 1), apply(m, 0, 1), apply(m, 1, 0)];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  scene.images.push({ x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) });
}

/** Ideographs, kana, hangul, full-width forms and CJK punctuation take a whole em. */
function isWide(code: number): boolean {
  return (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) || code >= 0x20000;
}

const round2 = (v: number): number => Math.round(v * 100) / 100;
