import type { Diagnostic } from '@gongwen/diagnostics';
import { render, type RenderOptions } from './render.js';

/**
 * Checks one report without rendering: the YAML, the schema, the style and its templates, and
 * the seal paths.
 */
export async function validate(source: string | Uint8Array, options: Omit<RenderOptions, 'formats'> = {}): Promise<{ diagnostics: Diagnostic[] }> {
  const { diagnostics } = await render(source, { ...options, formats: [] });
  return { diagnostics };
}
