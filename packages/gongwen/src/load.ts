import { hasErrors, type Diagnostic } from '@gongwen/diagnostics';
import type { LoadReportResult, Report } from '@gongwen/schema';
import type { Platform } from './platform.js';
import type { RenderOptions } from './render.js';
import { loadStage, type Style } from './stages.js';

/**
 * The first stages of every command: the report loaded and validated, and its style (the caller's,
 * else the one the report names, an unknown one reported at its `style:`); undefined on an error.
 */
export async function loadWithStyle(
  platform: Platform,
  source: string | Uint8Array,
  options: Pick<RenderOptions, 'filename' | 'lang' | 'maxBytes' | 'style' | 'styleDirs'>,
  diagnostics: Diagnostic[],
): Promise<{ report: Report; loaded: LoadReportResult; style: Style } | undefined> {
  const { filename, lang } = options;
  const loaded = (await loadStage('schema')).loadReport(source, { filename, lang, ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}) });
  diagnostics.push(...loaded.diagnostics);
  const report = loaded.report;
  if (!report || hasErrors(diagnostics)) return undefined;
  if (typeof options.style === 'object') return { report, loaded, style: options.style };
  const resolved = await platform.resolveStyle(options.style ?? report.style, { styleDirs: options.styleDirs, lang });
  const at = options.style ? undefined : loaded.locate(['style']);
  diagnostics.push(...resolved.diagnostics.map((d) => (d.ruleId === 'style/unknown' && at ? { ...d, file: filename, ...at, path: 'style' } : d)));
  return resolved.style && !hasErrors(diagnostics) ? { report, loaded, style: resolved.style } : undefined;
}
