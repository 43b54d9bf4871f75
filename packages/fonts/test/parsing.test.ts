import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { resolveFonts, resolveFontsAsync } from '../src/index.js';
import { fontFolder, makeCollection, notoSans, notoSerif, roboto } from './helpers.js';

// fontkit as gongwen patches it (patches/fontkit@2.0.4.patch): what it decodes lazily must still
// read back what the font says.
const fontkit = createRequire(import.meta.url)('fontkit') as {
  create(bytes: Uint8Array, face?: string): FontkitFont;
};
interface FontkitFont {
  numGlyphs: number;
  italicAngle: number;
  underlinePosition: number;
  post: { version: number; isFixedPitch: number; names?: string[] };
  loca: { offsets: number[] };
  directory: { tables: Record<string, { offset: number; length: number }> };
  'OS/2': { typoAscender: number };
  glyphForCodePoint(cp: number): { id: number; advanceWidth: number; name: string; cbox: { maxY: number }; bbox: { minX: number; maxX: number }; _getMetrics(): { topBearing: number } };
  getGlyph(id: number): { name: string };
  _getTableStream(tag: string): unknown;
}

/** Roboto with its post table replaced by a version 2 one naming glyph i `g<i>`, as many fonts do. */
function withGlyphNames(): Uint8Array {
  const font = readFileSync(roboto);
  const numGlyphs = font.readUInt16BE(findTable(font, 'maxp').offset + 4);
  const names = Array.from({ length: numGlyphs - 1 }, (_, i) => `g${i + 1}`);
  const header = Buffer.alloc(32);
  header.writeUInt32BE(0x00020000, 0);
  header.writeInt32BE(-12 * 65536, 4); // italic angle −12°
  header.writeInt16BE(-150, 8);
  header.writeInt16BE(50, 10);
  const index = Buffer.alloc(2 + 2 * numGlyphs);
  index.writeUInt16BE(numGlyphs, 0);
  for (let g = 1; g < numGlyphs; g++) index.writeUInt16BE(258 + g - 1, 2 + 2 * g);
  const strings = Buffer.concat(names.map((n) => Buffer.concat([Buffer.from([n.length]), Buffer.from(n, 'latin1')])));
  const post = Buffer.concat([header, index, strings]);
  const entry = findTable(font, 'post');
  const out = Buffer.concat([font, post]);
  out.writeUInt32BE(font.length, entry.at + 8);
  out.writeUInt32BE(post.length, entry.at + 12);
  return new Uint8Array(out);
}

function findTable(font: Buffer, tag: string): { at: number; offset: number } {
  const count = font.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    if (font.toString('latin1', at, at + 4) === tag) return { at, offset: font.readUInt32BE(at + 8) };
  }
  throw new Error(`no ${tag}`);
}

describe('fontkit as patched', () => {
  it('parses the same bytes once: the same font object for the same memory, another for a copy', () => {
    const bytes = new Uint8Array(readFileSync(notoSerif));
    // Identity, compared as booleans: a failing toBe would print two whole fonts.
    expect(fontkit.create(bytes) === fontkit.create(bytes)).toBe(true);
    expect(fontkit.create(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)) === fontkit.create(bytes)).toBe(true);
    expect(fontkit.create(bytes.slice()) === fontkit.create(bytes)).toBe(false);
  });

  it('reads loca straight from the bytes: one offset per glyph and one more, rising, ending at the glyf length', () => {
    const font = fontkit.create(new Uint8Array(readFileSync(notoSerif)));
    const { offsets } = font.loca;
    expect(offsets.length).toBe(font.numGlyphs + 1);
    expect(offsets.every((o, i) => i === 0 || o >= offsets[i - 1]!)).toBe(true);
    expect(offsets.at(-1)).toBe(font.directory.tables.glyf!.length);
    const guo = font.glyphForCodePoint('国'.codePointAt(0)!);
    expect(guo.bbox.maxX).toBeGreaterThan(guo.bbox.minX);
  });

  it('gives an advance without reading the outline, and the top bearing from the box when asked', () => {
    const font = fontkit.create(new Uint8Array(readFileSync(roboto)));
    const tablesRead: string[] = [];
    const getTableStream = font._getTableStream;
    font._getTableStream = function (tag: string) {
      tablesRead.push(tag);
      return getTableStream.call(this, tag);
    };
    const h = font.glyphForCodePoint('H'.codePointAt(0)!);
    expect(h.advanceWidth).toBe(1461); // the fixture's hmtx
    expect(tablesRead).not.toContain('glyf');
    // Roboto has no vmtx: the top bearing is the typographic ascender less the glyph's top.
    const { topBearing } = h._getMetrics();
    expect(tablesRead).toContain('glyf');
    expect(topBearing).toBe(font['OS/2'].typoAscender - h.cbox.maxY);
  });

  it('reads a version 2 post table: its header at once, the glyph names when asked', () => {
    const font = fontkit.create(withGlyphNames());
    expect(font.post.version).toBe(2);
    expect(font.italicAngle).toBe(-12);
    expect(font.underlinePosition).toBe(-150);
    expect(font.post.isFixedPitch).toBe(0);
    expect(font.getGlyph(5).name).toBe('g5');
    expect(font.post.names).toHaveLength(font.numGlyphs - 1);
  });
});

describe('resolveFontsAsync', () => {
  it('chooses what resolveFonts chooses, reading each file once, and one resolution serves both', async () => {
    const folder = fontFolder(notoSans, makeCollection([notoSerif, roboto]));
    const options = { systemDirs: [folder], env: {}, families: { body: ['Noto Serif SC'], heading2: ['Roboto'] } };
    const [a, again] = await Promise.all([resolveFontsAsync(options), resolveFontsAsync(options)]);
    expect(again === a).toBe(true);
    expect(resolveFonts(options) === a).toBe(true);
    expect(a.fonts.body[0]!.face).toBe('NotoSerifSC-Regular');
    expect(a.fonts.heading2[0]!.face).toBe('Roboto-Regular');
    // Both faces of the collection come from one read of the file.
    expect(a.fonts.heading2[0]!.bytes === a.fonts.body[0]!.bytes).toBe(true);
    expect(a.fonts.body[0]!.font.hasGlyphForCodePoint('法'.codePointAt(0)!)).toBe(true);
    expect(a.explain().find((e) => e.role === 'body')!.reason).toBe('installed-official');
  });

  it('gives the same fonts as resolveFonts for other options', async () => {
    const folder = fontFolder(notoSans);
    const sync = resolveFonts({ systemDirs: [folder], env: {}, lang: 'en' });
    const viaAsync = await resolveFontsAsync({ systemDirs: [folder], env: {} });
    for (const role of Object.keys(sync.fonts) as (keyof typeof sync.fonts)[]) {
      expect(viaAsync.fonts[role].map((f) => [f.path, f.face ?? ''])).toEqual(sync.fonts[role].map((f) => [f.path, f.face ?? '']));
    }
  });
});
