import type { BodyBlock, Document, Run, TableBlock } from '@gongwen/model';

/** Escapes what Markdown would read as syntax, so report text prints as written. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`)
    .replace(/^(\d+)\./, '$1\\.')
    .replace(/^([-+=])/, '\\$1');
}

function runs(list: readonly Run[]): string {
  // A run-in lead (or any run in its own face) is shown bold, as the eye finds it on paper.
  return list.map((r) => (r.text.trim() === '' ? r.text : r.role && r.role !== 'body' ? `**${escapeMarkdown(r.text)}**` : r.bold ? `**${escapeMarkdown(r.text)}**` : escapeMarkdown(r.text))).join('');
}

function blocks(list: readonly BodyBlock[], base: number): string[] {
  return list.map((b) => (b.kind === 'heading' ? `${'#'.repeat(Math.min(6, b.level + base))} ${escapeMarkdown(b.marker + b.text)}` : b.kind === 'table' ? tableMarkdown(b) : runs(b.runs)));
}

/**
 * A table as a GitHub-flavoured Markdown table, its title in bold above it. Markdown has one
 * header row: further header rows become the first body rows; a table without one gets an
 * empty header row. Cell text is escaped (a `|` cannot end a cell).
 */
export function tableMarkdown(table: TableBlock): string {
  const row = (r: readonly string[]) => `| ${r.map((t) => escapeMarkdown(t)).join(' | ')} |`;
  const [head, ...moreHead] = table.header;
  const marks = table.align.map((a) => (a === 'right' ? '---:' : a === 'center' ? ':---:' : ':---'));
  const lines = [row(head ?? table.align.map(() => '')), `| ${marks.join(' | ')} |`, ...[...moreHead, ...table.rows].map(row)];
  return (table.title ? `**${escapeMarkdown(table.title)}**\n\n` : '') + lines.join('\n');
}

/** The document as Markdown: title as `#`, headings one level below, 版记 after a rule. */
export function renderMarkdown(doc: Document): string {
  const out: string[] = [];
  const h = doc.header;
  if (h) {
    out.push(h.organs.map((o, i) => `**${escapeMarkdown(i === h.organs.length - 1 ? o + h.suffix : o)}**`).join('  \n'));
    const number = [h.documentNumber, h.signers?.length ? `签发人：${h.signers.join('　')}` : undefined].filter(Boolean).join('　　');
    if (number) out.push(escapeMarkdown(number));
    out.push('---');
  }
  if (doc.title.length) out.push(`# ${doc.title.map(escapeMarkdown).join(' ')}`);
  if (doc.addressee) out.push(escapeMarkdown(doc.addressee));
  out.push(...blocks(doc.body, 1));
  if (doc.attachmentNote?.length) {
    const many = doc.attachmentNote.length > 1;
    out.push(doc.attachmentNote.map((n, i) => (i === 0 ? '附件：' : '') + (many ? `${i + 1}\\.` : '') + escapeMarkdown(n)).join('  \n'));
  }
  if (doc.signature) out.push([...(doc.signature.stamps?.length ? doc.signature.stamps.map((st) => st.title) : doc.signature.organs), doc.signature.date].map(escapeMarkdown).join('  \n'));
  for (const note of doc.notes ?? []) out.push(escapeMarkdown(note));
  for (const a of doc.attachments ?? []) {
    out.push(`**${escapeMarkdown(a.label)}**`, `## ${a.title.map(escapeMarkdown).join(' ')}`, ...blocks(a.body, 2));
  }
  const e = doc.endMatter;
  if (e && (e.mainTo || e.copyTo || e.printer || e.printDate)) {
    out.push('---');
    out.push([e.mainTo, e.copyTo, [e.printer, e.printDate].filter(Boolean).join('　')].filter(Boolean).map((s) => escapeMarkdown(s!)).join('  \n'));
  }
  return out.join('\n\n') + '\n';
}
