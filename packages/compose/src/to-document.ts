import type { Attachment, BodyBlock, CellAlignment, Document, DocumentOrigins, EndMatter, FontRole, Header, Origin, Run, TableBlock } from '@gongwen/model';
import { decodeEntities, type ElementNode, type MarkupNode } from './markup.js';
import { takeDataMarks } from './source-marks.js';

/** The parts of a Document that the markup carries; compose adds meta and seals. */
export type MarkupDocument = Omit<Document, 'meta'>;

/** A data value compose put in the view, by the id its mark carries: its origin and printed length. */
export type DataValue = Omit<Origin, 'at'> & { length: number };

interface MarkedText {
  text: string;
  marks: { id: number; at: number }[];
}

function marked(raw: string): MarkedText {
  return takeDataMarks(decodeEntities(raw));
}

/** The text with its outer white space off, the marks moved with it. */
function trimmed({ text, marks }: MarkedText): MarkedText {
  const lead = text.length - text.trimStart().length;
  const out = text.trim();
  return { text: out, marks: marks.map((m) => ({ id: m.id, at: Math.min(out.length, Math.max(0, m.at - lead)) })) };
}

function markedTextOf(node: ElementNode): MarkedText {
  return trimmed(marked(node.children.map((c) => (c.kind === 'text' ? c.text : '')).join('')));
}

function elementsOf(node: ElementNode): ElementNode[] {
  return node.children.filter((c): c is ElementNode => c.kind === 'element');
}

/**
 * Turns the parsed markup into the Document's elements (the markup was checked while parsing),
 * with the origin of every text: the template line that printed its element, and the data
 * values (by their marks) it holds.
 */
