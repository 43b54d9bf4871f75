import { ptToMm } from '@gongwen/model';
import type { TextLine } from './measurements.js';

/** A text item placed on the page, already in page coordinates (mm from the top-left). */
export interface PlacedItem {
  str: string;
  x: number;
  /** Advance width of the whole string, mm. */
  width: number;
  baseline: number;
  fontSize: number;
  font: string;
  /** Font ascent and descent as fractions of the size (descent negative). */
  ascent: number;
  descent: number;
}

/**
 * Items whose baselines differ by less than this belong to one line. Renderers put every run of
 * a line on one baseline; a fifth of the size absorbs rounding and font shifts.
 */
const BASELINE_TOLERANCE_EM = 0.2;

const isBlank = (s: string): boolean => s.trim() === '';

/** Left and right ends of the non-blank part of an item (blank edges estimated per character). */
function inkExtent(item: PlacedItem): { start: number; end: number } {
  const chars = [...item.str];
  const lead = chars.length - [...item.str.trimStart()].length;
  const trail = chars.length - [...item.str.trimEnd()].length;
  const perChar = chars.length > 0 ? item.width / chars.length : 0;
  return { start: item.x + lead * perChar, end: item.x + item.width - trail * perChar };
}

/** The value that carries most characters (ties: the first seen). */
function dominant<T>(pairs: Array<[T, number]>): T | undefined {
  const weight = new Map<T, number>();
  for (const [k, w] of pairs) weight.set(k, (weight.get(k) ?? 0) + w);
  let best: T | undefined;
  let bestWeight = -1;
  for (const [k, w] of weight) if (w > bestWeight) [best, bestWeight] = [k, w];
  return best;
}

const inkCount = (s: string): number => [...s.replace(/\s/gu, '')].length;

/** Groups items into lines by baseline, top to bottom; items within a line left to right. */
export function groupLines(items: readonly PlacedItem[]): TextLine[] {
  const visible = items.filter((i) => !isBlank(i.str)).sort((a, b) => a.baseline - b.baseline || a.x - b.x);
  const groups: PlacedItem[][] = [];
  for (const item of visible) {
    const last = groups.at(-1);
    const anchor = last?.[0];
    const tolerance = ptToMm(BASELINE_TOLERANCE_EM * Math.max(item.fontSize, anchor?.fontSize ?? 0));
    if (last && anchor && Math.abs(item.baseline - anchor.baseline) <= tolerance) last.push(item);
    else groups.push([item]);
  }
  return groups.map(toLine);
}

function toLine(group: PlacedItem[]): TextLine {
  const items = [...group].sort((a, b) => a.x - b.x);
  let text = '';
  let prevEnd: number | undefined;
  const segments: NonNullable<TextLine['segments']> = [];
  for (const item of items) {
    const { start, end } = inkExtent(item);
    // A visible gap between runs (版记: 印发机关 … 印发日期; a table's cells) reads as a space.
    const gap = prevEnd !== undefined && start - prevEnd > ptToMm(item.fontSize * 0.5);
    if (gap && !/\s$/u.test(text)) text += ' ';
    text += item.str;
    const last = segments.at(-1);
    if (!last || gap) segments.push({ x: start, xEnd: end, text: item.str.trim() });
    else {
      last.xEnd = Math.max(last.xEnd, end);
      last.text += item.str;
    }
    prevEnd = Math.max(prevEnd ?? end, end);
  }
  const extents = items.map(inkExtent);
  const fontSize = dominant(items.map((i) => [i.fontSize, inkCount(i.str)])) ?? items[0]!.fontSize;
  const font = dominant(items.map((i) => [i.font, inkCount(i.str)])) ?? items[0]!.font;
  const baseline = items.map((i) => i.baseline).reduce((a, b) => a + b, 0) / items.length;
  return {
    text,
    x: Math.min(...extents.map((e) => e.start)),
    xEnd: Math.max(...extents.map((e) => e.end)),
    baseline,
    top: Math.min(...items.map((i) => i.baseline - ptToMm(i.ascent * i.fontSize))),
    bottom: Math.max(...items.map((i) => i.baseline - ptToMm(i.descent * i.fontSize))),
    fontSize,
    font,
    fonts: [...new Set(items.map((i) => i.font))],
    segments: segments.map((g) => ({ ...g, text: g.text.trim() })),
  };
}
