import { derived, layout, ptToMm } from '@gongwen/model';
import type { HorizontalRule, PageMeasurements, TextLine } from './measurements.js';

/**
 * A table's part on one page, told from geometry alone: the black rules that run across most of
 * the block with the cell lines between them, and, where the table runs over the page's foot
 * (or comes over from the page before), the cell lines down to the foot (from the top).
 */
export interface TableRegion {
  page: number;
  /** Its first and last rule (mm from the top); an open end is its outermost line's em box. */
  top: number;
  bottom: number;
  /** Its rules, the segments a renderer draws cell by cell joined into one. */
  rules: HorizontalRule[];
  /** The text lines inside: title excluded, header and body rows included. */
  lines: TextLine[];
  /** The table goes on on the next page (no closing rule here, or the page ends inside it). */
  continues: boolean;
  /** The table came over from the page before. */
  continued: boolean;
  /** Its first lines that repeat the header rows of the table's first page (a reader reads them once). */
  repeatedHeader: TextLine[];
}

/** A rule counts for a table when it spans at least this share of the text block. */
const TABLE_RULE_MIN_SHARE = 0.5;
/** Segments this close in height (mm) and weight (pt) are one rule drawn in pieces. */
const SAME_Y_MM = 0.3;
const SAME_WEIGHT_PT = 0.1;
/**
 * A line that starts this close (in em) to the block's left edge or to the first-line indent is
 * paragraph text, which no table holds between its rules. Cells stand inside their padding
 * (gongwen: a quarter character; Word: 1.9 mm), so the allowance is tighter than a quarter.
 */
const PARAGRAPH_START_EM = 0.15;
/** 版记 lines (7.4.2, 7.4.3): 抄送 and 印发. A rule group holding them is the 版记, not a table. */
const END_MATTER_LINE = /^(抄送|主送)[：:]|印发$/u;

const ink = (s: string): string => s.replace(/\s/gu, '');

/** Joins the pieces of a rule drawn cell by cell (same height, colour and weight) into one. */
export function joinRuleSegments(rules: readonly HorizontalRule[]): HorizontalRule[] {
  const sorted = [...rules].sort((a, b) => a.y - b.y || a.x1 - b.x1);
  const out: HorizontalRule[] = [];
  for (const r of sorted) {
    const same = out.find((o) => o.tone === r.tone && o.color === r.color && Math.abs(o.y - r.y) <= SAME_Y_MM && Math.abs(o.thicknessPt - r.thicknessPt) <= SAME_WEIGHT_PT);
    if (!same) {
      out.push({ ...r });
      continue;
    }
    same.x1 = Math.min(same.x1, r.x1);
    same.x2 = Math.max(same.x2, r.x2);
    same.length = same.x2 - same.x1;
  }
  return out;
}

export interface TableReader {
  left: number | undefined;
  bodySize: number | undefined;
}

/** A line no table holds between its rules: a title, a heading or paragraph text starting at the edge or indent. */
function isTextOutsideTables(line: TextLine, a: TableReader): boolean {
  if (a.bodySize === undefined || a.left === undefined) return true;
  if (line.fontSize > a.bodySize + 1) return true;
  const em = ptToMm(line.fontSize);
  const indent = ptToMm(layout.paragraph.firstLineIndentChars * derived.charPitchPt);
  const near = (x: number): boolean => Math.abs(line.x - x) < PARAGRAPH_START_EM * em;
  return near(a.left) || near(a.left + indent);
}

/** Black rules across most of the block, top to bottom. */
function tableRules(page: PageMeasurements): HorizontalRule[] {
  const min = TABLE_RULE_MIN_SHARE * layout.textBlock.width;
  return joinRuleSegments(page.rules.filter((r) => r.tone === 'black')).filter((r) => r.length >= min);
}

const between = (lines: readonly TextLine[], top: number, bottom: number): TextLine[] => lines.filter((l) => l.baseline > top && l.baseline < bottom);

/**
 * The tables on every page. Consecutive wide black rules belong to one table when no title,
 * heading or paragraph line stands between them; a group with lines between its rules is a
 * table unless those lines are the 版记's (抄送, 印发). Where a page ends inside a table (cell lines
 * below its last rule, and the next page opening under a rule) those lines belong to it, and so
 * do cell lines above the first rule of a page the table came over to.
 */
