// Finding fonts on disk: the installed font folders, configured folders and the bundled npm fonts.
import { loadFontWith, type LoadFontOptions } from './load-font.js';
import type { LoadedFont } from './font-set.js';
import { fontkit } from './resolve-fonts.js';

export { systemFontFolders } from './font-folders.js';
export type { ResolveFontsOptions, ResolveFontsResult, RoleExplanation } from './resolve-fonts.js';
export { readSharedFontFiles, resolveFonts, resolveFontsAsync, useSharedFontFiles } from './resolve-fonts.js';

/** A font from its bytes, parsed by the same fontkit copy as the fonts found on disk. */
export function loadFont(bytes: Uint8Array, options: LoadFontOptions = {}): LoadedFont {
  return loadFontWith((b, face) => fontkit().create(b, face), bytes, options);
}
