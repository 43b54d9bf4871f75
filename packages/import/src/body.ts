import type { Block, Numbering, Section } from '@gongwen/schema';
import { parseChineseNumber } from './numerals.js';
import type { SourceParagraph } from './paragraphs.js';

/** The numbering marks a copy types at the start of a paragraph, below the part's `一、`. */
export type MarkerType = 'sub' | 'arabic' | 'aparen' | 'ordinal';

/** Which marker a level prints (the style's `numbering.markers`), by the marker type that reads it back. */
export type LevelMarkers = Record<2 | 3 | 4, MarkerType | undefined>;

interface Marked {
  type: MarkerType;
  n: number;
  rest: string;
}

const MARKERS: [MarkerType, RegExp][] = [
  ['sub', /^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*(.*)$/s],
  ['aparen', /^[（(]\s*(\d{1,2})\s*[）)]\s*(.*)$/s],
  ['arabic', /^(\d{1,2})\s*[.、．](?!\d)\s*(.*)$/s],
  ['ordinal', /^([一二三四五六七八九十]{1,3})是(.*)$/s],
];

export function readMarker(text: string): Marked | undefined {
  for (const [type, pattern] of MARKERS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const n = parseChineseNumber(m[1]!);
    if (n === undefined || n < 1) continue;
    if (type === 'ordinal' && !m[2]) continue;
    return { type, n, rest: m[2]! };
  }
  return undefined;
}

/** A part heading `一、…`. */
export function readPartHeading(text: string): { n: number; heading: string } | undefined {
  const m = /^([一二三四五六七八九十]{1,3})\s*[、．]\s*(.+)$/s.exec(text);
  if (!m) return undefined;
  const n = parseChineseNumber(m[1]!);
  return n === undefined ? undefined : { n, heading: m[2]! };
}

/** Where the first sentence of a text ends (after 。！？ and any closing quotes or brackets), or -1. */
export function firstSentenceEnd(text: string): number {
  const m = /[。！？!?][”’」』）)]*/.exec(text);
  return m ? m.index + m[0].length : -1;
}

/** Longest first sentence of a `1.` item read as its lead; longer ones open the text itself. */
const LEAD_MAX = 30;
/** Longest own-line heading. */
const HEADING_MAX = 60;

interface Item {
  type: MarkerType;
  n: number;
  source: SourceParagraph;
  heading?: string;
  lead?: string;
  text?: string;
  children: Node[];
}
interface Plain {
  plain: string;
  source: SourceParagraph;
}

/** A plain paragraph's block: its text, or the table it is. */
const blockOf = (n: Plain): Block => (n.source.table ? { table: n.source.table } : n.plain);
type Node = Item | Plain;

const isItem = (n: Node): n is Item => 'type' in n;

function splitItem(m: Marked, source: SourceParagraph): Item {
  const rest = m.rest;
  const item: Item = { type: m.type, n: m.n, source, children: [] };
  const end = firstSentenceEnd(rest);
  if (end < 0) {
    if (rest.length <= HEADING_MAX && !/[，,；;：:、]$/.test(rest)) item.heading = rest;
    else item.text = rest;
  } else if (end >= rest.length) {
    // One sentence: a run-in subsection or an ordinal is its lead; a `1.` item is plain text.
    if (m.type === 'sub' || m.type === 'ordinal') item.lead = rest;
    else item.text = rest;
  } else {
    const first = rest.slice(0, end);
    if (m.type === 'sub' || m.type === 'ordinal' || first.length <= LEAD_MAX) {
      item.lead = first;
      item.text = rest.slice(end);
    } else item.text = rest;
  }
  return item;
}

/**
 * Builds the tree of a part's paragraphs: a marked paragraph closes the open items down to its own
 * kind of marker and opens a new one; an unmarked paragraph belongs to the nearest open own-line
 * heading (a run-in item ends with its paragraph).
 */
export function buildTree(paragraphs: readonly SourceParagraph[]): Node[] {
  const root: Node[] = [];
  const stack: Item[] = [];
  const container = () => (stack.length ? stack[stack.length - 1]!.children : root);
  for (const p of paragraphs) {
    const m = p.table ? undefined : readMarker(p.text);
    if (m) {
      const at = stack.findIndex((it) => it.type === m.type);
      if (at >= 0) stack.length = at;
      const item = splitItem(m, p);
      container().push(item);
      stack.push(item);
    } else {
      while (stack.length && stack[stack.length - 1]!.heading === undefined) stack.pop();
      container().push({ plain: p.text, source: p });
    }
  }
  return root;
}

