import { realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { say, type Lang } from '@gongwen/diagnostics';

/** One report to process. */
export interface InputFile {
  /** The path as shown to the user (relative to the working directory when inside it). */
  path: string;
  abs: string;
  /** Path below the output folder, without extension: mirrors the tree of a directory or glob input. */
  rel: string;
}

export interface ExpandResult {
  files: InputFile[];
  /** Arguments that matched nothing. */
  missing: string[];
}

const reportGlob = '**/*.{yaml,yml}';
const ignore = ['**/node_modules/**', '**/.*/**'];
/**
 * Inside a folder or a glob, symbolic links are not followed: a link loop would list each report
 * again under every turn of the loop, and a link to a folder or file elsewhere would pull in
 * reports from outside the folder named. A file named on the command line is read, link or not.
 */
const globOptions = { ignore, absolute: true, followSymbolicLinks: false } as const;

let globber: typeof import('tinyglobby') | undefined;
/** The glob matcher, loaded for the first folder or pattern: a command naming files never needs it. */
const glob = (): typeof import('tinyglobby') => (globber ??= createRequire(import.meta.url)('tinyglobby') as typeof import('tinyglobby'));

/**
 * Expands file, directory and glob arguments into the reports they name, in a deterministic
 * order (argument order, then sorted paths), each once.
 */
export function expandInputs(args: readonly string[], cwd = process.cwd()): ExpandResult {
  const files: InputFile[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const add = (abs: string, base: string) => {
    // Each report once, even when two arguments reach it by different paths.
    const key = realPath(abs);
    if (seen.has(key)) return;
    seen.add(key);
    files.push({ path: display(abs, cwd), abs, rel: stripExt(toSlash(relative(base, abs))) });
  };
  for (const arg of args) {
    const abs = resolve(cwd, arg);
    const kind = kindOf(abs);
    if (kind === 'dir') {
      const found = glob().globSync(reportGlob, { cwd: abs, ...globOptions }).map((p) => resolve(p)).sort(compare);
      if (!found.length) missing.push(arg);
      for (const p of found) add(p, abs);
    } else if (kind === 'file') {
      add(abs, resolve(abs, '..'));
    } else if (glob().isDynamicPattern(toSlash(arg))) {
      const base = resolve(cwd, staticPrefix(toSlash(arg)));
      const found = glob().globSync(toSlash(arg), { cwd, ...globOptions })
        .map((p) => resolve(p))
        .filter((p) => kindOf(p) === 'file')
        .sort(compare);
      if (!found.length) missing.push(arg);
      for (const p of found) add(p, base);
    } else {
      missing.push(arg);
    }
  }
  return { files, missing };
}

/** Where an output goes: under `outDir` mirroring the input's tree, else beside the input. */
export function outputPath(input: InputFile, ext: string, outDir: string | undefined): string {
  return outDir ? join(outDir, `${input.rel}.${ext}`) : join(input.abs, '..', `${basename(input.rel)}.${ext}`);
}

/** Parses `k/n` (1-based), or returns a message saying what is wrong. */
export function parseShard(value: string, lang: Lang = 'en'): { index: number; count: number } | string {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  if (!m) return say(lang, `--shard 应写成 k/n，如 2/8（收到“${value}”）`, `--shard expects k/n, e.g. 2/8 (got "${value}")`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) return say(lang, `--shard ${value}：k 应在 1 到 n 之间`, `--shard ${value}: k must be between 1 and n`);
  return { index, count };
}

/**
 * The inputs of slice k of n. A file belongs to the slice its path hashes to, so every
 * machine given the same arguments picks the same files with no coordination, and adding
 * a report to the tree does not move the others to another slice.
 */
export function shardOf<T extends { path: string }>(files: readonly T[], shard: { index: number; count: number }): T[] {
  return files.filter((f) => (fnv1a(toSlash(f.path)) % shard.count) + 1 === shard.index);
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(s)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function realPath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

function kindOf(p: string): 'file' | 'dir' | undefined {
  try {
    const s = statSync(p);
    return s.isDirectory() ? 'dir' : s.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

function staticPrefix(pattern: string): string {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (glob().isDynamicPattern(part)) break;
    fixed.push(part);
  }
  return fixed.join('/') || '.';
}

function display(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}

const toSlash = (p: string) => p.split(sep).join('/');
const stripExt = (p: string) => p.replace(/\.ya?ml$/i, '');
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
