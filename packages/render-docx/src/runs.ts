import { say as sayIn, type Diagnostic } from '@gongwen/diagnostics';
import type { FontRole } from '@gongwen/model';
import { fontRoles, layout } from '@gongwen/model';
import { TextRun } from 'docx';
import type { FontNames } from './font-names.js';
import { runFonts } from './font-names.js';
import { roleSize } from './geometry.js';

/** What every element builder needs: the font names in use and a place to report problems. */
/** A table as the PDF of the same document lays it out (`renderPdf`'s `tables`). */
export interface TableLayout {
  /** Each row's height in grid lines, header rows first. */
  readonly rowLines: readonly number[];
  /** The body rows (0-based in the table's `rows`) that end a page. */
  readonly breaks: readonly number[];
}

export interface BuildContext {
  names: FontNames;
  diagnostics: Diagnostic[];
  lang: 'zh' | 'en';
  /** For each table in document order, its rows' heights and page breaks in the PDF (`tables`). */
  tableLayouts?: readonly TableLayout[];
  /** Tables written so far, to find each one's breaks. */
  tables?: { count: number };
  /** The elements of landscape tables (layout.landscape): each run of them gets a landscape section. */
  landscape?: Set<unknown>;
}

/** A message in the caller's language. */
export const say = (ctx: BuildContext, zh: string, en: string): string => sayIn(ctx.lang, zh, en);

/**
 * A 破折号 or 省略号: never split across lines (layout.text.unsplittable). LibreOffice breaks Chinese
 * text anywhere its 避头尾 lists allow, and a DOCX cannot extend them, so a pair goes in a run of
 * its own whose East Asian language is Cantonese (`yue-HK`): LibreOffice has no Chinese break rules
 * for that language and breaks around the pair by UAX #14, which keeps it whole and keeps an
 * ellipsis to the character before it, while the font still draws the Chinese forms (—— two ems
 * wide; a language without Chinese forms, such as `x-none`, gets a 1.7-em dash).
 */
const PAIR_LANGUAGE = 'yue-HK';
const unsplittable = new RegExp(`(${layout.text.unsplittable.join('|')})`, 'u');

/**
 * The runs of a text in a font role: one, or more where a pair (破折号, 省略号) takes a run of its own.
 * The paragraph's style already gives `styleRole`'s size and colour; only a run in another role
 * repeats them. The font names are written on every run, so the eastAsia slot is never left to a
 * theme font a government PC lacks.
 */
export function textRuns(
  ctx: BuildContext,
  text: string,
  role: FontRole,
  styleRole: FontRole,
  extra: { bold?: boolean; characterSpacing?: number } = {},
): TextRun[] {
  const spec = fontRoles[role];
  const differs = role !== styleRole;
  const format = {
    font: runFonts(ctx.names, role),
    ...(differs || spec.size !== fontRoles[styleRole].size
      ? { size: roleSize(role), sizeComplexScript: roleSize(role) }
      : {}),
    ...(differs && spec.color !== fontRoles[styleRole].color ? { color: spec.color } : {}),
    ...(extra.bold !== undefined && extra.bold !== fontRoles[styleRole].bold ? { bold: extra.bold } : {}),
    ...(extra.characterSpacing !== undefined ? { characterSpacing: extra.characterSpacing } : {}),
  };
  if (!unsplittable.test(text)) return [new TextRun({ text, ...format })];
  // split() with a capturing group keeps the pairs at the odd places.
  return text
    .split(unsplittable)
    .flatMap((piece, i) => (!piece ? [] : [new TextRun({ text: piece, ...format, ...(i % 2 ? { language: { eastAsia: PAIR_LANGUAGE } } : {}) })]));
}

/**
 * The space Word and LibreOffice put between Chinese characters and Latin letters or digits
 * (自动调整中文与西文/数字的间距), in characters: 3.2 pt at 16 pt measured in LibreOffice 7.4,
 * which applies it to DOCX whatever the file says; the DOCX leaves Word's default (on) so both
 * clients set a date like `2022年1月9日` equally wide.
 */
const AUTOSPACE_CHARS = 0.2;

const isWide = (ch: string): boolean => ch.codePointAt(0)! >= 0x2e80 || /[—…“”‘’·]/u.test(ch);

/**
 * Width of a text in characters of its own size, as the clients lay it out: Chinese characters
 * and full-width forms count one, ASCII digits and letters half (a full stop a quarter), plus the
 * automatic space where the two meet. Used to place the signature and date.
 */
export function textWidthChars(text: string): number {
  let width = 0;
  let previous: boolean | undefined;
  for (const ch of text) {
    const wide = isWide(ch);
    // Times New Roman: digits half an em, full stop and comma a quarter.
    width += wide ? 1 : /[.,:;]/.test(ch) ? 0.25 : 0.5;
    if (previous !== undefined && previous !== wide && ch.trim()) width += AUTOSPACE_CHARS;
    previous = wide;
  }
  return width;
}
