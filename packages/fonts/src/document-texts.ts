import { layout, type BodyBlock, type Document, type FontRole } from '@gongwen/model';

/** One piece of text of a Document with the role it is set in and where it sits in the tree. */
export interface PlacedText {
  text: string;
  role: FontRole;
  /** Path into the Document, e.g. `body[3].runs[0]`. */
  path: string;
}

/** Every text of the document in reading order, with its font role; page numbers included. */
export function documentTexts(doc: Document): PlacedText[] {
  const out: PlacedText[] = [];
  const put = (text: string | undefined, role: FontRole, path: string) => {
    if (text) out.push({ text, role, path });
  };
  const h = doc.header;
  if (h) {
    put(h.copyNumber, 'body', 'header.copyNumber');
    put(h.secrecy, 'heading1', 'header.secrecy');
    put(h.urgency, 'heading1', 'header.urgency');
    h.organs.forEach((o, i) => put(o, 'organMark', `header.organs[${i}]`));
    put(h.suffix, 'organMark', 'header.suffix');
    put(h.documentNumber, 'body', 'header.documentNumber');
    h.signers?.forEach((s, i) => put(s, 'heading2', `header.signers[${i}]`));
  }
  doc.title.forEach((t, i) => put(t, 'title', `title[${i}]`));
  put(doc.addressee, 'body', 'addressee');
  blocks(doc.body, 'body', put);
  doc.attachmentNote?.forEach((n, i) => put(n, 'body', `attachmentNote[${i}]`));
  if (doc.signature) {
    doc.signature.organs.forEach((o, i) => put(o, 'body', `signature.organs[${i}]`));
    put(doc.signature.date, 'body', 'signature.date');
  }
  doc.notes?.forEach((n, i) => put(n, 'body', `notes[${i}]`));
  doc.attachments?.forEach((a, i) => {
    put(a.label, 'heading1', `attachments[${i}].label`);
    a.title.forEach((t, j) => put(t, 'title', `attachments[${i}].title[${j}]`));
    blocks(a.body, `attachments[${i}].body`, put);
  });
  const e = doc.endMatter;
  if (e) for (const k of ['mainTo', 'copyTo', 'printer', 'printDate'] as const) put(e[k], 'body', `endMatter.${k}`);
  put(layout.pageNumber.format(1234567890), 'pageNumber', 'pageNumber');
  return out;
}

function blocks(list: readonly BodyBlock[], at: string, put: (text: string | undefined, role: FontRole, path: string) => void): void {
  list.forEach((b, i) => {
    if (b.kind === 'heading') {
      const role = layout.headings.roles[b.level];
      put(b.marker, role, `${at}[${i}].marker`);
      put(b.text, role, `${at}[${i}].text`);
    } else if (b.kind === 'table') {
      const t = layout.table;
      put(b.title, t.titleRole, `${at}[${i}].title`);
      b.header.forEach((row, r) => row.forEach((cell, c) => put(cell, t.headerRole, `${at}[${i}].header[${r}][${c}]`)));
      b.rows.forEach((row, r) => row.forEach((cell, c) => put(cell, t.cellRole, `${at}[${i}].rows[${r}][${c}]`)));
    } else b.runs.forEach((r, j) => put(r.text, r.role ?? 'body', `${at}[${i}].runs[${j}]`));
  });
}
