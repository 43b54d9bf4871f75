#!/usr/bin/env node
// Builds what the page loads beside its own code: the engine bundle (public/engine/engine.js) and
// the open fonts the workspace installs (public/fonts/, with manifest.json naming each role's chain).
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { bundleEngine, packageDir } from './engine-bundle.mjs';
import { bundledFontFiles } from './bundled-fonts.mjs';

const engineDir = join(packageDir, 'public', 'engine');
// Chunk names carry a hash: old ones would linger.
rmSync(engineDir, { recursive: true, force: true });
const { metafile } = await bundleEngine({ outdir: engineDir, minify: !process.argv.includes('--dev') });
// Every file of the engine, for the service worker to keep (the worker loads chunks the page never sees).
const engineFiles = Object.keys(metafile.outputs)
  .filter((f) => !f.endsWith('.map'))
  .map((f) => relative(engineDir, join(process.cwd(), f)).split('\\').join('/'))
  .sort();
writeFileSync(join(engineDir, 'files.json'), `${JSON.stringify(engineFiles, null, 2)}\n`);

const fontsDir = join(packageDir, 'public', 'fonts');
mkdirSync(fontsDir, { recursive: true });
const { chains, paths } = bundledFontFiles();
for (const path of paths) copyFileSync(path, join(fontsDir, basename(path)));
writeFileSync(join(fontsDir, 'manifest.json'), `${JSON.stringify({ chains }, null, 2)}\n`);
