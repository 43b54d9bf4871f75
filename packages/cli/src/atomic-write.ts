import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

/** Temporary files start with this, so a later run can recognise leftovers of a killed one. */
export const tempPrefix = '.gongwen-tmp-';

/** Who writes a temporary file: the machine, the process, and a random id of this run of it. */
export interface TempOwner {
  host: string;
  pid: number;
  run: string;
}

/**
 * This process as a temp file's owner. The run id tells a restarted process from its earlier
 * life under the same PID (PID 1 in a container is always "alive"); worker threads inherit it
 * through the environment, so the whole process is one owner.
 */
export const self: TempOwner = { host: safeHost(hostname()), pid: process.pid, run: (process.env.GONGWEN_TEMP_RUN ??= randomBytes(6).toString('hex')) };

/** A leftover of a writer that is not known to be gone is removed once it is older than this. */
export const staleAfterMs = 60 * 60 * 1000;

let counter = 0;

/**
 * Replaces `path` with `data` atomically: the bytes go to a temporary file in the same folder,
 * which is then renamed over the target. A reader, or a run killed half-way, sees either the
 * old file or the new one, never a torn mix. The temporary name holds the host name, the PID,
 * a random run id and a counter, so writers on different machines sharing a volume never collide.
 */
export function writeFileAtomic(path: string, data: Uint8Array | string): void {
  const dir = dirname(path);
  makeDir(dir);
  const temp = join(dir, `${tempPrefix}${self.host}.${self.pid}.${self.run}.${counter++}~${basename(path)}`);
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}

/**
 * Creates a folder and the missing ones above it, one level at a time, and returns those it made.
 * Unlike `mkdir -p` in Node (which retries forever under /proc and similar file systems), each
 * level is tried once: a folder that cannot be made fails at once with the system's error.
 */
export function makeDir(dir: string): string[] {
  const missing: string[] = [];
  let at = resolve(dir);
  for (;;) {
    let isDir: boolean;
    try {
      isDir = statSync(at).isDirectory();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      missing.push(at);
      const up = dirname(at);
      if (up === at) break;
      at = up;
      continue;
    }
    if (!isDir) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${at}'`), { code: 'ENOTDIR', path: at });
    break;
  }
  const made: string[] = [];
  for (const level of missing.reverse()) {
    try {
      mkdirSync(level);
      made.push(level);
    } catch (e) {
      // Another worker made it in the meantime.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(level).isDirectory()) throw e;
    }
  }
  return made;
}

/** Removes the folders `makeDir` made that are still empty, deepest first. */
export function removeEmptyDirs(made: readonly string[]): void {
  for (const dir of [...made].reverse()) {
    try {
      rmdirSync(dir);
    } catch {
      return; // not empty (or gone): the folders above it stay too
    }
  }
}

const ownedName = /^\.gongwen-tmp-([A-Za-z0-9_-]+)\.(\d+)\.([0-9a-f]+)\.\d+~/;

/**
 * Removes the temporary files that killed runs left in these folders, so they do not pile up:
 * at once when they were written on this machine by a process that is gone (or by an earlier
 * life of this PID), otherwise — another machine on a shared volume, or a PID still in use —
 * once they are older than `staleAfterMs` (a write takes milliseconds). Only names of our own
 * pattern are touched; this run's files are never removed.
 */
export function removeStaleTemps(dirs: Iterable<string>, owner: TempOwner = self, now = Date.now()): number {
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
      const path = join(dir, name);
      const m = ownedName.exec(name);
      if (m && m[1] === owner.host && Number(m[2]) === owner.pid && m[3] === owner.run) continue;
      const goneHere = m !== null && m[1] === owner.host && (Number(m[2]) === owner.pid || !alive(Number(m[2])));
      if (!goneHere && !olderThan(path, now - staleAfterMs)) continue;
      rmSync(path, { force: true });
      removed++;
    }
  }
  return removed;
}

function olderThan(path: string, limit: number): boolean {
  try {
    return statSync(path).mtimeMs < limit;
  } catch {
    return false;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function safeHost(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64) || 'host';
}
