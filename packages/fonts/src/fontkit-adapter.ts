/**
 * fontkit as gongwen uses it: the same bytes give the same parsed font, and what a render never
 * reads (glyph names, outlines for an advance) is decoded only when asked for. This is code over
 * the members fontkit's classes expose (`create`, `_decodeTable`, `_getTableStream`, `_getMetrics`,
 * `_getTableMetrics`, `_getCBox`), checked against fontkit 2.0.4 by the fonts package's tests; where a
 * member is missing (another fontkit), that part is left as fontkit does it, so output never changes.
 */

/** The parts of fontkit's module and objects this file reads or replaces. */
interface FontkitModule {
  create(buffer: Uint8Array, postscriptName?: string): unknown;
}
interface TableEntry {
  tag: string;
  offset: number;
  length: number;
}
interface Stream {
  buffer: Uint8Array;
  pos: number;
}
interface FontLike {
  stream: Stream;
  head: { indexToLocFormat: number };
  _glyphs?: Record<number, unknown>;
  _decodeTable(table: TableEntry): unknown;
  _getTableStream(tag: string): Stream | null;
  getGlyph?(id: number): object | null;
}
interface Box {
  maxY: number;
}
interface GlyphLike {
  id: number;
  _metrics?: Metrics;
  _font: {
    hmtx: unknown;
    vmtx?: unknown;
    'OS/2'?: { version: number; typoAscender: number; typoDescender: number };
    hhea: { ascent: number; descent: number };
    HVAR?: unknown;
    _variationProcessor?: { getAdvanceAdjustment(id: number, hvar: unknown): number };
  };
  readonly cbox: Box;
  readonly path: unknown;
  _getTableMetrics(table: unknown): { advance: number; bearing: number };
  _getCBox(internal?: boolean): Box;
}
interface Metrics {
  advanceWidth: number;
  advanceHeight: number;
  leftBearing: number;
  topBearing: number;
}

const adaptedModules = new WeakMap<object, object>();

/**
 * fontkit's module with `create` parsing the same memory and face once (the font search, the line
 * filler and the PDF writer then share one parsed font, its tables decoded once), and the classes
 * of every font it parses adapted as this file says. The same module always gives the same result.
 */
export function adaptFontkit<T extends object>(fontkit: T): T {
  const existing = adaptedModules.get(fontkit);
  if (existing) return existing as T;
  const create = (fontkit as unknown as FontkitModule).create.bind(fontkit);
  const parsed = new WeakMap<ArrayBufferLike, Map<string, unknown>>();
  const createOnce = (buffer: Uint8Array, postscriptName?: string): unknown => {
    if (!(buffer instanceof Uint8Array)) return create(buffer, postscriptName);
    let faces = parsed.get(buffer.buffer);
    if (!faces) parsed.set(buffer.buffer, (faces = new Map()));
    const key = `${buffer.byteOffset}:${buffer.byteLength}:${postscriptName ?? ''}`;
    let font = faces.get(key);
    if (!font) {
      font = create(buffer, postscriptName);
      adaptClassesOf(font);
      faces.set(key, font);
    }
    return font;
  };
  // A module of its own: fontkit's exports cannot be redefined.
  const adapted = Object.freeze({ ...fontkit, create: createOnce }) as T;
  adaptedModules.set(fontkit, adapted);
  adaptedModules.set(adapted, adapted);
  return adapted;
}

const adaptedPrototypes = new WeakSet<object>();

/** Adapts the classes of a parsed font (and of its glyphs) the first time one of them is seen. */
function adaptClassesOf(font: unknown): void {
  if (!font || typeof font !== 'object') return;
  const fontPrototype = ownerOf(font, '_decodeTable');
  if (fontPrototype && !adaptedPrototypes.has(fontPrototype)) {
    adaptedPrototypes.add(fontPrototype);
    adaptTables(fontPrototype as FontLike);
  }
  const f = font as FontLike;
  if (typeof f.getGlyph !== 'function' || !f._glyphs || 0 in f._glyphs) return;
  // A glyph of this font tells its classes; it is not kept, so glyph 0 is made afresh when asked for.
  const glyph = f.getGlyph(0);
  delete f._glyphs[0];
  if (!glyph) return;
  const glyphPrototype = Object.getPrototypeOf(glyph) as object;
  const basePrototype = ownerOf(glyph, '_getTableMetrics');
  if (basePrototype && !adaptedPrototypes.has(basePrototype)) {
    adaptedPrototypes.add(basePrototype);
    adaptBaseMetrics(basePrototype as GlyphLike & { _getMetrics(cbox?: Box | null): Metrics });
  }
  if (glyphPrototype !== basePrototype && !adaptedPrototypes.has(glyphPrototype) && Object.hasOwn(glyphPrototype, '_getMetrics') && Object.hasOwn(glyphPrototype, '_getCBox')) {
    adaptedPrototypes.add(glyphPrototype);
    adaptOutlineMetrics(glyphPrototype as GlyphLike & { _getMetrics(): Metrics });
  }
}

/** The object on the prototype chain that owns `member`. */
function ownerOf(object: object, member: string): object | undefined {
  for (let p = Object.getPrototypeOf(object) as object | null; p; p = Object.getPrototypeOf(p) as object | null) {
    if (Object.hasOwn(p, member)) return p;
  }
  return undefined;
}

