import { deflateSync, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32, preparedEntry, readZip, rememberingDeflate, writeZip } from '../src/index.js';

const entries: [string, Uint8Array][] = [
  ['[Content_Types].xml', new TextEncoder().encode('<?xml version="1.0"?><Types/>')],
  ['word/document.xml', new TextEncoder().encode('<w:document>' + '法治政府建设年度报告'.repeat(500) + '</w:document>')],
  ['word/media/empty.bin', new Uint8Array(0)],
  ['word/media/noise.bin', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)],
];

describe('the DOCX zip container', () => {
  it('writes entries another zip reader reads back exactly, in the order given', () => {
    const read = unzipSync(writeZip(entries));
    expect(Object.keys(read)).toEqual(entries.map(([p]) => p));
    for (const [path, data] of entries) expect(Buffer.from(read[path]!).equals(Buffer.from(data))).toBe(true);
  });

  it('reads what another zip writer wrote, stored and deflated entries alike', () => {
    const zipped = zipSync({ 'a.xml': [entries[1]![1], { level: 0 }], 'b/c.bin': [entries[3]![1], { level: 9 }] });
    const read = readZip(zipped);
    expect([...read.keys()]).toEqual(['a.xml', 'b/c.bin']);
    expect(Buffer.from(read.get('a.xml')!).equals(Buffer.from(entries[1]![1]))).toBe(true);
    expect(Buffer.from(read.get('b/c.bin')!).equals(Buffer.from(entries[3]![1]))).toBe(true);
  });

  it('gives the same bytes for the same entries, dated 1980-01-01 whatever the clock says', () => {
    const a = writeZip(entries);
    expect(Buffer.from(writeZip(entries)).equals(Buffer.from(a))).toBe(true);
    // The local header's DOS date: (1980 − 1980) << 9 | 1 << 5 | 1.
    expect(new DataView(a.buffer, a.byteOffset).getUint16(12, true)).toBe(0x21);
  });

  it('deflates a part the same way when it comes again, and anew when its bytes changed', () => {
    const styles = new TextEncoder().encode('<w:styles>' + '<w:style w:type="paragraph"/>'.repeat(200) + '</w:styles>');
    const first = writeZip([['word/styles.xml', styles]]);
    const again = writeZip([['word/styles.xml', styles]]);
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    // The caller may reuse its buffer: what was kept is a copy, and changed bytes are deflated again.
    styles.set(new TextEncoder().encode('<w:latent'), 10);
    const changed = readZip(writeZip([['word/styles.xml', styles]]));
    expect(Buffer.from(changed.get('word/styles.xml')!).equals(Buffer.from(styles))).toBe(true);
    // Whether kept or made anew, an entry is fflate's level-6 deflate of its bytes (after the
    // 30-byte local header and the one-byte name).
    const expected = Buffer.from(deflateSync(styles, { level: 6 }));
    for (let i = 0; i < 2; i++) expect(Buffer.from(writeZip([['a', styles]]).subarray(31, 31 + expected.length)).equals(expected)).toBe(true);
  });

  it('writes a prepared entry as the bytes it was prepared from', () => {
    const prepared = entries.map(([path, data]) => [path, preparedEntry(data)] as const);
    expect(Buffer.from(writeZip(prepared)).equals(Buffer.from(writeZip(entries)))).toBe(true);
    const mixed = entries.map(([path, data], i) => [path, i % 2 ? preparedEntry(data) : data] as const);
    expect(Buffer.from(writeZip(mixed)).equals(Buffer.from(writeZip(entries)))).toBe(true);
    expect(preparedEntry(entries[1]![1]).crc).toBe(crc32(entries[1]![1]));
  });

  it('refuses bytes that are not a zip file', () => {
    expect(() => readZip(new TextEncoder().encode('not a zip at all, just some text of some length'))).toThrow(/not a zip file/);
  });

  it('with a limit, refuses a file declaring more than it and never inflates an entry past its declared size', () => {
    const bomb = writeZip([['big.xml', new Uint8Array(4 * 1024 * 1024)]]);
    expect(bomb.length).toBeLessThan(16 * 1024);
    expect(() => readZip(bomb, { maxBytes: 1024 * 1024 })).toThrow(/too large/);
    expect(readZip(bomb, { maxBytes: 8 * 1024 * 1024 }).get('big.xml')!.length).toBe(4 * 1024 * 1024);
    // An entry that lies about its size (declares 10 bytes in the central directory) yields 10.
    const lying = bomb.slice();
    const view = new DataView(lying.buffer);
    let end = lying.length - 22;
    while (view.getUint32(end, true) !== 0x06054b50) end--;
    view.setUint32(view.getUint32(end + 16, true) + 24, 10, true);
    expect(readZip(lying, { maxBytes: 1024 }).get('big.xml')!.length).toBe(10);
  });
});

