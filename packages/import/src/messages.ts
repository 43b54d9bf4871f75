import type { Lang } from '@gongwen/diagnostics';

/** The message in the reader's language: Chinese by default, English with lang 'en'. */
export function t(lang: Lang | undefined, zh: string, en: string): string {
  return lang === 'en' ? en : zh;
}
