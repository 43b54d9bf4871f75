// How pdfkit sets text in a font that fontkit parsed once for the whole process: every document
// embeds the same parsed font, so what follows keeps such a shared font fast and keeps each
// document's output independent of the documents rendered before it. Installed on every font a
// document opens (./pdfkit-hooks.ts), before the document sets any text in it.
//
// The members used here are pdfkit's EmbeddedFont (font, subset, scale, layoutRun) and fontkit's
// font and subset (cmap lookup, hmtx, loca, the glyf table, a subset's _addGlyph); the versions
// they were checked against are named in test/upstream.test.ts, which fails when one changes.

interface Metric {
  advance: number;
  bearing: number;
}
interface MetricsArray<T> {
  length: number;
  get(i: number): T;
}
interface FontkitFont {
  _cmapProcessor?: { lookup(codePoint: number): number };
  _variationProcessor?: unknown;
  _glyphs: Record<number, unknown>;
  hmtx: { metrics: MetricsArray<Metric>; bearings: MetricsArray<number> };
  loca: { offsets: number[] };
  directory: { tables: Record<string, unknown> };
  _getTableStream(tag: string): { pos: number; buffer: Uint8Array; readBuffer(length: number): Uint8Array };
  createSubset?: () => FontkitSubset;
}
interface FontkitSubset {
  font: FontkitFont;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: Metric[] };
  offset: number;
  _addGlyph?: (gid: number) => number;
}
/** A glyph as pdfkit's text writer reads it: id, advance in font units, the characters it stands for. */
interface RunGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}
interface Run {
  glyphs: RunGlyph[];
  positions: Position[];
  advanceWidth: number;
}
/** pdfkit's EmbeddedFont, as far as gongwen reads it. */
export interface EmbeddedFont {
  font?: FontkitFont;
  subset: FontkitSubset;
  scale: number;
  layoutRun(text: string, features?: unknown): Run;
}

// Text in scripts that need no shaping (Han, kana, hangul, Latin, Greek, Cyrillic, punctuation,
// symbols) is set one glyph per character at its hmtx advance, as a word processor sets it by
// default: no kerning and no ligatures. Such runs are built from the cmap and hmtx alone, without
// fontkit's OpenType shaping, which would decode GSUB and GPOS and run every default feature.
// Any other text (combining marks, joiners, variation selectors, scripts with a shaper of their
// own) or text with features asked for is shaped by fontkit.
const unshaped =
  /^[\t\u0020-\u007e\u00a0-\u02ff\u0370-\u0482\u048a-\u052f\u1e00-\u1fff\u2000-\u200b\u2010-\u2027\u202f-\u205f\u2070-\u20cf\u2100-\u2bff\u2e80-\u2fdf\u3000-\u3029\u3030-\u3098\u309b-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe1f\ufe30-\ufe6f\uff00-\uffef\u{20000}-\u{3fffd}]*$/u;

/** Per parsed font: a character's glyph id and advance, found once. */
const characterGlyphs = new WeakMap<FontkitFont, Map<number, { id: number; advanceWidth: number }>>();

/**
 * A glyph's advance from hmtx (what fontkit's Glyph#advanceWidth reads for a font without
 * variations), without making fontkit's glyph object, which would remember no characters.
 */
const advanceOf = (font: FontkitFont, id: number): number => {
  const metrics = font.hmtx.metrics;
  return metrics.get(Math.min(id, metrics.length - 1)).advance;
};

/** Made afresh for every run, so the text layer names exactly the characters of this text. */
const glyphOfCharacter = (font: FontkitFont, codePoint: number): RunGlyph => {
  let known = characterGlyphs.get(font);
  if (!known) {
    known = new Map();
    characterGlyphs.set(font, known);
  }
  let glyph = known.get(codePoint);
  if (!glyph) {
    const id = font._cmapProcessor!.lookup(codePoint);
    glyph = { id, advanceWidth: advanceOf(font, id) };
    known.set(codePoint, glyph);
  }
  return { id: glyph.id, advanceWidth: glyph.advanceWidth, codePoints: [codePoint] };
};

