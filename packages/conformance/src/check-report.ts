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

export interface CheckReport {
  /** True when every rule passes. */
  conformant: boolean;
  pageCount: number;
  rules: RuleResult[];
}
