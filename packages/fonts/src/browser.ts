// What needs no file system: checking glyphs, building a FontSet from font bytes, explaining it.
// The Node entry (`index.ts`, `@gongwen/fonts/node`) adds finding fonts on disk.
import * as fontkit from 'fontkit';
import { loadFontWith, type LoadFontOptions } from './load-font.js';
import type { LoadedFont } from './font-set.js';

export type { CheckGlyphsOptions, CheckGlyphsResult, GlyphIssue } from './check-glyphs.js';
export { checkGlyphs } from './check-glyphs.js';
export type { PlacedText } from './document-texts.js';
export { documentTexts } from './document-texts.js';
export { formatFontExplanation } from './explain.js';
export { bundledFaces, lookAlikeFamilies, officialFamilies } from './families.js';
export type { BundledFace } from './families.js';
export type { FontSet, FontSource, LoadedFont, ParsedFont } from './font-set.js';
export { fontForChar, isFontSet } from './font-set.js';
export type { ResolveFontsOptions, ResolveFontsResult, RoleExplanation } from './resolve-fonts.js';
export type { LoadFontOptions } from './load-font.js';
export { fontSetOf } from './load-font.js';
export { fontsNotGiven } from './fonts-not-given.js';

/** A font from its bytes (a file fetched or picked by the user), parsed once. */
export function loadFont(bytes: Uint8Array, options: LoadFontOptions = {}): LoadedFont {
  return loadFontWith(fontkit.create, bytes, options);
}
