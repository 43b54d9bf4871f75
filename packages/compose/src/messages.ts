export type { Lang } from '@gongwen/diagnostics';
/** The message in the reader's language (the one helper of `@gongwen/diagnostics`). */
export { say as t } from '@gongwen/diagnostics';
