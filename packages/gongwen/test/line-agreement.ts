import { measurePdf } from '@gongwen/conformance';

/** A text line as read back from a PDF: its page and its characters without spaces. */
export interface PageLine {
  page: number;
  text: string;
}

/** How far two PDFs of one document agree, line by line. */
export interface LineAgreement {
  /** Lines in the larger of the two. */
  lines: number;
  /** Lines identical in both, in the same order (a longest common subsequence). */
  same: number;
  /** Of those, the lines on the same page number in both. */
  samePage: number;
  /** Lines on each page, in each PDF. */
  perPage: [number[], number[]];
  /** The first lines that differ, for the failure message. */
  differences: string[];
}

/**
 * The lines of a PDF in reading order, spaces removed: the automatic space a client puts between
 * a Chinese character and a digit reads back as a space or not, depending on the gap.
 */
export async function pageLines(pdf: Uint8Array): Promise<PageLine[]> {
  return (await readBack(pdf)).lines;
}

/** The lines of a PDF (see pageLines) and the page number printed on each page (none on a blank or 版记 page after one). */
export async function readBack(pdf: Uint8Array): Promise<{ lines: PageLine[]; numbers: (number | null)[] }> {
  const m = await measurePdf(pdf);
  return {
    lines: m.pages.flatMap((p) => p.lines.map((l) => ({ page: p.number, text: l.text.replace(/\s/gu, '') }))),
    numbers: m.pages.map((p) => p.pageNumber?.value ?? null),
  };
}

/** Compares the lines of two PDFs of the same document (page numbers are left out by the reader). */
export function compareLines(a: readonly PageLine[], b: readonly PageLine[], name = ''): LineAgreement {
  const n = a.length;
  const m = b.length;
  // Longest common subsequence of the line texts, so one moved line counts once.
  const table = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) table[i]![j] = a[i]!.text === b[j]!.text ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  let i = 0;
  let j = 0;
  let same = 0;
  let samePage = 0;
  const differences: string[] = [];
  const note = (s: string) => differences.length < 12 && differences.push(`${name} ${s}`);
  while (i < n && j < m) {
    if (a[i]!.text === b[j]!.text) {
      same++;
      if (a[i]!.page === b[j]!.page) samePage++;
      else note(`page ${a[i]!.page} in the PDF, ${b[j]!.page} in the DOCX: ${a[i]!.text}`);
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) note(`only in the PDF, page ${a[i]!.page}: ${a[i++]!.text}`);
    else note(`only in the DOCX, page ${b[j]!.page}: ${b[j++]!.text}`);
  }
  while (i < n) note(`only in the PDF, page ${a[i]!.page}: ${a[i++]!.text}`);
  while (j < m) note(`only in the DOCX, page ${b[j]!.page}: ${b[j++]!.text}`);
  const perPage = (lines: readonly PageLine[]) => {
    const counts: number[] = [];
    for (const l of lines) counts[l.page - 1] = (counts[l.page - 1] ?? 0) + 1;
    return Array.from(counts, (c) => c ?? 0);
  };
  return { lines: Math.max(n, m), same, samePage, perPage: [perPage(a), perPage(b)], differences };
}

/** `97.9 %` */
export const percent = (part: number, whole: number): string => `${((100 * part) / Math.max(1, whole)).toFixed(1)} %`;

/** Where a page break falls badly in one PDF: headings left at a page's foot, single lines alone at a page's top or foot. */
export interface PageBreakFaults {
  /** Headings whose last line ends a page while their text goes on the next. */
  headingsAtFoot: string[];
  /** Paragraphs whose last line stands alone at the top of a page (widows). */
  widows: string[];
  /** Paragraphs whose first line stands alone at the foot of a page (orphans). */
  orphans: string[];
  /** Headings found among the lines (so a check over none cannot pass unnoticed). */
  headings: number;
}

type Block = { kind: 'heading'; marker: string; text: string } | { kind: 'paragraph'; runs: { text: string }[] } | { kind: string };

/**
 * Finds each heading and paragraph of the body among the PDF's lines (in reading order, the
 * lines of a block joined give its text) and reports the page breaks that leave a heading at a
 * page's foot or one line of a paragraph alone on a page.
 */
export function pageBreakFaults(lines: readonly PageLine[], body: readonly Block[]): PageBreakFaults {
  const faults: PageBreakFaults = { headingsAtFoot: [], widows: [], orphans: [], headings: 0 };
  const textOf = (b: Block) =>
    (b.kind === 'heading' ? `${(b as { marker: string }).marker}${(b as { text: string }).text}` : b.kind === 'paragraph' ? (b as { runs: { text: string }[] }).runs.map((r) => r.text).join('') : '').replace(/\s/gu, '');
  let from = 0;
  for (const block of body) {
    const text = textOf(block);
    if (!text) continue;
    for (let s = from; s < lines.length; s++) {
      if (!lines[s]!.text || !text.startsWith(lines[s]!.text)) continue;
      let acc = '';
      let e = s;
      while (e < lines.length && acc.length < text.length && text.startsWith(acc + lines[e]!.text)) acc += lines[e++]!.text;
      if (acc !== text) continue;
      const span = lines.slice(s, e);
      const next = lines[e];
      if (block.kind === 'heading') faults.headings++;
      if (block.kind === 'heading' && next && next.page > span.at(-1)!.page) faults.headingsAtFoot.push(text);
      if (block.kind === 'paragraph' && span.length >= 2) {
        if (span.at(-1)!.page > span.at(-2)!.page) faults.widows.push(span.at(-1)!.text);
        if (span[1]!.page > span[0]!.page) faults.orphans.push(span[0]!.text);
      }
      from = e;
      break;
    }
  }
  return faults;
}
