import { deflateSync, inflateSync } from 'fflate';

/*
 * The zip container of a DOCX (ECMA-376 Part 2) and of an OFD (GB/T 33190 7.1), APPNOTE.TXT 4.3:
 * stored or deflated entries, no zip64, no encryption. Deflated by fflate rather than the
 * platform's zlib: Node's zlib and a browser's write different (equally valid) streams, and a
 * document must have the same bytes in both.
 */

const localHeader = 0x04034b50;
const centralHeader = 0x02014b50;
const endOfCentralDirectory = 0x06054b50;

/**
 * The entries of a zip file by path, decompressed. With `maxBytes`, a file whose entries declare
 * more than that in all is refused before anything is inflated, and no entry inflates past the
 * size it declares: a small hostile file cannot make gigabytes.
 */
export function readZip(bytes: Uint8Array, options: { maxBytes?: number } = {}): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== endOfCentralDirectory) end--;
  if (end < 0) throw new Error('not a zip file: no end of central directory');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const names = new TextDecoder();
  const entries = new Map<string, Uint8Array>();
  const limit = options.maxBytes;
  if (limit !== undefined) {
    let declared = 0;
    for (let i = 0, c = at; i < count; i++) {
      if (c + 46 > bytes.length || view.getUint32(c, true) !== centralHeader) throw new Error('not a zip file: bad central directory');
      declared += view.getUint32(c + 24, true);
      c += 46 + view.getUint16(c + 28, true) + view.getUint16(c + 30, true) + view.getUint16(c + 32, true);
    }
    if (declared > limit) throw new Error(`too large: its entries hold ${declared} bytes, more than ${limit}`);
  }
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== centralHeader) throw new Error('not a zip file: bad central directory');
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const offset = view.getUint32(at + 42, true);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (view.getUint32(offset, true) !== localHeader) throw new Error(`not a zip file: bad local header of ${name}`);
    const start = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
    const data = bytes.subarray(start, start + compressedSize);
    if (method === 0) entries.set(name, data.slice());
    else if (method === 8) entries.set(name, limit === undefined ? inflateSync(data) : inflateSync(data, { out: new Uint8Array(view.getUint32(at + 24, true)) }));
    else throw new Error(`unsupported compression method ${method} for ${name}`);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * An entry's bytes with their CRC-32 and their deflated bytes, made once (`preparedEntry`) for
 * bytes that go into many zip files, such as the parts of a DOCX that are the same in every
 * document of a style: writeZip then neither sums nor deflates them again.
 */
export interface PreparedEntry {
  readonly data: Uint8Array;
  readonly crc: number;
  readonly compressed: Uint8Array;
}

/** The entry writeZip would make of `data` (its CRC-32 and fflate's level-6 deflate of it), made now. */
export function preparedEntry(data: Uint8Array): PreparedEntry {
  return { data, crc: crc32(data), compressed: deflate(data) };
}

/**
 * A zip file of the entries in the order given, each deflated, all dated 1980-01-01 00:00 (the
 * format's epoch): the same entries give the same bytes. An entry given as a `PreparedEntry` is
 * written as the bytes it was prepared from would be.
 */
export function writeZip(entries: Iterable<readonly [string, Uint8Array | PreparedEntry]>): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [path, entry] of entries) {
    const name = encoder.encode(path);
    const prepared = entry instanceof Uint8Array ? undefined : entry;
    const data = prepared ? prepared.data : (entry as Uint8Array);
    const crc = prepared ? prepared.crc : crc32(data);
    const compressed = prepared ? prepared.compressed : deflateEntry(data, crc);
    // Bit 11: the name is UTF-8.
    const flags = name.length !== path.length ? 0x0800 : 0;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, localHeader, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, 8, true);
    lv.setUint16(10, 0, true); // time 00:00:00
    lv.setUint16(12, dosDate, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, compressed.length, true);
    lv.setUint32(22, data.length, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, centralHeader, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, flags, true);
    cv.setUint16(10, 8, true);
    cv.setUint16(14, dosDate, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, compressed.length, true);
    cv.setUint32(24, data.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, compressed);
    centrals.push(central);
    offset += local.length + compressed.length;
  }
  const directorySize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, endOfCentralDirectory, true);
  ev.setUint16(8, centrals.length, true);
  ev.setUint16(10, centrals.length, true);
  ev.setUint32(12, directorySize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + directorySize + end.length);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * A deflate that keeps what it made: the same bytes again get the same compressed bytes back
 * without deflating them again. A compressor's output is a function of its input alone, so
 * this changes no output; it saves the work for parts that are the same from document to
 * document (a DOCX's styles, theme and footers; a PDF's font program when the glyphs are those
 * of a document before). Bounded: inputs of `smallest` to `largest` bytes, at most `entries` of
 * them, the least recently used dropped first. Inputs are looked up by length and the CRC-32
 * when the caller knows it, else a hash of a few thousand of their bytes (most inputs are new,
 * and hashing all of a large one would cost a tenth of deflating it), and compared byte for byte.
 */
