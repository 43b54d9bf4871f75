/**
 * Breaking a title into lines as GB/T 9704 7.3.1 asks: 词意完整，排列对称，长短适宜，梯形或菱形.
 * A line may end only between meaningful units — after an organ's name, before 关于, before the
 * year — and the lines should widen downwards (a trapezoid) or widen then narrow (a diamond).
 * This runs once, where the Document is made, so every renderer prints the same lines.
 */
import { lineBreakClasses } from '@gongwen/model';

export interface TitleBreakOptions {
  /** How many title characters (full-width) fit on a line of the text block. */
  capacity: number;
  /** Names the title may begin with (the issuers' names and short names): a line may end after one. */
  organs?: readonly string[];
}

/** A title longer than this is broken where its lines fill (searching meaningful breaks would cost too much). */
const MAX_SEARCHED = 80;
/** At most this many lines are tried for a title. */
const MAX_LINES = 5;
/** At most this many ways of breaking are weighed (a title of many equal places to break stops early). */
const MAX_TRIED = 20000;

// Costs of ending a line at a place; a lower total wins.
const COST = {
  /** Between two organs, after the organ before 关于 or the year: where a typist breaks. */
  organ: 0,
  beforeYear: 1,
  /** After the year, before the subject (2021年 / 法治政府建设…). */
  afterYear: 5,
  /** Before the kind of document (…建设 / 年度报告, …情况 / 的报告). */
  beforeKind: 5,
  /** Inside a name, after the place it belongs to (××县 / 司法局). */
  insideName: 10,
  /** Each line more than the fewest that could hold the title. */
  extraLine: 2,
  /** Lines that are neither a trapezoid nor a diamond (an upper line longer than the one below). */
  badShape: 3,
  /** A line of under a quarter of the line's length (长短适宜). */
  shortLine: 4,
};

/** Width in full-width characters: digits and Latin letters take about half. */
export function titleWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u0020-\u007e]/.test(ch) ? 0.55 : 1;
  return w;
}

// Never a line ending before closing punctuation, nor after opening punctuation (避头尾).
const { noLineStart, noLineEnd } = lineBreakClasses;
const KIND = /^(?:(?:工作)?(?:情况)?的?报告|年度报告|工作报告|情况报告|的报告)$/;

/**
 * The title as lines: each given line that fits stays as it is; a line too long for the title
 * block is broken at its best places.
 */
export function breakTitle(lines: readonly string[], options: TitleBreakOptions): string[] {
  return lines.flatMap((line) => (titleWidth(line) <= options.capacity ? [line] : breakLine(line, options)));
}

function breakLine(line: string, options: TitleBreakOptions): string[] {
  const chars = [...line];
  if (chars.length > MAX_SEARCHED) return fill(chars, options.capacity);
  const costs = breakCosts(line, options.organs ?? []);
  const minLines = Math.ceil(titleWidth(line) / options.capacity);
  let best: { cost: number; cuts: number[] } | undefined;
  let tried = 0;
  // Depth-first over the places a line may end, pruned by the cost so far.
  const search = (start: number, cuts: number[], cost: number) => {
    if ((best && cost >= best.cost) || ++tried > MAX_TRIED) return;
    const rest = chars.slice(start).join('').replace(/^ +/, '');
    if (titleWidth(rest) <= options.capacity) {
      const all = [...cuts, chars.length];
      const total = cost + shapeCost(pieces(chars, all), options.capacity) + COST.extraLine * Math.max(0, all.length - minLines);
      if (!best || total < best.cost) best = { cost: total, cuts: all };
      return;
    }
    if (cuts.length + 1 >= MAX_LINES) return;
    for (let end = start + 1; end < chars.length; end++) {
      const piece = chars.slice(start, end).join('').trim();
      if (titleWidth(piece) > options.capacity) break;
      const c = costs[end];
      if (c === undefined || !piece) continue;
      search(end, [...cuts, end], cost + c);
    }
  };
  search(0, [], 0);
  return best ? pieces(chars, best.cuts) : fill(chars, options.capacity);
}

