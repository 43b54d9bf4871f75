#!/usr/bin/env node
// The whole page: engine bundle and fonts into public/, then Vite builds dist/ (which copies public/).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { packageDir } from './engine-bundle.mjs';

const require = createRequire(join(packageDir, 'package.json'));
// The page's own code is type-checked here; Vite only strips the types.
const tsc = join(dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
execFileSync(process.execPath, [tsc, '-p', join(packageDir, 'tsconfig.json')], { stdio: 'inherit' });
execFileSync(process.execPath, [join(packageDir, 'scripts', 'build-engine.mjs')], { stdio: 'inherit' });
const vite = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { stdio: 'inherit', cwd: packageDir });
