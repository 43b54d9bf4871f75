import type { LoadedFont } from '@gongwen/fonts';

/*
 * A TrueType subset of a font that stands alone: the glyphs an OFD draws, and a cmap from their
 * characters to them. fontkit's subsetter writes the tables a PDF needs (head, hhea, maxp, loca,
 * glyf, hmtx and the hinting tables) and no cmap, since a PDF maps codes itself; an OFD's TextCode
 * carries Unicode text that a reader maps through the font's cmap, and browsers' font sanitisers
 * want name, OS/2 and post too. So those four are added here (OpenType 1.9, "Font file").
 */

interface SubsetFont {
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
  stream: { buffer: Uint8Array };
  createSubset(): { includeGlyph(id: number): number; encode(): Uint8Array };
}

/** Whether `font` can be subset here (TrueType outlines; CFF subsets are not standalone fonts). */
export function canSubset(font: LoadedFont): boolean {
  return font.outlines === 'truetype' && !!(font.font as unknown as SubsetFont).directory?.tables.glyf;
}

/**
 * The subset of `font` with the glyphs of `characters` (code point → glyph id in `font`), in
 * code point order, so the same characters give the same bytes.
 */
export function subsetFont(font: LoadedFont, characters: ReadonlyMap<number, number>): Uint8Array {
  const source = font.font as unknown as SubsetFont;
  const subset = source.createSubset();
  const codes = [...characters.keys()].sort((a, b) => a - b);
  const cmap = new Map<number, number>();
  for (const code of codes) cmap.set(code, subset.includeGlyph(characters.get(code)!));
  const base = readTables(subset.encode());
  const raw = (tag: string): Uint8Array | undefined => {
    const t = source.directory.tables[tag];
    return t ? source.stream.buffer.subarray(t.offset, t.offset + t.length) : undefined;
  };
  base.set('cmap', cmapTable(cmap));
  const name = raw('name');
  if (name) base.set('name', name);
  const os2 = raw('OS/2');
  if (os2) base.set('OS/2', os2);
  base.set('post', postTable(raw('post')));
  return writeTables(base);
}

function readTables(bytes: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint16(4);
  const tables = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    tables.set(tag, bytes.subarray(offset, offset + length));
  }
  return tables;
}

/** An sfnt with the tables in tag order, each 4-byte aligned, with checksums and head's adjustment. */
function writeTables(tables: Map<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const count = tags.length;
  let size = 12 + 16 * count;
  for (const tag of tags) size += (tables.get(tag)!.length + 3) & ~3;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const power = 2 ** Math.floor(Math.log2(count));
  view.setUint32(0, 0x00010000);
  view.setUint16(4, count);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, count * 16 - power * 16);
  let offset = 12 + 16 * count;
  let headOffset = -1;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    out.set(data, offset);
    if (tag === 'head') {
      headOffset = offset;
      view.setUint32(offset + 8, 0); // checkSumAdjustment is computed with itself zero
    }
    const at = 12 + i * 16;
    for (let k = 0; k < 4; k++) out[at + k] = tag.charCodeAt(k);
    view.setUint32(at + 4, checksum(out.subarray(offset, offset + ((data.length + 3) & ~3))));
    view.setUint32(at + 8, offset);
    view.setUint32(at + 12, data.length);
    offset += (data.length + 3) & ~3;
  });
  if (headOffset >= 0) view.setUint32(headOffset + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

function checksum(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let sum = 0;
  const whole = bytes.length & ~3;
  for (let i = 0; i < whole; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  if (whole < bytes.length) {
    let last = 0;
    for (let i = whole; i < whole + 4; i++) last = (last << 8) | (i < bytes.length ? bytes[i]! : 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

/** cmap with a format 4 subtable (BMP, platform 3 encoding 1) and a format 12 one (all, 3/10). */
function cmapTable(map: ReadonlyMap<number, number>): Uint8Array {
  const codes = [...map.keys()].sort((a, b) => a - b);
  // Ranges of consecutive codes with consecutive glyphs.
  const ranges: { start: number; end: number; glyph: number }[] = [];
  for (const code of codes) {
    const glyph = map.get(code)!;
    const last = ranges[ranges.length - 1];
    if (last && code === last.end + 1 && glyph === last.glyph + (code - last.start)) last.end = code;
    else ranges.push({ start: code, end: code, glyph });
  }
  const bmp = ranges.filter((r) => r.end <= 0xfffe);
  const segments = [...bmp, { start: 0xffff, end: 0xffff, glyph: 0 }];
  const segCount = segments.length;
  const f4 = new DataView(new ArrayBuffer(16 + segCount * 8));
  f4.setUint16(0, 4);
  f4.setUint16(2, f4.byteLength);
  f4.setUint16(4, 0);
  const power = 2 ** Math.floor(Math.log2(segCount));
  f4.setUint16(6, segCount * 2);
  f4.setUint16(8, power * 2);
  f4.setUint16(10, Math.log2(power));
  f4.setUint16(12, segCount * 2 - power * 2);
  segments.forEach((s, i) => {
    f4.setUint16(14 + i * 2, s.end);
    f4.setUint16(16 + segCount * 2 + i * 2, s.start);
    // idDelta: glyph = code + delta (mod 65536); the final segment maps 0xFFFF to glyph 0.
    f4.setUint16(16 + segCount * 4 + i * 2, s.start === 0xffff ? 1 : (s.glyph - s.start + 0x10000) & 0xffff);
    f4.setUint16(16 + segCount * 6 + i * 2, 0);
  });
  f4.setUint16(14 + segCount * 2, 0); // reservedPad
  const f12 = new DataView(new ArrayBuffer(16 + ranges.length * 12));
  f12.setUint16(0, 12);
  f12.setUint32(4, f12.byteLength);
  f12.setUint32(12, ranges.length);
  ranges.forEach((r, i) => {
    f12.setUint32(16 + i * 12, r.start);
    f12.setUint32(20 + i * 12, r.end);
    f12.setUint32(24 + i * 12, r.glyph);
  });
  const header = 4 + 2 * 8;
  const out = new Uint8Array(header + f4.byteLength + f12.byteLength);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0);
  view.setUint16(2, 2);
  view.setUint16(4, 3);
  view.setUint16(6, 1);
  view.setUint32(8, header);
  view.setUint16(12, 3);
  view.setUint16(14, 10);
  view.setUint32(16, header + f4.byteLength);
  out.set(new Uint8Array(f4.buffer), header);
  out.set(new Uint8Array(f12.buffer), header + f4.byteLength);
  return out;
}

/** post version 3 (no glyph names), keeping the source's italic angle and underline metrics. */
function postTable(source: Uint8Array | undefined): Uint8Array {
  const out = new Uint8Array(32);
  if (source && source.length >= 32) out.set(source.subarray(0, 32));
  new DataView(out.buffer).setUint32(0, 0x00030000);
  return out;
}
