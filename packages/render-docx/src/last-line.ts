import { derived, fontRoles, lineBreakClasses, twipToPt } from '@gongwen/model';
import { docxElements, docxGeometry } from './geometry.js';
import { textWidthChars } from './runs.js';

/** Punctuation that may not open a line (行首禁则), and that may not close one (行尾禁则): the layout spec's. */
const { noLineStart, noLineEnd } = lineBreakClasses;

/** A body character as set: 3号 less the condensing, in points. */
const charPt = fontRoles.body.size + twipToPt(docxGeometry.bodyCondense);
/** The line, and the first line after its indent, in such characters (28.08 and 26.07). */
const lineChars = derived.blockWidthPt / charPt;
const firstLineChars = (derived.blockWidthPt - twipToPt(docxElements.paragraphIndent)) / charPt;

/**
 * Where the last line of a justified body paragraph starts (a UTF-16 offset into `text`), as
 * Word and LibreOffice break it: lines of 28 characters, the first two shorter, no
 * closing punctuation at a line's start and no opening one at its end (the character before
 * moves down with it). Undefined for a paragraph of one line.
 */
export function lastLineStart(text: string): number | undefined {
  const chars = [...text];
  const starts: number[] = [0];
  let line = '';
  let lineStart = 0;
  for (let i = 0; i < chars.length; i++) {
    const capacity = starts.length === 1 ? firstLineChars : lineChars;
    if (textWidthChars(line + chars[i]) <= capacity) {
      line += chars[i];
      continue;
    }
    // chars[i] does not fit: the line breaks before it, or earlier where the rules forbid that.
    let cut = i;
    while (cut - 1 > lineStart && (noLineStart.has(chars[cut]!) || noLineEnd.has(chars[cut - 1]!))) cut--;
    starts.push(cut);
    lineStart = cut;
    line = chars.slice(cut, i + 1).join('');
  }
  if (starts.length < 2) return undefined;
  return chars.slice(0, starts.at(-1)).join('').length;
}
