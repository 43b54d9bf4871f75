import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import { resolveNode } from './aliases.js';

/** A span in the source, 1-based, end exclusive, as `Diagnostic` carries it. */
export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A one-character span, for messages about a spot rather than a value. */
export function pointAt(line: number, column: number): SourceRange {
  return { line, column, endLine: line, endColumn: column + 1 };
}

export type DataPath = readonly (string | number)[];

export interface FoundNode {
  /** The value node at the path (after following aliases); absent for `key:` with no value. */
  node?: Node;
  /** The mapping key that holds the value, when the path ends in a key. */
  key?: Node;
}

/** The text a key stands for in the loaded data (keys are always strings there). */
export function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null || key.value === undefined ? '' : String(key.value);
  if (key === null || key === undefined) return '';
  return undefined;
}

/** Walks a data path through the YAML tree, following aliases; the last of duplicate keys wins, as in the data. */
export function findNode(doc: Document, path: DataPath): FoundNode | undefined {
  let node: Node | undefined = doc.contents ?? undefined;
  let key: Node | undefined;
  for (const seg of path) {
    node = resolveNode(doc, node);
    if (isMap(node)) {
      const found = pairsByKey(node).get(String(seg));
      if (!found) return undefined;
      key = (found.key as Node | null) ?? undefined;
      node = (found.value as Node | null) ?? undefined;
    } else if (isSeq(node)) {
      const index = typeof seg === 'number' ? seg : Number(seg);
      const item = Number.isInteger(index) ? node.items[index] : undefined;
      if (item === undefined) return undefined;
      key = undefined;
      node = (item as Node | null) ?? undefined;
    } else {
      return undefined;
    }
  }
  return { node: resolveNode(doc, node), key };
}

type AnyPair = { key: unknown; value: unknown };
const pairIndex = new WeakMap<object, Map<string, AnyPair>>();

/** Pairs of a mapping by key text, built once per mapping so that locating many keys stays linear. */
function pairsByKey(map: { items: AnyPair[] }): Map<string, AnyPair> {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) {
      const text = keyText(pair.key);
      if (text !== undefined) index.set(text, pair);
    }
    pairIndex.set(map, index);
  }
  return index;
}

export function rangeOf(node: Node | undefined, lineCounter: LineCounter): SourceRange | undefined {
  const r = node?.range;
  if (!r) return undefined;
  return offsetsToRange(r[0], Math.max(r[1], r[0]), lineCounter);
}

export function offsetsToRange(start: number, end: number, lineCounter: LineCounter): SourceRange {
  const a = lineCounter.linePos(start);
  const b = lineCounter.linePos(end);
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}

/** Whether a node has source text of its own (an empty `key:` value has none). */
export function hasSpan(node: Node | undefined): boolean {
  const r = node?.range;
  return !!r && r[1] > r[0];
}

/** Builds the `locate(path)` function the load result carries: the value's span, or its key's for empty values. */
export function createLocator(doc: Document | undefined, lineCounter: LineCounter): (path: DataPath) => SourceRange | undefined {
  return (path) => {
    if (!doc) return undefined;
    try {
      const found = findNode(doc, path);
      if (!found) return undefined;
      return hasSpan(found.node) ? rangeOf(found.node, lineCounter) : rangeOf(found.key ?? found.node, lineCounter);
    } catch {
      return undefined;
    }
  };
}
