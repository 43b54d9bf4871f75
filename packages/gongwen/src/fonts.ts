import type { Diagnostic, Lang } from '@gongwen/diagnostics';
import { loadStage, type FontSet } from './stages.js';

export interface DefaultFontsOptions {
  /** Folders searched before the installed fonts (`--font-dir`). */
  dirs?: string[];
  lang?: Lang;
}

export interface DefaultFonts {
  fonts: FontSet;
  diagnostics: Diagnostic[];
  /** Per role, the file used and why, as `gongwen fonts` prints it. */
  describe(): string;
}

/**
 * The fonts found on this machine (configured folders, installed official fonts, bundled open
 * fonts), resolved once per process and options, and shared by every render. Their files are read
 * on the platform's thread pool: a caller can start this early and go on with other work.
 */
export async function defaultFonts(options: DefaultFontsOptions = {}): Promise<DefaultFonts> {
  const stage = await loadStage('fonts');
  const resolved = await stage.resolveFontsAsync({ ...(options.dirs?.length ? { dirs: options.dirs } : {}), ...(options.lang ? { lang: options.lang } : {}) });
  return {
    fonts: resolved.fonts,
    diagnostics: resolved.diagnostics,
    describe: () => stage.formatFontExplanation(resolved.explain(), options.lang),
  };
}
