import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSharedFontFiles, resolveFonts, useSharedFontFiles } from '../src/index.js';

// Its own file, so its own process: no font of this thread has been read before these tests.
const options = { systemDirs: [], env: {} };

describe('font files read once for every thread', () => {
  it('reads the files a resolution uses into shared memory, byte for byte', async () => {
    const files = await readSharedFontFiles(options);
    expect(files.size).toBeGreaterThan(0);
    for (const [path, bytes] of files) {
      expect(bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(Buffer.from(bytes).equals(readFileSync(path))).toBe(true);
    }
  });

  it('resolves fonts over the shared bytes instead of reading the files again', async () => {
    const files = await readSharedFontFiles(options);
    useSharedFontFiles(files);
    const { fonts, diagnostics } = resolveFonts(options);
    expect(diagnostics).toEqual([]);
    for (const chain of Object.values(fonts)) {
      const first = chain[0]!;
      expect(first.bytes.buffer).toBe(files.get(first.path)!.buffer);
      expect(first.font.hasGlyphForCodePoint('法'.codePointAt(0)!)).toBe(true);
    }
  });
});
