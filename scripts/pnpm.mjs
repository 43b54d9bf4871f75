#!/usr/bin/env node
// Runs the pnpm version pinned in package.json's packageManager field, so the quick start
// needs nothing but Node and npm: `npm run examples`, `npm test`.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const { packageManager } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const args = process.argv.slice(2);
const onPath = spawnSync('pnpm', ['--version'], { encoding: 'utf8', shell: process.platform === 'win32' });
const wanted = packageManager.split('@')[1];
const [cmd, cmdArgs] =
  onPath.status === 0 && onPath.stdout.trim() === wanted
    ? ['pnpm', args]
    : ['npx', ['--yes', packageManager, ...args]];
const result = spawnSync(cmd, cmdArgs, { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(result.status ?? 1);
