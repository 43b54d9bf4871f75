// The facade where there is no file system (a browser, a worker): the bundled styles come as data
// generated from templates/ at build time, a style of the caller's comes as its files, and fonts
// come as bytes (`loadFont`, `fontSetOf`). Rendering is the same code as in Node, byte for byte.
import { error, say, type Diagnostic, type Lang } from '@gongwen/diagnostics';
import { bundledStyleFiles } from '@gongwen/templates/bundled';
import { styleSummary } from '@gongwen/templates/style-info';
import type { DefaultFonts } from './fonts.js';
import { lintOn, type LintOptions, type LintResult } from './lint.js';
import type { Platform } from './platform.js';
import { renderOn, type RenderOptions, type RenderResult } from './render.js';
import { loadStage } from './stages.js';
import type { ResolveStyleResult } from './styles.js';
import { validateOn } from './validate.js';

export type { LintOptions, LintResult } from './lint.js';
export type { AssetReader, RenderOptions, RenderOutputs, RenderResult } from './render.js';
export { allFormats, isFormat } from './formats.js';
export type { Format } from './formats.js';
export type { ResolveStyleResult } from './styles.js';
export type { FontSet, Style } from './stages.js';
export type { FontRole } from '@gongwen/model';

/** A bundled style, as the style picker lists it. */
export interface BundledStyleInfo {
  name: string;
  description?: string;
  region?: string;
}

/** The styles that come with gongwen, by name. */
export function listBundledStyles(): BundledStyleInfo[] {
  return Object.entries(bundledStyleFiles).map(([name, files]) => ({ name, ...styleSummary(files['style.yaml'] ?? files['style.yml']) }));
}

/** The text files of a bundled style, keyed by path in its folder (to show or edit them). */
export function bundledStyleSource(name: string): Record<string, string> | undefined {
  return Object.hasOwn(bundledStyleFiles, name) ? { ...bundledStyleFiles[name]! } : undefined;
}

/** Compiles a style from its files (a folder opened by the user, or a bundled style being edited). */
export async function loadStyleFiles(files: Record<string, string>, options: { name: string; lang?: Lang }): Promise<ResolveStyleResult> {
  const compose = await loadStage('compose');
  return compose.loadStyle(files, { name: options.name, ...(options.lang ? { lang: options.lang } : {}) });
}

const compiled = new Map<string, Promise<ResolveStyleResult>>();

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
  defaultFonts(options) {
    // Unreachable through render() below, which asks for fonts first; kept as a clear failure.
    return Promise.resolve<DefaultFonts>({ fonts: emptyFonts, diagnostics: [fontsNeeded(options.lang)], describe: () => '' });
  },
};

/**
 * Renders one report, as `render` does in Node. A PDF (or a DOCX with embedded fonts) needs
 * `fonts`: there are no font folders to search here.
 */
export async function render(source: string | Uint8Array, options: RenderOptions): Promise<RenderResult> {
  if (!options.fonts && (options.formats.includes('pdf') || (options.embedFonts && options.formats.includes('docx')))) {
    return { outputs: {}, diagnostics: [fontsNeeded(options.lang)] };
  }
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

function fontsNeeded(lang: Lang | undefined): Diagnostic {
  return error('fonts/missing', say(lang, '生成 PDF 需要字体，但没有提供', 'no fonts given for the PDF'), {
    hint: say(lang, '请读入字体文件（loadFont），并以 fontSetOf 组成 `fonts` 传入', 'load font files (loadFont) and pass them as `fonts` (fontSetOf)'),
  });
}

const emptyFonts = Object.freeze({ title: [], organMark: [], body: [], heading1: [], heading2: [], pageNumber: [] });
