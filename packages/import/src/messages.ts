/** The message in the reader's language: Chinese by default, English with lang 'en'. */
export { say as t } from '@gongwen/diagnostics';