// A line ends only at a meaningful place; a title with too few of them is filled evenly instead.

function pieces(chars: string[], cuts: number[]): string[] {
  let start = 0;
  return cuts.map((end) => {
    const piece = chars.slice(start, end).join('').trim();
    start = end;
    return piece;
  });
}

/** Trapezoid (each line at least as long as the one above) or diamond (longer, then shorter) costs nothing. */
function shapeCost(lines: string[], capacity: number): number {
  const w = lines.map(titleWidth);
  let cost = w.some((x) => x < capacity / 4) ? COST.shortLine : 0;
  const peak = w.indexOf(Math.max(...w));
  const rising = w.slice(0, peak + 1).every((x, i) => i === 0 || x >= w[i - 1]!);
  const falling = w.slice(peak).every((x, i, a) => i === 0 || x <= a[i - 1]!);
  const trapezoid = peak === w.length - 1 && rising;
  const diamond = lines.length >= 3 && peak > 0 && peak < w.length - 1 && rising && falling;
  if (!trapezoid && !diamond) cost += COST.badShape;
  return cost;
}

/**
 * The cost of ending a line before character i (1 … n−1), or undefined where a line may not end:
 * inside a number or a Latin word, before closing punctuation, after opening punctuation.
 */
function breakCosts(line: string, organs: readonly string[]): (number | undefined)[] {
  const chars = [...line];
  const costs: (number | undefined)[] = [];
  const offsets: number[] = [];
  let o = 0;
  for (const ch of chars) {
    offsets.push(o);
    o += ch.length;
  }
  const at = (i: number) => offsets[i] ?? line.length;
  // Ends of the organ names the title starts with (joint issuers follow one another).
  const organEnds = new Set<number>();
  let pos = 0;
  for (let more = true; more; ) {
    more = false;
    while (chars[pos] === ' ' || chars[pos] === '、') pos++;
    for (const name of [...organs].sort((a, b) => b.length - a.length)) {
      if (name && line.startsWith(name, at(pos))) {
        pos += [...name].length;
        organEnds.add(pos);
        more = true;
        break;
      }
    }
  }
  for (let i = 1; i < chars.length; i++) {
    const before = chars.slice(0, i).join('');
    const after = chars.slice(i).join('');
    const prev = chars[i - 1]!;
    const next = chars[i]!;
    if (/[0-9A-Za-z.]/.test(prev) && /[0-9A-Za-z.]/.test(next)) continue;
    if (noLineStart.has(next) || noLineEnd.has(prev)) continue;
    let cost: number | undefined;
    if (prev === ' ' || next === ' ' || prev === '、' || organEnds.has(i) || after.startsWith('关于')) cost = COST.organ;
    else if (/^[0-9]{4}年/.test(after)) cost = COST.beforeYear;
    else if (/[0-9]{4}年度?$/.test(before) && !/^度/.test(after)) cost = COST.afterYear;
    else if (KIND.test(after)) cost = COST.beforeKind;
    else if (/(?:省|市|县|区|旗|乡|镇|街道)$/.test(before) && !/^(?:委|政府|人民|办)/.test(after)) cost = COST.insideName;
    costs[i] = cost;
  }
  return costs;
}

/**
 * Lines of even length (the last may be a little longer), never breaking inside a number or
 * before closing punctuation: for a title without enough meaningful places to break.
 */
function fill(chars: string[], capacity: number): string[] {
  const count = Math.ceil(titleWidth(chars.join('')) / capacity);
  const even = Math.min(capacity, Math.ceil(titleWidth(chars.join('')) / count));
  const lines = fillTo(chars, even);
  return lines.length > count ? fillTo(chars, capacity) : lines;
}

function fillTo(chars: string[], capacity: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of chars) {
    if (line && titleWidth(line + ch) > capacity && !noLineStart.has(ch) && !(/[0-9A-Za-z]/.test(ch) && /[0-9A-Za-z]$/.test(line))) {
      lines.push(line.trim());
      line = '';
    }
    line += ch;
  }
  if (line.trim()) lines.push(line.trim());
  return lines;
}
