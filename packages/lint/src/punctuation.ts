import { fullWidthMarks as fullWidth, isChineseContext as isChinese } from '@gongwen/model';

const halfwidthMark = /[,;:()?!]/;

/** The nearest character that is not a space, looking left (-1) or right (+1). */
function neighbour(text: string, i: number, step: -1 | 1): string | undefined {
  for (let j = i + step; j >= 0 && j < text.length; j += step) if (text[j] !== ' ') return text[j];
  return undefined;
}

export interface HalfwidthMark {
  offset: number;
  mark: string;
}

/**
 * Half-width `, ; : ( ) ? !` that sit in Chinese context: next to a Han character or Chinese
 * punctuation. `12.5`, `3:00`, `http://…` and Latin text are left alone; a bracket pair is
 * judged as a pair, so `村(居)` and `(一)` convert whole and `(ABC)` inside Latin text stays.
 */
export function findHalfwidth(text: string): HalfwidthMark[] {
  // Most strings of a report have no half-width mark at all.
  if (!halfwidthMark.test(text)) return [];
  const marks = new Set<number>();
  const open: number[] = [];
  const pairs = new Map<number, number>();
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(') open.push(i);
    else if (c === ')' && open.length) {
      const o = open.pop()!;
      pairs.set(o, i);
      pairs.set(i, o);
    }
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (!(c in fullWidth)) continue;
    const before = neighbour(text, i, -1);
    const after = neighbour(text, i, 1);
    if (c === '(' || c === ')') {
      const other = pairs.get(i);
      const inside = other === undefined ? '' : text.slice(Math.min(i, other) + 1, Math.max(i, other));
      const otherContext =
        other !== undefined && (isChinese(neighbour(text, other, -1)) || isChinese(neighbour(text, other, 1)));
      if (isChinese(before) || isChinese(after) || otherContext || [...inside].some(isChinese)) marks.add(i);
      continue;
    }
    // `3:00`, `1,000` and `12.5` keep their marks between digits.
    if (/\d/.test(before ?? '') && /\d/.test(after ?? '')) continue;
    if (isChinese(before) || isChinese(after)) marks.add(i);
  }
  return [...marks].sort((a, b) => a - b).map((offset) => ({ offset, mark: text[offset]! }));
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
