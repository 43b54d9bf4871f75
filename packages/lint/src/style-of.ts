import type { PartKind, Report } from '@gongwen/schema';
import type { LintStyle } from './types.js';

/** What lint reads of a style as `loadStyle` of `@gongwen/compose` returns it. */
export interface LoadedStyle {
  name: string;
  manifest: { parts: { required: readonly PartKind[] } };
  /** Fills a manifest text (`parts.headings.plans`) with values. */
  fill(manifestPath: string, context: Record<string, unknown>): string;
}

/**
 * The style's rules for this report: the parts it requires, each by the heading the style would
 * print for it in this report's year (a custom part brings its own heading).
 */
export function lintStyleOf(style: LoadedStyle, report: Pick<Report, 'year'>): LintStyle {
  const { required } = style.manifest.parts;
  const values = { year: report.year, nextYear: report.year + 1 };
  const headings = Object.fromEntries(required.filter((kind) => kind !== 'custom').map((kind) => [kind, style.fill(`parts.headings.${kind}`, values)]));
  return { name: style.name, requiredParts: required, headings };
}
