import { createRequire } from 'node:module';
import type { Diagnostic, Lang, Result } from '@gongwen/diagnostics';
import type { Report } from '@gongwen/schema';
import { listStyles, resolveStyle, type StyleSearchOptions } from './styles.js';

export interface ImportOptions extends StyleSearchOptions {
  /** The input's file name: its extension says the format (.docx .doc .wps .txt .md .html); shown in diagnostics. */
  filename: string;
  /** The style to write in the data; by default chosen from a province the report names, else national. */
  style?: string;
  lang?: Lang;
  /** The `$schema` of the YAML's first line (a path relative to where the YAML is written, or a URL). */
  schema?: string;
}

export interface ImportResult extends Result {
  yaml?: string;
  report?: Report;
  diagnostics: Diagnostic[];
}

/**
 * Imports an existing report (Word, WPS, text, Markdown, a web page) as report data, knowing the
 * styles on this machine: a heading the style words the same way is left to it, a part the style
 * requires is looked for in the text. `.doc` and `.wps` need LibreOffice.
 */
export async function importFile(bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  // Node only (it may start LibreOffice): not a stage, so the browser entry never reaches it.
  const importer = await import('@gongwen/import/node');
  const styles = [];
  for (const info of listStyles(options)) {
    const { style } = await resolveStyle(info.name, { styleDirs: options.styleDirs, lang: options.lang });
    if (style) styles.push(importer.styleFactsOf(info.name, style.manifest));
  }
  if (options.style !== undefined && !styles.some((s) => s.name === options.style)) {
    const { diagnostics } = await resolveStyle(options.style, { styleDirs: options.styleDirs, lang: options.lang });
    return { diagnostics };
  }
  return importer.importDocument(bytes, { filename: options.filename, style: options.style, styles, lang: options.lang, schema: options.schema });
}

/** The report schema file on this machine, for the `$schema` line of data files written here. */
export function reportSchemaFile(): string {
  return createRequire(import.meta.url).resolve('@gongwen/schema/report.schema.json');
}
