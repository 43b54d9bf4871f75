// In Node, everything: what runs anywhere (./browser.ts) and what reads the disk (./node.ts).
export type { CheckGlyphsOptions, CheckGlyphsResult, GlyphIssue } from './check-glyphs.js';
export { checkGlyphs } from './check-glyphs.js';
export type { PlacedText } from './document-texts.js';
export { documentTexts } from './document-texts.js';
export { formatFontExplanation } from './explain.js';
export { bundledFaces, lookAlikeFamilies, officialFamilies } from './families.js';
export type { BundledFace } from './families.js';
export type { FontSet, FontSource, LoadedFont, ParsedFont } from './font-set.js';
export { fontForChar, isFontSet } from './font-set.js';
export type { LoadFontOptions } from './load-font.js';
export { fontSetOf } from './load-font.js';
export { fontsNotGiven } from './fonts-not-given.js';
export { loadFont, readSharedFontFiles, resolveFonts, resolveFontsAsync, systemFontFolders, useSharedFontFiles } from './node.js';
export type { ResolveFontsOptions, ResolveFontsResult, RoleExplanation } from './resolve-fonts.js';
