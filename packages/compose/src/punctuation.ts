/**
 * Full-width punctuation in Chinese context (GB/T 15834; GB/T 9704 ch. 9). Web copies and
 * hurried typing leave half-width `,;:()?!` between Chinese characters; an official document
 * prints them full-width. A mark only changes when a neighbour is Chinese, so `12.5%`, `1,000`,
 * `2021-12-31`, `3·15` and `https://a.b/c?d=1` stay as they are.
 */
import { fullWidthMarks as MAP, isChineseContext as isChinese } from '@gongwen/model';

const HALFWIDTH = /[,;:?!()]/;

/** The nearest non-space character before/after position i. */
function neighbour(chars: string[], i: number, step: -1 | 1): string | undefined {
  for (let j = i + step; j >= 0 && j < chars.length; j += step) {
    const c = chars[j]!;
    if (c !== ' ' && c !== '\t') return c;
  }
  return undefined;
}

export function toFullWidth(text: string): string {
  // Most strings of a report have no half-width mark at all.
  if (!HALFWIDTH.test(text)) return text;
  const chars = Array.from(text);
  const out = chars.slice();
  // Parentheses pair up: an opening one that becomes full-width makes its partner full-width too.
  const openStack: { index: number; full: boolean }[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const full = MAP[c];
    if (!full) continue;
    const before = neighbour(chars, i, -1);
    const after = neighbour(chars, i, 1);
    const chinese = isChinese(before) || isChinese(after);
    if (c === '(') {
      openStack.push({ index: i, full: chinese });
      if (chinese) out[i] = full;
    } else if (c === ')') {
      const open = openStack.pop();
      if (chinese || open?.full) {
        out[i] = full;
        if (open && !open.full) out[open.index] = '（';
      }
    } else if (chinese) {
      out[i] = full;
    }
  }
  return out.join('');
}
