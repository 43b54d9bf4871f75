import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const cliDir = fileURLToPath(new URL('..', import.meta.url));
export const repoDir = join(cliDir, '..', '..');
export const examplesDir = join(repoDir, 'examples');
export const bin = join(cliDir, 'dist', 'bin.js');

/** Compiles the CLI so the tests run the program users run (its dependencies are built by turbo first). */
export function buildCli(): void {
  execFileSync(process.execPath, [join(repoDir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(cliDir, 'tsconfig.json')], { stdio: 'inherit' });
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function gongwen(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? repoDir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', GONGWEN_LANG: '', ...options.env },
    // Only stops a hung run: a busy machine may be slow, and the test must still pass there.
    timeout: 600_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts the CLI without waiting, for tests that interrupt it. */
export function startGongwen(args: string[], cwd: string) {
  return spawn(process.execPath, [bin, ...args], { cwd, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
}

export function tempDir(prefix = 'gongwen-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A temporary copy of examples/ (YAML files only), so nothing is ever written into the repository. */
export function copyExamples(): string {
  const dir = tempDir();
  cpSync(examplesDir, dir, { recursive: true, filter: (src) => !src.includes(`${join('examples', 'seeds')}`) });
  return dir;
}
