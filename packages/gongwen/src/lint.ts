import type { Diagnostic, Lang, Result } from '@gongwen/diagnostics';
import type { LoadReportResult, Report } from '@gongwen/schema';
import { loadStage, type Style } from './stages.js';
import type { Platform } from './platform.js';
import { loadWithStyle } from './load.js';
import type { StyleSearchOptions } from './styles.js';

export interface LintOptions extends StyleSearchOptions {
  filename?: string;
  /** The style whose required parts apply; by default the one the data names. */
  style?: string | Style;
  lang?: Lang;
  /** Also return the source with every fixable finding fixed (comments and layout kept). */
  fix?: boolean;
}

export interface LintResult extends Result {
  /** Schema problems, or else the content findings of the fixed text when `fix` changed it. */
  diagnostics: Diagnostic[];
  /** The fixed YAML, when `fix` was asked for and changed anything. */
  fixed?: string;
}

/** The content rules a reviewing office applies, run on a report already loaded, in its style. */
export async function lintLoaded(
  report: Report,
  loaded: Pick<LoadReportResult, 'locate' | 'text'>,
  style: Style,
  options: { filename?: string; lang?: Lang },
): Promise<Diagnostic[]> {
  const stage = await loadStage('lint');
  return stage.lintReport(report, {
    ...(loaded.text !== undefined ? { source: loaded.text } : {}),
    filename: options.filename,
    locate: loaded.locate,
    lang: options.lang,
    style: stage.lintStyleOf(style, report),
    // The clock is read here, by the caller, so that lint itself stays deterministic.
    today: new Date(),
  });
}

/** Loads a report and checks its content; with `fix`, rewrites what can be rewritten and checks again. */
export async function lintOn(platform: Platform, input: string | Uint8Array, options: LintOptions = {}): Promise<LintResult> {
  const { filename, lang } = options;
  const check = async (text: string | Uint8Array): Promise<{ diagnostics: Diagnostic[]; source?: string }> => {
    const diagnostics: Diagnostic[] = [];
    const ready = await loadWithStyle(platform, text, options, diagnostics);
    if (!ready) return { diagnostics };
    diagnostics.push(...(await lintLoaded(ready.report, ready.loaded, ready.style, { filename, lang })));
    return { diagnostics, ...(ready.loaded.text !== undefined ? { source: ready.loaded.text } : {}) };
  };
  const first = await check(input);
  if (!options.fix || first.source === undefined) return { diagnostics: first.diagnostics };
  const stage = await loadStage('lint');
  const fixed = stage.fixReport(first.source, first.diagnostics);
  if (fixed === first.source) return { diagnostics: first.diagnostics };
  // The loader took off a byte order mark; the rewritten file keeps the one it had.
  const bom = (typeof input === 'string' ? input.charCodeAt(0) === 0xfeff : input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf) ? '\uFEFF' : '';
  return { diagnostics: (await check(fixed)).diagnostics, fixed: bom + fixed };
}
