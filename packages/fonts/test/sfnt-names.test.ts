import { describe, expect, it } from 'vitest';
import { systemFontFolders } from '../src/index.js';
import { readFontFileNames } from '../src/sfnt-names.js';
import { makeCollection, notoSerif, roboto } from './helpers.js';

describe('readFontFileNames', () => {
  it('reads family, PostScript name, subfamily and outline type from the name table', () => {
    expect(readFontFileNames(roboto)).toEqual({
      collection: false,
      faces: [{ families: expect.arrayContaining(['Roboto']), postscriptName: 'Roboto-Regular', subfamily: 'Regular', outlines: 'truetype' }],
    });
    expect(readFontFileNames(notoSerif)!.faces[0]!.families).toContain('Noto Serif SC');
  });

  it('reads every face of a collection', () => {
    const names = readFontFileNames(makeCollection([roboto, notoSerif]))!;
    expect(names.collection).toBe(true);
    expect(names.faces.map((f) => f.postscriptName)).toEqual(['Roboto-Regular', 'NotoSerifSC-Regular']);
  });

  it('returns undefined for a file that is not a font', () => {
    expect(readFontFileNames(import.meta.filename)).toBeUndefined();
    expect(readFontFileNames('/nonexistent/font.ttf')).toBeUndefined();
  });
});

describe('systemFontFolders', () => {
  it('knows the font folders of Windows, macOS and Linux', () => {
    expect(systemFontFolders('win32', { WINDIR: 'C:\\Windows', LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local', HOME: '/h' })[0]).toMatch(/Windows.Fonts$/);
    expect(systemFontFolders('darwin', { HOME: '/Users/a' })).toContain('/Library/Fonts');
    expect(systemFontFolders('linux', { HOME: '/home/a' })).toEqual(['/usr/share/fonts', '/usr/local/share/fonts', '/home/a/.local/share/fonts', '/home/a/.fonts']);
  });
});
