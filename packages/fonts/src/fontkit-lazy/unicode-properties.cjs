// unicode-properties as the bundled fontkit sees it: its data is decoded the first time a
// question needs it. Text set without shaping (Han, Latin, punctuation) only asks whether a
// glyph's characters are marks, which is answered here for the blocks that hold no mark at all.
'use strict';
let real;
const load = () => (real ??= require('unicode-properties'));

/** Blocks with no character of general category Mn, Mc or Me (Unicode 15). */
const NO_MARKS = [
  [0x0000, 0x02ff], // Basic Latin … Spacing Modifier Letters (combining marks start at U+0300)
  [0x2000, 0x206f], // General Punctuation
  [0x2e80, 0x2fdf], // CJK Radicals, Kangxi Radicals
  [0x3000, 0x3029], // CJK Symbols and Punctuation up to U+302A, the first ideographic tone mark
  [0x3400, 0x4dbf], // CJK Unified Ideographs Extension A
  [0x4e00, 0x9fff], // CJK Unified Ideographs
  [0xf900, 0xfaff], // CJK Compatibility Ideographs
  [0xfe30, 0xfe4f], // CJK Compatibility Forms
  [0xff00, 0xffef], // Halfwidth and Fullwidth Forms
  [0x20000, 0x3ffff], // the Supplementary and Tertiary Ideographic Planes
];
const withoutMarks = (cp) => NO_MARKS.some(([from, to]) => cp >= from && cp <= to);

module.exports = {
  isMark: (cp) => (withoutMarks(cp) ? false : load().isMark(cp)),
  getCategory: (cp) => load().getCategory(cp),
  getScript: (cp) => load().getScript(cp),
  getCombiningClass: (cp) => load().getCombiningClass(cp),
  isDigit: (cp) => load().isDigit(cp),
  loaded: () => real !== undefined,
};
