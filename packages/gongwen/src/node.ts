// The facade in Node: styles from the style folders on disk, fonts found on this machine.
import type { Diagnostic } from '@gongwen/diagnostics';
import { defaultFonts } from './fonts.js';
import { lintOn, type LintOptions, type LintResult } from './lint.js';
import type { Platform } from './platform.js';
import { renderOn, validateOn, type RenderOptions, type RenderResult } from './render.js';
import { resolveStyle } from './styles.js';

const nodePlatform: Platform = { resolveStyle, defaultFonts };

/**
 * Renders one report: load and validate the YAML, compose it through its style, and produce each
 * format asked for. Bad input gives diagnostics, never an exception; the same input gives the same bytes.
 */
export function render(source: string | Uint8Array, options: RenderOptions): Promise<RenderResult> {
  return renderOn(nodePlatform, source, options);
}

/**
 * Checks one report without rendering: the YAML, the schema, the style and its templates, and
 * the seal paths.
 */
export function validate(source: string | Uint8Array, options: Omit<RenderOptions, 'formats'> = {}): Promise<{ diagnostics: Diagnostic[] }> {
  return validateOn(nodePlatform, source, options);
}

/** Loads a report and checks its content; with `fix`, rewrites what can be rewritten and checks again. */
export function lint(input: string | Uint8Array, options: LintOptions = {}): Promise<LintResult> {
  return lintOn(nodePlatform, input, options);
}

export { bundledStylesDir, clearStyleCache, listStyles, readStyleFiles, resolveStyle } from './styles.js';
export { defaultFonts } from './fonts.js';
