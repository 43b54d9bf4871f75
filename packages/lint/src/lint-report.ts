import { sortDiagnostics, type Diagnostic } from '@gongwen/diagnostics';
import type { Report } from '@gongwen/schema';
import { parseDate } from './dates.js';
import { findingRange, formatPath } from './position.js';
import { rules } from './registry.js';
import type { DataPath, LintOptions } from './types.js';

function valueAt(report: Report, path: DataPath): string | undefined {
  let v: unknown = report;
  for (const key of path) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[key] : undefined;
  return typeof v === 'string' ? v : undefined;
}

/**
 * Runs every rule on a loaded report and returns its findings as diagnostics, each pointing
 * at the offending string in the YAML when `source` and `locate` are given, in source order.
 */
export function lintReport(report: Report, options: LintOptions = {}): Diagnostic[] {
  const lang = options.lang ?? 'zh';
  const lines = options.source?.split(/\r?\n/);
  const today = typeof options.today === 'string' ? parseDate(options.today) : options.today instanceof Date ? { year: options.today.getFullYear(), month: options.today.getMonth() + 1, day: options.today.getDate() } : undefined;
  const ctx = { report, style: options.style ?? {}, ...(today ? { today } : {}) };
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    if (options.only && !options.only.includes(rule.id)) continue;
    for (const finding of rule.check(ctx)) {
      const range = findingRange(finding, valueAt(report, finding.path), options.locate, lines);
      diagnostics.push({
        severity: rule.severity,
        ruleId: rule.id,
        message: finding.message[lang],
        ...(options.filename !== undefined && { file: options.filename }),
        ...range,
        path: formatPath(finding.path),
        ...(finding.hint && { hint: finding.hint[lang] }),
      });
    }
  }
  // In source order, as a reader goes through the file; ties keep the rule order.
  return sortDiagnostics(diagnostics);
}
