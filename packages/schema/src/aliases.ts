/** Anchors and aliases: resolving them cheaply, and measuring how much data they expand to. */
import { isAlias, isCollection, isPair, isScalar, visit, type Alias, type Document, type Node } from 'yaml';

type Resolve = (alias: Alias) => Node | undefined;
const resolvers = new WeakMap<Document, Resolve>();

/**
 * Resolves aliases to their anchored nodes from one pass over the document. The library's own
 * `alias.resolve(doc)` walks the whole document for every alias, which hostile input turns into
 * quadratic time.
 */
export function aliasResolver(doc: Document): Resolve {
  const cached = resolvers.get(doc);
  if (cached) return cached;
  // Anchors in document order; an alias refers to the last one of its name that starts before it.
  const anchors = new Map<string, { start: number; node: Node }[]>();
  visit(doc, (_key, node) => {
    if ((isScalar(node) || isCollection(node)) && node.anchor && node.range) {
      const list = anchors.get(node.anchor) ?? [];
      list.push({ start: node.range[0], node });
      anchors.set(node.anchor, list);
    }
  });
  const resolve: Resolve = (alias) => {
    const list = anchors.get(alias.source);
    const at = alias.range?.[0] ?? Infinity;
    if (!list) return undefined;
    for (let i = list.length - 1; i >= 0; i--) if (list[i]!.start < at) return list[i]!.node;
    return undefined;
  };
  resolvers.set(doc, resolve);
  return resolve;
}

/** Follows an alias (or a chain of them) to the node it stands for. */
export function resolveNode(doc: Document, node: Node | undefined): Node | undefined {
  const resolve = aliasResolver(doc);
  for (let i = 0; i < 100 && isAlias(node); i++) node = resolve(node);
  return node;
}

/**
 * How much data the document holds with every alias expanded, computed once per node (so in linear
 * time, however often a node is referenced), and the first alias that expands to the most: where a
 * billion-laughs bomb goes off.
 */
export function expansion(doc: Document): { total: number; worst?: Alias } {
  const resolve = aliasResolver(doc);
  const size = new Map<unknown, number>();
  const sizeOf = (node: unknown, depth: number): number => {
    // Nesting this deep has been reported already; aliases cannot loop (checked before).
    if (depth > 1000 || node === null || node === undefined) return 1;
    if (isAlias(node)) return sizeOf(resolve(node), depth + 1);
    if (isPair(node)) return sizeOf(node.key, depth + 1) + sizeOf(node.value, depth + 1);
    if (isScalar(node) || !isCollection(node)) return 1;
    const known = size.get(node);
    if (known !== undefined) return known;
    let n = 1;
    for (const item of node.items) n += sizeOf(item, depth + 1);
    size.set(node, n);
    return n;
  };
  const total = sizeOf(doc.contents, 0);
  let worst: Alias | undefined;
  let worstSize = -1;
  visit(doc, {
    Alias(_, alias) {
      const s = sizeOf(alias, 0);
      if (s > worstSize) {
        worst = alias;
        worstSize = s;
      }
    },
  });
  return worst ? { total, worst } : { total };
}
