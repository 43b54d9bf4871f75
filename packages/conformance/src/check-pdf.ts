import { Analysis } from './analysis.js';
import type { CheckReport, RuleResult } from './check-report.js';
import { measurePdf } from './measure-pdf.js';
import type { PdfMeasurements } from './measurements.js';
import type { TableRegion } from './table-regions.js';
import { attachmentRule } from './rules/attachment.js';
import { endMatterRule } from './rules/end-matter.js';
import { fontSizesRule, fontsEmbeddedRule } from './rules/fonts.js';
import { charsPerLineRule, firstLineIndentRule, linePitchRule, linesPerPageRule } from './rules/grid.js';
import { blockBottomRule, blockLeftRule, blockRightRule, blockTopRule, pageSizeRule } from './rules/page-and-block.js';
import { pageNumberFormatRule, pageNumberPositionRule } from './rules/page-numbers.js';
import { organMarkRule } from './rules/organ-mark.js';
import { redRulePositionRule } from './rules/red-rule.js';
import { signatureRule } from './rules/signature.js';
import { textEqualsRule } from './rules/text-equals.js';
import { titleRule } from './rules/title.js';

export interface CheckOptions {
  /** The document's text, line by line (`documentLines(doc)`); adds the `text/equals` rule. */
  expectedText?: readonly string[];
  /** The rule set; GB/T 9704-2012 is the only one. */
  profile?: 'gbt9704';
  /**
   * Rules run only on request. `signature/position` (7.3.5) is one: its placement depends on
   * how a renderer measures the date's digits, and it joins the default set once both renderers
   * meet it.
   */
  extraRules?: readonly OptionalRule[];
  /** Language of the error thrown for input that is not a readable PDF. */
  lang?: 'zh' | 'en';
}

export type OptionalRule = 'signature/position';

/** Runs every GB/T 9704 rule on measurements already taken. */
export function checkMeasurements(m: PdfMeasurements, options: Pick<CheckOptions, 'expectedText' | 'extraRules'> = {}): CheckReport {
  const a = new Analysis(m);
  const rules: RuleResult[] = [
    pageSizeRule(a),
    blockLeftRule(a),
    blockTopRule(a),
    blockRightRule(a),
    blockBottomRule(a),
    linesPerPageRule(a),
    linePitchRule(a),
    charsPerLineRule(a),
    firstLineIndentRule(a),
    fontSizesRule(a),
    fontsEmbeddedRule(a),
    pageNumberFormatRule(a),
    pageNumberPositionRule(a),
    organMarkRule(a),
    redRulePositionRule(a),
    titleRule(a),
    attachmentRule(a),
    endMatterRule(a),
  ];
  if (options.extraRules?.includes('signature/position')) rules.push(signatureRule(a));
  if (options.expectedText) rules.push(textEqualsRule(a, options.expectedText));
  const pages = m.pages.map((p) => {
    const exempt = [...(a.kinds.get(p.number) ?? [])];
    return { number: p.number, lines: p.lines.length, ...(p.pageNumber ? { pageNumber: p.pageNumber.text } : {}), full: exempt.length === 0, exempt };
  });
  return { conformant: rules.every((r) => r.pass), pageCount: m.pageCount, rules, pages };
}

/** The tables the rules see in measurements already taken: each page's table parts, top to bottom. */
export function findTables(m: PdfMeasurements): TableRegion[] {
  return [...new Analysis(m).tables.values()].flat();
}

/**
 * Measures a PDF (any PDF, not only gongwen's) against GB/T 9704-2012. Rejects with a
 * `PdfReadError` when the bytes are not a readable PDF.
 */
export async function checkPdf(bytes: Uint8Array, options: CheckOptions = {}): Promise<CheckReport> {
  const m = await measurePdf(bytes, options.lang ? { lang: options.lang } : {});
  return checkMeasurements(m, {
    ...(options.expectedText ? { expectedText: options.expectedText } : {}),
    ...(options.extraRules ? { extraRules: options.extraRules } : {}),
  });
}
