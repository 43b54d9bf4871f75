import type { Diagnostic } from '@gongwen/diagnostics';
import { CST, Composer, isScalar, Parser, type Node } from 'yaml';
import { parsePath } from './position.js';
import { fixHalfwidth } from './punctuation.js';

/** How each fixable rule rewrites the string it found. */
const fixers: Record<string, (text: string) => string> = {
  'form/halfwidth-punctuation': fixHalfwidth,
};

/**
 * Applies the auto-fixes of `diagnostics` to the YAML `source` and returns the new text. Only
 * the affected scalars are rewritten, in the concrete syntax tree, so comments, quoting and
 * layout everywhere else stay byte for byte.
 */
export function fixReport(source: string, diagnostics: readonly Diagnostic[]): string {
  const wanted = diagnostics.filter((d) => d.ruleId in fixers && d.path !== undefined);
  if (wanted.length === 0) return source;
  const tokens = [...new Parser().parse(source)];
  const docs = [...new Composer({ keepSourceTokens: true }).compose(tokens)];
  const doc = docs[0];
  if (!doc || doc.errors.length > 0) return source;
  const done = new Set<string>();
  for (const d of wanted) {
    const key = `${d.ruleId}|${d.path}`;
    if (done.has(key)) continue;
    done.add(key);
    const node = doc.getIn(parsePath(d.path!), true) as Node | undefined;
    if (!isScalar(node) || typeof node.value !== 'string' || !node.srcToken) continue;
    const fixed = fixers[d.ruleId]!(node.value);
    if (fixed === node.value) continue;
    // A plain scalar stays plain unless the new text needs quoting; setScalarValue decides.
    CST.setScalarValue(node.srcToken, fixed);
  }
  return tokens.map((t) => CST.stringify(t)).join('');
}
