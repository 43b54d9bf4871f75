import { layout, type BodyBlock, type Document, type TableBlock } from '@gongwen/model';
import { displayWidth, spaces } from './width.js';

const WIDTH = layout.grid.charsPerLine;
const INDENT = spaces(layout.paragraph.firstLineIndentChars);

function centre(text: string): string {
  return spaces((WIDTH - displayWidth(text)) / 2) + text;
}

/** Right-aligned, `inset` characters from the right edge of the text block. */
function right(text: string, inset: number): string {
  return spaces(WIDTH - inset - displayWidth(text)) + text;
}

function blockText(block: Exclude<BodyBlock, TableBlock>): string {
  return block.kind === 'heading' ? block.marker + block.text : block.runs.map((r) => r.text).join('');
}

function body(blocks: readonly BodyBlock[]): string[] {
  return blocks.flatMap((b) => (b.kind === 'table' ? tableText(b) : [INDENT + blockText(b)]));
}

/**
 * A table as a clerk would type it in plain text: the title centred, columns padded to their
 * widest cell and two spaces apart, aligned as the table says, the header rows under a rule.
 */
export function tableText(table: TableBlock): string[] {
  const rows = [...table.header, ...table.rows];
  const widths = table.align.map((_, c) => Math.max(0, ...rows.map((r) => displayWidth(r[c] ?? ''))));
  const cell = (text: string, c: number, head: boolean) => {
    const gap = widths[c]! - displayWidth(text);
    const align = head ? 'center' : table.align[c];
    if (align === 'right') return spaces(gap) + text;
    if (align === 'center') return spaces(Math.floor(gap / 2)) + text + spaces(gap - Math.floor(gap / 2));
    return text + spaces(gap);
  };
  const line = (r: string[], head: boolean) => r.map((t, c) => cell(t, c, head)).join('  ').trimEnd();
  const total = widths.reduce((a, b) => a + b, 0) + 2 * Math.max(0, widths.length - 1);
  const out: string[] = [];
  if (table.title) out.push(centre(table.title));
  out.push('─'.repeat(total));
  for (const r of table.header) out.push(line(r, true));
  if (table.header.length) out.push('─'.repeat(total));
  for (const r of table.rows) out.push(line(r, false));
  out.push('─'.repeat(total));
  return out;
}

/**
 * The document as an office clerk reads it on screen: the header lines and the title centred on
 * a 28-character line, every paragraph indented two characters, the signature set to the right,
 * the 版记 between rules. One line per paragraph; no wrapping.
 */
export function renderText(doc: Document): string {
  const out: string[] = [];
  const rule = '─'.repeat(WIDTH);
  const h = doc.header;
  if (h) {
    for (const v of [h.copyNumber, h.secrecy, h.urgency]) if (v) out.push(v);
    h.organs.forEach((organ, i) => out.push(centre(i === h.organs.length - 1 ? organ + h.suffix : organ)));
    out.push('');
    if (h.signers?.length) {
      // 上行文: 发文字号 to the left, 签发人 to the right, on one line.
      const left = spaces(layout.header.upwardInsetChars) + (h.documentNumber ?? '');
      const signers = `签发人：${h.signers.join('　')}`;
      out.push(left + spaces(WIDTH - layout.header.upwardInsetChars - displayWidth(left) - displayWidth(signers)) + signers);
    } else if (h.documentNumber) {
      out.push(centre(h.documentNumber));
    }
    out.push(rule);
  }
  if (out.length) out.push('');
  for (const line of doc.title) out.push(centre(line));
  out.push('');
  if (doc.addressee) out.push(doc.addressee);
  out.push(...body(doc.body));
  if (doc.attachmentNote?.length) {
    out.push('');
    const many = doc.attachmentNote.length > 1;
    doc.attachmentNote.forEach((name, i) => {
      out.push(INDENT + (i === 0 ? '附件：' : spaces(3)) + (many ? `${i + 1}.` : '') + name);
    });
  }
  if (doc.signature?.stamps?.length) {
    // 7.3.5.3: each signatory's title right of centre (the stamp, a picture, is not in plain text), the date below.
    const st = layout.signature.stamped;
    out.push(...Array<string>(st.blankLinesBefore).fill(''));
    for (const { title } of doc.signature.stamps) out.push(spaces(Math.max(0, WIDTH - st.stampRightInsetChars - displayWidth(title))) + title);
    out.push(...Array<string>(st.blankLinesBeforeDate).fill(''));
    out.push(spaces(WIDTH - st.dateRightInsetChars - displayWidth(doc.signature.date)) + doc.signature.date);
  } else if (doc.signature?.seals.length) {
    // 7.3.5.1 with seals: the date 4 characters from the right, each 署名 centred over the date.
    out.push('');
    const dateWidth = displayWidth(doc.signature.date);
    const dateStart = WIDTH - layout.signature.sealed.dateRightInsetChars - dateWidth;
    for (const organ of doc.signature.organs) out.push(spaces(dateStart + (dateWidth - displayWidth(organ)) / 2) + organ);
    out.push(spaces(dateStart) + doc.signature.date);
  } else if (doc.signature) {
    out.push('');
    const inset = layout.signature.unsealed.organRightInsetChars;
    const organWidth = Math.max(...doc.signature.organs.map(displayWidth), 0);
    const dateWidth = displayWidth(doc.signature.date);
    // 7.3.5.2: the date starts two characters right of the 署名; a longer date pushes the 署名 left.
    const organStart = Math.min(WIDTH - inset - organWidth, WIDTH - inset - dateWidth - layout.signature.unsealed.dateOffsetChars);
    for (const organ of doc.signature.organs) out.push(spaces(organStart) + organ);
    out.push(spaces(organStart + layout.signature.unsealed.dateOffsetChars) + doc.signature.date);
  }
  for (const note of doc.notes ?? []) out.push(INDENT + note);
  for (const a of doc.attachments ?? []) {
    out.push('', '\f' + a.label, '');
    for (const line of a.title) out.push(centre(line));
    out.push('', ...body(a.body));
  }
  const e = doc.endMatter;
  if (e && (e.mainTo || e.copyTo || e.printer || e.printDate)) {
    const inset = spaces(layout.endMatter.insetChars);
    out.push('', rule);
    if (e.mainTo) out.push(inset + e.mainTo);
    if (e.copyTo) out.push(inset + e.copyTo);
    if (e.printer || e.printDate) {
      const printer = e.printer ?? '';
      const date = e.printDate ?? '';
      const gap = WIDTH - 2 * layout.endMatter.insetChars - displayWidth(printer) - displayWidth(date);
      out.push(inset + printer + spaces(Math.max(1, gap)) + date);
    }
    out.push(rule);
  }
  // Only blank lines are trimmed: a first line's leading spaces centre it.
  return out.join('\n').replace(/\n{3,}/g, '\n\n').replace(/^\n+|\n+$/g, '') + '\n';
}
