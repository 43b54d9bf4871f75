/**
 * Measurements built by hand, for the cases a drawn PDF makes awkward: LibreOffice's hanging
 * punctuation, Word's 28.95 pt pitch, blank pages, misplaced page numbers.
 */
import { derived, layout, ptToMm } from '@gongwen/model';
import type { PageMeasurements, PdfMeasurements, TextLine } from '../src/index.js';

const ASCENT = 1.151;
const DESCENT = 0.286;
const SAMPLE = '法治政府建设是全面依法治国的重点任务和主体工程要坚持依法行政建设职能科学权责法定执法严明公开公正智能高效廉洁诚信人民满意的法治政府';

export interface LineSpec {
  /** Characters on the line (taken from a sample text) or the text itself. */
  text?: string;
  chars?: number;
  /** Grid row on the page, 0-based. */
  row: number;
  indentChars?: number;
  /** Right end, mm; default: where the characters end at the grid pitch. */
  xEnd?: number;
  x?: number;
  pitchPt?: number;
  size?: number;
  font?: string;
  /** Extra baseline shift, pt (a heading font with another ascent). */
  shiftPt?: number;
}

export function line(spec: LineSpec): TextLine {
  const size = spec.size ?? 16;
  const text = spec.text ?? SAMPLE.repeat(2).slice(0, spec.chars ?? 28);
  const x = spec.x ?? layout.margins.left + ptToMm((spec.indentChars ?? 0) * derived.charPitchPt);
  const n = [...text].length;
  const top = layout.margins.top + ptToMm(spec.row * (spec.pitchPt ?? derived.linePitchPt) - (spec.shiftPt ?? 0));
  const baseline = top + ptToMm(ASCENT * size);
  return {
    text,
    x,
    xEnd: spec.xEnd ?? x + ptToMm(n * size + (n - 1) * derived.bodyTrackingPt),
    baseline,
    top,
    bottom: baseline + ptToMm(DESCENT * size),
    fontSize: size,
    font: spec.font ?? 'FangSong',
    fonts: [spec.font ?? 'FangSong'],
  };
}

const BLOCK_RIGHT = layout.margins.left + layout.textBlock.width;

/** A paragraph of justified 28-character lines (the first indented 2) and a short last line. */
export function paragraph(firstRow: number, rows: number, options: { lastChars?: number; pitchPt?: number } = {}): TextLine[] {
  const out: TextLine[] = [];
  for (let i = 0; i < rows; i++) {
    const last = i === rows - 1;
    const first = i === 0;
    out.push(
      line({
        row: firstRow + i,
        chars: last ? (options.lastChars ?? 9) : first ? 26 : 28,
        indentChars: first ? 2 : 0,
        ...(last ? {} : { xEnd: BLOCK_RIGHT }),
        ...(options.pitchPt ? { pitchPt: options.pitchPt } : {}),
      }),
    );
  }
  return out;
}

export function pageNumberLine(n: number, text = layout.pageNumber.format(n), where?: { x?: number; xEnd?: number }): TextLine & { value: number } {
  const size = 14;
  const width = ptToMm(size * 3.6);
  const inset = ptToMm(size);
  const odd = n % 2 === 1;
  const x = where?.x ?? (odd ? BLOCK_RIGHT - inset - width : layout.margins.left + inset);
  const baseline = layout.margins.top + layout.textBlock.height + layout.pageNumber.belowBlock + ptToMm(0.27 * size);
  return {
    text,
    x,
    xEnd: where?.xEnd ?? x + width,
    baseline,
    top: baseline - ptToMm(ASCENT * size),
    bottom: baseline + ptToMm(DESCENT * size),
    fontSize: size,
    font: 'SimSun',
    fonts: ['SimSun'],
    value: n,
  };
}

export function page(number: number, lines: TextLine[], extra: Partial<PageMeasurements> = {}): PageMeasurements {
  return {
    number,
    width: layout.page.width,
    height: layout.page.height,
    lines,
    pageNumber: pageNumberLine(number),
    rules: [],
    redGlyphs: 0,
    images: [],
    ...extra,
  };
}

/** 22 grid rows of body text: paragraphs of 7 and 4 lines, repeated. */
export function fullPageLines(pitchPt?: number): TextLine[] {
  const lines: TextLine[] = [];
  for (let row = 0; row < layout.grid.linesPerPage; ) {
    const rows = Math.min(row % 11 === 0 ? 7 : 4, layout.grid.linesPerPage - row);
    lines.push(...paragraph(row, rows, pitchPt ? { pitchPt } : {}));
    row += rows;
  }
  return lines;
}

export function document(pages: PageMeasurements[]): PdfMeasurements {
  return {
    pageCount: pages.length,
    pages,
    fonts: [
      { name: 'ABCDEF+FangSong', baseName: 'FangSong', embedded: true, subset: true },
      { name: 'ABCDEG+SimSun', baseName: 'SimSun', embedded: true, subset: true },
    ],
    body: { fontSize: 16, font: 'FangSong' },
  };
}

/** Page 1 without a red header: a 2号 title on the first grid line, then the body. */
export function firstPageLines(): TextLine[] {
  return [line({ row: 0, text: '法治政府建设情况的报告', size: 22, x: 63 }), ...paragraph(2, 6)];
}

/**
 * A four-page body: first page, two full pages, short last page. `map` rewrites every page's
 * lines (to make LibreOffice's or an unpatched renderer's lines out of ours).
 */
export function fourPages(map: (lines: TextLine[], page: number) => TextLine[] = (l) => l): PageMeasurements[] {
  return [firstPageLines(), fullPageLines(), fullPageLines(), paragraph(0, 5)].map((lines, i) => page(i + 1, map(lines, i + 1)));
}

