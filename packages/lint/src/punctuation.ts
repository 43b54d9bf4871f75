import { fullWidthMarks as fullWidth, halfWidthInChineseContext } from '@gongwen/model';

export interface HalfwidthMark {
  offset: number;
  mark: string;
}

/**
 * Half-width `, ; : ( ) ? !` that sit in Chinese context: next to a Han character or Chinese
 * punctuation. `12.5`, `3:00`, `http://…` and Latin text are left alone; a bracket pair is
 * judged as a pair, so `村(居)` and `(一)` convert whole and `(ABC)` inside Latin text stays.
 * The rule is `@gongwen/model`'s, the one compose prints by.
 */
export function findHalfwidth(text: string): HalfwidthMark[] {
  return halfWidthInChineseContext(text).map((offset) => ({ offset, mark: text[offset]! }));
}

/** The text with every half-width mark in Chinese context made full-width, and the spaces around them dropped. */
export function fixHalfwidth(text: string): string {
  const marks = new Set(findHalfwidth(text).map((m) => m.offset));
  if (marks.size === 0) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (marks.has(i)) {
      out = out.replace(/ +$/, '');
      out += fullWidth[text[i]!];
      while (text[i + 1] === ' ') i++;
    } else out += text[i];
  }
  return out;
}
