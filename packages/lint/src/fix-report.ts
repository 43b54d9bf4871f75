import type { Diagnostic } from '@gongwen/diagnostics';
import { editYamlStrings, type YamlStringEdit } from '@gongwen/schema';
import { parsePath } from './position.js';
import { rules } from './registry.js';

/** How each fixable rule rewrites the string it found. */
const fixers = new Map(rules.flatMap((rule) => (rule.fix ? [[rule.id, rule.fix] as const] : [])));

/**
 * Applies the auto-fixes of `diagnostics` to the YAML `source` and returns the new text. Only
 * the affected scalars are rewritten, so comments, quoting and layout everywhere else stay byte
 * for byte. Unparsable YAML comes back unchanged.
 */
export function fixReport(source: string, diagnostics: readonly Diagnostic[]): string {
  // Per data path, the fixes to apply in turn (a string may need several).
  const byPath = new Map<string, Set<(text: string) => string>>();
  for (const d of diagnostics) {
    const fix = fixers.get(d.ruleId);
    if (!fix || d.path === undefined) continue;
    byPath.set(d.path, (byPath.get(d.path) ?? new Set()).add(fix));
  }
  const edits: YamlStringEdit[] = [...byPath].map(([path, fixes]) => ({
    path: parsePath(path),
    edit: (text) => [...fixes].reduce((value, fix) => fix(value), text),
  }));
  return editYamlStrings(source, edits);
}
