// Completion and hover from report.schema.json: the keys allowed where the cursor is, the values of
// an enum, and each key's description, found by walking the YAML's indentation up to the root.

export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  description?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  enum?: unknown[];
  const?: unknown;
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  allOf?: SchemaNode[];
  then?: SchemaNode;
}

export type PathStep = { key: string } | { item: true };

export class SchemaHelp {
  constructor(private readonly root: SchemaNode & { $defs?: Record<string, SchemaNode> }) {}

  private deref(node: SchemaNode | undefined, depth = 0): SchemaNode | undefined {
    if (!node || depth > 20) return node;
    if (node.$ref) {
      const name = node.$ref.replace('#/$defs/', '');
      const target = this.root.$defs?.[name];
      // A $ref with its own description (a property) keeps it.
      const resolved = this.deref(target, depth + 1);
      return resolved && node.description ? { ...resolved, description: node.description } : resolved;
    }
    return node;
  }

  /** Every alternative a node may take (oneOf/anyOf/allOf flattened). */
  private variants(node: SchemaNode | undefined): SchemaNode[] {
    const n = this.deref(node);
    if (!n) return [];
    const alts = [...(n.oneOf ?? []), ...(n.anyOf ?? []), ...(n.allOf ?? [])];
    return [n, ...alts.flatMap((a) => this.variants(a))];
  }

  /** The schema at a path of keys and list items. */
  at(path: readonly PathStep[]): SchemaNode[] {
    let nodes: SchemaNode[] = [this.root];
    for (const step of path) {
      nodes = nodes.flatMap((n) => this.variants(n)).flatMap((n) => {
        if ('item' in step) return n.items ? [n.items] : [];
        const p = n.properties?.[step.key];
        return p ? [p] : [];
      });
      if (!nodes.length) return [];
    }
    return nodes.flatMap((n) => this.variants(n));
  }

  /** Keys an object at this path may have, with their descriptions. */
  keys(path: readonly PathStep[]): { key: string; description?: string; required?: boolean }[] {
    const out = new Map<string, { key: string; description?: string }>();
    for (const n of this.at(path)) {
      for (const [key, value] of Object.entries(n.properties ?? {})) {
        if (!out.has(key)) out.set(key, { key, description: this.deref(value)?.description ?? value.description });
      }
    }
    return [...out.values()];
  }

  /** Values an enum (or const) at this path may take. */
  values(path: readonly PathStep[]): string[] {
    const values = new Set<string>();
    for (const n of this.at(path)) {
      for (const v of n.enum ?? []) values.add(String(v));
      if (n.const !== undefined) values.add(String(n.const));
    }
    return [...values];
  }

  description(path: readonly PathStep[]): string | undefined {
    if (!path.length) return this.root.description;
    const parent = this.at(path.slice(0, -1));
    const last = path[path.length - 1]!;
    for (const n of parent) {
      if ('key' in last && n.properties?.[last.key]) {
        const p = n.properties[last.key]!;
        return p.description ?? this.deref(p)?.description;
      }
    }
    return this.at(path).find((n) => n.description)?.description;
  }
}

const keyLine = /^(\s*)(-\s+)*([^\s#'"{}[\],:][^:#]*?)\s*:(\s|$)/;
const itemLine = /^(\s*)-(\s|$)/;

/**
 * The path of the mapping that line `lineNo` (0-based) sits in, from the lines above it: each
 * line less indented than the current one that opens a key or a list item is a parent.
 */
export function pathAt(lines: readonly string[], lineNo: number, column: number): { path: PathStep[]; key?: string; inValue: boolean } {
  const line = lines[lineNo] ?? '';
  const before = line.slice(0, column);
  const own = keyLine.exec(line);
  const inValue = own ? before.length > own[0].trimEnd().length - 0 && before.includes(':') : false;
  let indent = indentOf(line, column);
  const steps: PathStep[] = [];
  // The current line: list dashes before its key make it an item of the parent.
  const dashes = /^(\s*)((?:-\s+)*)/.exec(line)!;
  const ownDashes = (dashes[2]!.match(/-/g) ?? []).length;
  for (let i = 0; i < ownDashes; i++) steps.unshift({ item: true });
  for (let i = lineNo - 1; i >= 0 && indent > 0; i--) {
    const l = lines[i]!;
    if (!l.trim() || l.trim().startsWith('#')) continue;
    const lead = l.length - l.trimStart().length;
    const m = keyLine.exec(l);
    const d = /^(\s*)((?:-\s+)*)/.exec(l)!;
    const dashCount = (d[2]!.match(/-/g) ?? []).length;
    const keyIndent = lead + d[2]!.length;
    if (dashCount > 0 && keyIndent === indent) {
      // `- key: …` at the current indentation opens the list item this line belongs to.
      for (let k = 0; k < dashCount; k++) steps.unshift({ item: true });
      indent = lead;
    } else if (m && keyIndent < indent) {
      steps.unshift({ key: m[3]!.trim() });
      for (let k = 0; k < dashCount; k++) steps.unshift({ item: true });
      indent = lead;
    } else if (!m && itemLine.test(l) && lead < indent) {
      steps.unshift({ item: true });
      indent = lead;
    }
  }
  return { path: steps, ...(own ? { key: own[3]!.trim() } : {}), inValue };
}

function indentOf(line: string, column: number): number {
  const m = /^(\s*)((?:-\s+)*)/.exec(line)!;
  const content = m[0].length;
  return line.trim() ? content : Math.min(column, line.length);
}
