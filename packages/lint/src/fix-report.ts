import type { Diagnostic } from '@gongwen/diagnostics';
import { yaml } from '@gongwen/schema';
import type { Node } from 'yaml';
import { parsePath } from './position.js';
import { rules } from './registry.js';

const { CST, Composer, isScalar, Parser } = yaml;

/** How each fixable rule rewrites the string it found. */
const fixers = new Map(rules.flatMap((rule) => (rule.fix ? [[rule.id, rule.fix] as const] : [])));

/**
 * Applies the auto-fixes of `diagnostics` to the YAML `source` and returns the new text. Only
 * the affected scalars are rewritten, in the concrete syntax tree, so comments, quoting and
 * layout everywhere else stay byte for byte. Unparsable YAML comes back unchanged.
 */
export function fixReport(source: string, diagnostics: readonly Diagnostic[]): string {
  // Per data path, the fixes to apply in turn (a string may need several).
  const byPath = new Map<string, Set<(text: string) => string>>();
  for (const d of diagnostics) {
    const fix = fixers.get(d.ruleId);
    if (!fix || d.path === undefined) continue;
    byPath.set(d.path, (byPath.get(d.path) ?? new Set()).add(fix));
  }
  if (byPath.size === 0) return source;
  const tokens = [...new Parser().parse(source)];
  const docs = [...new Composer({ keepSourceTokens: true }).compose(tokens)];
  const doc = docs[0];
  if (!doc || docs.some((d) => d.errors.length > 0)) return source;
  let changed = false;
  for (const [path, fixes] of byPath) {
    const node = doc.getIn(parsePath(path), true) as Node | undefined;
    if (!isScalar(node) || typeof node.value !== 'string' || !node.srcToken) continue;
    let value = node.value;
    for (const fix of fixes) value = fix(value);
    if (value === node.value) continue;
    const token = node.srcToken;
    // A block scalar's token carries its parent's indent; its content must keep its own.
    if (token.type === 'block-scalar') {
      const content = /^( +)\S/m.exec(token.source);
      if (content) token.indent = content[1]!.length;
    }
    // setScalarValue keeps the scalar's style unless the new text cannot be written in it.
    CST.setScalarValue(token, value);
    changed = true;
  }
  return changed ? tokens.map((t) => CST.stringify(t)).join('') : source;
}