export function findTableRegions(pages: readonly PageMeasurements[], a: TableReader): Map<number, TableRegion[]> {
  const found = new Map<number, TableRegion[]>();
  for (const page of pages) {
    const rules = tableRules(page);
    const groups: HorizontalRule[][] = [];
    for (const r of rules) {
      const group = groups.at(-1);
      const last = group?.at(-1);
      if (group && last && !between(page.lines, last.y, r.y).some((l) => isTextOutsideTables(l, a))) group.push(r);
      else groups.push([r]);
    }
    const regions: TableRegion[] = [];
    for (const g of groups) {
      const [top, bottom] = [g[0]!.y, g.at(-1)!.y];
      const lines = between(page.lines, top, bottom);
      if (g.length < 2 || !lines.length || lines.some((l) => END_MATTER_LINE.test(ink(l.text)))) continue;
      regions.push({ page: page.number, top, bottom, rules: g, lines, continues: false, continued: false, repeatedHeader: [] });
    }
    found.set(page.number, regions);
  }
  // A table running over a page's foot: cell lines below its last rule down to the foot, the next
  // page opening under a table rule.
  pages.forEach((page, i) => {
    const next = pages[i + 1];
    const region = found.get(page.number)!.at(-1);
    if (!next || !region) return;
    // A table never runs from a portrait page onto a landscape one or back: each has its own.
    if (page.orientation !== next.orientation) return;
    const after = page.lines.filter((l) => l.baseline > region.bottom);
    if (after.some((l) => isTextOutsideTables(l, a))) return;
    const nextRegion = found.get(next.number)![0];
    const nextFirst = next.lines[0];
    if (!nextRegion || !nextFirst || !nextRegion.lines.includes(nextFirst)) {
      // Rows carried over without the header repeated: cell lines down to the next page's first rule.
      const rules = tableRules(next);
      const firstRule = rules[0];
      if (!firstRule || !nextFirst || nextFirst.baseline > firstRule.y) return;
      const lines = next.lines.filter((l) => l.baseline < firstRule.y);
      if (lines.some((l) => isTextOutsideTables(l, a))) return;
      const carried: TableRegion = { page: next.number, top: Math.min(...lines.map((l) => l.top)), bottom: firstRule.y, rules: [firstRule], lines, continues: false, continued: true, repeatedHeader: [] };
      found.set(next.number, [carried, ...found.get(next.number)!.filter((r) => r.top > firstRule.y)]);
    } else {
      nextRegion.continued = true;
    }
    region.lines.push(...after);
    if (after.length) region.bottom = Math.max(...after.map((l) => l.bottom));
    region.continues = true;
  });
  markRepeatedHeaders(pages, found);
  return found;
}

/**
 * The header rows of a table are the lines between its first two rules on the page it starts;
 * a continued part that opens with the same lines repeats them.
 */
function markRepeatedHeaders(pages: readonly PageMeasurements[], found: Map<number, TableRegion[]>): void {
  let header: string[] = [];
  for (const page of pages) {
    for (const region of found.get(page.number) ?? []) {
      if (!region.continued) {
        const second = region.rules[1];
        header = second ? between(region.lines, region.top, second.y).map((l) => ink(l.text)) : [];
        continue;
      }
      const repeated: TextLine[] = [];
      for (const [i, text] of header.entries()) {
        const line = region.lines[i];
        if (!line || ink(line.text) !== text) break;
        repeated.push(line);
      }
      region.repeatedHeader = repeated.length === header.length ? repeated : [];
    }
  }
}

/** One row of a table part: its lines, and its text read cell by cell, left to right. */
export interface TableRow {
  lines: TextLine[];
  text: string;
}

const segmentsOf = (l: TextLine): NonNullable<TextLine['segments']> => l.segments ?? [{ x: l.x, xEnd: l.xEnd, text: l.text }];

/**
 * The rows of a table part, each read cell by cell as a reader reads a table: a wrapped cell's
 * lines together, then the next cell. In a grid the rules between the lines are the rows'
 * bounds. In a 三线表 a row starts at a line with a cell in as many columns as the part's fullest
 * line; a line with fewer goes on with the cells of the row above (their wrapped lines).
 */
export function tableRows(region: TableRegion): TableRow[] {
  const lines = region.lines.filter((l) => !region.repeatedHeader.includes(l));
  const inner = region.rules.slice(1, -1).map((r) => r.y);
  const columns = Math.max(0, ...lines.map((l) => segmentsOf(l).length));
  const rows: TextLine[][] = [];
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    const ruled = !!prev && inner.some((y) => y > prev.baseline && y < line.baseline);
    const starts = inner.length > 1 ? ruled || !prev : segmentsOf(line).length >= columns;
    if (starts || !rows.length) rows.push([line]);
    else rows.at(-1)!.push(line);
  });
  return rows.map((row) => {
    // Columns where the row's first line has its cells; each later line's parts go under the one they overlap most.
    const cells = segmentsOf(row[0]!).map((s) => ({ x: s.x, xEnd: s.xEnd, texts: [s.text] }));
    for (const line of row.slice(1)) {
      for (const s of segmentsOf(line)) {
        const overlap = (c: (typeof cells)[number]): number => Math.min(c.xEnd, s.xEnd) - Math.max(c.x, s.x);
        const best = cells.reduce((a, b) => (overlap(b) > overlap(a) ? b : a));
        best.texts.push(s.text);
      }
    }
    return { lines: row, text: cells.map((c) => c.texts.join('')).join(' ') };
  });
}
