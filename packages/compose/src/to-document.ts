import type { Attachment, BodyBlock, CellAlignment, Document, EndMatter, FontRole, Header, Run, TableBlock } from '@gongwen/model';
import { decodeEntities, type ElementNode, type MarkupNode } from './markup.js';

/** The parts of a Document that the markup carries; compose adds meta and seals. */
export type MarkupDocument = Omit<Document, 'meta'>;

function textOf(node: ElementNode): string {
  return decodeEntities(node.children.map((c) => (c.kind === 'text' ? c.text : '')).join('')).trim();
}

function elementsOf(node: ElementNode): ElementNode[] {
  return node.children.filter((c): c is ElementNode => c.kind === 'element');
}

function paragraph(node: ElementNode): BodyBlock {
  const runs: Run[] = [];
  const add = (child: MarkupNode) => {
    if (child.kind === 'text') {
      runs.push({ text: decodeEntities(child.text) });
    } else if (child.name === 'run') {
      const run: Run = { text: decodeEntities(child.children.map((c) => (c.kind === 'text' ? c.text : '')).join('')) };
      if (child.attributes.role) run.role = child.attributes.role as FontRole;
      if (child.attributes.bold === 'true') run.bold = true;
      runs.push(run);
    }
  };
  node.children.forEach(add);
  if (runs.length) {
    runs[0]!.text = runs[0]!.text.trimStart();
    runs[runs.length - 1]!.text = runs[runs.length - 1]!.text.trimEnd();
  }
  // Adjacent runs in the same face are one run.
  const merged: Run[] = [];
  for (const run of runs) {
    if (run.text === '') continue;
    const prev = merged[merged.length - 1];
    if (prev && prev.role === run.role && prev.bold === run.bold) prev.text += run.text;
    else merged.push(run);
  }
  return { kind: 'paragraph', runs: merged };
}

function bodyBlock(node: ElementNode): BodyBlock | undefined {
  if (node.name === 'h') {
    return { kind: 'heading', level: Number(node.attributes.level ?? '1') as 1 | 2 | 3 | 4, marker: node.attributes.marker ?? '', text: textOf(node) };
  }
  if (node.name === 'p') return paragraph(node);
  if (node.name === 'table') return table(node);
  return undefined;
}

/** A `<table>`: its caption, head rows and rows; every row as wide as the widest (empty cells added). */
function table(node: ElementNode): TableBlock {
  const rowsOf = (head: boolean) => elementsOf(node).filter((c) => c.name === 'tr' && (c.attributes.head === 'true') === head).map((tr) => elementsOf(tr).filter((c) => c.name === 'td').map(textOf));
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
  if (caption) block.title = textOf(caption);
  if (widths) block.widths = Array.from({ length: columns }, (_, i) => (widths[i]! > 0 ? widths[i]! : 1));
  return block;
}

/** Turns the parsed markup into the Document's elements (the markup was checked while parsing). */
export function toDocument(root: ElementNode): MarkupDocument {
  const doc: MarkupDocument = { title: [], body: [] };
  const endMatter: EndMatter = {};
  for (const node of elementsOf(root)) {
    switch (node.name) {
      case 'header': {
        const header: Header = { organs: [], suffix: '' };
        for (const child of elementsOf(node)) {
          const value = textOf(child);
          if (child.name === 'copy-number') header.copyNumber = value;
          else if (child.name === 'secrecy') header.secrecy = value;
          else if (child.name === 'urgency') header.urgency = value;
          else if (child.name === 'organ') header.organs.push(value);
          else if (child.name === 'suffix') header.suffix = value;
          else if (child.name === 'doc-number') header.documentNumber = value;
          else if (child.name === 'signer') (header.signers ??= []).push(value);
        }
        doc.header = header;
        break;
      }
      case 'title-line':
        doc.title.push(textOf(node));
        break;
      case 'addressee':
        doc.addressee = textOf(node).replace(/[:：]$/, '') + '：';
        break;
      case 'h':
      case 'p':
      case 'table':
        doc.body.push(bodyBlock(node)!);
        break;
      case 'attachment-note':
        (doc.attachmentNote ??= []).push(textOf(node));
        break;
      case 'signature': {
        const organs = elementsOf(node).filter((c) => c.name === 'organ').map(textOf);
        const date = elementsOf(node).find((c) => c.name === 'date');
        doc.signature = { organs, date: date ? textOf(date) : '', seals: [] };
        break;
      }
      case 'note': {
        const text = textOf(node);
        (doc.notes ??= []).push(/^[（(].*[）)]$/.test(text) ? `（${text.slice(1, -1)}）` : `（${text}）`);
        break;
      }
      case 'attachment': {
        const attachment: Attachment = { label: '', title: [], body: [] };
        for (const child of elementsOf(node)) {
          if (child.name === 'label') attachment.label = textOf(child);
          else if (child.name === 'title-line') attachment.title.push(textOf(child));
          else {
            const block = bodyBlock(child);
            if (block) attachment.body.push(block);
          }
        }
        (doc.attachments ??= []).push(attachment);
        break;
      }
      case 'main-to':
        endMatter.mainTo = textOf(node);
        break;
      case 'copy-to':
        endMatter.copyTo = textOf(node);
        break;
      case 'printer':
        endMatter.printer = textOf(node);
        break;
      case 'print-date':
        endMatter.printDate = textOf(node);
        break;
    }
  }
  if (Object.keys(endMatter).length) doc.endMatter = endMatter;
  return doc;
}
