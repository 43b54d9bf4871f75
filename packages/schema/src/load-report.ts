import { error, hasErrors, say, sortDiagnostics, type Diagnostic, type Lang } from '@gongwen/diagnostics';
import { loadAndCheck, type LoadYamlOptions } from './load-yaml.js';
import { pointAt, type DataPath, type SourceRange } from './locate.js';
import type { Report } from './report.generated.js';
import { reportFormat } from './validate.js';

export type LoadReportOptions = LoadYamlOptions;

export interface LoadReportResult {
  /** The validated report; present only when there are no errors. */
  report?: Report;
  diagnostics: Diagnostic[];
  /** Where a value of the data sits in the source, for later stages that check content. */
  locate(path: DataPath): SourceRange | undefined;
  /** The text the positions count in (decoded once, without a byte order mark), when the input could be read. */
  text?: string;
}

/**
 * Reads a report from YAML text or bytes and validates it against the report schema.
 * Never throws for bad input: every problem comes back as a positioned diagnostic.
 */
export function loadReport(input: string | Uint8Array, options: LoadReportOptions = {}): LoadReportResult {
  const lang: Lang = options.lang === 'en' ? 'en' : 'zh';
  const loaded = loadAndCheck(input, reportFormat, options);
  const diagnostics = [...loaded.diagnostics];
  if (loaded.isEmpty && diagnostics.length === 0) {
    diagnostics.push(
      error('input/empty', say(lang, '文件里只有注释，没有数据', 'the file holds only comments, no data'), {
        file: options.filename,
        ...pointAt(1, 1),
        hint: say(lang, '至少要写 style、year、issuers 和 parts。', 'write at least style, year, issuers and parts'),
      }),
    );
  }
  const sorted = sortDiagnostics(diagnostics);
  const read = { locate: loaded.locate, ...(loaded.text !== undefined ? { text: loaded.text } : {}) };
  if (loaded.data === undefined || loaded.isEmpty || hasErrors(sorted)) return { diagnostics: sorted, ...read };
  return { report: loaded.data as Report, diagnostics: sorted, ...read };
}
