import { layout, type FontRole, type TableRules } from '@gongwen/model';
import type { Block, Numbering, Table } from '@gongwen/schema';
import type { StyleManifest } from './manifest.js';
import { formatMarker, isArabic } from './numerals.js';

/** One block of a part's body as templates see it (see MARKUP.md). */
export interface ViewBlock {
  kind: 'heading' | 'item' | 'paragraph' | 'table';
  /** 1–4: the heading level, or the level an item's marker belongs to. */
  level: number;
  marker: string;
  /** Font role of a run-in lead: 楷体 at level 2, as a `（一）` heading would be; else the body face. */
  leadRole: FontRole;
  heading: string | null;
  lead: string | null;
  text: string | null;
  blocks: ViewBlock[];
  /** A table block's content, its cells' text already cleaned; absent for the other kinds. */
  table?: ViewTable;
}

/** A table as templates see it: `align` and `widths` joined with commas, as the markup takes them. */
export interface ViewTable {
  title: string | null;
  rules: TableRules;
  align: string;
  widths: string | null;
  header: string[][];
  rows: string[][];
}

export interface NumberingContext {
  markers: StyleManifest['numbering']['markers'];
  defaultNumbering: Numbering;
  continueArabic: boolean;
  /**
   * Turns a data string into printable text (control characters out, punctuation per style),
   * marked with its place in the data.
   */
  clean: (text: string, path: DataPath) => string;
  /** Ruling of a table that does not say (the style's `tables.rules`). */
  tableRules?: TableRules;
}

/** A place in the report data: `['parts', 0, 'body', 2, 'text']`. */
export type DataPath = (string | number)[];

/**
 * Numbers a part's body. The part is level 1; a level-numbered Section sits one level below
 * its nearest level-numbered ancestor (so `1.` items under a `四是` item stay level 3, as
 * written in practice); `ordinal` (一是) and `none` take no level. A Section's `numbering`
 * applies to its children.
 */
export function numberBody(body: readonly Block[], numbering: Numbering, ctx: NumberingContext, at: DataPath, arabicCounters = new Map<number, number>(), levelAbove = 1): ViewBlock[] {
  let count = 0;
  return body.map((block, index): ViewBlock => {
    if (typeof block === 'string') {
      return { kind: 'paragraph', level: Math.min(levelAbove + 1, 4), marker: '', leadRole: 'body', heading: null, lead: null, text: ctx.clean(block, [...at, index]), blocks: [] };
    }
    if ('table' in block) return tableBlock(block, ctx, Math.min(levelAbove + 1, 4), [...at, index, 'table']);
    const level = Math.min(levelAbove + 1, 4) as 1 | 2 | 3 | 4;
    let marker = '';
    let childLevelAbove = levelAbove;
    if (numbering === 'level') {
      const format = ctx.markers[level];
      let n: number;
      if (isArabic(format) && ctx.continueArabic) {
        n = (arabicCounters.get(level) ?? 0) + 1;
        arabicCounters.set(level, n);
      } else {
        n = ++count;
      }
      marker = formatMarker(format, n);
      childLevelAbove = level;
    } else if (numbering === 'ordinal') {
      marker = formatMarker('ordinal', ++count);
    }
    const has = (key: 'heading' | 'lead' | 'text') => {
      const s = block[key];
      return s === undefined ? null : ctx.clean(s, [...at, index, key]);
    };
    const leadRole: FontRole = numbering === 'level' && level === 2 ? 'heading2' : 'body';
    if (block.runIn) {
      // The children run on inside this paragraph (`（一）强化组织领导。一是……二是……`), numbered
      // 一是、二是 unless the data says otherwise; a heading is then this paragraph's lead.
      const children = numberBody(block.body ?? [], block.numbering ?? 'ordinal', ctx, [...at, index, 'body'], arabicCounters, childLevelAbove);
      const runOn = children.map((c) => c.marker + (c.heading ?? '') + (c.lead ?? '') + (c.text ?? '')).join('');
      const lead = block.heading !== undefined ? has('heading') : has('lead');
      const text = (has('text') ?? '') + runOn;
      return { kind: 'item', level, marker, leadRole, heading: null, lead, text: text || null, blocks: children.flatMap((c) => c.blocks) };
    }
    const children = numberBody(block.body ?? [], block.numbering ?? ctx.defaultNumbering, ctx, [...at, index, 'body'], arabicCounters, childLevelAbove);
    return {
      kind: block.heading !== undefined ? 'heading' : 'item',
      level,
      marker,
      leadRole,
      heading: has('heading'),
      lead: has('lead'),
      text: has('text'),
      blocks: children,
    };
  });
}

/**
 * A table's view: cells as printed text (numbers written as the data has them), columns aligned
 * as the data says or, by default, the first left and the others centred. Rows shorter than the
 * widest row are padded with empty cells (the schema bounds how wide a row may be).
 */
function tableBlock({ table }: Table, ctx: NumberingContext, level: number, at: DataPath): ViewBlock {
  const cell = (key: 'header' | 'rows') => (row: (string | number)[], r: number) =>
    row.map((v, c) => (typeof v === 'number' ? String(v) : ctx.clean(v, [...at, key, r, c])));
  const header = (table.header ?? []).map(cell('header'));
  const rows = table.rows.map(cell('rows'));
  const columns = Math.max(...[...header, ...rows].map((r) => r.length), table.align?.length ?? 0, table.widths?.length ?? 0);
  const pad = (r: string[]) => [...r, ...Array.from({ length: columns - r.length }, () => '')];
  const align = Array.from({ length: columns }, (_, i) => table.align?.[i] ?? (i === 0 ? 'left' : 'center'));
  const widths = table.widths ? Array.from({ length: columns }, (_, i) => table.widths?.[i] ?? 1) : null;
  return {
    kind: 'table',
    level,
    marker: '',
    leadRole: 'body',
    heading: null,
    lead: null,
    text: null,
    blocks: [],
    table: {
      title: table.title === undefined ? null : ctx.clean(table.title, [...at, 'title']),
      rules: table.rules ?? ctx.tableRules ?? layout.table.defaultRules,
      align: align.join(','),
      widths: widths ? widths.join(',') : null,
      header: header.map(pad),
      rows: rows.map(pad),
    },
  };
}
