import { closeSync, openSync, readSync } from 'node:fs';

/** What a font file says about one of its faces, read from the `name` table. */
export interface FaceNames {
  /** Every family name the face carries, in any language (name IDs 1, 4 and 16). */
  families: string[];
  /** PostScript name (name ID 6): selects the face inside a collection. */
  postscriptName: string;
  /** Subfamily (name ID 2 or 17), e.g. `Regular`, `Bold`. */
  subfamily: string;
  /** `truetype` (glyf outlines), `cff` (PostScript outlines). */
  outlines: 'truetype' | 'cff';
}

export interface FontFileNames {
  collection: boolean;
  faces: FaceNames[];
}

/**
 * Reads the names of every face of a TrueType/OpenType file or collection with a few small reads,
 * so that scanning a system font folder does not read hundreds of megabytes. Returns undefined for
 * anything that is not a font.
 */
export function readFontFileNames(path: string): FontFileNames | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const read = (offset: number, length: number): Buffer => {
      const buf = Buffer.alloc(length);
      const n = readSync(fd!, buf, 0, length, offset);
      if (n < length) throw new RangeError('truncated font file');
      return buf;
    };
    const head = read(0, 12);
    const tag = head.toString('latin1', 0, 4);
    if (tag === 'ttcf') {
      const count = Math.min(head.readUInt32BE(8), 64);
      const offsets = read(12, 4 * count);
      const faces: FaceNames[] = [];
      for (let i = 0; i < count; i++) {
        const face = readFace(read, offsets.readUInt32BE(4 * i));
        if (face) faces.push(face);
      }
      return faces.length ? { collection: true, faces } : undefined;
    }
    const face = readFace(read, 0);
    return face ? { collection: false, faces: [face] } : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function readFace(read: (offset: number, length: number) => Buffer, offset: number): FaceNames | undefined {
  const dir = read(offset, 12);
  const version = dir.readUInt32BE(0);
  const outlines = version === 0x4f54544f /* OTTO */ ? 'cff' : version === 0x00010000 || version === 0x74727565 /* true */ ? 'truetype' : undefined;
  if (!outlines) return undefined;
  const numTables = dir.readUInt16BE(4);
  const records = read(offset + 12, 16 * numTables);
  for (let i = 0; i < numTables; i++) {
    if (records.toString('latin1', 16 * i, 16 * i + 4) !== 'name') continue;
    const tableOffset = records.readUInt32BE(16 * i + 8);
    const length = records.readUInt32BE(16 * i + 12);
    return { ...parseNameTable(read(tableOffset, length)), outlines };
  }
  return undefined;
}

function parseNameTable(table: Buffer): Omit<FaceNames, 'outlines'> {
  const count = table.readUInt16BE(2);
  const stringOffset = table.readUInt16BE(4);
  const families = new Set<string>();
  let postscriptName = '';
  let subfamily = '';
  let typographicSubfamily = '';
  for (let i = 0; i < count; i++) {
    const r = 6 + 12 * i;
    const platform = table.readUInt16BE(r);
    const encoding = table.readUInt16BE(r + 2);
    const nameId = table.readUInt16BE(r + 6);
    if (![1, 2, 4, 6, 16, 17].includes(nameId)) continue;
    const length = table.readUInt16BE(r + 8);
    const start = stringOffset + table.readUInt16BE(r + 10);
    const raw = table.subarray(start, start + length);
    let text: string | undefined;
    if (platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10 || encoding === 0))) text = utf16be(raw);
    else if (platform === 1 && encoding === 0) text = raw.toString('latin1');
    else if (platform === 3 && encoding === 3) text = new TextDecoder('gbk').decode(raw).replace(/\0/g, '');
    if (!text) continue;
    if (nameId === 6) postscriptName ||= text;
    else if (nameId === 2) subfamily ||= text;
    else if (nameId === 17) typographicSubfamily ||= text;
    else families.add(text.trim());
  }
  return { families: [...families], postscriptName, subfamily: typographicSubfamily || subfamily };
}

function utf16be(raw: Buffer): string {
  let out = '';
  for (let i = 0; i + 1 < raw.length; i += 2) out += String.fromCharCode(raw.readUInt16BE(i));
  return out;
}
