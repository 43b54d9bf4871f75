/**
 * What `measurePdf` reads back from a PDF. Lengths are in millimetres measured from the page's
 * top-left corner (x to the right, y downwards) unless the name says pt.
 */

/** One line of text: the text items that share a baseline. */
export interface TextLine {
  /** The line's text, items joined left to right. */
  text: string;
  /** Left end of the first non-blank glyph. */
  x: number;
  /** Right end of the last non-blank glyph (its advance included). */
  xEnd: number;
  /** Baseline, from the top of the page. */
  baseline: number;
  /** Top and bottom of the glyphs (baseline − font ascent, baseline + font descent). */
  top: number;
  bottom: number;
  /** Font size in pt that carries most of the line's characters. */
  fontSize: number;
  /** Base name (subset tag removed) of the font that carries most of the line's characters. */
  font: string;
  /** Every font on the line, base names. */
  fonts: string[];
  /**
   * The line's parts that a visible gap (half an em or more) separates, left to right: a table
   * row's cells, the 版记's 印发机关 and date. Absent on lines built by hand: the whole line is one.
   */
  segments?: Array<{ x: number; xEnd: number; text: string }>;
}

/** A horizontal rule drawn as a stroked line or a thin filled rectangle. */
export interface HorizontalRule {
  x1: number;
  x2: number;
  /** Centre line, from the top of the page. */
  y: number;
  /** Length in mm. */
  length: number;
  /** Thickness in pt. */
  thicknessPt: number;
  /** Colour as `RRGGBB`. */
  color: string;
  /** Colour class, for the rules that need it. */
  tone: 'red' | 'black' | 'other';
}

/** Where an image (a seal, a logo) is painted: its box in mm from the page's top-left. */
export interface ImageBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PageMeasurements {
  /** Physical page number, 1-based. */
  number: number;
  width: number;
  height: number;
  /**
   * `landscape` for a page wider than tall: the portrait sheet turned (ch. 8). Its lines are
   * measured on the turned page; its page number, drawn turned, in the portrait sheet's frame.
   */
  orientation?: 'landscape';
  /** Text lines top to bottom, the page-number line excluded. */
  lines: TextLine[];
  /** The line below the text that reads as a page number (`— 3 —`, `- 3 -`, `3`), if any. */
  pageNumber?: TextLine & { value: number };
  rules: HorizontalRule[];
  /** Number of glyphs painted in red on this page. */
  redGlyphs: number;
  images: ImageBox[];
}

export interface FontInfo {
  /** The name in the PDF, subset tag included (`ABCDEF+NotoSerifSC-Regular`). */
  name: string;
  /** Without the subset tag (`NotoSerifSC-Regular`). */
  baseName: string;
  embedded: boolean;
  subset: boolean;
}

export interface PdfMeasurements {
  pageCount: number;
  pages: PageMeasurements[];
  /** Every font that carries text, once each. */
  fonts: FontInfo[];
  /** The size (pt) and font that carry most of the document's characters: the body text. */
  body: { fontSize: number; font: string } | undefined;
}
