import type { TextLine } from './measurements.js';

/** Dashes a page number may be framed with, correct (U+2014) or not. */
const PAGE_NUMBER = /^[-—–－‒―~]*\s*(\d{1,4})\s*[-—–－‒―~]*$/u;

/** Below this fraction of the page height a line can be a page number (footers, not body text). */
const FOOTER_ZONE = 0.75;

/**
 * Finds the page-number line: the lowest line of the page, in its bottom quarter, that reads as
 * a number optionally framed by dashes. Returns its index in `lines` and the number.
 */
export function findPageNumberLine(lines: readonly TextLine[], pageHeight: number): { index: number; value: number } | undefined {
  const index = lines.length - 1;
  const last = lines[index];
  if (!last || last.baseline < pageHeight * FOOTER_ZONE) return undefined;
  const m = PAGE_NUMBER.exec(last.text.trim());
  return m ? { index, value: Number(m[1]) } : undefined;
}
