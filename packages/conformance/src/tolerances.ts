/**
 * How far a measurement may stray from the layout spec and still pass. These are the checker's
 * own allowances, not layout numbers: the expected values come from `@gongwen/model`.
 */
export const tolerances = {
  /** GB/T 9704 §6: 版面 error within 1 mm. Used for the paper size and the text-block edges. */
  edgeMm: 1,
  /**
   * How far a first or last line's em box may stand outside its grid line (mm). Where a line's
   * leading goes, above or below the characters, differs between pdfmake, Word and LibreOffice,
   * so the check is "inside the first (last) grid line", not a fixed baseline.
   */
  gridLineMm: 0.5,
  /**
   * Baseline pitch, pt: 0.1, plus half of the 0.1 pt step in which LibreOffice writes text
   * positions (its 28.95 pt lines come out as 28.9, 29.0 and, after a 黑体 line, 29.1).
   */
  pitchPt: 0.15,
  /** 版记 rule weights (0.35 / 0.25 mm), mm. */
  ruleWeightMm: 0.05,
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
  /**
   * Body lines a renderer may carry over to the signature's page so the 署名 and date do not stand
   * alone: one is enough, two is what widow control in Word and LibreOffice moves.
   */
  signatureCarryLines: 2,
  /** At least this share of full lines must carry all 28 characters (the rest 27). */
  fullLineShare: 2 / 3,
} as const;
