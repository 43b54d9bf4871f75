import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** One line of text as read back from the PDF: items grouped by baseline. */
export interface TextLine {
  page: number;
  /** Baseline, pt from the page top. */
  baseline: number;
  /** Left edge of the first glyph and right edge of the last, pt from the page's left edge. */
  x: number;
  xEnd: number;
  text: string;
  /** Non-space characters. */
  chars: number;
  fontSize: number;
}

/** Reads every text line of every page with pdfjs-dist, the way a conformance checker sees the PDF. */
export async function readLines(pdf: Uint8Array): Promise<{ pages: number; pageHeight: number; lines: TextLine[] }> {
  const doc = await getDocument({ data: pdf.slice(), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const lines: TextLine[] = [];
  let pageHeight = 0;
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    pageHeight = page.view[3]!;
    const content = await page.getTextContent();
    const rows = new Map<number, { x: number; xEnd: number; text: string; size: number }[]>();
    for (const item of content.items) {
      if (!('str' in item) || !item.str.trim()) continue;
      const [a, , , , e, f] = item.transform as number[];
      const baseline = Math.round((pageHeight - f!) * 100) / 100;
      const key = [...rows.keys()].find((k) => Math.abs(k - baseline) < 0.5) ?? baseline;
      if (!rows.has(key)) rows.set(key, []);
      rows.get(key)!.push({ x: e!, xEnd: e! + item.width, text: item.str, size: Math.abs(a!) });
    }
    for (const [baseline, items] of [...rows].sort((a, b) => a[0] - b[0])) {
      items.sort((a, b) => a.x - b.x);
      const text = items.map((i) => i.text).join('');
      lines.push({
        page: p,
        baseline,
        x: items[0]!.x,
        xEnd: Math.max(...items.map((i) => i.xEnd)),
        text,
        chars: [...text.replace(/\s/g, '')].length,
        fontSize: Math.max(...items.map((i) => i.size)),
      });
    }
  }
  await doc.destroy();
  return { pages: doc.numPages, pageHeight, lines };
}

/** Names of the fonts embedded in the PDF (`ABCDEF+Family` for subsets). */
export function embeddedFonts(pdf: Uint8Array): string[] {
  const text = Buffer.from(pdf).toString('latin1');
  return [...new Set([...text.matchAll(/\/BaseFont \/([A-Za-z0-9+_-]+)/g)].map((m) => m[1]!))].sort();
}

export const mm = (pt: number): number => (pt * 25.4) / 72;
