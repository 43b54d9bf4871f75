import { error, type Diagnostic, type Lang } from '@gongwen/diagnostics';
import {
  isAlias,
  isCollection,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Alias,
  type Document,
  type Node,
  type YAMLError,
} from 'yaml';
import { aliasResolver } from './anchors.js';
import { formatPath } from './data-path.js';
import { keyText, offsetsToRange, pointAt, rangeOf } from './locate.js';
import { yamlMessage } from './yaml-messages.js';

/** yaml's own default: enough for sharing an organ list, far too few for a billion-laughs bomb. */
export const maxAliasCount = 100;
/** With aliases expanded, a report holds at most this many values (a real one holds a few hundred). */
export const maxExpandedValues = 100_000;
/** At most this many YAML errors are listed; after that they are echoes of the first ones. */
const maxYamlDiagnostics = 50;

export interface ParsedYaml {
  doc: Document;
  lineCounter: LineCounter;
  /** The plain data, when the YAML could be read well enough to validate it. */
  data?: unknown;
  hasData: boolean;
  diagnostics: Diagnostic[];
}

const ruleByCode: Partial<Record<string, string>> = {
  TAG_RESOLVE_FAILED: 'yaml/unknown-tag',
  MULTIPLE_DOCS: 'yaml/multiple-documents',
  RESOURCE_EXHAUSTION: 'yaml/too-deep',
  DUPLICATE_KEY: 'yaml/duplicate-key',
};

/** YAML problems that leave the tree intact: validating it still gives the user useful messages. */
const benignCodes = new Set(['DUPLICATE_KEY', 'MULTIPLE_DOCS', 'TAG_RESOLVE_FAILED', 'KEY_OVER_1024_CHARS']);

/**
 * Parses YAML keeping source positions. Nothing in the data is evaluated: the core schema has no
 * code-bearing tags, YAML 1.1 extras (`!!binary`, `!!set`, …) are switched off, and every unknown
 * tag is reported.
 */
export function parseYaml(text: string, options: { filename?: string; lang: Lang }): ParsedYaml {
  const { lang } = options;
  const file = options.filename;
  const lineCounter = new LineCounter();
  // Hostile input can make the library create tens of thousands of error objects; their stack
  // traces are never read and capturing them dominates the time. Parsing is synchronous, so the
  // limit is restored before any other code runs.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, {
      lineCounter,
      prettyErrors: false,
      // Duplicate keys are found below in linear time; the library's check is quadratic per mapping.
      uniqueKeys: false,
      resolveKnownTags: false,
      logLevel: 'error',
      version: '1.2',
      schema: 'core',
    });
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  const diagnostics: Diagnostic[] = [];
  const at = (start: number, end: number) => offsetsToRange(start, Math.max(end, start), lineCounter);

  const problems: YAMLError[] = [...doc.errors, ...doc.warnings];
  const exhausted = problems.filter((e) => e.code === 'RESOURCE_EXHAUSTION');
  // Running out of stack produces a cascade of follow-on errors; the first one is the story.
  const reported = exhausted.length > 0 ? [exhausted.sort((a, b) => a.pos[0] - b.pos[0])[0]!] : problems;
  // One message per spot: a single slip often trips several checks at the same place.
  const seen = new Set<number>();
  for (const e of reported.sort((a, b) => a.pos[0] - b.pos[0])) {
    if (seen.has(e.pos[0])) continue;
    seen.add(e.pos[0]);
    if (diagnostics.length >= maxYamlDiagnostics) break;
    const { message, hint } = lineSlip(text, lineCounter, e.pos[0], lang) ?? yamlMessage(e.code, e.message, lang);
    const opening = e.code === 'RESOURCE_EXHAUSTION' ? undefined : openingOf(doc, e);
    const ruleId = ruleByCode[e.code] ?? 'yaml/syntax';
    const span = opening !== undefined ? at(opening, opening + 1) : at(e.pos[0], e.pos[1]);
    diagnostics.push(error(ruleId, message, { file, ...span, ...(hint ? { hint } : {}) }));
  }
  const structural = problems.some((e) => !benignCodes.has(e.code));
  if (structural || doc.contents === null) {
    return { doc, lineCounter, hasData: false, diagnostics };
  }

  let aliasProblem = false;
  let aliases = 0;
  try {
    const found = inspectTree(doc, lineCounter, { file, lang });
    diagnostics.push(...found.diagnostics);
    aliasProblem = found.badAlias;
    aliases = found.aliasCount;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    diagnostics.push(tooDeep(file, lang));
    return { doc, lineCounter, hasData: false, diagnostics };
  }
  if (aliasProblem) return { doc, lineCounter, hasData: false, diagnostics };

  // A few aliases can multiply a large anchored list, and nested ones explode (billion laughs);
  // validation would walk every copy. Measured on the tree, before anything is expanded.
  if (aliases > 0) {
    let measured: { total: number; worst?: Alias } | undefined;
    try {
      measured = expansion(doc);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
    }
    if (!measured || measured.total > maxExpandedValues) {
      diagnostics.push(aliasLimit(measured?.worst, lineCounter, file, lang));
      return { doc, lineCounter, hasData: false, diagnostics };
    }
  }

  try {
    const data: unknown = doc.toJS({ maxAliasCount, mapAsMap: false });
    return { doc, lineCounter, data, hasData: true, diagnostics };
  } catch (e) {
    if (e instanceof RangeError) {
      diagnostics.push(tooDeep(file, lang));
    } else if (e instanceof ReferenceError && /alias/i.test(e.message)) {
      let worst: Alias | undefined;
      try {
        worst = expansion(doc).worst;
      } catch {
        worst = undefined;
      }
      diagnostics.push(aliasLimit(worst, lineCounter, file, lang));
    } else {
      const { message, hint } = yamlMessage('IMPOSSIBLE', e instanceof Error ? e.message : String(e), lang);
      diagnostics.push(error('yaml/syntax', message, { file, ...pointAt(1, 1), ...(hint ? { hint } : {}) }));
    }
    return { doc, lineCounter, hasData: false, diagnostics };
  }
}

