import { derived, layout, mmToPt, ptToMm } from '@gongwen/model';
import type { PageSummary } from './check-report.js';
import type { HorizontalRule, PageMeasurements, PdfMeasurements, TextLine } from './measurements.js';
import { findSignature, type SignatureBlock } from './signature-block.js';
import { findTableRegions, tableRows, type TableRegion } from './table-regions.js';
import { tolerances } from './tolerances.js';

/** Why a page is not a full body page. */
export type PageKind = PageSummary['exempt'][number];

/** Trailing punctuation that LibreOffice and Word may hang into the right margin. */
const HANGING = new Set(['，', '。', '、', ',', '.']);

/** An attachment starts a new page with `附件` or `附件2` on its first line (7.3.7). */
const ATTACHMENT_LABEL = /^附件[0-9０-９一二三四五六七八九十]*$/u;

/**
 * 版记 rules are black, as wide as the block, and the last one sits on its bottom edge (7.4.1).
 * A page has a 版记 when it carries such a rule in its bottom fifth, or two of them anywhere (a
 * 版记 set too high is still a 版记, and the end-matter rule says where it should be).
 */
const END_MATTER_RULE_MIN_MM = 100;
const END_MATTER_ZONE = 0.8;

/** Bins for finding the most common right end of the body lines (mm). */
const EDGE_BIN_MM = 0.5;
const MIN_EDGE_LINES = 3;

const ink = (s: string): string => s.replace(/\s/gu, '');

const EM_ABOVE = 0.88;

/**
 * The em box (字身框) of a line: where its characters' frames stand, font metrics aside. A CJK
 * em box reaches 0.88 em above the baseline and 0.12 em below (the ideographic em box of
 * OpenType's BASE table, the same in Noto, Source Han, SimSun and FangSong).
 */
export function emBox(line: TextLine): { top: number; bottom: number } {
  return { top: line.baseline - ptToMm(EM_ABOVE * line.fontSize), bottom: line.baseline + ptToMm((1 - EM_ABOVE) * line.fontSize) };
}

/** Facts derived once from the measurements and shared by the rules. */
export class Analysis {
  readonly m: PdfMeasurements;
  readonly bodySize: number | undefined;
  /** Leftmost start of any text line (mm). */
  readonly left: number | undefined;
  /** Most common right end of body lines: where justified lines end (mm); none when fewer than three lines share one. */
  readonly justifiedEnd: number | undefined;
  readonly kinds: Map<number, Set<PageKind>>;
  /** The first 署名 and 成文日期, if the PDF has one. */
  readonly signature: SignatureBlock | undefined;
  /**
   * Pages that end early because their last lines went over with the signature: page number →
   * how many lines short of the grid they are (carried lines plus the rows left empty).
   */
  readonly shortBeforeSignature: Map<number, { short: number; carried: number }>;
  /** Each page's tables (their rules and cell lines), top to bottom. */
  readonly tables: Map<number, TableRegion[]>;
  private readonly tableLines: Set<TextLine>;

  constructor(m: PdfMeasurements) {
    this.m = m;
    this.bodySize = m.body?.fontSize;
    const all = m.pages.flatMap((p) => p.lines);
    this.left = all.length ? Math.min(...all.map((l) => l.x)) : undefined;
    this.tables = findTableRegions(m.pages, this);
    this.tableLines = new Set([...this.tables.values()].flat().flatMap((t) => t.lines));
    this.justifiedEnd = mostCommonEnd(m.pages.flatMap((p) => this.textLines(p)));
    this.signature = findSignature(this);
    this.shortBeforeSignature = carriedWithSignature(this);
    this.kinds = classifyPages(m.pages, this);
  }

  /** A body line flush with the block's left edge (a paragraph's second and later lines). */
  isFlushLeft(line: TextLine): boolean {
    return this.left !== undefined && Math.abs(line.x - this.left) < 0.25 * ptToMm(line.fontSize);
  }

  isBody(line: TextLine): boolean {
    return this.bodySize !== undefined && Math.abs(line.fontSize - this.bodySize) < 0.5;
  }

  bodyLines(page: PageMeasurements): TextLine[] {
    return page.lines.filter((l) => this.isBody(l));
  }

