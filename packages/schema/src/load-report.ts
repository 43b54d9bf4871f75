import { error, hasErrors, sortDiagnostics, type Diagnostic, type Lang } from '@gongwen/diagnostics';
import { LineCounter } from 'yaml';
import { dropForbiddenChars } from './forbidden-chars.js';
import { createLocator, pointAt, type DataPath, type SourceRange } from './locate.js';
import { parseYaml } from './parse-yaml.js';
import { readInput } from './read-input.js';
import type { Report } from './report.generated.js';
import { validateData } from './validate.js';

export interface LoadReportOptions {
  /** Shown in diagnostics as the file they point into. */
  filename?: string;
  /** Language of the messages; Chinese by default. */
  lang?: Lang;
  /** Input larger than this is refused before parsing (default 1 MiB). */
  maxBytes?: number;
}

export interface LoadReportResult {
  /** The validated report; present only when there are no errors. */
  report?: Report;
  diagnostics: Diagnostic[];
  /** Where a value of the data sits in the source, for later stages that check content. */
  locate(path: DataPath): SourceRange | undefined;
}

/** Real reports nest a few levels; anything deeper than this is refused before validation. */
const maxDepth = 64;

/**
 * Reads a report from YAML text or bytes and validates it against the report schema.
 * Never throws for bad input: every problem comes back as a positioned diagnostic.
 */
export function loadReport(input: string | Uint8Array, options: LoadReportOptions = {}): LoadReportResult {
  const lang: Lang = options.lang === 'en' ? 'en' : 'zh';
  const file = options.filename;
  const nowhere = createLocator(undefined, new LineCounter());

  const read = readInput(input, { ...options, lang });
  if (read.text === undefined) return { diagnostics: read.diagnostics, locate: nowhere };

  const parsed = parseYaml(read.text, { filename: file, lang });
  const locate = createLocator(parsed.doc, parsed.lineCounter);
  const diagnostics = [...parsed.diagnostics];
  if (parsed.doc.contents === null && diagnostics.length === 0) {
    diagnostics.push(
      error('input/empty', lang === 'en' ? 'the file holds only comments, no data' : '文件里只有注释，没有数据', {
        file,
        ...pointAt(1, 1),
        hint: lang === 'en' ? 'write at least style, year, issuers and parts' : '至少要写 style、year、issuers 和 parts。',
      }),
    );
  }
  if (parsed.hasData) {
    const deep = deepestPath(parsed.data, maxDepth);
    if (deep) {
      diagnostics.push(
        error('input/too-deep', lang === 'en' ? `the data is nested more than ${maxDepth} levels deep` : `数据嵌套超过 ${maxDepth} 层`, {
          file,
          ...(locate(deep) ?? pointAt(1, 1)),
          hint: lang === 'en' ? 'a report has a few levels of parts, sections and items' : '报告只有部分、小节、条目几层；请检查缩进。',
        }),
      );
    } else {
      diagnostics.push(...dropForbiddenChars(parsed.data, { locate, file, lang }));
      diagnostics.push(...validateData(parsed.data, { source: { doc: parsed.doc, lineCounter: parsed.lineCounter }, file, lang }));
    }
  }

  const sorted = sortDiagnostics(diagnostics);
  if (!parsed.hasData || hasErrors(sorted)) return { diagnostics: sorted, locate };
  return { report: parsed.data as Report, diagnostics: sorted, locate };
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
