// What gongwen's inlines need from pdfmake beyond its document definition, installed at run
// time on pdfmake's own text measurer and renderer (modules of its published build, imported,
// never edited). test/upstream.test.ts names the pdfmake version these were checked against and
// fails when what they rely on changes.
//
// - Character spacing is counted once per character: pdfkit adds it after every glyph, the last
//   one included, so the next inline starts there; pdfmake counted it once per UTF-16 unit minus
//   one, i.e. never for a single CJK character, and twice for one outside the BMP.
// - An inline's `textStroke` (pt) draws its glyphs filled and outlined in their colour, as a word
//   processor draws bold in a face that has no bold; the graphics state is restored after it.
// - A line whose first inline has `quarterTurn` is drawn turned 90° clockwise about its top-left
//   corner (a landscape page's page number, set where the portrait pages have it).
import rendererModule from 'pdfmake/js/Renderer.js';
import textInlinesModule from 'pdfmake/js/TextInlines.js';

/** A pdfmake inline as measured and drawn, as far as the hooks read it. */
interface Inline {
  font: { widthOfString(text: string, size: number, features?: unknown): number };
  fontSize: number;
  fontFeatures?: unknown;
  characterSpacing?: number;
  textStroke?: number;
  quarterTurn?: boolean;
  color?: string;
}
interface PdfkitDocument {
  text(text: string, x: number, y: number, options: Record<string, unknown>): PdfkitDocument;
  save(): PdfkitDocument;
  restore(): PdfkitDocument;
  lineWidth(width: number): PdfkitDocument;
  strokeColor(color: unknown): PdfkitDocument;
  resolveColor(color: unknown, fallback: string): unknown;
  rotate(angle: number, options: { origin: [number, number] }): PdfkitDocument;
}
interface Renderer {
  pdfDocument: PdfkitDocument;
  renderLine(line: { inlines: Inline[] }, x: number, y: number): void;
}
interface TextInlines {
  widthOfText(text: string, inline: Inline): number;
}

/** A module of pdfmake's CommonJS build, whichever way the loader hands over its default export. */
const classOf = <T>(module: unknown): { prototype: T } => (typeof module === 'function' ? module : (module as { default: unknown }).default) as { prototype: T };

export const pdfmakeRenderer = classOf<Renderer>(rendererModule);
export const pdfmakeTextInlines = classOf<TextInlines>(textInlinesModule);

/** Characters (code points) in a text. */
const characters = (text: string): number => {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
};

let installed = false;

/** Installs the hooks once per process (a later call changes nothing). */
export function installPdfmakeHooks(): void {
  if (installed) return;
  installed = true;

  pdfmakeTextInlines.prototype.widthOfText = function (text: string, inline: Inline): number {
    return inline.font.widthOfString(text, inline.fontSize, inline.fontFeatures) + (inline.characterSpacing || 0) * characters(text);
  };

  // renderLine draws a line's inlines in order, each with one call of the document's text(); for
  // a line with a stroked inline, that call is wrapped while the line is drawn.
  const renderLine = pdfmakeRenderer.prototype.renderLine;
  const strokedLine = function (this: Renderer, line: { inlines: Inline[] }, x: number, y: number): void {
    if (!line.inlines.some((inline) => inline.textStroke)) return renderLine.call(this, line, x, y);
    const document = this.pdfDocument;
    const own = Object.prototype.hasOwnProperty.call(document, 'text');
    const text = document.text;
    let next = 0;
    document.text = function (this: PdfkitDocument, string, tx, ty, options) {
      const inline = line.inlines[next++];
      if (!inline?.textStroke) return text.call(this, string, tx, ty, options);
      this.save();
      this.lineWidth(inline.textStroke);
      this.strokeColor(this.resolveColor(inline.color, 'black'));
      options.fill = true;
      options.stroke = true;
      text.call(this, string, tx, ty, options);
      return this.restore();
    };
    try {
      renderLine.call(this, line, x, y);
    } finally {
      if (own) document.text = text;
      else delete (document as Partial<PdfkitDocument>).text;
    }
  };
  pdfmakeRenderer.prototype.renderLine = function (this: Renderer, line, x, y) {
    if (!line.inlines[0]?.quarterTurn) return strokedLine.call(this, line, x, y);
    const document = this.pdfDocument;
    document.save();
    document.rotate(90, { origin: [x, y] });
    try {
      strokedLine.call(this, line, x, y);
    } finally {
      document.restore();
    }
  };
}
