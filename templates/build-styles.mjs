#!/usr/bin/env node
// Writes bundled.js (and its bundled.d.ts): every style folder's text files as data, for callers with no file system
// (a browser), and the two functions that list them and hand out a style's files. The folders stay the one source; this copy is made again on every build.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostic, hasErrors } from '@gongwen/diagnostics';
import { loadStyleManifest } from '@gongwen/schema';
import { readStyleFiles, stylesDir } from './index.js';

// Every bundled manifest is checked against style.schema.json before it is bundled: a style
// that would fail to load in Node never reaches a browser either.
const styles = {};
const problems = [];
for (const name of readdirSync(stylesDir).sort()) {
  const dir = join(stylesDir, name);
  if (name.startsWith('.') || name === 'node_modules' || !statSync(dir).isDirectory()) continue;
  const files = readStyleFiles(dir);
  const manifest = files['style.yaml'] ?? files['style.yml'];
  if (manifest === undefined) continue;
  const file = join(name, 'style.yaml' in files ? 'style.yaml' : 'style.yml');
  const { diagnostics } = loadStyleManifest(manifest, { filename: file });
  problems.push(...diagnostics.map((d) => formatDiagnostic(d, { source: manifest, color: false })));
  if (hasErrors(diagnostics)) process.exitCode = 1;
  styles[name] = files;
}
if (problems.length) process.stderr.write(`${problems.join('\n')}\n`);
if (process.exitCode) process.exit();
writeFileSync(
  join(stylesDir, 'bundled.js'),
  `// Generated from the style folders by build-styles.mjs; edit the folders, not this file.
import { styleSummary } from './style-info.js';

export const bundledStyleFiles = ${JSON.stringify(styles, null, 1)};

/** The bundled styles, as a style picker lists them: name, description and region. */
export function listBundledStyles() {
  return Object.entries(bundledStyleFiles).map(([name, files]) => ({ name, ...styleSummary(files['style.yaml'] ?? files['style.yml']) }));
}

/** A copy of the text files of the bundled style of that name (to show or edit them); \`undefined\` for no such style. */
export function bundledStyleSource(name) {
  return Object.hasOwn(bundledStyleFiles, name) ? { ...bundledStyleFiles[name] } : undefined;
}
`,
);
writeFileSync(
  join(stylesDir, 'bundled.d.ts'),
  `/** Every bundled style, by name: its text files keyed by path relative to the style folder, as \`loadStyle\` takes them. */
export declare const bundledStyleFiles: Record<string, Record<string, string>>;
/** A bundled style, as a style picker lists it. */
export interface BundledStyleInfo {
  name: string;
  description?: string;
  region?: string;
}
/** The bundled styles, as a style picker lists them: name, description and region. */
export declare function listBundledStyles(): BundledStyleInfo[];
/** A copy of the text files of the bundled style of that name (to show or edit them); \`undefined\` for no such style. */
export declare function bundledStyleSource(name: string): Record<string, string> | undefined;
`,
);
