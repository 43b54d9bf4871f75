import type { Lang } from '@gongwen/diagnostics';
import type { DefaultFonts, DefaultFontsOptions } from './fonts.js';
import type { ResolveStyleResult, StyleSearchOptions } from './styles.js';

/**
 * Where styles and fonts come from when a caller names them instead of passing them: the disk
 * in Node (`./node.ts`), the bundled data in a browser (`./browser.ts`, which has no fonts of its own).
 */
export interface Platform {
  resolveStyle(name: string, options: StyleSearchOptions & { lang?: Lang }): Promise<ResolveStyleResult>;
  defaultFonts?(options: DefaultFontsOptions): Promise<DefaultFonts>;
}
