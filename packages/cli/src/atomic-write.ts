import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';

let counter = 0;

/** Temporary files start with this, so a later run can recognise leftovers of a killed one. */
export const tempPrefix = '.gongwen-tmp-';

/**
 * Replaces `path` with `data` atomically: the bytes go to a temporary file in the same folder,
 * which is then renamed over the target. A reader, or a run killed half-way, sees either the
 * old file or the new one, never a torn mix.
 */
export function writeFileAtomic(path: string, data: Uint8Array | string): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `${tempPrefix}${process.pid}-${threadId}-${counter++}-${basename(path)}`);
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}
