import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examplesDir, gongwen, tempDir } from './cli-helpers.js';


/** The national example saved as GBK, what Windows editors in China often write by default. */
function gbkReport(): string {
  const dir = tempDir();
  const text = readFileSync(join(examplesDir, 'national-jiaokou-2021.yaml'), 'utf8');
  const gbk = new Uint8Array(text.length * 2);
  // Node has no GBK encoder; GB18030's two-byte codes are GBK's, so decode a table once.
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  let n = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const bytes = code < 0x80 ? [code] : table.get(ch);
    if (!bytes) throw new Error(`no GBK code for ${ch}`);
    for (const b of bytes) gbk[n++] = b;
  }
  const path = join(dir, 'gbk.yaml');
  writeFileSync(path, gbk.subarray(0, n));
  return path;
}

describe('a report file that is not UTF-8', () => {
  const file = gbkReport();
  const firstHanziLine = readFileSync(join(examplesDir, 'national-jiaokou-2021.yaml'), 'utf8').split('\n').findIndex((l) => /\p{Script=Han}/u.test(l)) + 1;

  it('render says the file is GBK, where, and what to do, and writes nothing', () => {
    const out = tempDir();
    const r = gongwen(['render', file, '--format', 'txt', '--out', out, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`gbk\\.yaml:${firstHanziLine}:\\d+: error: file is not UTF-8 \\(it looks like GBK/GB18030\\)`));
    expect(r.stderr).toContain('[input/encoding]');
    expect(r.stderr).toMatch(/UTF-8/);
    expect(existsSync(join(out, 'gbk.txt'))).toBe(false);
  });

  it('validate and lint say the same', () => {
    for (const command of ['validate', 'lint']) {
      const r = gongwen([command, file, '--lang', 'en']);
      expect(r.code, command).toBe(1);
      expect(r.stderr, command).toContain('[input/encoding]');
    }
  });

  it('a binary file is called one', () => {
    const path = join(tempDir(), 'scan.yaml');
    writeFileSync(path, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    const r = gongwen(['render', path, '--format', 'txt', '--out', tempDir(), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[input/binary]');
  });
});
