import { isAlias, isCollection, isScalar, visit, type Alias, type Document, type Node } from 'yaml';

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