/** What the recogniser could not express as numbered structure, for a diagnostic and a comment. */
export interface Flattened {
  source: SourceParagraph;
  reason: 'sequence' | 'depth' | 'mixed';
}

export interface FinishContext {
  markers: LevelMarkers;
  /** Arabic numbers run on across subsections (`arabicNumbering: continue`). */
  continueArabic: boolean;
  counters: Map<number, number>;
  flattened: Flattened[];
}

export interface Finished {
  body: Block[];
  numbering?: Numbering;
}

/** An item and everything under it as the paragraphs of the copy, markers included. */
function literal(node: Node): Block[] {
  return isItem(node) ? [node.source.text, ...node.children.flatMap(literal)] : [blockOf(node)];
}

function firstSource(node: Node): SourceParagraph {
  return node.source;
}

/**
 * Turns a body's nodes into schema blocks with a numbering the style reproduces: consecutive
 * markers of one kind become numbered Sections (level markers only at the depth whose marker they
 * are); runs that restart at 1 after an introducing paragraph are nested under it; anything else
 * stays as the copy's own paragraphs, marker and all, so no word is lost or renumbered.
 */
export function finishBody(nodes: readonly Node[], levelAbove: number, ctx: FinishContext): Finished {
  const items = nodes.filter(isItem);
  if (!items.length) return { body: nodes.map((n) => blockOf(n as Plain)) };
  const type = items[0]!.type;
  const mode: Numbering = type === 'ordinal' ? 'ordinal' : 'level';
  const level = Math.min(levelAbove + 1, 4) as 2 | 3 | 4;
  const flatten = (reason: Flattened['reason']): Finished => {
    ctx.flattened.push({ source: firstSource(items[0]!), reason });
    return { body: nodes.flatMap(literal) };
  };
  if (items.some((i) => i.type !== type)) return flatten('mixed');
  if (mode === 'level' && ctx.markers[level] !== type) return flatten('depth');

  const arabicLike = type === 'arabic' || type === 'aparen';
  const start = arabicLike && ctx.continueArabic ? (ctx.counters.get(level) ?? 0) + 1 : 1;
  const consecutive = items.every((it, i) => it.n === start + i);
  const childAbove = mode === 'level' ? level : levelAbove;

  const section = (it: Item): Section => {
    const s: Section = {};
    if (it.heading !== undefined) s.heading = it.heading;
    if (it.lead !== undefined) s.lead = it.lead;
    if (it.text !== undefined) s.text = it.text;
    if (it.children.length) {
      const inner = finishBody(it.children, childAbove, ctx);
      if (inner.numbering) s.numbering = inner.numbering;
      s.body = inner.body;
    }
    return s;
  };

  if (consecutive) {
    if (arabicLike && ctx.continueArabic) ctx.counters.set(level, start + items.length - 1);
    return { body: nodes.map((n) => (isItem(n) ? section(n) : blockOf(n))), numbering: mode };
  }

  // Runs that each start again at 1, each right after an introducing paragraph (…以下几点：).
  const runs: { intro: number; from: number; to: number }[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    if (!isItem(n)) continue;
    const run = runs[runs.length - 1];
    if (run && run.to === i - 1 && n.n === (nodes[run.to] as Item).n + 1) run.to = i;
    else if (n.n === 1 && i > 0 && !isItem(nodes[i - 1]!) && !(nodes[i - 1] as Plain).source.table) runs.push({ intro: i - 1, from: i, to: i });
    else return flatten('sequence');
  }
  const body: Block[] = [];
  let next = 0;
  for (const run of runs) {
    for (; next < run.intro; next++) body.push(...literal(nodes[next]!));
    const inner = finishBody(nodes.slice(run.from, run.to + 1), levelAbove, ctx);
    body.push({ text: (nodes[run.intro] as Plain).plain, ...(inner.numbering ? { numbering: inner.numbering } : {}), body: inner.body });
    next = run.to + 1;
  }
  for (; next < nodes.length; next++) body.push(...literal(nodes[next]!));
  return { body, numbering: 'none' };
}

/** Whether a part's `1.` items run on across its subsections: the first of a later one goes on from the last. */
export function arabicRunsOn(nodes: readonly Node[]): boolean {
  let last = 0;
  let runsOn = false;
  const visit = (list: readonly Node[]) => {
    let first = true;
    for (const n of list) {
      if (!isItem(n)) continue;
      if (n.type === 'arabic') {
        if (first && n.n > 1 && n.n === last + 1) runsOn = true;
        first = false;
        last = n.n;
      }
      visit(n.children);
    }
  };
  visit(nodes);
  return runsOn;
}

export type { Node as BodyNode, Item as BodyItem, Plain as BodyPlain };
export { isItem };
