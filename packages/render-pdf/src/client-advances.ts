import type { LoadedFont } from '@gongwen/fonts';

/**
 * Advances (font units) in which the face the DOCX clients set a bundled font's text in differs
 * from the bundled face, by its PostScript name (the same file whether bundled or handed in, as the
 * workbench does). The PDF embeds Google's build of Noto Serif SC and Noto Sans SC (npm);
 * LibreOffice sets the same text in Debian's build of the same design (fonts-noto-cjk's Noto Serif
 * CJK SC and Noto Sans CJK SC, which fonts.conf maps 仿宋, 宋体, 小标宋 and 黑体 to). The builds
 * differ by one unit in a few Latin advances, and most in digits shaped as Latin (`GB/T 9704`:
 * 549 units, against the bundled face's 550), enough to decide where a tight line breaks. Lines
 * are fitted with the clients' advances and drawn with the embedded face's.
 *
 * `plain`: a character's own advance; `shapedLatin`: its advance shaped as Latin script where that
 * differs from `plain` (or, absent there, from the bundled face's shaped advance). Checked against
 * the installed fonts by test/client-advances.test.ts, which prints the table anew when they change.
 */
export const clientAdvances: Readonly<Record<string, { plain: Readonly<Record<string, number>>; shapedLatin: Readonly<Record<string, number>> }>> = {
  'NotoSerifSC-Regular': {
    plain: { J: 402, e: 546, 'è': 546, 'é': 546, 'ê': 546, 'ë': 546, 'ē': 546, 'ě': 546, 'ŏ': 595, 'ơ': 595, 'ư': 652, 'ς': 496, 'е': 546, 'ё': 546, 'ẹ': 546, 'ẻ': 546, 'ẽ': 546, 'ế': 546, 'ề': 546, 'ể': 546, 'ễ': 546, 'ệ': 546, 'Ỉ': 404, 'Ị': 404, 'ọ': 595, 'ỏ': 595, 'ố': 595, 'ồ': 595, 'ổ': 595, 'ỗ': 595, 'ộ': 595, 'ớ': 595, 'ờ': 595, 'ở': 595, 'ỡ': 595, 'ợ': 595, 'ụ': 652, 'ủ': 652, 'ứ': 652, 'ừ': 652, 'ử': 652, 'ữ': 652, 'ự': 652, 'ỳ': 551, 'ỵ': 551, 'ỷ': 551, 'ỹ': 551, '₩': 549, '₫': 549, '⸺': 1690, '⸻': 2493 },
    shapedLatin: { '0': 549, '1': 549, '2': 549, '3': 549, '4': 549, '5': 549, '6': 549, '7': 549, '8': 549, '9': 549 },
  },
  'NotoSerifSC-Bold': {
    plain: { 'ς': 516, 'υ': 608, 'Ỉ': 425, 'Ị': 425, '₩': 588, '₫': 588, '⸺': 1766, '⸻': 2605 },
    shapedLatin: { '0': 588, '1': 588, '2': 588, '3': 588, '4': 588, '5': 588, '6': 588, '7': 588, '8': 588, '9': 588 },
  },
  'NotoSansSC-Regular': {
    plain: { 'ς': 482 },
    shapedLatin: {},
  },
};

const none = { plain: {}, shapedLatin: {} } as const;

function tableOf(font: LoadedFont): (typeof clientAdvances)[string] {
  return clientAdvances[font.postscriptName] ?? none;
}

/** A character's advance (font units) in the client's face, given its advance in `font`. */
export function clientAdvance(font: LoadedFont, char: string, own: number): number {
  return tableOf(font).plain[char] ?? own;
}

/** A character's advance (font units) shaped as Latin in the client's face, given its shaped advance in `font`. */
export function clientShapedAdvance(font: LoadedFont, char: string, ownShaped: number): number {
  const table = tableOf(font);
  return table.shapedLatin[char] ?? table.plain[char] ?? ownShaped;
}
