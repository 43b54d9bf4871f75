/**
 * Full-width punctuation in Chinese context (GB/T 15834; GB/T 9704 ch. 9). Web copies and
 * hurried typing leave half-width `,;:()?!` between Chinese characters; an official document
 * prints them full-width. Which marks change is decided in `@gongwen/model`, where lint reads the
 * same rule, so what lint asks to fix is what compose prints.
 */
import { fullWidthMarks, halfWidthInChineseContext } from '@gongwen/model';

/** The text with every half-width mark in Chinese context full-width; spaces around them stay. */
export function toFullWidth(text: string): string {
  const marks = halfWidthInChineseContext(text);
  if (marks.length === 0) return text;
  let out = '';
  let from = 0;
  for (const i of marks) {
    out += text.slice(from, i) + fullWidthMarks[text[i]!];
    from = i + 1;
  }
  return out + text.slice(from);
}
