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
