#!/usr/bin/env node
// Runs the pnpm version pinned in package.json's packageManager field, so the quick start needs
// nothing but Node and npm (`npm run examples`, `npm test`). Where that pnpm is not on PATH, it is
// installed once from the npm registry into .tools/ and put on PATH for everything it starts
// (turbo looks pnpm up on PATH to run each package's scripts).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { packageManager } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const version = packageManager.replace(/^pnpm@/, '');
const win = process.platform === 'win32';
const run = (cmd, args, env = process.env) => spawnSync(cmd, args, { stdio: 'inherit', shell: win, env });

const onPath = spawnSync('pnpm', ['--version'], { encoding: 'utf8', shell: win });
let env = process.env;
if (onPath.status !== 0 || onPath.stdout.trim() !== version) {
  const prefix = join(root, '.tools', `pnpm-${version}`);
  const bin = join(prefix, 'node_modules', '.bin');
  if (!existsSync(join(bin, win ? 'pnpm.cmd' : 'pnpm'))) {
    console.error(`Installing pnpm ${version} into .tools/ …`);
    const install = run('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', `pnpm@${version}`]);
    if (install.status !== 0) process.exit(install.status ?? 1);
  }
  env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` };
}
const result = run('pnpm', process.argv.slice(2), env);
process.exit(result.status ?? 1);
