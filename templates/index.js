import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadYaml } from '@gongwen/schema';
import { styleSummary } from './style-info.js';

export { styleSummary };

// The folder that holds one sub-folder per style. Styles are data (manifest + templates),
// read by whoever renders; the only code here finds them and reads one.
export const stylesDir = fileURLToPath(new URL('.', import.meta.url));

const STYLE_NAME = /^[a-z][a-z0-9-]*$/;
const manifestNames = ['style.yaml', 'style.yml'];

/** The files of one folder, keyed by their path relative to it (with `/`). */
function readFolder(dir) {
  const files = {};
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files[relative(dir, p).split(sep).join('/')] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return files;
}

/** The style a manifest extends (`extends: national` at the top level), if it names one. */
export function baseStyleName(manifestText) {
  if (manifestText === undefined) return undefined;
  const { data } = loadYaml(manifestText);
  const name = data && typeof data === 'object' && !Array.isArray(data) ? data.extends : undefined;
  return typeof name === 'string' && STYLE_NAME.test(name) ? name : undefined;
}

/**
 * The folders a style is made of: its own (prefix ''), then the base it `extends` (prefix
 * `../<base>/`), that base's base, and so on. A base is looked for beside the style, then in
 * `roots`, then among the bundled styles; a base already in the chain ends it.
 */
function styleChain(dir, roots = [], own = readFolder(dir)) {
  const chain = [{ prefix: '', dir, files: own }];
  const searched = [dirname(dir), ...roots, stylesDir];
  let base = baseStyleName(own['style.yaml']);
  while (base && !chain.some((c) => c.prefix === `../${base}/`)) {
    const found = searched.map((r) => join(r, base)).find((d) => !chain.some((c) => c.dir === d) && existsSync(join(d, 'style.yaml')));
    if (!found) break;
    const files = readFolder(found);
    chain.push({ prefix: `../${base}/`, dir: found, files });
    base = baseStyleName(files['style.yaml']);
  }
  return chain;
}

/**
 * Every text file of a style folder, keyed by its path relative to the folder (with `/`), as
 * `loadStyle` takes them. A style that `extends` another brings its base's files too, keyed
 * `../<base>/<path>` (and the base's base, and so on): the base is looked for beside the style,
 * then in `roots` (by default the bundled styles).
 */
export function readStyleFiles(dir, options = {}) {
  const files = {};
  for (const { prefix, files: own } of styleChain(dir, options.roots)) for (const [path, text] of Object.entries(own)) files[prefix + path] = text;
  return files;
}

/**
 * The file on disk that a key of `readStyleFiles(dir, options)` was read from (`../national/document.hbs`
 * → the document.hbs of the folder that base was found in), so a diagnostic about a template names
 * a file an editor can open; `undefined` for a key no folder of the style holds.
 */
export function styleFileOnDisk(dir, key, options = {}) {
  for (const { prefix, dir: folder, files } of styleChain(dir, options.roots).reverse()) {
    if (key.startsWith(prefix) && key.slice(prefix.length) in files) return join(folder, ...key.slice(prefix.length).split('/'));
  }
  return undefined;
}

function isFile(p) {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The style folders by name, without reading their manifests: finding one style needs only its folder. */
function styleFolders(options) {
  const seen = new Map();
  for (const root of [...(options.styleDirs ?? []), stylesDir]) {
    let entries;
    try {
      entries = readdirSync(root).sort();
    } catch {
      continue;
    }
    for (const name of entries) {
      if (seen.has(name) || name.startsWith('.') || name === 'node_modules') continue;
      const dir = join(root, name);
      const manifest = manifestNames.map((m) => join(dir, m)).find(isFile);
      if (manifest) seen.set(name, { name, dir, manifest });
    }
  }
  return [...seen.values()];
}

/** The bundled styles and those in `styleDirs` (folders of one sub-folder per style), by name; earlier folders win. */
export function listStyles(options = {}) {
  return styleFolders(options).map(({ name, dir, manifest }) => ({ name, dir, ...styleSummary(readFileSync(manifest, 'utf8')) }));
}

/** The style folder of that name, as `listStyles` finds it, with its manifest unread; `undefined` for a name no folder has (or no name at all). */
export function findStyle(name, options = {}) {
  if (!/^[\w.-]+$/.test(name)) return undefined;
  const found = styleFolders(options).find((s) => s.name === name);
  return found && { name: found.name, dir: found.dir };
}
