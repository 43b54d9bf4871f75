import { unzipSync } from 'fflate';
import { Parser } from 'htmlparser2';
import type { Table } from '@gongwen/schema';
import { trimPadding, type SourceParagraph } from './paragraphs.js';

/** Thrown for a zip that is not a word-processing document; the caller turns it into a diagnostic. */
export class NotWordError extends Error {
  constructor(readonly reason: 'not-zip' | 'spreadsheet' | 'presentation' | 'no-document' | 'too-large') {
    super(reason);
  }
}

/** Parses XML into SAX events (entities decoded, tags as written: `w:p`). */
function parseXml(xml: string, handlers: { open?(name: string, attrs: Record<string, string>): void; text?(data: string): void; close?(name: string): void }): void {
  const parser = new Parser(
    {
      onopentag: (name, attrs) => handlers.open?.(name, attrs),
      ontext: (data) => handlers.text?.(data),
      onclosetag: (name) => handlers.close?.(name),
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
}

/** The main text of a report is a few hundred kB of XML; a word/document.xml this large is not one. */
const MAX_XML_BYTES = 64 * 1024 * 1024;

const on = (v: string | undefined) => v === undefined || !/^(0|false|off|none)$/i.test(v);

/** Style ids whose name says heading (英文 heading 1…, 中文 标题 1…, Title). */
function headingStyles(stylesXml: string | undefined): Set<string> {
  const ids = new Set<string>();
  if (!stylesXml) return ids;
  let id: string | undefined;
  parseXml(stylesXml, {
    open(name, attrs) {
      if (name === 'w:style') id = attrs['w:styleId'];
      else if (name === 'w:name' && id && /^(heading\s*\d|标题\s*\d|title|标题)$/i.test(attrs['w:val'] ?? '')) ids.add(id);
    },
    close(name) {
      if (name === 'w:style') id = undefined;
    },
  });
  return ids;
}

export interface DocxParagraphs {
  paragraphs: SourceParagraph[];
  /** Paragraph numbers that carry Word's automatic list numbering (its number is not in the text). */
  autoNumbered: number[];
}

/**
 * The paragraphs of a DOCX's main text (word/document.xml), in order: text of every run, tabs as a
 * space, line breaks ending a paragraph; deleted revisions and the fallback copies of text boxes
 * left out. Headers and footers (page numbers) are not report text.
 */
export function docxParagraphs(bytes: Uint8Array): DocxParagraphs {
  let files: Record<string, Uint8Array>;
  const names: string[] = [];
  let tooLarge = false;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        if (f.name !== 'word/document.xml' && f.name !== 'word/styles.xml') return false;
        // The size the zip declares is the size unpacked into (fflate allocates it): a zip bomb stops here.
        if (f.originalSize > MAX_XML_BYTES) tooLarge = true;
        return !tooLarge;
      },
    });
  } catch {
    throw new NotWordError('not-zip');
  }
  if (tooLarge) throw new NotWordError('too-large');
  const decoder = new TextDecoder();
  const documentXml = files['word/document.xml'];
  if (!documentXml) {
    if (names.some((n) => n.startsWith('xl/'))) throw new NotWordError('spreadsheet');
    if (names.some((n) => n.startsWith('ppt/'))) throw new NotWordError('presentation');
    throw new NotWordError('no-document');
  }
  const headingIds = headingStyles(files['word/styles.xml'] ? decoder.decode(files['word/styles.xml']) : undefined);

  interface Open {
    text: string;
    chars: number;
    strongChars: number;
    style?: string;
    align?: 'center' | 'right';
    numbered: boolean;
    distribute: boolean;
    unindented: boolean;
  }
  const paragraphs: SourceParagraph[] = [];
  const autoNumbered: number[] = [];
  const stack: Open[] = [];
  // Tables of the text (not floating ones: gongwen's 版记 is a table anchored to the page, read
  // as its lines), read into rows of cells; nested tables are read into their cell's text.
  interface OpenTable {
    rows: { cells: { text: string; align?: 'center' | 'right' }[]; header: boolean }[];
    /** Column widths (w:gridCol, twips) and the cells' side margins, the table's (w:tblCellMar) and the first cell's (w:tcMar), twips. */
    grid: number[];
    margins: number;
    cellMargins: number;
    floating: boolean;
    ruledColumns: boolean;
    cell?: { text: string; align?: 'center' | 'right' };
    /** The centred paragraph just before it: its title. */
    title?: SourceParagraph;
  }
  const tables: OpenTable[] = [];
  // The text's table being read; its rows and cells are those of the outermost table only.
  const outer = (): OpenTable | undefined => (tables[0] && !tables[0].floating ? tables[0] : undefined);
  const table = (): OpenTable | undefined => (tables.length === 1 ? outer() : undefined);
  let lastEmitted: SourceParagraph | undefined;
  let cellMargins: 'table' | 'cell' | undefined;
  const borderOn = (attrs: Record<string, string>) => !/^(nil|none)$/i.test(attrs['w:val'] ?? 'nil');
  let skip = 0;
  let inText = false;
  let runStrong = false;
  let count = 0;
  // A distributed paragraph (or, once saved as .doc, one broken off mid-sentence) and the
  // unindented one after it are one paragraph whose last line was set apart to keep it on the
  // page of the signature.
  let continued: SourceParagraph | undefined;
  const emit = (p: Open, final: boolean) => {
    const text = trimPadding(p.text.replace(/\t/g, ' '));
    const inTable = outer();
    if (inTable?.cell) {
      // A cell's paragraphs (and its lines) are its text.
      if (final) count++;
      inTable.cell.text += text;
      if (p.align && text) inTable.cell.align = p.align;
      return;
    }
    if (final) count++;
    if (continued && text && p.unindented && !p.align) {
      continued.text += text;
      continued = undefined;
      return;
    }
    continued = undefined;
    if (!text) return;
    const headingLike = (p.style !== undefined && headingIds.has(p.style)) || (p.chars > 0 && p.strongChars >= p.chars);
    const paragraph: SourceParagraph = { text, paragraph: count + (final ? 0 : 1), ...(headingLike ? { headingLike } : {}), ...(p.align ? { align: p.align } : {}) };
    paragraphs.push(paragraph);
    lastEmitted = paragraph;
    // Saved as .doc the distribution is lost: a long body paragraph broken off mid-sentence tells it too.
    if (final && !p.align && !headingLike && (p.distribute || (text.length >= 20 && !/[。！？；：…”’」』）)!?;:]$/.test(text)))) continued = paragraph;
    if (p.numbered) autoNumbered.push(count + (final ? 0 : 1));
  };
  parseXml(decoder.decode(documentXml), {
    open(name, attrs) {
      if (name === 'w:del' || name === 'mc:Fallback' || name === 'w:delText' || name === 'w:instrText') skip++;
      if (skip) return;
      const top = stack[stack.length - 1];
      switch (name) {
        case 'w:tbl':
          tables.push({ rows: [], grid: [], margins: 0, cellMargins: 0, floating: false, ruledColumns: false, ...(tables.length === 0 && lastEmitted?.align === 'center' && paragraphs.at(-1) === lastEmitted ? { title: lastEmitted } : {}) });
          break;
        case 'w:tblpPr':
          if (tables.length === 1) tables[0]!.floating = true;
          break;
        case 'w:tblCellMar':
          cellMargins = 'table';
          break;
        case 'w:tcMar':
          // The first cell's own margins, where the table has none (as LibreOffice saves it).
          if (table()?.rows.length === 1 && !table()!.rows[0]!.cells.length) cellMargins = 'cell';
          break;
        case 'w:insideV':
        case 'w:left':
        case 'w:right':
        case 'w:start':
        case 'w:end':
          // The table's cell margins (w:w, twips), or rules between or beside the columns: a grid, not a 三线表.
          if (cellMargins && name !== 'w:insideV') {
            if (table()) table()![cellMargins === 'table' ? 'margins' : 'cellMargins'] += Number(attrs['w:w']) || 0;
          } else if (table() && borderOn(attrs)) table()!.ruledColumns = true;
          break;
        case 'w:tr':
          table()?.rows.push({ cells: [], header: false });
          break;
        case 'w:gridCol':
          table()?.grid.push(Number(attrs['w:w']) || 0);
          break;
        case 'w:tblHeader':
          if (table()?.rows.length && on(attrs['w:val'])) table()!.rows.at(-1)!.header = true;
          break;
        case 'w:tc':
          if (table()) table()!.cell = { text: '' };
          break;
        case 'w:p':
          stack.push({ text: '', chars: 0, strongChars: 0, numbered: false, distribute: false, unindented: false });
          break;
        case 'w:pStyle':
          if (top) top.style = attrs['w:val'];
          break;
        case 'w:ind':
          if (top && (attrs['w:firstLine'] === '0' || attrs['w:firstLineChars'] === '0' || attrs['w:hanging'] !== undefined)) top.unindented = true;
          break;
        case 'w:jc':
          if (top && attrs['w:val'] === 'distribute') top.distribute = true;
          if (top && (attrs['w:val'] === 'center' || attrs['w:val'] === 'right' || attrs['w:val'] === 'end')) top.align = attrs['w:val'] === 'center' ? 'center' : 'right';
          break;
        case 'w:numPr':
          if (top) top.numbered = true;
          break;
        case 'w:r':
          runStrong = false;
          break;
        case 'w:b':
          if (on(attrs['w:val'])) runStrong = true;
          break;
        case 'w:rFonts':
          if (/黑体|楷体|Hei|Kai/i.test(attrs['w:eastAsia'] ?? '')) runStrong = true;
          break;
        case 'w:t':
          inText = true;
          break;
        case 'w:tab':
          if (top && !inText) top.text += '\t';
          break;
        case 'w:br':
        case 'w:cr':
          // A line break inside a paragraph starts a new line of text (a title or signature set by hand).
          if (top && attrs['w:type'] !== 'page' && attrs['w:type'] !== 'column') {
            emit(top, false);
            top.text = '';
            top.chars = 0;
            top.strongChars = 0;
          }
          break;
      }
    },
    text(data) {
      if (skip || !inText) return;
      const top = stack[stack.length - 1];
      if (!top) return;
      top.text += data;
      const chars = data.replace(/\s/g, '').length;
      top.chars += chars;
      if (runStrong) top.strongChars += chars;
    },
    close(name) {
      if (name === 'w:del' || name === 'mc:Fallback' || name === 'w:delText' || name === 'w:instrText') {
        skip = Math.max(0, skip - 1);
        return;
      }
      if (skip) return;
      if (name === 'w:tblCellMar' || name === 'w:tcMar') cellMargins = undefined;
      if (name === 'w:t') inText = false;
      else if (name === 'w:p') {
        const p = stack.pop();
        if (p) emit(p, true);
      } else if (name === 'w:tc') {
        const t = table();
        if (t?.cell) t.rows.at(-1)?.cells.push(t.cell);
        if (t) delete t.cell;
      } else if (name === 'w:tbl') {
        const t = tables.pop();
        if (t && !t.floating && tables.length === 0) {
          const block = tableBlock(t.rows, t.ruledColumns, t.title?.text, columnShares(t.grid, t.margins || t.cellMargins));
          if (block) {
            if (t.title) paragraphs.splice(paragraphs.indexOf(t.title), 1);
            const text = [...(block.title ? [block.title] : []), ...[...(block.header ?? []), ...block.rows].map((r) => r.join(' '))].join(' ');
            const paragraph: SourceParagraph = { text, paragraph: count, table: block };
            paragraphs.push(paragraph);
            lastEmitted = paragraph;
            continued = undefined;
          }
        }
      }
    },
  });
  return { paragraphs, autoNumbered };
}