  /** A line inside a table's region: a header or body row's cell text. */
  inTable(line: TextLine): boolean {
    return this.tableLines.has(line);
  }

  /** Body-size lines outside tables: the text that fills the 28 × 22 grid line by line. */
  textLines(page: PageMeasurements): TextLine[] {
    return page.lines.filter((l) => this.isBody(l) && !this.inTable(l));
  }

  /** The 版记's rules on a page: wide black rules that are no table's. */
  endMatterRules(page: PageMeasurements): HorizontalRule[] {
    const tables = this.tables.get(page.number) ?? [];
    return endMatterRules(page).filter((r) => !tables.some((t) => r.y >= t.top - 0.5 && r.y <= t.bottom + 0.5));
  }

  /** A body-font line that starts flush left or at the first-line indent: paragraph text. */
  isParagraphLine(line: TextLine): boolean {
    if (this.inTable(line) || !this.isBody(line) || line.font !== this.m.body?.font || this.left === undefined) return false;
    const em = ptToMm(line.fontSize);
    const indent = ptToMm(layout.paragraph.firstLineIndentChars * derived.charPitchPt);
    return Math.abs(line.x - this.left) < 0.25 * em || Math.abs(line.x - this.left - indent) < 0.25 * em;
  }

  /** A line whose last character is punctuation hung one character past the justified edge. */
  hangs(line: TextLine): boolean {
    const last = [...ink(line.text)].at(-1);
    if (!last || !HANGING.has(last) || this.justifiedEnd === undefined) return false;
    const em = ptToMm(line.fontSize);
    return line.xEnd - this.justifiedEnd > 0.5 * em && line.xEnd - em <= this.justifiedEnd + 0.25 * em;
  }

  /** Where the line ends inside the block: a hanging punctuation mark does not count. */
  endInBlock(line: TextLine): number {
    return this.hangs(line) ? line.xEnd - ptToMm(line.fontSize) : line.xEnd;
  }

  /** Full body pages: not the first page, not the end of the body, not special. */
  fullPages(): PageMeasurements[] {
    return this.m.pages.filter((p) => (this.kinds.get(p.number)?.size ?? 0) === 0);
  }

  isEndMatterOnly(page: PageMeasurements): boolean {
    return this.kinds.get(page.number)?.has('end-matter') === true && this.bodyLines(page).length === 0;
  }

  /** Page 1 carries a red header (red text or a red rule). */
  hasRedHeader(): boolean {
    const first = this.m.pages[0];
    return !!first && (first.redGlyphs > 0 || first.rules.some((r) => r.tone === 'red'));
  }
}

/** Black rules wide enough to be 版记 rules, top to bottom. */
export function endMatterRules(page: PageMeasurements): HorizontalRule[] {
  return page.rules.filter((r) => r.tone === 'black' && r.length >= END_MATTER_RULE_MIN_MM).sort((a, b) => a.y - b.y);
}

