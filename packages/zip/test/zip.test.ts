import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readZip, writeZip } from '../src/index.js';

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