export function toDocument(root: ElementNode, values: readonly DataValue[] = []): MarkupDocument {
  const origins: DocumentOrigins = {};
  const record = (path: string, node: ElementNode, text: MarkedText, shift = 0): void => {
    const list: Origin[] = [{ file: node.position.file, line: node.position.line }];
    for (const m of text.marks) {
      const value = values[m.id];
      if (value) list.push({ ...value, at: m.at + shift });
    }
    origins[path] = list;
  };
  const textOf = (node: ElementNode, path: string): string => {
    const text = markedTextOf(node);
    record(path, node, text);
    return text.text;
  };

  const paragraph = (node: ElementNode, path: string): BodyBlock => {
    const runs: { run: Run; text: MarkedText; node: ElementNode }[] = [];
    const add = (child: MarkupNode) => {
      if (child.kind === 'text') {
        const text = marked(child.text);
        runs.push({ run: { text: text.text }, text, node });
      } else if (child.name === 'run') {
        const text = marked(child.children.map((c) => (c.kind === 'text' ? c.text : '')).join(''));
        const run: Run = { text: text.text };
        if (child.attributes.role) run.role = child.attributes.role as FontRole;
        if (child.attributes.bold === 'true') run.bold = true;
        runs.push({ run, text, node: child });
      }
    };
    node.children.forEach(add);
    if (runs.length) {
      const first = runs[0]!;
      const lead = first.run.text.length - first.run.text.trimStart().length;
      first.run.text = first.run.text.trimStart();
      first.text = { text: first.run.text, marks: first.text.marks.map((m) => ({ id: m.id, at: Math.max(0, m.at - lead) })) };
      const last = runs[runs.length - 1]!;
      last.run.text = last.run.text.trimEnd();
    }
    // Adjacent runs in the same face are one run.
    const merged: { run: Run; node: ElementNode; marks: MarkedText['marks'] }[] = [];
    for (const { run, text, node: from } of runs) {
      if (run.text === '') continue;
      const prev = merged[merged.length - 1];
      if (prev && prev.run.role === run.role && prev.run.bold === run.bold) {
        prev.marks.push(...text.marks.map((m) => ({ id: m.id, at: m.at + prev.run.text.length })));
        prev.run.text += run.text;
      } else merged.push({ run, node: from, marks: [...text.marks] });
    }
    merged.forEach((m, j) => record(`${path}.runs[${j}]`, m.node, { text: m.run.text, marks: m.marks }));
    return { kind: 'paragraph', runs: merged.map((m) => m.run) };
  };

  const bodyBlock = (node: ElementNode, path: string): BodyBlock | undefined => {
    if (node.name === 'h') {
      record(`${path}.marker`, node, { text: '', marks: [] });
      return { kind: 'heading', level: Number(node.attributes.level ?? '1') as 1 | 2 | 3 | 4, marker: node.attributes.marker ?? '', text: textOf(node, `${path}.text`) };
    }
    if (node.name === 'p') return paragraph(node, path);
    if (node.name === 'table') return table(node, path);
    return undefined;
  };

  /** A `<table>`: its caption, head rows and rows; every row as wide as the widest (empty cells added). */
  const table = (node: ElementNode, path: string): TableBlock => {
    const rowsOf = (head: boolean) =>
      elementsOf(node)
        .filter((c) => c.name === 'tr' && (c.attributes.head === 'true') === head)
        .map((tr, r) => elementsOf(tr).filter((c) => c.name === 'td').map((td, c) => textOf(td, `${path}.${head ? 'header' : 'rows'}[${r}][${c}]`)));
    const header = rowsOf(true);
    const rows = rowsOf(false);
    const align = (node.attributes.align ?? '').split(',').filter(Boolean) as CellAlignment[];
    const widths = node.attributes.widths ? node.attributes.widths.split(',').map(Number) : undefined;
    const columns = Math.max(1, align.length, widths?.length ?? 0, ...[...header, ...rows].map((r) => r.length));
    const pad = (r: string[]) => [...r, ...Array.from({ length: columns - r.length }, () => '')];
    const caption = elementsOf(node).find((c) => c.name === 'caption');
    const block: TableBlock = {
      kind: 'table',
      header: header.map(pad),
      rows: rows.map(pad),
      align: Array.from({ length: columns }, (_, i) => align[i] ?? (i === 0 ? 'left' : 'center')),
      rules: node.attributes.rules === 'grid' ? 'grid' : 'three-line',
    };
    if (caption) block.title = textOf(caption, `${path}.title`);
    if (widths) block.widths = Array.from({ length: columns }, (_, i) => (widths[i]! > 0 ? widths[i]! : 1));
    return block;
  };

  const doc: MarkupDocument = { title: [], body: [], origins };
  const endMatter: EndMatter = {};
  for (const node of elementsOf(root)) {
    switch (node.name) {
      case 'header': {
        const header: Header = { organs: [], suffix: '' };
        for (const child of elementsOf(node)) {
          if (child.name === 'copy-number') header.copyNumber = textOf(child, 'header.copyNumber');
          else if (child.name === 'secrecy') header.secrecy = textOf(child, 'header.secrecy');
          else if (child.name === 'urgency') header.urgency = textOf(child, 'header.urgency');
          else if (child.name === 'organ') header.organs.push(textOf(child, `header.organs[${header.organs.length}]`));
          else if (child.name === 'suffix') header.suffix = textOf(child, 'header.suffix');
          else if (child.name === 'doc-number') header.documentNumber = textOf(child, 'header.documentNumber');
          else if (child.name === 'signer') (header.signers ??= []).push(textOf(child, `header.signers[${header.signers?.length ?? 0}]`));
        }
        doc.header = header;
        break;
      }
      case 'title-line':
        doc.title.push(textOf(node, `title[${doc.title.length}]`));
        break;
      case 'addressee':
        doc.addressee = textOf(node, 'addressee').replace(/[:：]$/, '') + '：';
        break;
      case 'h':
      case 'p':
      case 'table':
        doc.body.push(bodyBlock(node, `body[${doc.body.length}]`)!);
        break;
      case 'attachment-note':
        (doc.attachmentNote ??= []).push(textOf(node, `attachmentNote[${doc.attachmentNote?.length ?? 0}]`));
        break;
      case 'signature': {
        const organs = elementsOf(node)
          .filter((c) => c.name === 'organ')
          .map((c, i) => textOf(c, `signature.organs[${i}]`));
        const date = elementsOf(node).find((c) => c.name === 'date');
        doc.signature = { organs, date: date ? textOf(date, 'signature.date') : '', seals: [] };
        break;
      }
      case 'note': {
        const path = `notes[${doc.notes?.length ?? 0}]`;
        const text = markedTextOf(node);
        const wrapped = /^[（(].*[）)]$/.test(text.text);
        record(path, node, text, wrapped ? 0 : 1);
        (doc.notes ??= []).push(wrapped ? `（${text.text.slice(1, -1)}）` : `（${text.text}）`);
        break;
      }
      case 'attachment': {
        const at = `attachments[${doc.attachments?.length ?? 0}]`;
        const attachment: Attachment = { label: '', title: [], body: [] };
        for (const child of elementsOf(node)) {
          if (child.name === 'label') attachment.label = textOf(child, `${at}.label`);
          else if (child.name === 'title-line') attachment.title.push(textOf(child, `${at}.title[${attachment.title.length}]`));
          else {
            const block = bodyBlock(child, `${at}.body[${attachment.body.length}]`);
            if (block) attachment.body.push(block);
          }
        }
        (doc.attachments ??= []).push(attachment);
        break;
      }
      case 'main-to':
        endMatter.mainTo = textOf(node, 'endMatter.mainTo');
        break;
      case 'copy-to':
        endMatter.copyTo = textOf(node, 'endMatter.copyTo');
        break;
      case 'printer':
        endMatter.printer = textOf(node, 'endMatter.printer');
        break;
      case 'print-date':
        endMatter.printDate = textOf(node, 'endMatter.printDate');
        break;
    }
  }
  if (Object.keys(endMatter).length) doc.endMatter = endMatter;
  return doc;
}
