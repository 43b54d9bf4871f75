import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// The folder that holds one sub-folder per style. Styles are data (manifest + templates),
// read by whoever renders; the only code here finds them and reads one.
export const stylesDir = fileURLToPath(new URL('.', import.meta.url));

/** Every text file of a style folder, keyed by its path relative to the folder (with `/`), as `loadStyle` takes them. */
export function readStyleFiles(dir) {
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
