#!/usr/bin/env node
// Builds what the page loads beside its own code: the engine bundle (public/engine/engine.js) and
// the open fonts the workspace installs (public/fonts/, with manifest.json naming each role's chain).
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { bundleEngine, packageDir } from './engine-bundle.mjs';
import { bundledFontFiles } from './bundled-fonts.mjs';

await bundleEngine({ minify: !process.argv.includes('--dev') });

const fontsDir = join(packageDir, 'public', 'fonts');
mkdirSync(fontsDir, { recursive: true });
const { chains, paths } = bundledFontFiles();
for (const path of paths) copyFileSync(path, join(fontsDir, basename(path)));
writeFileSync(join(fontsDir, 'manifest.json'), `${JSON.stringify({ chains }, null, 2)}\n`);
