/**
 * How far a measurement may stray from the layout spec and still pass. These are the checker's
 * own allowances, not layout numbers: the expected values come from `@gongwen/model`.
 */
export const tolerances = {
  /** GB/T 9704 §6: 版面 error within 1 mm. Used for the paper size and the text-block edges. */
  edgeMm: 1,
  /**
   * A line's glyphs sit inside its grid line; where the line's leading goes (above or below the
   * glyphs) differs between pdfmake, Word and LibreOffice. The first line's glyph top may lie
   * up to this much below the block's top edge, the last line's glyph bottom this much above the
   * bottom edge.
   */
  leadingMm: 2,
  /** Baseline pitch, pt. */
  pitchPt: 0.1,
  /** First-line indent, pt (2 × 15.79 pt with tracking, 2 × 16 pt without). */
  indentPt: 1,
  /** Font sizes, pt. */
  sizePt: 0.1,
  /** Page-number horizontal inset, mm. */
  pageNumberMm: 1,
  /**
   * Page-number baseline below the block's bottom edge: the dash line stands `belowBlock` mm
   * below it, so the baseline lies between that and one page-number line further down.
   */
  pageNumberDropLines: 1.5,
  /** At least this share of full lines must carry all 28 characters (the rest 27). */
  fullLineShare: 2 / 3,
} as const;
