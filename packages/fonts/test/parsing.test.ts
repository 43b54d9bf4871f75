import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveFonts, resolveFontsAsync } from '../src/index.js';
import { adaptFontkit } from '../src/fontkit-adapter.js';
import { fontFolder, makeCollection, notoSans, notoSerif, roboto } from './helpers.js';

// fontkit as gongwen adapts it (src/fontkit-adapter.ts): what it decodes lazily must still read back
// what the font says. The adapter reads members of fontkit's classes by name, so it is checked
// against one version; an upgrade that renames them fails here, not in a document.
const require = createRequire(import.meta.url);
const installed = require('fontkit') as FontkitModule;
const fontkit = adaptFontkit(installed);
interface FontkitModule {
  create(bytes: Uint8Array, face?: string): FontkitFont;
}
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

describe('fontkit as adapted', () => {
  it('is checked against fontkit 2.0.4, whose classes have the members it adapts', () => {
    const manifest = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as { dependencies: Record<string, string> };
    expect(manifest.dependencies.fontkit).toBe('^2.0.4');
    const mainFile = require.resolve('fontkit');
    const version = (JSON.parse(readFileSync(new URL('../package.json', `file://${mainFile}`), 'utf8')) as { version: string }).version;
    expect(version).toBe('2.0.4');
    const font = installed.create(new Uint8Array(readFileSync(roboto))) as unknown as Record<string, unknown>;
    for (const member of ['_decodeTable', '_getTableStream', 'getGlyph']) expect(typeof font[member], member).toBe('function');
    const glyph = (font.getGlyph as (id: number) => Record<string, unknown>)(1);
    for (const member of ['_getMetrics', '_getTableMetrics', '_getCBox']) expect(typeof glyph[member], member).toBe('function');
  });

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

describe('the fontkit this package ships (dist/fontkit.cjs)', () => {
  const shipped = fileURLToPath(new URL('../dist/fontkit.cjs', import.meta.url));
  interface Shipped extends FontkitModule {
    lazyParts(): { unicodeProperties: boolean; triesInflated: number; brotli: boolean };
  }
  interface LaidOut {
    glyphs: { id: number }[];
    positions: { xAdvance: number }[];
  }

  it('sets Han and Latin text without loading Unicode data, the shaping tries or the WOFF2 decoder', () => {
    expect(existsSync(shipped), 'built by `pnpm build`').toBe(true);
    const code = `
      const fk = require(${JSON.stringify(shipped)});
      const font = fk.create(new Uint8Array(require('fs').readFileSync(${JSON.stringify(notoSerif)})));
      const widths = [...'法治政府建设年度报告，2023年“4·15”'].map((c) => font.glyphForCodePoint(c.codePointAt(0)).advanceWidth);
      const sameFont = fk.create(new Uint8Array(font.stream.buffer.buffer, font.stream.buffer.byteOffset, font.stream.buffer.byteLength)) === font;
      process.stdout.write(JSON.stringify({ widths, sameFont, lazy: fk.lazyParts() }));`;
    const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
    const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { widths: number[]; sameFont: boolean; lazy: ReturnType<Shipped['lazyParts']> };
    expect(out.lazy).toEqual({ unicodeProperties: false, triesInflated: 0, brotli: false });
    expect(out.sameFont).toBe(true);
    const font = installed.create(new Uint8Array(readFileSync(notoSerif)));
    expect(out.widths).toEqual([...'法治政府建设年度报告，2023年“4·15”'].map((c) => font.glyphForCodePoint(c.codePointAt(0)!).advanceWidth));
  });

  it('shapes as the installed fontkit does, loading what shaping needs when it is first asked for', () => {
    const fk = require(shipped) as Shipped;
    const bytes = new Uint8Array(readFileSync(roboto));
    const text = 'Office ﬁle e\u0301';
    const ours = (fk.create(bytes) as unknown as { layout(t: string): LaidOut }).layout(text);
    const theirs = (installed.create(bytes.slice()) as unknown as { layout(t: string): LaidOut }).layout(text);
    expect(ours.glyphs.map((g) => g.id)).toEqual(theirs.glyphs.map((g) => g.id));
    expect(ours.positions.map((p) => p.xAdvance)).toEqual(theirs.positions.map((p) => p.xAdvance));
    expect(fk.lazyParts().unicodeProperties).toBe(true);
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
