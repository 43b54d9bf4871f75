#!/usr/bin/env node
// Installs gongwen the way a developer outside this repository gets it: every public package of the
// workspace is packed (`pnpm pack`, which turns workspace:* into versions and leaves out what
// `files` does not list), and the tarballs are installed with plain npm into a fresh folder, with
// no pnpm, no workspace links and no patches applied by a package manager. The packages must be
// built first (`pnpm build`).
//
//   node scripts/pack-install.mjs <folder>     → <folder>/node_modules/.bin/gongwen
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const target = process.argv[2];
if (!target) {
  process.stderr.write('usage: pack-install.mjs <folder>\n');
  process.exit(2);
}
const app = resolve(target);
const tarballs = join(app, 'tarballs');

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' } });
  if (r.status !== 0) {
    process.stderr.write(`${cmd} ${args.join(' ')} (in ${cwd}) failed:\n${r.stdout}${r.stderr}`);
    process.exit(1);
  }
  return r.stdout;
}

/** The workspace's public packages, from pnpm-workspace.yaml's globs (`packages/*`, `templates`). */
function publicPackages() {
  const globs = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8').match(/^\s*-\s*(.+)$/gm) ?? [];
  const dirs = globs.flatMap((line) => {
    const glob = line.replace(/^\s*-\s*/, '').replace(/['"]/g, '').trim();
    if (!glob.endsWith('/*')) return [join(root, glob)];
    const parent = join(root, glob.slice(0, -2));
    return readdirSync(parent).map((name) => join(parent, name));
  });
  return dirs
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
    .filter(({ manifest }) => !manifest.private);
}

rmSync(app, { recursive: true, force: true });
mkdirSync(tarballs, { recursive: true });
const dependencies = {};
for (const { dir, manifest } of publicPackages()) {
  run(process.execPath, [join(root, 'scripts', 'pnpm.mjs'), 'pack', '--pack-destination', tarballs], dir);
  const file = `${manifest.name.replace(/^@/, '').replace('/', '-')}-${manifest.version}.tgz`;
  if (!existsSync(join(tarballs, file))) {
    process.stderr.write(`pnpm pack of ${manifest.name} wrote no ${file}\n`);
    process.exit(1);
  }
  dependencies[manifest.name] = `file:tarballs/${file}`;
}
writeFileSync(join(app, 'package.json'), `${JSON.stringify({ name: 'gongwen-packed-install', private: true, type: 'module', dependencies }, null, 2)}\n`);
run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock'], app);
process.stdout.write(`${join(app, 'node_modules', '.bin', 'gongwen')}\n`);
