import type { Lang } from '@gongwen/diagnostics';

/** The message in the request's language. */
export { say } from '@gongwen/diagnostics';
