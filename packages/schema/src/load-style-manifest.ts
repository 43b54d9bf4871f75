import { hasErrors, type Diagnostic } from '@gongwen/diagnostics';
import { loadAndCheck, type LoadYamlOptions } from './load-yaml.js';
import { pointAt, type DataPath, type SourceRange } from './locate.js';
import { checkData, styleFormat } from './validate.js';

/** A style manifest as written: what style.schema.json allows (a style that extends another may leave most of it out). */
export interface StyleManifestData {
  name: string;
  extends?: string;
  region?: string;
  description: string;
  title?: string | string[];
  header?: { suffix?: string };
  parts?: { order?: string[]; required?: string[]; headings?: Record<string, string> };
  numbering?: { default?: string; markers?: Record<string, string>; arabic?: string };
  punctuation?: { fullwidth?: boolean };
  fonts?: Record<string, string>;
  tables?: { rules?: string };
}

export interface LoadStyleManifestResult {
  /** The manifest's data; present only when it has no errors. */
  manifest?: StyleManifestData;
  diagnostics: Diagnostic[];
  locate(path: DataPath): SourceRange | undefined;
}

/**
 * Reads a style's `style.yaml` and checks it against style.schema.json, with the loader and the
 * messages of a report: unknown keys, wrong types, bad values and a bad `extends`, each at its
 * line and column. Whether the style it extends exists is for whoever has the style folders.
 */
export function loadStyleManifest(input: string | Uint8Array, options: LoadYamlOptions = {}): LoadStyleManifestResult {
  const loaded = loadAndCheck(input, styleFormat, options);
  if (loaded.isEmpty && loaded.diagnostics.length === 0) {
    // A manifest of comments only is checked as the nothing it holds: one "should be a mapping" message.
    const diagnostics = checkData(styleFormat, null, { file: options.filename, lang: options.lang === 'en' ? 'en' : 'zh' }).map((d) => ({ ...d, ...pointAt(1, 1) }));
    return { diagnostics, locate: loaded.locate };
  }
  if (loaded.data === undefined || hasErrors(loaded.diagnostics)) return { diagnostics: loaded.diagnostics, locate: loaded.locate };
  return { manifest: loaded.data as StyleManifestData, diagnostics: loaded.diagnostics, locate: loaded.locate };
}
