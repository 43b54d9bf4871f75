import type { PageMeasurements, PdfMeasurements } from './measurements.js';

/** The size and font that carry most characters of the document. */
export function bodyText(pages: PageMeasurements[]): PdfMeasurements['body'] {
  const bySize = new Map<number, number>();
  const byFont = new Map<string, number>();
  for (const line of pages.flatMap((p) => p.lines)) {
    const n = [...line.text.replace(/\s/gu, '')].length;
    bySize.set(line.fontSize, (bySize.get(line.fontSize) ?? 0) + n);
  }
  const size = [...bySize].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (size === undefined) return undefined;
  for (const line of pages.flatMap((p) => p.lines)) {
    if (line.fontSize !== size) continue;
    byFont.set(line.font, (byFont.get(line.font) ?? 0) + [...line.text.replace(/\s/gu, '')].length);
  }
  const font = [...byFont].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  return { fontSize: size, font };
}
