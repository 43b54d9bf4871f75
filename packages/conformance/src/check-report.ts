/** The outcome of one conformance rule. */
export interface RuleResult {
  /** Stable id, e.g. `grid/lines-per-page`. */
  id: string;
  /** Short title in Chinese and in English. */
  title: string;
  titleEn: string;
  pass: boolean;
  /** True when the PDF has nothing the rule applies to (no red header, no full page, …); `pass` is then true. */
  skipped?: boolean;
  /** What was measured and what the standard asks, in Chinese; `…En` in English. */
  measured: string;
  expected: string;
  measuredEn: string;
  expectedEn: string;
  /** Physical page numbers where the rule failed. */
  pages?: number[];
}

/** How a page was read: its text lines and why it is not a full body page, if it is not. */
export interface PageSummary {
  number: number;
  /** Text lines, the page number left out. */
  lines: number;
  pageNumber?: string;
  /** Full body pages must hold 22 lines; the others are exempt for the reasons listed. */
  full: boolean;
  exempt: Array<'first' | 'blank' | 'end-matter' | 'attachment-start' | 'body-end' | 'title' | 'block-break' | 'signature-carry' | 'table-carry' | 'landscape'>;
}

export interface CheckReport {
  /** True when every rule passes. */
  conformant: boolean;
  pageCount: number;
  rules: RuleResult[];
  pages: PageSummary[];
}
