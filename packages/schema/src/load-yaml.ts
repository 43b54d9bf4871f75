import { error, say, sortDiagnostics, type Diagnostic, type Lang } from '@gongwen/diagnostics';
import { LineCounter, type Document } from 'yaml';
import { dropForbiddenChars } from './forbidden-chars.js';
import { createLocator, pointAt, type DataPath, type SourceRange } from './locate.js';
import { parseYaml } from './parse-yaml.js';
import { readInput } from './read-input.js';
import { checkData, type DataFormat } from './validate.js';

export interface LoadYamlOptions {
  /** Shown in diagnostics as the file they point into. */
  filename?: string;
  /** Language of the messages; Chinese by default. */
  lang?: Lang;
  /** Input larger than this is refused before parsing (default 1 MiB). */
  maxBytes?: number;
}

export interface LoadYamlResult {
  /** The plain data, when the YAML could be read well enough to check it (it may still have errors). */
  data?: unknown;
  /** YAML problems and refused input, each at its line and column. */
  diagnostics: Diagnostic[];
  /** Where a value of the data sits in the source. */
  locate(path: DataPath): SourceRange | undefined;
  /**
   * The text the positions count in, when the input could be read: decoded once from the bytes,
   * without a byte order mark, a lone CR read as a line break. Later stages that look into the
   * source (lint narrowing a finding to its characters, a fix rewriting the file) take this one.
   */
  text?: string;
}

/** Real files nest a few levels; anything deeper than this is refused before validation. */
const maxDepth = 64;

/** A loaded file with its parsed tree, for checking it against a schema with positions. */
interface Loaded extends LoadYamlResult {
  source?: { doc: Document; lineCounter: LineCounter };
}

/**
 * Reads YAML text or bytes keeping the position of every value: the one reader of every YAML file
 * gongwen takes (reports and style manifests). Refuses what no data file needs before it costs
 * anything (oversized or binary input, alias bombs, deep nesting, unknown tags, characters no
 * document may hold). Never throws for bad input.
 */
export function loadYaml(input: string | Uint8Array, options: LoadYamlOptions = {}): LoadYamlResult {
  const { source: _source, ...result } = load(input, options);
  return result;
}

function load(input: string | Uint8Array, options: LoadYamlOptions): Loaded {
  const lang: Lang = options.lang === 'en' ? 'en' : 'zh';
  const file = options.filename;
  const read = readInput(input, { ...options, lang });
  if (read.text === undefined) return { diagnostics: read.diagnostics, locate: createLocator(undefined, new LineCounter()) };

  const { text } = read;
  const parsed = parseYaml(text, { filename: file, lang });
  const locate = createLocator(parsed.doc, parsed.lineCounter);
  const diagnostics = [...parsed.diagnostics];
  const source = { doc: parsed.doc, lineCounter: parsed.lineCounter };
  if (!parsed.hasData) return { diagnostics, locate, text, source };
  const deep = deepestPath(parsed.data, maxDepth);
  if (deep) {
    diagnostics.push(
      error('input/too-deep', say(lang, `数据嵌套超过 ${maxDepth} 层`, `the data is nested more than ${maxDepth} levels deep`), {
        file,
        ...(locate(deep) ?? pointAt(1, 1)),
        hint: say(lang, '报告只有部分、小节、条目几层；请检查缩进。', 'a report has a few levels of parts, sections and items'),
      }),
    );
    return { diagnostics, locate, text, source };
  }
  diagnostics.push(...dropForbiddenChars(parsed.data, { locate, file, lang }));
  return { data: parsed.data, diagnostics, locate, text, source };
}

/** Loads YAML and checks it against a format's schema, every problem at its line and column, in source order. */
export function loadAndCheck(input: string | Uint8Array, format: DataFormat, options: LoadYamlOptions = {}): LoadYamlResult & { isEmpty: boolean } {
  const lang: Lang = options.lang === 'en' ? 'en' : 'zh';
  const loaded = load(input, options);
  const diagnostics = [...loaded.diagnostics];
  const isEmpty = loaded.source !== undefined && loaded.source.doc.contents === null;
  if (loaded.data !== undefined && loaded.source && !isEmpty) {
    diagnostics.push(...checkData(format, loaded.data, { source: loaded.source, file: options.filename, lang }));
  }
  return {
    ...(loaded.data !== undefined ? { data: loaded.data } : {}),
    diagnostics: sortDiagnostics(diagnostics),
    locate: loaded.locate,
    ...(loaded.text !== undefined ? { text: loaded.text } : {}),
    isEmpty,
  };
}

/** The path to the first value nested deeper than `limit`, found without recursion (aliases may share subtrees). */
function deepestPath(data: unknown, limit: number): (string | number)[] | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: data, path: [] }];
  let visited = 0;
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (path.length > limit) return path;
    // Shared subtrees are bounded by the alias cap, but never walk more than this many nodes.
    if (++visited > 1_000_000) return undefined;
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, v] = entries[i]!;
      if (v !== null && typeof v === 'object') stack.push({ value: v, path: [...path, k] });
    }
  }
  return undefined;
}
