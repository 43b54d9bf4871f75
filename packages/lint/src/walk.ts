import type { Block, Body, Report } from '@gongwen/schema';
import type { DataPath } from './types.js';
import { listOf } from './list.js';

/** Where a string sits in the report, so rules can treat headings, leads and paragraphs differently. */
export type TextRole =
  | 'title'
  | 'addressee'
  | 'preamble'
  | 'part-heading'
  | 'heading'
  | 'lead'
  | 'text'
  | 'paragraph'
  | 'closing'
  | 'notes'
  | 'attachment-title'
  | 'figure-label'
  | 'table-title';

export interface TextEntry {
  path: DataPath;
  text: string;
  role: TextRole;
  /** Index of the part the string belongs to, if any. */
  part?: number;
  /** For `lead`/`text`/`heading`: whether it is the first string of a numbered item. */
  opensItem?: boolean;
}

function* walkBody(body: Body | undefined, path: DataPath, part: number | undefined): Generator<TextEntry> {
  if (!Array.isArray(body)) return;
  for (const [i, block] of body.entries()) yield* walkBlock(block, [...path, i], part);
}

function* walkBlock(block: Block, path: DataPath, part: number | undefined): Generator<TextEntry> {
  if (typeof block === 'string') {
    yield { path, text: block, role: 'paragraph', part };
    return;
  }
  if (!block || typeof block !== 'object') return;
  // A table's cells are figures and names, not prose: only its title is checked.
  if ('table' in block) {
    if (typeof block.table?.title === 'string') yield { path: [...path, 'table', 'title'], text: block.table.title, role: 'table-title', part };
    return;
  }
  let first = true;
  for (const key of ['heading', 'lead', 'text'] as const) {
    const value = block[key];
    if (typeof value !== 'string') continue;
    yield { path: [...path, key], text: value, role: key, part, opensItem: first };
    first = false;
  }
  yield* walkBody(block.body, [...path, 'body'], part);
}

function* list(value: unknown, path: DataPath, role: TextRole): Generator<TextEntry> {
  if (typeof value === 'string') yield { path, text: value, role };
  else if (Array.isArray(value))
    for (const [i, v] of value.entries()) if (typeof v === 'string') yield { path: [...path, i], text: v, role };
}

/** Every prose string of a report, in document order, with its data path. */
export function* reportTexts(report: Report): Generator<TextEntry> {
  yield* list(report.title, ['title'], 'title');
  yield* list(report.addressee, ['addressee'], 'addressee');
  yield* list(report.preamble, ['preamble'], 'preamble');
  for (const [p, part] of listOf(report.parts).entries()) {
    if (!part || typeof part !== 'object') continue;
    if (typeof part.heading === 'string') yield { path: ['parts', p, 'heading'], text: part.heading, role: 'part-heading', part: p };
    yield* walkBody(part.body, ['parts', p, 'body'], p);
  }
  yield* list(report.closing, ['closing'], 'closing');
  for (const [a, att] of listOf(report.attachments).entries()) {
    if (typeof att?.title === 'string') yield { path: ['attachments', a, 'title'], text: att.title, role: 'attachment-title' };
    yield* walkBody(att?.body, ['attachments', a, 'body'], undefined);
  }
  yield* list(report.notes, ['notes'], 'notes');
}
