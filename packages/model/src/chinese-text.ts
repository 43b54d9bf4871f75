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

/** Punctuation that may not open a line (行首禁则), and that may not close one (行尾禁则). */
export const lineBreakClasses = {
  noLineStart: new Set<string>([...layout.text.noLineStart]),
  noLineEnd: new Set<string>([...layout.text.noLineEnd]),
} as const;

/** Whether year, month (1–12) and day name a real calendar date. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** A date as 公文 print it: arabic numerals, full year, no zero padding (`2022年1月9日`). */
export function formatChineseDate(d: { year: number; month: number; day: number }): string {
  return `${d.year}年${d.month}月${d.day}日`;
}
