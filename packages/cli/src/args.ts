import type { Lang } from '@gongwen/diagnostics';
import { say } from './messages.js';
import { UsageError } from './usage-error.js';

/**
 * Runs `parseArgs` (called by each command with its own options, so the values stay typed),
 * turning its errors — an unknown option, a missing value — into usage errors (exit 2).
 */
export function usageErrors<T>(parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0]);
  }
}

/** `--format text|json` for the commands that print reports. */
export function outputFormat(value: string | undefined, lang: Lang): 'text' | 'json' {
  if (value === undefined || value === 'text') return 'text';
  if (value === 'json') return 'json';
  throw new UsageError(say(lang, `--format 只能是 text 或 json（收到“${value}”）`, `--format expects text or json (got "${value}")`));
}
