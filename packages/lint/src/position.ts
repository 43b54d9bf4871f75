import type { DataPath, Finding, Locate, SourceRange } from './types.js';

/** `['parts', 2, 'body', 0]` → `parts[2].body[0]`, the form diagnostics print. */
export function formatPath(path: DataPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** `parts[2].body[0]` → `['parts', 2, 'body', 0]`. */
export function parsePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

function countBefore(haystack: string, needle: string, end: number): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1 && i < end; i = haystack.indexOf(needle, i + 1)) n++;
  return n;
}

/**
 * The source range of a finding: the node `locate` gives, narrowed to the offending substring
 * when that substring can be found in the node's source lines (plain, quoted or block scalars).
 */
export function findingRange(
  finding: Finding,
  value: string | undefined,
  locate: Locate | undefined,
  lines: readonly string[] | undefined,
): SourceRange | undefined {
  // A node missing from the data (e.g. a part never written) is reported at its nearest ancestor.
  let node: SourceRange | undefined;
  for (let n = finding.path.length; n >= 0 && !node; n--) node = locate?.([...finding.path.slice(0, n)]);
  if (!node || !finding.excerpt || value === undefined || !lines) return node;
  const { text, offset } = finding.excerpt;
  if (!text) return node;
  // Which occurrence of the substring in the value is meant, counted in the source the same way.
  let k = countBefore(value, text, offset);
  for (let line = node.line; line <= node.endLine && line <= lines.length; line++) {
    const src = lines[line - 1]!;
    const from = line === node.line ? node.column - 1 : 0;
    const to = line === node.endLine ? node.endColumn - 1 : src.length;
    const slice = src.slice(from, to);
    for (let i = slice.indexOf(text); i !== -1; i = slice.indexOf(text, i + 1)) {
      if (k-- > 0) continue;
      const column = from + i + 1;
      return { line, column, endLine: line, endColumn: column + text.length };
    }
  }
  return node;
}
