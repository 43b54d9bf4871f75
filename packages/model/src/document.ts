/**
 * The Document: a 公文 as GB/T 9704-2012 arranges it, with every text final and every element
 * explicit, so a renderer only places what it is given and never guesses.
 *
 *   版头 `header`  → 份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人 (absent: no red header)
 *   主体           → `title`, `addressee`, `body`, `attachmentNote`, `signature`, `notes`, `attachments`
 *   版记 `endMatter` → 抄送机关, 印发机关, 印发日期
 */

import { layout } from './layout.js';

/** Which typeface a piece of text is set in. The layout spec maps each role to a size and families. */
export type FontRole = 'title' | 'body' | 'heading1' | 'heading2' | 'pageNumber' | 'organMark';

/** A piece of text in one typeface. */
export interface Run {
  text: string;
  /** Defaults to the block's own role. */
  role?: FontRole;
  bold?: boolean;
}

/** A heading on its own line: `一、…` (黑体), `（一）…` (楷体), `1.…`, `（1）…` (仿宋). */
export interface HeadingBlock {
  kind: 'heading';
  level: 1 | 2 | 3 | 4;
  /** The marker, e.g. `一、`, `（一）`, `1.`, `（1）`; empty for an unnumbered heading. */
  marker: string;
  text: string;
}

/**
 * A body paragraph: indented two characters, justified. Its runs carry a run-in lead when there is
 * one (`（一）加强组织领导。` in 楷体, or `一是…。` in 仿宋) followed by the text on the same line.
 */
export interface ParagraphBlock {
  kind: 'paragraph';
  runs: Run[];
}

/** How a table's columns align their cells' text. */
export type CellAlignment = 'left' | 'center' | 'right';

/** How a table is ruled: 三线表 (top, below the header rows, bottom) or a full grid. */
export type TableRules = 'three-line' | 'grid';

/**
 * A table (GB/T 9704 ch. 8): an optional title line centred above it, header rows repeated at
 * the top of every page it runs onto, then its rows. Every row has as many cells as `align`
 * has entries; cell text is plain text.
 */
export interface TableBlock {
  kind: 'table';
  title?: string;
  header: string[][];
  rows: string[][];
  /** One entry per column. */
  align: CellAlignment[];
  /** Relative column widths, one per column; absent: columns share the width equally. */
  widths?: number[];
  rules: TableRules;
}

export type BodyBlock = HeadingBlock | ParagraphBlock | TableBlock;

/** 版头: the part of page 1 above the red rule. */
export interface Header {
  /** 份号, six digits. */
  copyNumber?: string;
  /** 密级和保密期限, e.g. `机密★1年`. */
  secrecy?: string;
  /** 紧急程度, e.g. `特急`. */
  urgency?: string;
  /** 发文机关标志: one organ name per line; host organ first. */
  organs: string[];
  /** Text to the right of the organ names, usually `文件`; empty for the name alone. */
  suffix: string;
  /** 发文字号, e.g. `交发〔2022〕8号`. */
  documentNumber?: string;
  /** 签发人 names; present for a 上行文, which moves 发文字号 to the left. */
  signers?: string[];
}

export interface Seal {
  /** Image bytes (PNG or JPEG), already read by the caller. */
  image: Uint8Array;
  /** The organ whose signature it covers. */
  organ: string;
}

/** 发文机关署名 and 成文日期 (7.3.5). */
export interface Signature {
  /** One line per organ; host organ first. */
  organs: string[];
  /** Rendered date, `2022年1月9日`. */
  date: string;
  /** With seals the sealed layout of 7.3.5.1 applies; without, 7.3.5.2. */
  seals: Seal[];
  /**
   * Signatories' signature stamps (7.3.5.3), one row per organ, host first: each title with its
   * stamp stands in place of the 署名, and the seals are not used.
   */
  stamps?: SignatureStamp[];
}

/** One 签发人's row of 7.3.5.3: the full title, then the signature stamp. */
export interface SignatureStamp {
  /** 签发人职务, in full: `中共临江街道工作委员会书记`. */
  title: string;
  /** Image bytes (PNG or JPEG), already read and checked by the caller. */
  image: Uint8Array;
  /** The picture's width over its height: the stamp is set one grid line tall. */
  aspect: number;
}

/** 附件 bound after the body, each starting on a new page. */
export interface Attachment {
  /** `附件1`, or `附件` when there is only one. */
  label: string;
  title: string[];
  body: BodyBlock[];
}

/** 版记 at the foot of the last page. */
export interface EndMatter {
  /** `主送：…` moved here when the addressees are too many for page 1. */
  mainTo?: string;
  /** Full line text: `抄送：…。` */
  copyTo?: string;
  /** 印发机关. */
  printer?: string;
  /** `2022年1月9日印发`. */
  printDate?: string;
}

export interface DocumentMeta {
  title: string;
  /** The issuing organ(s), joined. */
  author: string;
  subject?: string;
  keywords?: string[];
  /** ISO date the document was written (成文日期), used instead of the clock for reproducible bytes. */
  created?: string;
}

/**
 * Where a piece of a Document came from. A data origin names the YAML node (`path` is its data
 * path, `parts[0].body[2].text`); a template origin names the template file and line that printed
 * the element (no `path`). Lines and columns are 1-based, columns in UTF-16 units as YAML's are.
 */
export interface Origin {
  file?: string;
  line: number;
  column?: number;
  /** The data path of the value, for a data origin. */
  path?: string;
  /** For a data origin: where the value's text starts in the node's text, and how long it is there. */
  at?: number;
  length?: number;
  /**
   * The value's text stands in the node as it stands in the source, one character for one, on
   * one line (a one-line scalar that cleaning left alone): the k-th character is k columns on.
   */
  verbatim?: boolean;
}

