import type { Lang } from '@gongwen/diagnostics';

/** Picks the message in the user's language; Chinese is the default. */
export { say } from '@gongwen/diagnostics';

/** `--lang`, else `GONGWEN_LANG`, else Chinese. */
export function pickLang(value: string | undefined): Lang {
  const v = value ?? process.env.GONGWEN_LANG;
  return v === 'en' ? 'en' : 'zh';
}
