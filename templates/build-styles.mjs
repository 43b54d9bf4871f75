#!/usr/bin/env node
// Writes bundled.js (and its bundled.d.ts): every style folder's text files as data, for callers with no file system
// (a browser). The folders stay the one source; this copy is made again on every build.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readStyleFiles, stylesDir } from './index.js';

const styles = {};
for (const name of readdirSync(stylesDir).sort()) {
  const dir = join(stylesDir, name);
  if (name.startsWith('.') || name === 'node_modules' || !statSync(dir).isDirectory()) continue;
  const files = readStyleFiles(dir);
  if ('style.yaml' in files || 'style.yml' in files) styles[name] = files;
}
writeFileSync(
  join(stylesDir, 'bundled.js'),
  `// Generated from the style folders by build-styles.mjs; edit the folders, not this file.\nexport const bundledStyleFiles = ${JSON.stringify(styles, null, 1)};\n`,
);
writeFileSync(
  join(stylesDir, 'bundled.d.ts'),
  '/** Every bundled style, by name: its text files keyed by path relative to the style folder, as `loadStyle` takes them. */\nexport declare const bundledStyleFiles: Record<string, Record<string, string>>;\n',
);