/** loca read straight from the bytes, and a version 2 post table's glyph names when first read. */
function adaptTables(prototype: FontLike): void {
  const decodeTable = prototype._decodeTable;
  prototype._decodeTable = function (this: FontLike, table: TableEntry) {
    if (table.tag === 'loca') return decodeLoca(this, table) ?? decodeTable.call(this, table);
    if (table.tag === 'post') return decodePostLazily(this, table, () => decodeTable.call(this, table)) ?? decodeTable.call(this, table);
    return decodeTable.call(this, table);
  };
}

/** One offset per glyph (65,536 in a CJK font): a DataView over the table, not a field-by-field decode. */
function decodeLoca(font: FontLike, table: TableEntry): { version: number; offsets: number[]; _processed: boolean } | undefined {
  const format = font.head?.indexToLocFormat;
  if (format !== 0 && format !== 1) return undefined;
  const bytes = font.stream.buffer;
  if (table.offset + table.length > bytes.length) return undefined;
  const size = format === 0 ? 2 : 4;
  const count = Math.floor(table.length / size);
  const view = new DataView(bytes.buffer, bytes.byteOffset + table.offset, count * size);
  const offsets = new Array<number>(count);
  if (format === 0) for (let i = 0; i < count; i++) offsets[i] = view.getUint16(i * 2) * 2;
  else for (let i = 0; i < count; i++) offsets[i] = view.getUint32(i * 4);
  // `_processed` is what fontkit's own loca decoding leaves: the offsets are already in bytes.
  return { version: format, offsets, _processed: true };
}

/**
 * A version 2 post table's 32-byte header at once; its glyph names (tens of thousands in a CJK
 * font, read only by Glyph#name) decoded by fontkit the first time one of them is read.
 */
function decodePostLazily(font: FontLike, table: TableEntry, decodeAll: () => unknown): object | undefined {
  const bytes = font.stream.buffer;
  if (table.length < 32 || table.offset + table.length > bytes.length) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset + table.offset, 32);
  if (view.getUint32(0) !== 0x00020000) return undefined;
  const header: Record<string, unknown> = {
    version: 2,
    italicAngle: view.getInt32(4) / 65536,
    underlinePosition: view.getInt16(8),
    underlineThickness: view.getInt16(10),
    isFixedPitch: view.getUint32(12),
    minMemType42: view.getUint32(16),
    maxMemType42: view.getUint32(20),
    minMemType1: view.getUint32(24),
    maxMemType1: view.getUint32(28),
  };
  let all: Record<string, unknown> | undefined;
  for (const key of ['numberOfGlyphs', 'glyphNameIndex', 'names']) {
    Object.defineProperty(header, key, { enumerable: true, get: () => (all ??= decodeAll() as Record<string, unknown>)[key] });
  }
  return header;
}

/**
 * A glyph's metrics as fontkit computes them, but the top bearing of a font without vmtx (which
 * needs the glyph's box, i.e. its outline) computed when first read: an advance decodes no outline.
 */
function adaptBaseMetrics(prototype: { _getMetrics(cbox?: Box | null): Metrics }): void {
  prototype._getMetrics = function (this: GlyphLike, cbox?: Box | null) {
    return metricsOf(this, cbox, () => this.cbox);
  };
}

/** The same for glyphs with outlines in glyf, whose box fontkit reads from the glyph's header. */
function adaptOutlineMetrics(prototype: { _getMetrics(): Metrics }): void {
  prototype._getMetrics = function (this: GlyphLike) {
    if (this._metrics) return this._metrics;
    metricsOf(this, null, () => this._getCBox(true));
    // With variations and no HVAR, fontkit decodes the outline, which recomputes the metrics.
    if (this._font._variationProcessor && !this._font.HVAR) void this.path;
    return this._metrics!;
  };
}

function metricsOf(glyph: GlyphLike, cbox: Box | null | undefined, box: () => Box): Metrics {
  if (glyph._metrics) return glyph._metrics;
  const font = glyph._font;
  const horizontal = glyph._getTableMetrics(font.hmtx);
  let advanceWidth = horizontal.advance;
  let advanceHeight: number;
  let topBearing = 0;
  let ascent: number | undefined;
  if (font.vmtx) {
    const vertical = glyph._getTableMetrics(font.vmtx);
    advanceHeight = vertical.advance;
    topBearing = vertical.bearing;
  } else {
    const os2 = font['OS/2'];
    if (os2 && os2.version > 0) {
      advanceHeight = Math.abs(os2.typoAscender - os2.typoDescender);
      ascent = os2.typoAscender;
    } else {
      advanceHeight = Math.abs(font.hhea.ascent - font.hhea.descent);
      ascent = font.hhea.ascent;
    }
  }
  if (font._variationProcessor && font.HVAR) advanceWidth += font._variationProcessor.getAdvanceAdjustment(glyph.id, font.HVAR);
  const metrics: Metrics = { advanceWidth, advanceHeight, leftBearing: horizontal.bearing, topBearing };
  if (ascent !== undefined) {
    const top = ascent;
    if (cbox) metrics.topBearing = top - cbox.maxY;
    else {
      Object.defineProperty(metrics, 'topBearing', {
        enumerable: true,
        configurable: true,
        get() {
          const value = top - box().maxY;
          Object.defineProperty(metrics, 'topBearing', { value, enumerable: true, writable: true, configurable: true });
          return value;
        },
      });
    }
  }
  glyph._metrics = metrics;
  return metrics;
}
