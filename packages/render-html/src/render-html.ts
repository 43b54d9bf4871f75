import { fontRoles, layout, type BodyBlock, type Document, type FontRole, type Run, type TableBlock } from '@gongwen/model';

export interface RenderHtmlOptions {
  /** The page's language tag (default zh-CN). */
  lang?: string;
}

/** Text as HTML text or attribute value: report data never becomes markup. */
function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const family = (role: FontRole) => [...fontRoles[role].families.map((f) => `"${f}"`), role === 'heading1' ? 'sans-serif' : 'serif'].join(', ');
const em = (role: FontRole) => +(fontRoles[role].size / fontRoles.body.size).toFixed(4);
const colour = (hex: string) => `#${hex.toLowerCase()}`;

/**
 * The page's style sheet, from the layout specification: the faces and relative sizes of each
 * role, the two-character indent, the signature's right inset, the red of the header. The column
 * is 28 characters wide on a desk and the screen's width on a phone.
 */
function styleSheet(): string {
  const indent = `${layout.paragraph.firstLineIndentChars}em`;
  return [
    `body{margin:0;padding:1em;font-family:${family('body')};line-height:1.8;color:${colour(fontRoles.body.color)};background:#fff}`,
    `main{max-width:${layout.grid.charsPerLine}em;margin:0 auto;font-size:1.125rem}`,
    `.organs{margin:0 0 .5em;text-align:center;color:${colour(layout.red)};font-family:${family('organMark')};font-size:${em('organMark')}em;line-height:1.3}`,
    `.organs p{margin:0}`,
    `.number{margin:0;text-align:center}`,
    `.number.upward{display:flex;justify-content:space-between;gap:1em}`,
    `.rule{border:0;border-top:2px solid ${colour(layout.red)};margin:.5em 0 1.5em}`,
    `h1{font-family:${family('title')};font-size:${em('title')}em;font-weight:normal;text-align:center;margin:.5em 0 1em;line-height:1.5}`,
    `h1 span{display:block}`,
    `h2,h3,h4{font-size:1em;font-weight:normal;margin:0;text-indent:${layout.headings.indentChars}em}`,
    `h2{font-family:${family('heading1')}}`,
    `h3{font-family:${family('heading2')}}`,
    `h4{font-family:${family('body')}}`,
    `p{margin:0;text-indent:${indent};text-align:justify}`,
    `.addressee{text-indent:0}`,
    `.lead{font-family:${family('heading2')}}`,
    `.attachment-note{margin-top:1em}`,
    `.attachment-note ul{list-style:none;margin:0;padding:0 0 0 ${layout.paragraph.firstLineIndentChars + 3}em}`,
    `.signature{margin-top:1em;text-align:right;padding-right:${layout.signature.unsealed.organRightInsetChars}em}`,
    `.signature p{text-indent:0;text-align:right}`,
    `.notes{margin-top:1em}`,
    `.attachment{margin-top:2em;border-top:1px solid #999;padding-top:1em}`,
    `.attachment .label{font-family:${family('heading1')};text-indent:0}`,
    `footer{margin-top:2em;border-top:1px solid #000;border-bottom:1px solid #000;padding:.25em 0}`,
    `footer p{text-indent:${layout.paragraph.firstLineIndentChars / 2}em}`,
    `.print-line{display:flex;justify-content:space-between;gap:1em}`,
  ].join('\n');
}

function runs(list: readonly Run[]): string {
  return list.map((r) => (r.role === 'heading2' ? `<span class="lead">${esc(r.text)}</span>` : r.bold ? `<strong>${esc(r.text)}</strong>` : esc(r.text))).join('');
}

/** Parts and their subsections as h2–h4 (h1 is the title), numbers as text; paragraphs as p. */
function blocks(list: readonly BodyBlock[]): string[] {
  return list.map((b) => {
    if (b.kind === 'heading') {
      const tag = `h${Math.min(b.level + 1, 4)}`;
      return `<${tag}>${esc(b.marker + b.text)}</${tag}>`;
    }
    if (b.kind === 'table') return tableHtml(b);
    return `<p>${runs(b.runs)}</p>`;
  });
}

/**
 * A table: its title as the caption, the header rows in `<thead>` (a printer repeats them on every
 * page). Column widths are left to the browser: the page carries no inline styles.
 */
function tableHtml(table: TableBlock): string {
  const cell = (tag: 'th' | 'td', text: string, c: number) => `<${tag}${tag === 'td' && table.align[c] !== 'left' ? ` class="${table.align[c]}"` : ''}>${esc(text)}</${tag}>`;
  const head = table.header.length ? `<thead>${table.header.map((r) => `<tr>${r.map((t, c) => cell('th', t, c)).join('')}</tr>`).join('')}</thead>` : '';
  const body = `<tbody>${table.rows.map((r) => `<tr>${r.map((t, c) => cell('td', t, c)).join('')}</tr>`).join('')}</tbody>`;
  return `<table class="${table.rules}">${table.title ? `<caption>${esc(table.title)}</caption>` : ''}${head}${body}</table>`;
}

