/**
 * The rules of Chinese text that every stage applies the same way: what counts as a Han
 * character (the Extension planes included), what counts as Chinese context for punctuation,
 * which half-width marks become which full-width ones (GB/T 15834), the 避头尾 classes of line
 * breaking, and dates as 公文 print them (GB/T 9704 7.3.5.4). compose, lint, import and the
 * renderers read them here, so a character is Chinese to all of them or to none.
 */
import { layout } from './layout.js';

/** A Han character: the unified ideographs, Extension A to the planes of B–G and beyond, compatibility ideographs, 〇 and radicals. */
export const hanCharacter = /\p{Script=Han}/u;

/** Han characters and the punctuation of Chinese text (CJK symbols, full-width forms, “”‘’, —, …): the context in which a mark is written full-width. */
export const chineseContext = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2018-\u201d\u2014\u2026]/u;

export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && hanCharacter.test(ch);
}

export function isChineseContext(ch: string | undefined): boolean {
  return ch !== undefined && chineseContext.test(ch);
}

/** Half-width marks that Chinese text writes full-width, and their full-width forms. */
export const fullWidthMarks: Readonly<Record<string, string>> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

const halfWidthMark = /[,;:?!()]/;

/** The nearest character (a whole code point) that is not a space or a tab, before (-1) or after (+1) the one at `i`. */
function neighbourOf(text: string, i: number, step: -1 | 1): string | undefined {
  for (let j = i + step; j >= 0 && j < text.length; j += step) {
    const c = text[j]!;
    if (c === ' ' || c === '\t') continue;
    const code = c.charCodeAt(0);
    // A character of the Extension planes is two UTF-16 units: read it whole from either end.
    if (step < 0 && code >= 0xdc00 && code <= 0xdfff && j > 0) return text.slice(j - 1, j + 1);
    if (step > 0 && code >= 0xd800 && code <= 0xdbff) return text.slice(j, j + 2);
    return c;
  }
  return undefined;
}

/**
 * Where the half-width `, ; : ? ! ( )` of a text stand in Chinese context (GB/T 15834; GB/T 9704
 * ch. 9), as UTF-16 offsets in order: a mark whose nearest neighbour on either side (spaces
 * skipped) is Chinese. A bracket pair is judged as a pair — both when either bracket has a Chinese
 * neighbour or the text between them holds Chinese — so `村(居)` and `(一)` change whole while
 * `(ABC)` in Latin text stays. `12.5%`, `1,000`, `3:00`, `2021-12-31` and `https://a.b/c?d=1`
 * stay as they are. compose prints these marks full-width; lint asks for it, the same marks.
 */
export function halfWidthInChineseContext(text: string): number[] {
  // Most strings of a report have no half-width mark at all.
  if (!halfWidthMark.test(text)) return [];
  const partner = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') open.push(i);
    else if (text[i] === ')' && open.length) {
      const o = open.pop()!;
      partner.set(o, i).set(i, o);
    }
  }
  const nextToChinese = (i: number) => isChineseContext(neighbourOf(text, i, -1)) || isChineseContext(neighbourOf(text, i, 1));
  const found: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (!halfWidthMark.test(c)) continue;
    if (nextToChinese(i)) found.push(i);
    else if (c === '(' || c === ')') {
      const other = partner.get(i);
      if (other !== undefined && (nextToChinese(other) || chineseContext.test(text.slice(Math.min(i, other) + 1, Math.max(i, other))))) found.push(i);
    }
  }
  return found;
}

/** Punctuation that may not open a line (行首禁则), and that may not close one (行尾禁则). */
export const lineBreakClasses = {
  noLineStart: new Set<string>([...layout.text.noLineStart]),
  noLineEnd: new Set<string>([...layout.text.noLineEnd]),
} as const;

/** Whether a line may break between the two characters of a 破折号 or 省略号 (never). */
export function splitsPair(before: string | undefined, after: string | undefined): boolean {
  return before !== undefined && after !== undefined && layout.text.unsplittable.includes(before + after);
}

/** UAX #14 line-breaking classes of the characters report text carries (others count as AL). */
type BreakClass = 'AL' | 'NU' | 'ID' | 'CL' | 'OP' | 'QU' | 'B2' | 'IN' | 'PO' | 'PR' | 'IS' | 'SY' | 'HY' | 'EX' | 'NS' | 'SP' | 'GL';
const classOf: Record<string, BreakClass> = {};
const assign = (chars: string, c: BreakClass) => {
  for (const ch of chars) classOf[ch] = c;
};
assign('、。，．)]}）］｝〉》」』】〕〗〙', 'CL');
assign('([{（［｛〈《「『【〔〖〘', 'OP');
// LibreOffice lets a line break before an opening Chinese quotation mark, as before a bracket, and
// after a closing one before Chinese text (westernBreakAllowed); plain UAX #14 keeps both kinds to
// both neighbours.
assign('"\'”’', 'QU');
assign('“‘', 'OP');
assign('—', 'B2');
assign('…‥', 'IN');
assign('%‰′″℃％', 'PO');
assign('$+£¥€￥￡', 'PR');
assign('.,:;', 'IS');
assign('/', 'SY');
assign('-', 'HY');
assign('!?！？', 'EX');
assign('：；々ー〜', 'NS');
assign(' ', 'SP');
assign('\u00a0\u2011\u2060\ufeff', 'GL');

