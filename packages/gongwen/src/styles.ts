import type { Diagnostic, Lang, Result } from '@gongwen/diagnostics';
import { findStyle, listStyles, readStyleFiles, styleFileOnDisk, stylesDir, type StyleSearchOptions } from '@gongwen/templates';
import { loadStage, type Style } from './stages.js';

export type { StyleInfo, StyleSearchOptions } from '@gongwen/templates';
export { listStyles, readStyleFiles };

/** The folder of the styles that come with gongwen (`@gongwen/templates`). */
export const bundledStylesDir: string = stylesDir;

export interface ResolveStyleResult extends Result {
  style?: Style;
  diagnostics: Diagnostic[];
}

const loaded = new Map<string, ResolveStyleResult>();

/**
 * Loads a style by name from the style folders, once per process: a batch compiles each style's
 * templates a single time. `clearStyleCache()` forgets them (for `--watch`).
 */
export async function resolveStyle(name: string, options: StyleSearchOptions & { lang?: Lang } = {}): Promise<ResolveStyleResult> {
  const key = JSON.stringify([name, options.styleDirs ?? [], options.lang ?? 'zh']);
  const hit = loaded.get(key);
  if (hit) return hit;
  const compose = await loadStage('compose');
  const info = findStyle(name, options);
  let result: ResolveStyleResult;
  if (!info) {
    const known = listStyles(options).map((s) => s.name);
    result = { diagnostics: [compose.unknownStyle(name, known, { lang: options.lang })] };
  } else {
    // A style that extends another finds it among the same folders, the bundled ones last.
    const roots = { roots: options.styleDirs ?? [] };
    const files = readStyleFiles(info.dir, roots);
    const out = compose.loadStyle(files, { name, lang: options.lang });
    // Template diagnostics name the real files (a base's in the folder it was found in), for an editor to open.
    const onDisk = (d: Diagnostic) => (d.file && d.file in files ? { ...d, file: styleFileOnDisk(info.dir, d.file, roots) ?? d.file } : d);
    result = { style: out.style, diagnostics: out.diagnostics.map(onDisk) };
  }
  loaded.set(key, result);
  return result;
}

export function clearStyleCache(): void {
  loaded.clear();
}
