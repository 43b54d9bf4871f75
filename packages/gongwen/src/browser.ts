// The facade where there is no file system (a browser, a worker): the bundled styles come as data
// generated from templates/ at build time, a style of the caller's comes as its files, and fonts
// come as bytes (`loadFont`, `fontSetOf`). Rendering is the same code as in Node, byte for byte.
import type { Diagnostic, Lang } from '@gongwen/diagnostics';
import { bundledStyleFiles, bundledStyleSource } from '@gongwen/templates/bundled';
import { lintOn, type LintOptions, type LintResult } from './lint.js';
import type { Platform } from './platform.js';
import { renderOn, validateOn, type RenderOptions, type RenderResult } from './render.js';
import { loadStage } from './stages.js';
import type { ResolveStyleResult } from './styles.js';

export type { LintOptions, LintResult } from './lint.js';
export type { AssetReader, RenderOptions, RenderOutputs, RenderResult } from './options.js';
export { allFormats, isFormat } from './formats.js';
export type { Format } from './formats.js';
export type { ResolveStyleResult } from './styles.js';
export type { FontSet, Style } from './stages.js';
export type { FontRole } from '@gongwen/model';
export { bundledStyleSource, listBundledStyles, type BundledStyleInfo } from '@gongwen/templates/bundled';

/** Compiles a style from its files (a folder opened by the user, or a bundled style being edited). */
export async function loadStyleFiles(files: Record<string, string>, options: { name: string; lang?: Lang }): Promise<ResolveStyleResult> {
  const compose = await loadStage('compose');
  return compose.loadStyle(files, { name: options.name, ...(options.lang ? { lang: options.lang } : {}) });
}

const compiled = new Map<string, Promise<ResolveStyleResult>>();

// No font folders here: a render that needs fonts must be given them (renderOn says so).
const browserPlatform: Platform = {
  resolveStyle(name, options) {
    const key = JSON.stringify([name, options.lang ?? 'zh']);
    let hit = compiled.get(key);
    if (!hit) {
      const files = bundledStyleSource(name);
      hit = files
        ? loadStyleFiles(files, { name, ...(options.lang ? { lang: options.lang } : {}) })
        : loadStage('compose').then((compose) => ({ diagnostics: [compose.unknownStyle(name, Object.keys(bundledStyleFiles), { lang: options.lang, canOpenFolder: true })] }));
      compiled.set(key, hit);
    }
    return hit;
  },
};

/**
 * Renders one report, as `render` does in Node. A PDF (or a DOCX with embedded fonts) needs
 * `fonts`: there are no font folders to search here.
 */
export function render(source: string | Uint8Array, options: RenderOptions): Promise<RenderResult> {
  return renderOn(browserPlatform, source, options);
}

/** Checks one report without rendering, as `validate` does in Node. */
export function validate(source: string | Uint8Array, options: Omit<RenderOptions, 'formats'> = {}): Promise<{ diagnostics: Diagnostic[] }> {
  return validateOn(browserPlatform, source, options);
}

/** Loads a report and checks its content, as `lint` does in Node. */
export function lint(input: string | Uint8Array, options: LintOptions = {}): Promise<LintResult> {
  return lintOn(browserPlatform, input, options);
}