describe('rememberingDeflate', () => {
  const bytes = (seed: number, n = 2000) => Uint8Array.from({ length: n }, (_, i) => (i * seed) % 251);
  const counting = () => {
    const calls: number[] = [];
    const deflate = rememberingDeflate(
      (data) => {
        calls.push(data.length);
        return deflateSync(data, { level: 6 });
      },
      { entries: 2, smallest: 100, largest: 4000 },
    );
    return { calls, deflate };
  };

  it('deflates bytes seen before only once, and gives the bytes a deflate of them gives', () => {
    const { calls, deflate } = counting();
    const a = bytes(7);
    const first = deflate(a);
    const again = deflate(bytes(7));
    expect(calls).toEqual([2000]);
    expect(Buffer.from(again).equals(Buffer.from(deflateSync(a, { level: 6 })))).toBe(true);
    expect(again).toBe(first);
  });

  it('keeps a copy: a caller changing its buffer afterwards gets a fresh deflate of the new bytes', () => {
    const { calls, deflate } = counting();
    const a = bytes(7);
    deflate(a);
    a[0] = 99;
    expect(Buffer.from(deflate(a)).equals(Buffer.from(deflateSync(a, { level: 6 })))).toBe(true);
    expect(calls.length).toBe(2);
  });

  it('tells apart inputs of one length that differ only between the bytes it samples', () => {
    const calls: number[] = [];
    const deflate = rememberingDeflate((data) => (calls.push(data.length), deflateSync(data, { level: 6 })), { entries: 4, largest: 1 << 20 });
    // 40,000 bytes: one in every nine is hashed, and the second is not one of them.
    const a = bytes(7, 40_000);
    const b = a.slice();
    b[1] = (b[1]! + 1) % 251;
    deflate(a);
    expect(Buffer.from(deflate(b)).equals(Buffer.from(deflateSync(b, { level: 6 })))).toBe(true);
    expect(Buffer.from(deflate(a)).equals(Buffer.from(deflateSync(a, { level: 6 })))).toBe(true);
    expect(calls.length).toBe(3);
  });

  it('keeps the most recently used entries within its limits, and passes the very small and large through', () => {
    const { calls, deflate } = counting();
    deflate(bytes(3));
    deflate(bytes(5));
    deflate(bytes(3)); // used again: 5 is now the oldest
    deflate(bytes(11)); // a third entry drops 5
    deflate(bytes(3));
    deflate(bytes(5));
    expect(calls.length).toBe(4);
    deflate(bytes(3, 50));
    deflate(bytes(3, 50));
    deflate(bytes(3, 5000));
    deflate(bytes(3, 5000));
    expect(calls.length).toBe(8);
  });
});

describe('crc32', () => {
  /** The sum a byte at a time, as ISO 3309 defines it. */
  const bytewise = (data: Uint8Array): number => {
    let crc = 0xffffffff;
    for (const byte of data) {
      crc ^= byte;
      for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
    }
    return (crc ^ 0xffffffff) >>> 0;
  };

  it('gives the byte-at-a-time sum at every length and offset', () => {
    let seed = 9704;
    const data = Uint8Array.from({ length: 4099 }, () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24);
    for (let length = 0; length < 40; length++) for (let at = 0; at < 9; at++) expect(crc32(data.subarray(at, at + length))).toBe(bytewise(data.subarray(at, at + length)));
    expect(crc32(data)).toBe(bytewise(data));
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
