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
