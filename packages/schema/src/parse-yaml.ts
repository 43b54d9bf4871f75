import { error, say, type Diagnostic, type Lang } from '@gongwen/diagnostics';
import { CST, Composer, Document, LineCounter, Parser, YAMLParseError, type Alias, type YAMLError } from 'yaml';
import { expansion } from './aliases.js';
import { inspectTree } from './inspect-tree.js';
import { pointAt, rangeOf } from './locate.js';
import { yamlErrorDiagnostics } from './yaml-errors.js';
import { yamlMessage } from './yaml-messages.js';

/** yaml's own default: enough for sharing an organ list, far too few for a billion-laughs bomb. */
export const maxAliasCount = 100;
/** With aliases expanded, a report holds at most this many values (a real one holds a few hundred). */
export const maxExpandedValues = 100_000;

export interface ParsedYaml {
  doc: Document;
  lineCounter: LineCounter;
  /** The plain data, when the YAML could be read well enough to validate it. */
  data?: unknown;
  hasData: boolean;
  diagnostics: Diagnostic[];
}

/**
 * Collections nested deeper than this are refused before the tree is built (the data check refuses
 * more than 64 levels, at the value, for anything shallower). Thousands of levels would have every
 * later stage recurse to the edge of the stack, where V8 cannot compile a regular expression and
 * ends the whole process instead of throwing.
 */
export const maxNesting = 256;

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
  let doc: Document.Parsed | undefined;
  try {
    // yaml's parseDocument, in its two steps, so the tokens' nesting is measured (without recursion)
    // before the composer recurses into them.
    const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
    const deepAt = nestedDeeperThan(tokens, maxNesting);
    if (deepAt !== undefined) {
      const { line, col } = lineCounter.linePos(deepAt);
      return { doc: new Document() as Document.Parsed, lineCounter, hasData: false, diagnostics: [tooDeep(file, lang, line, col)] };
    }
    const composer = new Composer({
      // Duplicate keys are found below in linear time; the library's check is quadratic per mapping.
      uniqueKeys: false,
      resolveKnownTags: false,
      logLevel: 'error',
      version: '1.2',
      schema: 'core',
    });
    for (const next of composer.compose(tokens, true, text.length)) {
      if (!doc) doc = next;
      else {
        doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
        break;
      }
    }
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  if (!doc) throw new Error('the YAML composer gave no document');
  const problems: YAMLError[] = [...doc.errors, ...doc.warnings];
  const diagnostics = yamlErrorDiagnostics(problems, { doc, text, lineCounter, file, lang });
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

function aliasLimit(culprit: Alias | undefined, lineCounter: LineCounter, file: string | undefined, lang: Lang): Diagnostic {
  return error(
    'yaml/alias-limit',
    say(lang, '别名（*名称）展开后的数据过多，疑似资源耗尽攻击，拒绝读取', 'aliases expand to too much data; refused as a resource-exhaustion attack'),
    {
      file,
      ...(rangeOf(culprit, lineCounter) ?? pointAt(1, 1)),
      hint:
        say(
          lang,
          `请直接写出数据；别名展开后，一份报告最多 ${maxExpandedValues} 个值。`,
          `write the data out; with aliases expanded a report may hold at most ${maxExpandedValues} values`,
        ),
    },
  );
}

function tooDeep(file: string | undefined, lang: Lang, line = 1, column = 1): Diagnostic {
  const { message, hint } = yamlMessage('RESOURCE_EXHAUSTION', 'nesting too deep', lang);
  return error('yaml/too-deep', message, { file, ...pointAt(line, column), ...(hint ? { hint } : {}) });
}

/** The offset of the first collection nested more than `limit` deep in the parser's tokens, walked with a stack of our own. */
function nestedDeeperThan(tokens: readonly CST.Token[], limit: number): number | undefined {
  const stack: [CST.Token, number][] = tokens.map((t) => [t, 0]);
  while (stack.length) {
    const [token, depth] = stack.pop()!;
    let inner = depth;
    if (token.type === 'flow-collection' || token.type === 'block-map' || token.type === 'block-seq') {
      inner = depth + 1;
      if (inner > limit) return token.offset;
      for (const item of token.items) {
        if (item.key) stack.push([item.key, inner]);
        if (item.value) stack.push([item.value, inner]);
      }
    } else if (token.type === 'document' && token.value) {
      stack.push([token.value, depth]);
    }
  }
  return undefined;
}
