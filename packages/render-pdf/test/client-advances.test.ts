import { existsSync, readFileSync } from 'node:fs';
import { loadFont, resolveFonts, type LoadedFont } from '@gongwen/fonts';
import { describe, expect, it } from 'vitest';
import { clientAdvance, clientAdvances, clientShapedAdvance } from '../src/client-advances.js';

// Debian's fonts-noto-cjk: the faces fonts.conf sets the DOCX's fonts in for LibreOffice.
const debianDir = '/usr/share/fonts/opentype/noto';
const debianFaces: Record<string, { file: string; face: string }> = {
  'NotoSerifSC-Regular': { file: 'NotoSerifCJK-Regular.ttc', face: 'NotoSerifCJKsc-Regular' },
  'NotoSerifSC-Bold': { file: 'NotoSerifCJK-Bold.ttc', face: 'NotoSerifCJKsc-Bold' },
  'NotoSansSC-Regular': { file: 'NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
};
const haveDebianFonts = Object.values(debianFaces).every((d) => existsSync(`${debianDir}/${d.file}`));
if (/^(1|true)$/i.test(process.env.CI ?? '') && !haveDebianFonts) throw new Error('CI needs Debian fonts-noto-cjk for the client-advance check');

type Shaper = { layout(text: string, features: Record<string, boolean>, script: string): { positions: { xAdvance: number }[] } };
const plainOf = (f: LoadedFont, char: string) => f.font.glyphForCodePoint(char.codePointAt(0)!).advanceWidth;
/** Shaped after a Latin letter, without kerning, as the line breaker shapes a Latin run. */
const shapedOf = (f: LoadedFont, char: string) => (f.font as unknown as Shaper).layout(`A${char}`, { kern: false }, 'latn').positions.at(-1)!.xAdvance;

const bundled = new Map<string, LoadedFont>();
for (const chain of Object.values(resolveFonts({ systemDirs: [], env: {} }).fonts)) for (const f of chain) bundled.set(f.postscriptName, f);

describe.skipIf(!haveDebianFonts)("the clients' advances of the bundled faces", () => {
  it('cover every face the bundle has', () => {
    expect([...bundled.keys()].sort()).toEqual(Object.keys(clientAdvances).sort());
  });

  for (const [name, debian] of Object.entries(debianFaces)) {
    it(`are Debian's for every character ${name} shares with it`, () => {
      const own = bundled.get(name)!;
      const client = loadFont(new Uint8Array(readFileSync(`${debianDir}/${debian.file}`)), { face: debian.face });
      const wrong: string[] = [];
      const plain: Record<string, number> = {};
      const shapedLatin: Record<string, number> = {};
      for (let cp = 0x21; cp < 0x2e80; cp++) {
        if (!own.font.hasGlyphForCodePoint(cp) || !client.font.hasGlyphForCodePoint(cp)) continue;
        const char = String.fromCodePoint(cp);
        const [p, s] = [plainOf(client, char), shapedOf(client, char)];
        if (p !== plainOf(own, char)) plain[char] = p;
        if (s !== (plain[char] ?? shapedOf(own, char))) shapedLatin[char] = s;
        if (clientAdvance(own, char, plainOf(own, char)) !== p || clientShapedAdvance(own, char, shapedOf(own, char)) !== s) wrong.push(char);
      }
      // On a mismatch, the table to paste into src/client-advances.ts.
      if (wrong.length) console.log(name, JSON.stringify({ plain, shapedLatin }));
      expect(wrong).toEqual([]);
      // The digits of `GB/T 9704` are what breaks lines differently: the table must say so.
      expect(clientShapedAdvance(own, '9', shapedOf(own, '9'))).toBe(shapedOf(client, '9'));
    });
  }

  it('do not touch another face', () => {
    const debian = loadFont(new Uint8Array(readFileSync(`${debianDir}/NotoSerifCJK-Regular.ttc`)), { face: 'NotoSerifCJKsc-Regular', source: 'installed' });
    expect(clientShapedAdvance(debian, '9', 1234)).toBe(1234);
    expect(clientAdvance(debian, 'e', 1234)).toBe(1234);
  });
});