export function rememberingDeflate(
  deflate: (data: Uint8Array) => Uint8Array,
  limits: { entries: number; largest: number; smallest?: number },
): (data: Uint8Array, crc?: number) => Uint8Array {
  const kept = new Map<string, { data: Uint8Array; compressed: Uint8Array }>();
  return (data, crc) => {
    if (data.length > limits.largest || data.length < (limits.smallest ?? 0)) return deflate(data);
    const key = `${crc ?? sampleHash(data)}:${data.length}`;
    const known = kept.get(key);
    kept.delete(key);
    if (known && sameBytes(known.data, data)) {
      kept.set(key, known);
      return known.compressed;
    }
    const compressed = deflate(data);
    kept.set(key, { data: data.slice(), compressed });
    if (kept.size > limits.entries) kept.delete(kept.keys().next().value!);
    return compressed;
  };
}

/** FNV-1a over about 4,096 bytes spread through the data, and its last 64. */
function sampleHash(data: Uint8Array): string {
  const stride = Math.max(1, Math.floor(data.length / 4096));
  let h = 0x811c9dc5;
  for (let i = 0; i < data.length; i += stride) h = Math.imul(h ^ data[i]!, 0x01000193);
  for (let i = Math.max(0, data.length - 64); i < data.length; i++) h = Math.imul(h ^ data[i]!, 0x01000193);
  return `s${h >>> 0}`;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const deflate = (data: Uint8Array) => deflateSync(data, { level: 6 });

// The parts of a DOCX or an OFD, small ones mostly the same in every document.
const deflateEntry = rememberingDeflate(deflate, { entries: 64, largest: 64 * 1024 });

/** 1980-01-01 as an MS-DOS date: (year − 1980) << 9 | month << 5 | day. */
const dosDate = (0 << 9) | (1 << 5) | 1;

let crcTables: Uint32Array[] | undefined;

/**
 * CRC-32 (ISO 3309), as zip entries and PNG chunks carry it. Eight bytes a step (slicing-by-8:
 * eight tables of 256, the first the byte-wise one), the same sums as a byte at a time in about a
 * third of the time: a DOCX's parts are summed with every document.
 */
export function crc32(data: Uint8Array): number {
  const t = (crcTables ??= crcTablesFor());
  const [t0, t1, t2, t3, t4, t5, t6, t7] = t as [Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array];
  let crc = 0xffffffff;
  const n = data.length;
  let i = 0;
  for (const end = n - (n % 8); i < end; i += 8) {
    const a = (crc ^ (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24))) >>> 0;
    crc =
      t7[a & 0xff]! ^ t6[(a >>> 8) & 0xff]! ^ t5[(a >>> 16) & 0xff]! ^ t4[a >>> 24]! ^
      t3[data[i + 4]!]! ^ t2[data[i + 5]!]! ^ t1[data[i + 6]!]! ^ t0[data[i + 7]!]!;
  }
  for (; i < n; i++) crc = t0[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function crcTablesFor(): Uint32Array[] {
  const t0 = Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const tables = [t0];
  for (let k = 1; k < 8; k++) {
    const prev = tables[k - 1]!;
    tables.push(Uint32Array.from({ length: 256 }, (_, n) => (t0[prev[n]! & 0xff]! ^ (prev[n]! >>> 8)) >>> 0));
  }
  return tables;
}
