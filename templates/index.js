import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadYaml } from '@gongwen/schema';

// The folder that holds one sub-folder per style. Styles are data (manifest + templates),
// read by whoever renders; the only code here finds them and reads one.
export const stylesDir = fileURLToPath(new URL('.', import.meta.url));

const STYLE_NAME = /^[a-z][a-z0-9-]*$/;

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
 * Every text file of a style folder, keyed by its path relative to the folder (with `/`), as
 * `loadStyle` takes them. A style that `extends` another brings its base's files too, keyed
 * `../<base>/<path>` (and the base's base, and so on): the base is looked for beside the style,
 * then in `roots` (by default the bundled styles).
 */
export function readStyleFiles(dir, options = {}) {
  const files = readFolder(dir);
  const roots = [dirname(dir), ...(options.roots ?? []), stylesDir];
  const seen = new Set([dir]);
  let base = baseStyleName(files['style.yaml']);
  while (base && !(`../${base}/style.yaml` in files)) {
    const found = roots.map((r) => join(r, base)).find((d) => !seen.has(d) && existsSync(join(d, 'style.yaml')));
    if (!found) break;
    seen.add(found);
    const baseFiles = readFolder(found);
    for (const [path, text] of Object.entries(baseFiles)) files[`../${base}/${path}`] = text;
    base = baseStyleName(baseFiles['style.yaml']);
  }
  return files;
}
