import type { Diagnostic, Lang, Severity } from '@gongwen/diagnostics';
import type { Report } from '@gongwen/schema';
import { lintReport } from './lint-report.js';
import { lintStyleOf, type LoadedStyle } from './style-of.js';
import type { Locate } from './types.js';

export interface LintLoadedOptions {
  filename?: string;
  lang?: Lang;
  /** Today's date, read by the caller, for the rules about dates in the future (see `lintReport`). */
  today?: string | Date;
  /**
   * Every finding at this severity, the rules' own errors listed first: a render reports content
   * findings as warnings, or as errors under `--strict`. Without it, each rule's own severity.
   */
  severity?: Severity;
}

/**
 * The content rules on a report as `loadReport` of `@gongwen/schema` gave it (its text and
 * positions, so a finding points at its substring), in the style it is rendered with.
 */
export function lintLoaded(report: Report, loaded: { text?: string; locate: Locate }, style: LoadedStyle, options: LintLoadedOptions = {}): Diagnostic[] {
  const findings = lintReport(report, {
    ...(loaded.text !== undefined ? { source: loaded.text } : {}),
    filename: options.filename,
    locate: loaded.locate,
    lang: options.lang,
    style: lintStyleOf(style, report),
    ...(options.today !== undefined ? { today: options.today } : {}),
  });
  const { severity } = options;
  if (!severity) return findings;
  const ranked = [...findings].sort((a, b) => Number(a.severity !== 'error') - Number(b.severity !== 'error'));
  return ranked.map((d) => ({ ...d, severity }));
}