function mostCommonEnd(lines: TextLine[]): number | undefined {
  const bins = new Map<number, number[]>();
  for (const l of lines) {
    const key = Math.round(l.xEnd / EDGE_BIN_MM);
    bins.set(key, [...(bins.get(key) ?? []), l.xEnd]);
  }
  const best = [...bins.values()].sort((a, b) => b.length - a.length)[0];
  // Fewer lines than this ending together is no justified edge (a short note, a list).
  if (!best || best.length < MIN_EDGE_LINES) return undefined;
  const sorted = [...best].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function classifyPages(pages: PageMeasurements[], a: Analysis): Map<number, Set<PageKind>> {
  const kinds = new Map<number, Set<PageKind>>(pages.map((p) => [p.number, new Set<PageKind>()]));
  const mark = (n: number, k: PageKind): void => void kinds.get(n)?.add(k);
  pages.forEach((p, i) => {
    if (i === 0) mark(p.number, 'first');
    if (p.orientation === 'landscape') mark(p.number, 'landscape');
    if (p.lines.length === 0) mark(p.number, 'blank');
    const wide = a.endMatterRules(p);
    if (wide.length >= 2 || wide.some((r) => r.y >= p.height * END_MATTER_ZONE)) mark(p.number, 'end-matter');
    const first = p.lines[0];
    if (first && ATTACHMENT_LABEL.test(ink(first.text))) mark(p.number, 'attachment-start');
    if (a.bodySize !== undefined && p.lines.some((l) => l.fontSize > a.bodySize! + 1)) mark(p.number, 'title');
  });
  // The page before a break in the body (attachment, blank page, a landscape page, a 版记-only page) and the
  // last page end the flow, so they may be short.
  pages.forEach((p, i) => {
    const next = pages[i + 1];
    if (!next) return mark(p.number, 'body-end');
    const k = kinds.get(next.number)!;
    if (k.has('attachment-start') || k.has('blank') || k.has('landscape') || (k.has('end-matter') && a.bodyLines(next).length === 0)) mark(p.number, 'body-end');
    // A page may stop a line short where the next page starts with a heading (kept with its
    // text) or a signature (kept with its date); it must be full where the next page goes on
    // with body text: the rest of a paragraph or a new one.
    // A table that goes on over the page's foot fills the page as text does.
    const first = next.lines[0];
    const tableGoesOn = !!first && a.inTable(first) && a.tables.get(p.number)?.at(-1)?.continues === true;
    if (first && !a.isParagraphLine(first) && !tableGoesOn) mark(p.number, 'block-break');
    if (a.shortBeforeSignature.has(p.number)) mark(p.number, 'signature-carry');
    if (rowCarried(p, next, a)) mark(p.number, 'table-carry');
  });
  return kinds;
}

/** Grid rows between two baselines on one page. */
const rowsBetween = (upper: TextLine, lower: TextLine): number => Math.round(mmToPt(lower.baseline - upper.baseline) / derived.linePitchPt);

/**
 * The page before the signature's page, when it ends early because its last lines were carried
 * over so the 署名 and 成文日期 do not stand alone (7.3.5.5 forbids the "此页无正文" remedy).
 * It is excused by exactly that much: page N (the signature's) opens with `c` lines, 1 ≤ c ≤
 * `tolerances.signatureCarryLines`, that go on with the paragraph page N − 1 ends in (flush left,
 * one grid line apart), then at least one blank grid line, then the 署名 and date, which take `g`
 * grid rows counted from the row after the last carried line down to the date. Page N − 1 holds
 * `22 − c − f` lines where 0 ≤ f < g: the `f` rows it leaves empty were too few for the blank
 * line, 署名 and date. Any other shortfall, or more lines carried, is not excused.
 */
function carriedWithSignature(a: Analysis): Map<number, { short: number; carried: number }> {
  const out = new Map<number, { short: number; carried: number }>();
  const sig = a.signature;
  if (!sig) return out;
  const index = a.m.pages.indexOf(sig.page);
  const before = a.m.pages[index - 1];
  if (!before) return out;
  const carried = sig.page.lines.slice(0, sig.page.lines.indexOf(sig.organs[0]!));
  const c = carried.length;
  if (c < 1 || c > tolerances.signatureCarryLines) return out;
  if (!carried.every((l, i) => a.isParagraphLine(l) && a.isFlushLeft(l) && (i === 0 || rowsBetween(carried[i - 1]!, l) === 1))) return out;
  const lastBefore = before.lines.at(-1);
  if (!lastBefore || !a.isParagraphLine(lastBefore)) return out;
  const last = carried.at(-1)!;
  if (rowsBetween(last, sig.organs[0]!) < 2) return out;
  const g = rowsBetween(last, sig.date);
  const short = layout.grid.linesPerPage - before.lines.length;
  const free = short - c;
  if (free >= 0 && free < g) out.set(before.number, { short, carried: c });
  return out;
}

/**
 * A page that ends short because the table's next row, taller than the lines left, was kept whole
 * on the next page (rows do not split): the next page's part of the table goes on from this page,
 * and its first row below the repeated header has more lines than this page is short.
 */
function rowCarried(page: PageMeasurements, next: PageMeasurements, a: Analysis): boolean {
  const region = a.tables.get(next.number)?.[0];
  const first = next.lines[0];
  if (!region?.continued || !first || !region.lines.includes(first)) return false;
  const short = layout.grid.linesPerPage - page.lines.length;
  const row = tableRows(region)[0];
  return short >= 1 && !!row && short < row.lines.length;
}
