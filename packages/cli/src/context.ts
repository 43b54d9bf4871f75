import type { Lang } from '@gongwen/diagnostics';

/** What every command gets: the language and where to print. */
export interface Context {
  lang: Lang;
  /** ANSI colours on stderr. */
  color: boolean;
  cwd: string;
}
