import { ptToMm } from '@gongwen/model';
import { baseFontName, isSubsetName } from './font-names.js';
import { scanGraphics, type Ops } from './graphics-scan.js';
import { loadPdf, pdfjs, type PdfPage } from './load-pdf.js';
import type { FontInfo, PageMeasurements, PdfMeasurements } from './measurements.js';
import { bodyText } from './body-text.js';
import { linesAndPageNumber } from './page-number-line.js';
import type { PlacedItem } from './text-lines.js';

export interface MeasureOptions {
  /** Language of the error thrown for input that is not a readable PDF. */
  lang?: 'zh' | 'en';
}

interface RawTextItem {
  str?: string;
  transform?: number[];
  width?: number;
  fontName?: string;
}

interface LoadedFont {
  name?: string;
  missingFile?: boolean;
  ascent?: number;
  descent?: number;
}

/** Fonts without usable metrics: a CJK em box sits 0.88 above and 0.12 below the baseline. */
const DEFAULT_ASCENT = 0.88;
const DEFAULT_DESCENT = -0.12;

/** Reads a PDF back and measures every page: size, text lines with positions and fonts, rules. */
export async function measurePdf(bytes: Uint8Array, options: MeasureOptions = {}): Promise<PdfMeasurements> {
  const pdf = await loadPdf(bytes, options.lang);
  try {
    const fonts = new Map<string, FontInfo>();
    const pages: PageMeasurements[] = [];
    for (let n = 1; n <= pdf.numPages; n++) pages.push(await measurePage(await pdf.getPage(n), n, fonts));
    return { pageCount: pdf.numPages, pages, fonts: [...fonts.values()], body: bodyText(pages) };
  } finally {
    await pdf.destroy();
  }
}

async function measurePage(page: PdfPage, number: number, fonts: Map<string, FontInfo>): Promise<PageMeasurements> {
  const viewport = page.getViewport({ scale: 1 });
  // The operator list comes first: it loads the page's fonts into commonObjs, where their
  // names and embedding are read.
  const ops = await page.getOperatorList();
  const content = await page.getTextContent();
  const fontOf = (id: string): { info: FontInfo; ascent: number; descent: number } => {
    let loaded: LoadedFont | undefined;
    try {
      loaded = page.commonObjs.has(id) ? (page.commonObjs.get(id) as LoadedFont) : undefined;
    } catch {
      loaded = undefined;
    }
    const name = loaded?.name ?? id;
    const info = fonts.get(name) ?? { name, baseName: baseFontName(name), embedded: loaded ? !loaded.missingFile : false, subset: isSubsetName(name) };
    fonts.set(name, info);
    const style = content.styles[id] as { ascent?: number; descent?: number } | undefined;
    const ascent = style?.ascent && style.ascent > 0 ? style.ascent : DEFAULT_ASCENT;
    const descent = style?.descent && style.descent < 0 ? style.descent : DEFAULT_DESCENT;
    return { info, ascent, descent };
  };

  const landscape = viewport.width > viewport.height;
  const items: PlacedItem[] = [];
  // On a landscape page, the text drawn turned a quarter clockwise (running down the page), in
  // the portrait sheet's frame: the page number, which stands where the portrait pages have it.
  const turned: PlacedItem[] = [];
  for (const raw of content.items as RawTextItem[]) {
    if (!raw.str || !raw.transform || raw.str.trim() === '') continue;
    const [a, b, c, d, e, f] = raw.transform as [number, number, number, number, number, number];
    const [vx, vy] = viewport.convertToViewportPoint(e, f) as [number, number];
    const font = fontOf(raw.fontName ?? '');
    const down = landscape && Math.abs(a) < 1e-3 && b < 0;
    (down ? turned : items).push({
      str: raw.str,
      x: ptToMm(down ? vy : vx),
      width: ptToMm(raw.width ?? 0),
      baseline: ptToMm(down ? viewport.width - vx : vy),
      fontSize: round2(Math.hypot(c, d) || Math.hypot(a, b)),
      font: font.info.baseName,
      ascent: font.ascent,
      descent: font.descent,
    });
  }
  const height = ptToMm(viewport.height);
  const { lines, pageNumber } = linesAndPageNumber(items, turned, { width: ptToMm(viewport.width), height });
  const { rules, redGlyphs, images } = scanGraphics(ops, pdfjs.OPS as Ops, viewport.transform as [number, number, number, number, number, number]);
  page.cleanup();
  return { number, width: ptToMm(viewport.width), height, ...(landscape ? { orientation: 'landscape' as const } : {}), lines, ...(pageNumber ? { pageNumber } : {}), rules, redGlyphs, images };
}

const round2 = (v: number): number => Math.round(v * 100) / 100;
