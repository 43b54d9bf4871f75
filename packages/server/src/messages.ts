import type { Lang } from '@gongwen/diagnostics';

/** The message in the request's language. */
export function say(lang: Lang, zh: string, en: string): string {
  return lang === 'en' ? en : zh;
}
