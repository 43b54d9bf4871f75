import type { FontSet, LoadedFont } from '@gongwen/fonts';
import { ptToMm } from '@gongwen/model';

/**
 * The pages exactly as the PDF draws them, in millimetres from each page's top-left corner (y
 * down): every run of text with each glyph's advance, every rule, every picture. It is read out
 * of pdfmake's own laid-out pages in the pass that writes the PDF, so another fixed-layout writer
 * (OFD) that draws from it puts everything where the PDF has it, by construction.
 */
export interface LaidOutPage {
  width: number;
  height: number;
  items: LaidOutItem[];
}

export type LaidOutItem = LaidOutText | LaidOutRule | LaidOutPicture;

/** One run of text in one font, size and colour, on one baseline. */
export interface LaidOutText {
  kind: 'text';
  /** The font that draws the run (the one embedded in the PDF). */
  font: LoadedFont;
  /** Em size in mm. */
  size: number;
  /** Left end of the first glyph's advance, and the baseline. */
  x: number;
  baseline: number;
  /** The characters, in reading order. */
  text: string;
  /** Per glyph: its id in `font`, the characters it stands for, its advance in mm (character spacing included). */
  glyphs: { id: number; text: string; advance: number }[];
  /** RRGGBB. */
  color: string;
  /**
   * Present when the run is drawn turned a quarter clockwise (running down the page) about this
   * point, in mm: the page number of a landscape page, set where the portrait pages have it.
   */
  turnedAbout?: { x: number; y: number };
}

/** A straight rule (the red rule, the 版记 rules). */
export interface LaidOutRule {
  kind: 'rule';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Stroke width in mm. */
  width: number;
  color: string;
}

/** A picture (a seal), its box in mm. */
export interface LaidOutPicture {
  kind: 'picture';
  x: number;
  y: number;
  width: number;
  height: number;
  format: 'png' | 'jpeg';
  data: Uint8Array;
}

/* The parts of pdfmake's laid-out pages read here (pdfmake 0.3 LayoutBuilder output). */
interface PdfmakeInline {
  x: number;
  text: string;
  fontSize: number;
  characterSpacing?: number;
  color?: string;
  fontFeatures?: string[];
  /** Set by the PDF's hooks on a line drawn turned a quarter clockwise about its top-left corner. */
  quarterTurn?: boolean;
  font: {
    font: unknown;
    name?: string;
    ascender: number;
    layout(text: string, features?: string[]): { glyphs: { id: number; codePoints: number[] }[]; positions: { xAdvance: number }[] };
  };
}
interface PdfmakeLine {
  x: number;
  y: number;
  inlines: PdfmakeInline[];
  getHeight(): number;
  getAscenderHeight(): number;
}
interface PdfmakeVector {
  type: string;
  x1?: number;
  y1?: number;
  x2?: number;
  y2?: number;
  lineWidth?: number;
  lineColor?: string;
  strokeOpacity?: number;
}
interface PdfmakeImage {
  image: string;
  x: number;
  y: number;
  _width: number;
  _height: number;
}
export interface PdfmakePage {
  pageSize: { width: number; height: number };
  items: { type: string; item: unknown }[];
}

/**
 * The page model of pdfmake's laid-out pages. Called after the PDF is written: it measures the
 * runs again with the fonts pdfkit drew them in (the same advances, from the same cache), so the
 * PDF's bytes do not depend on it.
 */
export function pageModel(pages: readonly PdfmakePage[], images: Readonly<Record<string, string>>, fonts: FontSet): LaidOutPage[] {
  const byFont = new Map<unknown, LoadedFont>();
  const byName = new Map<string, LoadedFont>();
  for (const chain of Object.values(fonts)) {
    for (const f of chain) {
      byFont.set(f.font, f);
      byName.set(f.postscriptName, f);
    }
  }
  const loadedFont = (inline: PdfmakeInline): LoadedFont => {
    const found = byFont.get(inline.font.font) ?? (inline.font.name ? byName.get(inline.font.name) : undefined);
    if (!found) throw new Error(`page model: a run is set in a font outside the font set (${inline.font.name ?? 'unnamed'})`);
    return found;
  };
  return pages.map((page) => {
    const items: LaidOutItem[] = [];
    for (const { type, item } of page.items) {
      if (type === 'line') items.push(...textRuns(item as PdfmakeLine, loadedFont));
      else if (type === 'vector') {
        const rule = ruleOf(item as PdfmakeVector);
        if (rule) items.push(rule);
      } else if (type === 'image') items.push(pictureOf(item as PdfmakeImage, images));
    }
    return { width: mm(page.pageSize.width), height: mm(page.pageSize.height), items };
  });
}

function textRuns(line: PdfmakeLine, loadedFont: (inline: PdfmakeInline) => LoadedFont): LaidOutText[] {
  const runs: LaidOutText[] = [];
  const lineHeight = line.getHeight();
  const descent = lineHeight - line.getAscenderHeight();
  // The PDF turns the whole line about its top-left corner when its first inline says so.
  const turnedAbout = line.inlines[0]?.quarterTurn ? { x: mm(line.x), y: mm(line.y) } : undefined;
  for (const inline of line.inlines) {
    if (!inline.text) continue;
    // Where pdfmake's renderer puts the text's top, plus the ascent pdfkit adds to reach the baseline.
    const ascent = (inline.font.ascender / 1000) * inline.fontSize;
    const top = line.y + lineHeight - ascent - descent;
    const spacing = inline.characterSpacing ?? 0;
    const { glyphs, positions } = inline.font.layout(inline.text, inline.fontFeatures);
    runs.push({
      kind: 'text',
      font: loadedFont(inline),
      size: mm(inline.fontSize),
      x: mm(line.x + inline.x),
      baseline: mm(top + ascent),
      text: inline.text,
      // pdfkit's Tc adds the character spacing after every glyph.
      glyphs: glyphs.map((g, i) => ({ id: g.id, text: String.fromCodePoint(...g.codePoints), advance: mm(((positions[i]?.xAdvance ?? 0) / 1000) * inline.fontSize + spacing) })),
      color: colorOf(inline.color),
      ...(turnedAbout ? { turnedAbout } : {}),
    });
  }
  return runs;
}

function ruleOf(v: PdfmakeVector): LaidOutRule | undefined {
  // Spacers are zero-size, invisible rectangles; only lines are drawn rules.
  if (v.type !== 'line' || !v.lineWidth || v.strokeOpacity === 0) return undefined;
  return { kind: 'rule', x1: mm(v.x1 ?? 0), y1: mm(v.y1 ?? 0), x2: mm(v.x2 ?? 0), y2: mm(v.y2 ?? 0), width: mm(v.lineWidth), color: colorOf(v.lineColor) };
}

function pictureOf(image: PdfmakeImage, images: Readonly<Record<string, string>>): LaidOutPicture {
  const url = images[image.image] ?? image.image;
  const comma = url.indexOf(',');
  const binary = atob(url.slice(comma + 1));
  const data = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) data[i] = binary.charCodeAt(i);
  return { kind: 'picture', x: mm(image.x), y: mm(image.y), width: mm(image._width), height: mm(image._height), format: url.startsWith('data:image/jpeg') ? 'jpeg' : 'png', data };
}

const mm = (pt: number): number => ptToMm(pt);
/** RRGGBB of a pdfmake colour: `#RRGGBB`, or a name (only black, pdfmake's default, is used). */
const colorOf = (color: string | undefined): string => {
  const hex = /^#?([0-9a-f]{6})$/i.exec(color ?? '');
  return hex ? hex[1]!.toUpperCase() : '000000';
};