const layoutUnshaped = (embedded: EmbeddedFont, text: string): Run => {
  const glyphs: RunGlyph[] = [];
  const positions: Position[] = [];
  let advanceWidth = 0;
  for (const character of text) {
    const glyph = glyphOfCharacter(embedded.font!, character.codePointAt(0)!);
    const advance = glyph.advanceWidth * embedded.scale;
    glyphs.push(glyph);
    positions.push({ xAdvance: advance, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: advance });
    advanceWidth += advance;
  }
  return { glyphs, positions, advanceWidth };
};

/**
 * Sets unshaped text from the cmap and hmtx. A fontkit glyph object keeps the characters it was
 * first looked up by (in any document, or none when a subset asked for it), and shaped text puts
 * those into the text layer: a document's first shaped text in a font starts from no glyph objects.
 */
const setTextWithoutShaping = (embedded: EmbeddedFont): void => {
  const layoutRun = embedded.layoutRun;
  let shaped = false;
  const simple = !embedded.font!._variationProcessor;
  embedded.layoutRun = function (this: EmbeddedFont, text: string, features?: unknown): Run {
    if (simple && !features && unshaped.test(text)) return layoutUnshaped(this, text);
    if (!shaped) {
      shaped = true;
      this.font!._glyphs = {};
    }
    return layoutRun.call(this, text, features);
  };
};

/**
 * A TrueType subset decodes every glyph's outline only to find the composite glyphs, whose
 * components it must add; the sign of a glyph's first field says that already, so simple glyphs
 * are copied without decoding them: the same bytes, at a fraction of the cost.
 */
const copySimpleGlyphs = (subset: FontkitSubset): FontkitSubset => {
  const addGlyph = subset._addGlyph;
  if (typeof addGlyph !== 'function' || !subset.font.directory.tables.glyf || subset.font._variationProcessor) return subset;
  subset._addGlyph = function (this: FontkitSubset, gid: number): number {
    const font = this.font;
    const start = font.loca.offsets[gid]!;
    const length = font.loca.offsets[gid + 1]! - start;
    const stream = font._getTableStream('glyf');
    stream.pos += start;
    if (length === 1 || (length >= 2 && stream.buffer[stream.pos]! & 0x80)) return addGlyph.call(this, gid);
    const buffer = stream.readBuffer(length);
    this.glyf.push(buffer);
    this.loca.offsets.push(this.offset);
    const hmtx = font.hmtx;
    const last = hmtx.metrics.length - 1;
    this.hmtx.metrics.push(gid <= last ? hmtx.metrics.get(gid) : { advance: hmtx.metrics.get(last).advance, bearing: hmtx.bearings.get(gid - last - 1) || 0 });
    this.offset += buffer.length;
    return this.glyf.length - 1;
  };
  return subset;
};

const preparedFonts = new WeakSet<FontkitFont>();
const preparedEmbeddings = new WeakSet<EmbeddedFont>();

/**
 * Prepares a font a document opened (pdfkit's EmbeddedFont; a standard PDF font is left alone),
 * once per document and font.
 */
export function prepareEmbeddedFont(embedded: EmbeddedFont | undefined): void {
  const font = embedded?.font;
  if (!embedded || !font || typeof font.createSubset !== 'function' || !font._cmapProcessor || preparedEmbeddings.has(embedded)) return;
  preparedEmbeddings.add(embedded);
  if (!preparedFonts.has(font)) {
    preparedFonts.add(font);
    const createSubset = font.createSubset;
    font.createSubset = function (this: FontkitFont) {
      return copySimpleGlyphs(createSubset.call(this));
    };
    copySimpleGlyphs(embedded.subset);
  }
  setTextWithoutShaping(embedded);
}