/**
 * The library reports an unclosed quote or bracket where the file ends up; the reader needs the
 * place where it was opened: the start of the quoted text or flow collection that ends at the error.
 */
function openingOf(doc: Document, e: YAMLError): number | undefined {
  const quote = /^Missing closing .quote/.test(e.message);
  const bracket = /end with an? [\]}]/.test(e.message);
  if (!quote && !bracket) return undefined;
  let start: number | undefined;
  const consider = (node: Node) => {
    const r = node.range;
    if (r && r[1] === e.pos[0] && r[0] < e.pos[0] && (start === undefined || r[0] > start)) start = r[0];
  };
  try {
    visitOpenings();
  } catch {
    return undefined; // too deep to walk; the library's own position stands
  }
  return start;

  function visitOpenings() {
    visit(doc, {
      Scalar(_, node) {
        if (quote && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) consider(node);
      },
      Seq(_, node) {
        if (bracket && node.flow) consider(node);
      },
      Map(_, node) {
        if (bracket && node.flow) consider(node);
      },
    });
  }
}

/**
 * Slips that Chinese input methods make and the parser cannot name: a full-width colon after a key,
 * full-width spaces as indentation. Recognised on the line of the error.
 */
function lineSlip(text: string, lineCounter: LineCounter, offset: number, lang: Lang): { message: string; hint: string } | undefined {
  const { line, col } = lineCounter.linePos(offset);
  const start = lineCounter.lineStarts[line - 1] ?? 0;
  const end = text.indexOf('\n', start);
  const content = text.slice(start, end < 0 ? text.length : end);
  const en = lang === 'en';
  if (/^[\s\u3000]*\u3000/.test(content)) {
    return en
      ? { message: 'the line is indented with full-width spaces', hint: 'indent with ordinary (half-width) spaces only' }
      : { message: '行首用了全角空格缩进', hint: '缩进只能用半角空格。' };
  }
  const key = /^\s*(?:- )?[^\s:：#'"]+：/.exec(content);
  // Only when the parser stumbled on that key, not somewhere later in the line.
  if (key && col <= key[0].length) {
    return en
      ? {
          message: 'a key is followed by a full-width colon "："',
          hint: 'write an ASCII colon and a space after the key, e.g. title: 报告',
        }
      : { message: '键后面用了中文冒号“：”', hint: '键后面要用英文冒号加空格，如 title: 报告。' };
  }
  return undefined;
}

function aliasLimit(culprit: Alias | undefined, lineCounter: LineCounter, file: string | undefined, lang: Lang): Diagnostic {
  return error(
    'yaml/alias-limit',
    lang === 'en'
      ? 'aliases expand to too much data; refused as a resource-exhaustion attack'
      : '别名（*名称）展开后的数据过多，疑似资源耗尽攻击，拒绝读取',
    {
      file,
      ...(rangeOf(culprit, lineCounter) ?? pointAt(1, 1)),
      hint:
        lang === 'en'
          ? `write the data out; with aliases expanded a report may hold at most ${maxExpandedValues} values`
          : `请直接写出数据；别名展开后，一份报告最多 ${maxExpandedValues} 个值。`,
    },
  );
}

function tooDeep(file: string | undefined, lang: Lang): Diagnostic {
  const { message, hint } = yamlMessage('RESOURCE_EXHAUSTION', 'nesting too deep', lang);
  return error('yaml/too-deep', message, { file, ...pointAt(1, 1), ...(hint ? { hint } : {}) });
}

/** Duplicate and non-text keys, and aliases that point at nothing, found in one pass. */
function inspectTree(
  doc: Document,
  lineCounter: LineCounter,
  options: { file?: string; lang: Lang },
): { diagnostics: Diagnostic[]; badAlias: boolean; aliasCount: number } {
  const { file, lang } = options;
  const diagnostics: Diagnostic[] = [];
  let badAlias = false;
  let aliasCount = 0;
  const resolve = aliasResolver(doc);
  visit(doc, {
    Map(_, map, ancestors) {
      const first = new Map<string, Node>();
      for (const pair of map.items) {
        const keyNode = pair.key as Node | null;
        const text = keyText(keyNode);
        if (text === undefined) {
          diagnostics.push(
            error('yaml/key-type', lang === 'en' ? 'a key must be plain text, not a list or mapping' : '键必须是文字，不能是列表或映射', {
              file,
              ...(rangeOf(keyNode ?? undefined, lineCounter) ?? pointAt(1, 1)),
            }),
          );
          continue;
        }
        const earlier = first.get(text);
        if (earlier && keyNode) {
          const firstAt = rangeOf(earlier, lineCounter);
          diagnostics.push(
            error('yaml/duplicate-key', lang === 'en' ? `duplicate key "${text}"` : `键“${text}”重复出现`, {
              file,
              ...(rangeOf(keyNode, lineCounter) ?? pointAt(1, 1)),
              path: formatPath([...dataPathOf(ancestors, map), text]),
              hint:
                lang === 'en'
                  ? `it is already set on line ${firstAt?.line}; a mapping may have each key once`
                  : `第 ${firstAt?.line} 行已经写过这个键；同一层的键只能出现一次。`,
            }),
          );
        } else if (keyNode) {
          first.set(text, keyNode);
        }
      }
    },
    Alias(_, alias) {
      aliasCount++;
      const target = resolve(alias);
      const inside = target?.range && alias.range && target.range[0] <= alias.range[0] && alias.range[1] <= target.range[2];
      if (inside) {
        badAlias = true;
        diagnostics.push(
          error(
            'yaml/alias-cycle',
            lang === 'en' ? `alias *${alias.source} is inside the data it refers to` : `别名 *${alias.source} 引用了包含它自己的数据`,
            {
              file,
              ...(rangeOf(alias, lineCounter) ?? pointAt(1, 1)),
              hint: lang === 'en' ? 'data cannot contain itself; write it out' : '数据不能包含它自己；请直接写出内容。',
            },
          ),
        );
      } else if (target === undefined) {
        badAlias = true;
        diagnostics.push(
          error(
            'yaml/undefined-alias',
            lang === 'en' ? `alias *${alias.source} refers to no anchor` : `别名 *${alias.source} 找不到对应的锚点`,
            {
              file,
              ...(rangeOf(alias, lineCounter) ?? pointAt(1, 1)),
              hint: lang === 'en' ? `define &${alias.source} before using it` : `请先用 &${alias.source} 定义锚点，再引用。`,
            },
          ),
        );
      }
    },
  });
  return { diagnostics, badAlias, aliasCount };
}

/** The data path of a node from the ancestors `visit` passes: keys of pairs, indexes in sequences. */
function dataPathOf(ancestors: readonly unknown[], node: unknown): (string | number)[] {
  const chain = [...ancestors, node];
  const path: (string | number)[] = [];
  for (let i = 0; i < chain.length - 1; i++) {
    const here = chain[i];
    const next = chain[i + 1];
    if (isPair(here)) {
      if (next === here.value) path.push(keyText(here.key) ?? '?');
    } else if (isSeq(here)) {
      path.push(here.items.indexOf(next as never));
    }
  }
  return path;
}

/**
 * How much data the document holds with every alias expanded, computed once per node (so in linear
 * time, however often a node is referenced), and the first alias that expands to the most: where a
 * billion-laughs bomb goes off.
 */
function expansion(doc: Document): { total: number; worst?: Alias } {
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