function breakClass(ch: string): BreakClass {
  const c = classOf[ch];
  if (c) return c;
  if (/[0-9]/.test(ch)) return 'NU';
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u.test(ch)) return 'ID';
  return 'AL';
}

/**
 * Whether a line may break before an ellipsis (…): after closing punctuation (`。……`, `：……`) or a
 * space, not after a letter, digit, ideograph, ellipsis, quotation mark or ！？ (UAX #14 LB19, LB22),
 * so a 省略号 after a word goes down with its last character (`等……`).
 */
export function breakBeforeEllipsis(before: string): boolean {
  const a = breakClass(before);
  return !(a === 'AL' || a === 'ID' || a === 'NU' || a === 'IN' || a === 'EX' || a === 'QU' || a === 'OP' || a === 'GL');
}

/**
 * Whether UAX #14 (in the form LibreOffice applies to Western text, and Word alike) allows a line
 * break between two neighbouring characters. The renderers use it where a line's overflow falls
 * in Latin letters or digits (the nearest letter or digit before the overflow is Latin): there no
 * line breaks between a closing mark and a digit or letter (`。2021年`, `，12.5%`), next to a
 * quotation mark (`1“`, `”2`), inside a number (`12.5%`, `3·15`) or a word (`APP`, `GB/T`), and the line breaks
 * in front of the Chinese character before them instead. A hyphen or dash lets the line break after it.
 * `markFollowsLatin`: the nearest letter or digit before the break is Latin (`APP、|“`).
 */
export function westernBreakAllowed(before: string, after: string, markFollowsLatin = false): boolean {
  const a = breakClass(before);
  const b = breakClass(after);
  if (b === 'SP' || a === 'GL' || b === 'GL') return false;
  if (b === 'CL' || b === 'EX' || b === 'IS' || b === 'SY') return false;
  if (a === 'SP') return true;
  // Before an opening Chinese quotation mark the line breaks after a Chinese character (`法“12·4”`)
  // and after a mark that follows Chinese text (`日、“4·15”`), but, as UAX #14 has it (LB19), not
  // after a mark that follows a Latin word or number (`APP、“法治超市”`, `APP”“`).
  if ((after === '“' || after === '‘') && a !== 'ID' && markFollowsLatin) return false;
  // After a closing Chinese quotation mark LibreOffice breaks before an ideograph, whatever the
  // quotation holds (`’|设`, `‘APP服务’|设`), and before an opening mark after Chinese text (`办”|《`, not `“6·1”《`).
  if ((before === '”' || before === '’') && (b === 'ID' || (b === 'OP' && !markFollowsLatin))) return true;
  if (a === 'OP' || a === 'QU' || b === 'QU') return false;
  if (a === 'CL' && b === 'NS') return false;
  if (a === 'B2' && b === 'B2') return false;
  if (b === 'HY' || b === 'NS') return false;
  if (b === 'IN' && !breakBeforeEllipsis(before)) return false;
  if ((a === 'ID' && b === 'PO') || (a === 'AL' && b === 'NU') || (a === 'NU' && b === 'AL')) return false;
  if ((a === 'PR' && (b === 'ID' || b === 'AL')) || (a === 'AL' && b === 'PR') || (a === 'PO' && b === 'AL')) return false;
  if ((a === 'PR' || a === 'PO') && (b === 'OP' || b === 'NU')) return false;
  if (b === 'NU' && (a === 'NU' || a === 'SY' || a === 'IS')) return false;
  if (a === 'NU' && (b === 'PO' || b === 'PR')) return false;
  if (a === 'CL' && (b === 'PO' || b === 'PR')) return false;
  if (a === 'AL' && b === 'AL') return false;
  if ((a === 'IS' || a === 'SY') && b === 'AL') return false;
  if ((a === 'AL' || a === 'NU') && b === 'OP') return false;
  if (a === 'CL' && (b === 'AL' || b === 'NU')) return false;
  return true;
}

/** Whether year, month (1–12) and day name a real calendar date. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** A date as 公文 print it: arabic numerals, full year, no zero padding (`2022年1月9日`). */
export function formatChineseDate(d: { year: number; month: number; day: number }): string {
  return `${d.year}年${d.month}月${d.day}日`;
}