/**
 * A table block of the rows read: header rows (marked to repeat, or none), the body rows, each
 * column's alignment as most of its body cells have it, ruled as a grid when its columns have
 * rules. None for a table without a body row or with rows of different lengths (a layout table).
 */
function tableBlock(
  rows: { cells: { text: string; align?: 'center' | 'right' }[]; header: boolean }[],
  grid: boolean,
  title: string | undefined,
  widths: number[] | undefined,
): Table['table'] | undefined {
  const width = rows[0]?.cells.length ?? 0;
  if (!width || rows.some((r) => r.cells.length !== width)) return undefined;
  const header = rows.filter((r, i) => r.header && rows.slice(0, i).every((x) => x.header));
  const body = rows.slice(header.length);
  if (!body.length || body.every((r) => r.cells.every((c) => !c.text))) return undefined;
  const text = (r: (typeof rows)[number]) => r.cells.map((c) => c.text) as [string, ...string[]];
  const align = Array.from({ length: width }, (_, c) => {
    const counts = new Map<string, number>();
    for (const r of body) if (r.cells[c]!.text) counts.set(r.cells[c]!.align ?? 'left', (counts.get(r.cells[c]!.align ?? 'left') ?? 0) + 1);
    return ([...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'left') as 'left' | 'center' | 'right';
  }) as [ 'left' | 'center' | 'right', ...('left' | 'center' | 'right')[]];
  return {
    ...(title ? { title } : {}),
    ...(header.length ? { header: header.map(text) as [ [string, ...string[]], ...[string, ...string[]][]] } : {}),
    rows: body.map(text) as [[string, ...string[]], ...[string, ...string[]][]],
    align,
    ...(widths?.length === width ? { widths: widths as [number, ...number[]] } : {}),
    rules: grid ? 'grid' : 'three-line',
  };
}

/**
 * The columns' relative widths: each column's text width (its width less the cells' side
 * margins) over the narrowest one's, to two decimals and whole where they are within 0.02 of
 * whole. None when the columns are alike (the renderer's default) or their widths are not known.
 */
function columnShares(grid: readonly number[], margins: number): number[] | undefined {
  const text = grid.map((w) => w - margins);
  if (!text.length || text.some((w) => !(w > 0))) return undefined;
  const min = Math.min(...text);
  const shares = text.map((w) => Math.round((w / min) * 100) / 100);
  if (shares.every((s) => Math.abs(s - 1) <= 0.02)) return undefined;
  return shares.map((s) => (Math.abs(s - Math.round(s)) <= 0.02 ? Math.round(s) : s));
}
