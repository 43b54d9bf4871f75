import { fontRoles, type FontRole } from '@gongwen/model';

/** The parts of a parsed fontkit font that gongwen reads. */
export interface ParsedFont {
  postscriptName: string;
  familyName: string;
  unitsPerEm: number;
  /** hhea ascent and descent (descent negative), in font units: what pdfkit lays lines out with. */
  ascent: number;
  descent: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  /** Advance width and ink box (font units) of the glyph a code point maps to. */
  glyphForCodePoint(codePoint: number): { advanceWidth: number; bbox: { minY: number; maxY: number } };
  /** OS/2 typographic ascender/descender: in CJK fonts the ideographic em box. */
  'OS/2'?: { typoAscender: number; typoDescender: number };
}

/** Where a font came from, in the order they are preferred. */
export type FontSource = 'configured' | 'installed' | 'bundled';

/** One face of one font file, read and parsed once per process and shared by every document. */
export interface LoadedFont {
  /** Stable, readable and unique per file and face; renderers use it as a virtual file name. */
  id: string;
  /** The family name the face was chosen by (or its own first family name). */
  family: string;
  postscriptName: string;
  path: string;
  /** PostScript name of the face inside a TrueType collection; absent for a single-face file. */
  face?: string;
  /** `truetype` outlines subset small and fast in PDF; `cff` ones are slower and larger. */
  outlines: 'truetype' | 'cff';
  source: FontSource;
  bytes: Uint8Array;
  font: ParsedFont;
}

/** Per role, an ordered fallback chain: the first font that has a character draws it. */
export type FontSet = Readonly<Record<FontRole, readonly LoadedFont[]>>;

/**
 * Whether a value a caller passed has a font set's shape (every role a list of loaded fonts with
 * their bytes and parsed font), so a program passing something else gets a message, not a crash.
 */
export function isFontSet(value: unknown): value is FontSet {
  if (!isRecord(value)) return false;
  return Object.keys(fontRoles).every((role) => {
    const list = value[role];
    return Array.isArray(list) && list.every((f) => isRecord(f) && f.bytes instanceof Uint8Array && isRecord(f.font) && typeof f.id === 'string');
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const coverage = new WeakMap<LoadedFont, Map<number, boolean>>();

/** Whether the font has a glyph for the code point; memoised per font for the process (a cmap search each time otherwise). */
export function hasGlyph(font: LoadedFont, codePoint: number): boolean {
  let map = coverage.get(font);
  if (!map) coverage.set(font, (map = new Map()));
  let has = map.get(codePoint);
  if (has === undefined) map.set(codePoint, (has = font.font.hasGlyphForCodePoint(codePoint)));
  return has;
}

/** The first font in the role's chain that has the character, or undefined when none has it. */
export function fontForChar(fonts: FontSet, role: FontRole, char: string): LoadedFont | undefined {
  const cp = char.codePointAt(0)!;
  for (const f of fonts[role]) if (hasGlyph(f, cp)) return f;
  return undefined;
}

const usedIds = new Set<string>();
/** The PostScript name, made unique in the process: readable and the same on every machine. */
export function uniqueFontId(name: string): string {
  let id = name;
  for (let n = 2; usedIds.has(id); n++) id = `${name}~${n}`;
  usedIds.add(id);
  return id;
}
