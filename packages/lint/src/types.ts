import type { Lang, Severity } from '@gongwen/diagnostics';
import type { PartKind, Report } from '@gongwen/schema';

/** A path into the report data, e.g. `['parts', 2, 'body', 0]`. */
export type DataPath = readonly (string | number)[];

/** A source range as `locate` in `@gongwen/schema` returns it (1-based). */
export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type Locate = (path: (string | number)[]) => SourceRange | undefined;

/** Text in both message languages. */
export interface Localized {
  zh: string;
  en: string;
}

/**
 * What a style's manifest tells the linter. A parsed `templates/<style>/style.yaml` can be passed
 * as it is: its `parts.required` lists the part kinds the style demands.
 */
export interface LintStyle {
  name?: string;
  /** The part kinds this style demands; overrides `parts.required`. */
  requiredParts?: readonly PartKind[];
  parts?: { required?: readonly PartKind[] };
  /**
   * The style's own heading per part kind, as it would print it for this report (year filled in);
   * messages about a part name it so. Without it, the statutory names are used.
   */
  headings?: Partial<Record<PartKind, string>>;
}

export interface LintOptions {
  /** The YAML text the report was loaded from; needed to point at the exact substring. */
  source?: string;
  filename?: string;
  locate?: Locate;
  lang?: Lang;
  style?: LintStyle;
  /** Rule ids to run; all rules when absent. */
  only?: readonly string[];
  /**
   * Today's date (`2024-03-05`, or a Date read in local time), for the rules about dates in the
   * future. The caller reads the clock; without it those rules stay silent.
   */
  today?: string | Date;
}

export interface RuleContext {
  report: Report;
  style: LintStyle;
  /** Today, when the caller gave it. */
  today?: { year: number; month: number; day: number };
}

/** One thing a rule found: where in the data, and optionally which substring of that string. */
export interface Finding {
  path: DataPath;
  message: Localized;
  hint?: Localized;
  /** The offending substring of the string at `path`, and its offset in that string. */
  excerpt?: { offset: number; text: string };
}

export interface Rule {
  /** Stable id, e.g. `year/plan-year`. */
  id: string;
  severity: Severity;
  /** Whether `fixReport` can rewrite what this rule finds (the rule has `fix`). */
  fixable: boolean;
  description: Localized;
  check(ctx: RuleContext): Finding[];
  /** Rewrites the string at a finding's path so the rule no longer fires on it. */
  fix?(text: string): string;
}
