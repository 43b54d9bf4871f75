import type { Diagnostic, Lang, Result } from '@gongwen/diagnostics';
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

/** Loads a report and checks its content; with `fix`, rewrites what can be rewritten and checks again. */
export async function lintOn(platform: Platform, input: string | Uint8Array, options: LintOptions = {}): Promise<LintResult> {
  const { filename, lang } = options;
  const stage = await loadStage('lint');
  const check = async (text: string | Uint8Array): Promise<{ diagnostics: Diagnostic[]; source?: string }> => {
    const diagnostics: Diagnostic[] = [];
    const ready = await loadWithStyle(platform, text, options, diagnostics);
    if (!ready) return { diagnostics };
    // The clock is read here, by the caller, so that lint itself stays deterministic.
    diagnostics.push(...stage.lintLoaded(ready.report, ready.loaded, ready.style, { filename, lang, today: new Date() }));
    return { diagnostics, ...(ready.loaded.text !== undefined ? { source: ready.loaded.text } : {}) };
  };
  const first = await check(input);
  if (!options.fix || first.source === undefined) return { diagnostics: first.diagnostics };
  const fixed = stage.fixReport(first.source, first.diagnostics);
  if (fixed === first.source) return { diagnostics: first.diagnostics };
  // The loader took off a byte order mark; the rewritten file keeps the one it had.
  const bom = (typeof input === 'string' ? input.charCodeAt(0) === 0xfeff : input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf) ? '\uFEFF' : '';
  return { diagnostics: (await check(fixed)).diagnostics, fixed: bom + fixed };
}
