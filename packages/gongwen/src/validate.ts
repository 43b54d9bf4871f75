import type { Diagnostic } from '@gongwen/diagnostics';
import type { Platform } from './platform.js';
import { renderOn, type RenderOptions } from './render.js';

/**
 * Checks one report without rendering: the YAML, the schema, the style and its templates, and
 * the seal paths.
 */
export async function validateOn(platform: Platform, source: string | Uint8Array, options: Omit<RenderOptions, 'formats'> = {}): Promise<{ diagnostics: Diagnostic[] }> {
  const { diagnostics } = await renderOn(platform, source, { ...options, formats: [] });
  return { diagnostics };
}
