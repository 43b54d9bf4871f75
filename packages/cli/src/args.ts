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

/** `--max-bytes 4MiB`: a size in bytes, or with a K/KiB/M/MiB suffix. */
export function parseByteSize(value: string | undefined, lang: Lang): number | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)\s*(k|kb|kib|m|mb|mib)?$/i.exec(value.trim());
  const units: Record<string, number> = { '': 1, k: 1024, m: 1024 * 1024 };
  const bytes = m ? Math.round(Number(m[1]) * units[(m[2] ?? '').charAt(0).toLowerCase()]!) : NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1) {
    throw new UsageError(say(lang, `--max-bytes 应为字节数，如 4194304 或 4MiB（收到“${value}”）`, `--max-bytes expects a size such as 4194304 or 4MiB (got "${value}")`));
  }
  return bytes;
}

/** `--format text|json` for the commands that print reports. */
export function outputFormat(value: string | undefined, lang: Lang): 'text' | 'json' {
  if (value === undefined || value === 'text') return 'text';
  if (value === 'json') return 'json';
  throw new UsageError(say(lang, `--format 只能是 text 或 json（收到“${value}”）`, `--format expects text or json (got "${value}")`));
}