/** Table rules, added to the page's style sheet only when the document has a table. */
function tableStyleSheet(): string {
  return [
    `table{width:100%;border-collapse:collapse;margin:.5em 0;font-family:${family('body')}}`,
    `caption{font-family:${family(layout.table.titleRole)};padding-bottom:.25em}`,
    `th{font-family:${family(layout.table.headerRole)};font-weight:normal}`,
    `th,td{padding:0 ${layout.table.cellPaddingChars}em;text-align:left}`,
    `th,td.center{text-align:center}`,
    `td.right{text-align:right}`,
    `table.three-line{border-top:${layout.table.outerRule}mm solid #000;border-bottom:${layout.table.outerRule}mm solid #000}`,
    `table.three-line thead tr:last-child th{border-bottom:${layout.table.innerRule}mm solid #000}`,
    `table.grid{border:${layout.table.outerRule}mm solid #000}`,
    `table.grid th,table.grid td{border:${layout.table.innerRule}mm solid #000}`,
  ].join('\n');
}

const hasTable = (list: readonly BodyBlock[]): boolean => list.some((b) => b.kind === 'table');

/**
 * The document as one HTML page: no scripts, no external files, the style sheet in the page, the
 * same text in the same order as the PDF. Title, issuer and date are also in `<meta>`.
 */
export function renderHtml(doc: Document, options: RenderHtmlOptions = {}): string {
  const lang = options.lang ?? 'zh-CN';
  const title = doc.meta.title || doc.title.join('');
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<meta name="author" content="${esc(doc.meta.author)}">`,
    ...(doc.meta.subject ? [`<meta name="description" content="${esc(doc.meta.subject)}">`] : []),
    `<meta name="dcterms.title" content="${esc(title)}">`,
    `<meta name="dcterms.creator" content="${esc(doc.meta.author)}">`,
    ...(doc.meta.created ? [`<meta name="dcterms.created" content="${esc(doc.meta.created)}">`] : []),
    '<meta name="generator" content="gongwen">',
    `<style>\n${styleSheet()}${hasTable(doc.body) || doc.attachments?.some((a) => hasTable(a.body)) ? `\n${tableStyleSheet()}` : ''}\n</style>`,
  ];
  const body: string[] = ['<main>'];
  const h = doc.header;
  if (h) {
    body.push('<header>');
    for (const v of [h.copyNumber, h.secrecy, h.urgency]) if (v) body.push(`<p class="addressee">${esc(v)}</p>`);
    body.push(`<div class="organs">${h.organs.map((o, i) => `<p>${esc(i === h.organs.length - 1 ? o + h.suffix : o)}</p>`).join('')}</div>`);
    if (h.signers?.length) body.push(`<p class="number upward"><span>${esc(h.documentNumber ?? '')}</span><span>签发人：${esc(h.signers.join('　'))}</span></p>`);
    else if (h.documentNumber) body.push(`<p class="number">${esc(h.documentNumber)}</p>`);
    body.push('<hr class="rule">', '</header>');
  }
  body.push('<article>');
  if (doc.title.length) body.push(`<h1>${doc.title.map((l) => `<span>${esc(l)}</span>`).join('')}</h1>`);
  if (doc.addressee) body.push(`<p class="addressee">${esc(doc.addressee)}</p>`);
  body.push(...blocks(doc.body));
  if (doc.attachmentNote?.length) {
    const many = doc.attachmentNote.length > 1;
    body.push(`<section class="attachment-note" aria-label="附件"><p>附件：</p><ul>${doc.attachmentNote.map((n, i) => `<li>${many ? `${i + 1}.` : ''}${esc(n)}</li>`).join('')}</ul></section>`);
  }
  if (doc.signature) {
    body.push(`<div class="signature">${(doc.signature.stamps?.length ? doc.signature.stamps.map((st) => st.title) : doc.signature.organs).map((o) => `<p>${esc(o)}</p>`).join('')}<p><time${doc.meta.created ? ` datetime="${esc(doc.meta.created)}"` : ''}>${esc(doc.signature.date)}</time></p></div>`);
  }
  if (doc.notes?.length) body.push(`<div class="notes">${doc.notes.map((n) => `<p>${esc(n)}</p>`).join('')}</div>`);
  for (const a of doc.attachments ?? []) {
    body.push(`<section class="attachment" aria-label="${esc(a.label)}">`, `<p class="label">${esc(a.label)}</p>`, `<h2>${esc(a.title.join(''))}</h2>`, ...blocks(a.body), '</section>');
  }
  body.push('</article>');
  const e = doc.endMatter;
  if (e && (e.mainTo || e.copyTo || e.printer || e.printDate)) {
    body.push('<footer>');
    for (const v of [e.mainTo, e.copyTo]) if (v) body.push(`<p>${esc(v)}</p>`);
    if (e.printer || e.printDate) body.push(`<p class="print-line"><span>${esc(e.printer ?? '')}</span><span>${esc(e.printDate ?? '')}</span></p>`);
    body.push('</footer>');
  }
  body.push('</main>');
  return `<!DOCTYPE html>\n<html lang="${esc(lang)}">\n<head>\n${head.join('\n')}\n</head>\n<body>\n${body.join('\n')}\n</body>\n</html>\n`;
}
