/**
 * Position marks: compose writes an invisible mark into each template's literal text at every
 * line start, so the markup parser knows which template file and line printed each tag. Report
 * data never contains these characters: compose strips control characters from data first.
 */

const OPEN = '\u0001';
const CLOSE = '\u0002';

export function sourceMark(fileIndex: number, line: number): string {
  return `${OPEN}${fileIndex}:${line}${CLOSE}`;
}

export const SOURCE_MARK = /\u0001(\d+):(\d+)\u0002/g;

/*
 * Data marks: compose writes an invisible mark before each data value it puts in the view, so
 * the Document built from the printed markup knows which YAML node each piece of text came from.
 * The mark names an entry of compose's table of values; helpers that read a value take it off.
 */
const DATA_OPEN = '\u0003';
const DATA_CLOSE = '\u0004';

export function dataMark(id: number): string {
  return `${DATA_OPEN}${id}${DATA_CLOSE}`;
}

export const DATA_MARK = /\u0003(\d+)\u0004/g;

/** The text without its data marks. */
export function unmarked(text: string): string {
  return text.includes(DATA_OPEN) ? text.replace(DATA_MARK, '') : text;
}

/** Where the data marks of a text stand once they are taken out: the value id and its offset. */
export function takeDataMarks(text: string): { text: string; marks: { id: number; at: number }[] } {
  if (!text.includes(DATA_OPEN)) return { text, marks: [] };
  const marks: { id: number; at: number }[] = [];
  let out = '';
  let last = 0;
  for (const m of text.matchAll(DATA_MARK)) {
    out += text.slice(last, m.index);
    marks.push({ id: Number(m[1]), at: out.length });
    last = m.index + m[0].length;
  }
  return { text: out + text.slice(last), marks };
}

export interface SourcePosition {
  file: string;
  line: number;
}

/**
 * Removes C0 control characters other than tab and line feed, and the other characters XML
 * forbids, from report data. Reports loaded from YAML arrive without them already; this covers
 * a Report built in code and composed directly.
 */
export function stripControls(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
}
