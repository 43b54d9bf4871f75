import type { Table } from '@gongwen/schema';
/**
 * What every reader of an input format produces: the report's paragraphs in reading order, each
 * with where it stands in the source (line:column of a text, paragraph number of a DOCX) and the
 * typographic hints that help tell a heading from body text.
 */
export interface SourceParagraph {
  text: string;
  /** 1-based line and column of the first character in a text source. */
  line?: number;
  column?: number;
  /** 1-based paragraph number in a word-processor document. */
  paragraph?: number;
  /** The whole paragraph is bold or set in a heading face (黑体/楷体), or has a heading style. */
  headingLike?: boolean;
  align?: 'center' | 'right';
  /** A table of the copy (a word processor's, not the 版记's), read row by row; `text` holds its cells' text. */
  table?: Table['table'];
}

/** Whitespace a copy pads with: ASCII, the ideographic space, no-break and zero-width spaces. */
const PAD = /^[\s\u3000\u00a0\u200b\ufeff]+|[\s\u3000\u00a0\u200b\ufeff]+$/g;

export function trimPadding(text: string): string {
  return text.replace(PAD, '');
}

/** Lines of a plain text, trimmed, with the position of their first non-blank character. */
export function textParagraphs(text: string): SourceParagraph[] {
  const out: SourceParagraph[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const trimmed = trimPadding(raw);
    if (!trimmed) return;
    const lead = raw.length - raw.replace(/^[\s\u3000\u00a0\u200b\ufeff]+/, '').length;
    out.push({ text: trimmed, line: i + 1, column: lead + 1 });
  });
  return out;
}

/**
 * Markdown as a plain text: `#` heading marks, emphasis, list bullets, hard-break backslashes and
 * escapes are syntax, not text. A `#` line is a heading; a `---` rule is dropped.
 */
export function markdownParagraphs(text: string): SourceParagraph[] {
  const out: SourceParagraph[] = [];
  for (const p of textParagraphs(text)) {
    let s = p.text;
    if (/^(-{3,}|\*{3,}|_{3,})$/.test(s)) continue;
    let headingLike = false;
    const heading = /^#{1,6}\s+(.*)$/.exec(s);
    if (heading) {
      s = heading[1]!;
      headingLike = true;
    }
    s = s.replace(/^[-*+]\s+/, '').replace(/^>\s?/, '');
    s = s.replace(/\*\*(.+?)\*\*/g, '$1').replace(/__(.+?)__/g, '$1');
    s = s.replace(/\\([\\`*_[\]<>|#~.+=-])/g, '$1').replace(/\s{2,}$/, '');
    s = trimPadding(s);
    if (s) out.push({ ...p, text: s, ...(headingLike ? { headingLike } : {}) });
  }
  return out;
}
