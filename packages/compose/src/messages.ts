import type { Lang } from '@gongwen/diagnostics';

export type { Lang };

/** Picks the message in the reader's language; Chinese is the default. */
export function t(lang: Lang | undefined, zh: string, en: string): string {
  return lang === 'en' ? en : zh;
}