/**
 * Origins by Document path (`title[0]`, `body[3].runs[1]`, `header.organs[0]`, `signature.seals[0]`):
 * first the template origin of the element that printed the node, when there is one, then a data
 * origin for each value the node's text holds, in order. A side table rather than a field of
 * each node: many nodes are plain strings, and renderers never need it.
 */
export type DocumentOrigins = Record<string, Origin[]>;

export interface Document {
  meta: DocumentMeta;
  /** Where each node came from, for diagnostics about it; absent on a Document built in code. */
  origins?: DocumentOrigins;
  header?: Header;
  /** 标题: one or more centred lines. */
  title: string[];
  /** 主送机关 with its closing full-width colon. */
  addressee?: string;
  body: BodyBlock[];
  /** 附件说明: names of the attachments, in order. */
  attachmentNote?: string[];
  signature?: Signature;
  /** 附注 lines, each already in parentheses. */
  notes?: string[];
  attachments?: Attachment[];
  endMatter?: EndMatter;
}

/** The plain text of a document in reading order, one line per block, as both renderers must show it. */
export function documentLines(doc: Document): string[] {
  const lines: string[] = [];
  const h = doc.header;
  if (h) {
    for (const v of [h.copyNumber, h.secrecy, h.urgency]) if (v) lines.push(v);
    lines.push(...h.organs.map((o, i) => (i === h.organs.length - 1 ? o + h.suffix : o)));
    // 签发人 rows stand right, the last one on the 发文字号's line (7.2.6), read left to right.
    const signers = h.signers ?? [];
    const rows: string[] = [];
    for (let i = 0; i < signers.length; i += layout.header.signersPerLine) rows.push(signers.slice(i, i + layout.header.signersPerLine).join('　'));
    rows.forEach((names, i) => lines.push(`${i === rows.length - 1 ? (h.documentNumber ?? '') : ''}${i === 0 ? '签发人：' : ''}${names}`));
    if (!rows.length && h.documentNumber) lines.push(h.documentNumber);
  }
  lines.push(...doc.title);
  if (doc.addressee) lines.push(doc.addressee);
  lines.push(...blockLines(doc.body));
  if (doc.attachmentNote?.length) {
    const many = doc.attachmentNote.length > 1;
    doc.attachmentNote.forEach((name, i) => lines.push(`${i === 0 ? '附件：' : ''}${many ? `${i + 1}.` : ''}${name}`));
  }
  if (doc.signature) lines.push(...(doc.signature.stamps?.length ? doc.signature.stamps.map((st) => st.title) : doc.signature.organs), doc.signature.date);
  if (doc.notes) lines.push(...doc.notes);
  for (const a of doc.attachments ?? []) lines.push(a.label, ...a.title, ...blockLines(a.body));
  const e = doc.endMatter;
  if (e) for (const v of [e.mainTo, e.copyTo, e.printer, e.printDate]) if (v) lines.push(v);
  return lines;
}

export function blockLines(blocks: readonly BodyBlock[]): string[] {
  return blocks.flatMap((b) => (b.kind === 'heading' ? [b.marker + b.text] : b.kind === 'table' ? tableLines(b) : [b.runs.map((r) => r.text).join('')]));
}

/** A table's text in reading order: its title, then one line per row with the cells separated by a tab. */
export function tableLines(table: TableBlock): string[] {
  return [...(table.title ? [table.title] : []), ...[...table.header, ...table.rows].map((row) => row.join('\t'))];
}

/**
 * Where the character at `offset` of the node at `path` came from: the data value that holds it
 * (at the character itself when the value is verbatim, else at the value), else the template
 * that printed the node, else the node's first data value.
 */
export function originAt(doc: Pick<Document, 'origins'>, path: string, offset = 0): Origin | undefined {
  const list = doc.origins?.[path];
  if (!list?.length) return undefined;
  const data = list.find((o) => o.path !== undefined && o.at !== undefined && offset >= o.at && offset < o.at + (o.length ?? 0));
  if (data) {
    const { at = 0, length: _length, verbatim, ...where } = data;
    return verbatim && where.column !== undefined ? { ...where, column: where.column + offset - at } : where;
  }
  const template = list.find((o) => o.path === undefined);
  const first = template ?? list[0]!;
  const { at: _at, length: _length, verbatim: _verbatim, ...where } = first;
  return where;
}

/** What `placeAtOrigin` reads and sets of a message (a `Diagnostic` of `@gongwen/diagnostics`). */
export interface PlaceableMessage {
  path?: string;
  file?: string;
  line?: number;
  column?: number;
}

/**
 * A message about a Document node (`path` into the Document) that has no position of its own,
 * placed where that node came from: the YAML value or template line, and the data path there.
 * A message with a line, or about no node, comes back as it is.
 */
export function placeAtOrigin<M extends PlaceableMessage>(message: M, doc: Pick<Document, 'origins'>): M {
  if (message.line !== undefined || message.path === undefined) return message;
  // `signature.seals` without an index is about the seals as a whole: the first one stands for them.
  const whole = message.path === 'signature.seals';
  const origin = originAt(doc, whole ? 'signature.seals[0]' : message.path);
  if (!origin) return message;
  return {
    ...message,
    ...(origin.file !== undefined && !message.file ? { file: origin.file } : {}),
    line: origin.line,
    ...(origin.column !== undefined ? { column: origin.column } : {}),
    ...(origin.path && !whole ? { path: origin.path } : {}),
  };
}
