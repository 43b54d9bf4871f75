import type { DataPath } from './locate.js';
import { Composer, CST, Document, isScalar, Parser, type Node } from 'yaml';

/** A rewrite of the string at one place of the data. */
export interface YamlStringEdit {
  path: DataPath;
  /** The new text for the old; returning the old text changes nothing. */
  edit(text: string): string;
}

/**
 * Rewrites strings of a YAML text in place: only the affected scalars change, in the concrete
 * syntax tree, so comments, quoting and layout everywhere else stay byte for byte. A place that
 * is not a string is left alone; unparsable YAML comes back unchanged.
 */
export function editYamlStrings(source: string, edits: readonly YamlStringEdit[]): string {
  if (edits.length === 0) return source;
  const tokens = [...new Parser().parse(source)];
  const docs = [...new Composer({ keepSourceTokens: true }).compose(tokens)];
  const doc = docs[0];
  if (!doc || docs.some((d) => d.errors.length > 0)) return source;
  let changed = false;
  for (const { path, edit } of edits) {
    const node = doc.getIn([...path], true) as Node | undefined;
    if (!isScalar(node) || typeof node.value !== 'string' || !node.srcToken) continue;
    const value = edit(node.value);
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

/** A comment to write at a value: on the line of a scalar, above a mapping or a list. */
export interface YamlComment {
  path: DataPath;
  text: string;
}

/** A comment's text on one line, without anything YAML would read as the end of the comment. */
const oneLine = (s: string) => ` ${s.replace(/[\r\n]+/g, ' ')}`;

/**
 * Data as YAML text a person edits: block style, lists indented under their key, no line
 * folding, plain scalars wherever they read back the same (the library quotes the rest: a
 * leading `-`, `: ` inside, a number-like string), with each comment at its value.
 */
export function writeYaml(data: unknown, options: { comments?: readonly YamlComment[] } = {}): string {
  const doc = new Document(data, { keepUndefined: false });
  for (const c of options.comments ?? []) {
    const node = doc.getIn([...c.path], true) as { comment?: string | null; commentBefore?: string | null } | undefined;
    if (!node || typeof node !== 'object') continue;
    if (isScalar(node)) node.comment = node.comment ? `${node.comment};${oneLine(c.text)}` : oneLine(c.text);
    else node.commentBefore = node.commentBefore ? `${node.commentBefore}\n${oneLine(c.text)}` : oneLine(c.text);
  }
  return doc.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
}
