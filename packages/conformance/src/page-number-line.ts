import type { TextLine } from './measurements.js';
import { groupLines, type PlacedItem } from './text-lines.js';

/** Dashes a page number may be framed with, correct (U+2014) or not. */
const PAGE_NUMBER = /^[-—–－‒―~]*\s*(\d{1,4})\s*[-—–－‒―~]*$/u;

/** Below this fraction of the page height a line can be a page number (footers, not body text). */
const FOOTER_ZONE = 0.75;

/**
 * Finds the page-number line: the lowest line of the page, in its bottom quarter, that reads as
 * a number optionally framed by dashes. Returns its index in `lines` and the number.
 */
function findPageNumberLine(lines: readonly TextLine[], pageHeight: number): { index: number; value: number } | undefined {
  const index = lines.length - 1;
  const last = lines[index];
  if (!last || last.baseline < pageHeight * FOOTER_ZONE) return undefined;
  const m = PAGE_NUMBER.exec(last.text.trim());
  return m ? { index, value: Number(m[1]) } : undefined;
}

/**
 * A page's lines and its page number. A landscape page (wider than tall) has its number where
 * the portrait pages have theirs, drawn turned a quarter clockwise: it is looked for in `turned`,
 * that text read in the portrait sheet's frame, and the upright lines keep every line.
 */
export function linesAndPageNumber(upright: readonly PlacedItem[], turned: readonly PlacedItem[], page: { width: number; height: number }): { lines: TextLine[]; pageNumber?: TextLine & { value: number } } {
  const landscape = page.width > page.height;
  const lines = groupLines(upright);
  const numberLines = landscape ? groupLines(turned) : lines;
  const found = findPageNumberLine(numberLines, landscape ? page.width : page.height);
  if (!found) return { lines };
  const pageNumber = { ...numberLines[found.index]!, value: found.value };
  if (!landscape) lines.splice(found.index, 1);
  return { lines, pageNumber };
}
