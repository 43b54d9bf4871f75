import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * Removes the temporary files that runs killed mid-write left in these folders (those whose
 * process is gone), so they do not pile up. Files of a run still going are left alone.
 */
export function removeStaleTemps(dirs: Iterable<string>): number {
  let removed = 0;
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!name.startsWith(tempPrefix)) continue;
      const pid = Number(name.slice(tempPrefix.length).split('-')[0]);
      if (pid === process.pid || (Number.isInteger(pid) && alive(pid))) continue;
      rmSync(join(dir, name), { force: true });
      removed++;
    }
  }
  return removed;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
