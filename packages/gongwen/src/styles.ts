import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { error, say, type Diagnostic, type Lang, type Result } from '@gongwen/diagnostics';
import { readStyleFiles, stylesDir } from '@gongwen/templates';
import { manifestField } from './manifest-field.js';
import { loadStage, type Style } from './stages.js';

/** A style folder found on disk. */
export interface StyleInfo {
  name: string;
  dir: string;
  /** The manifest's one-line description, if it has one. */
  description?: string;
  region?: string;
}

export interface StyleSearchOptions {
  /** Extra folders holding one sub-folder per style, searched before the bundled ones. */
  styleDirs?: string[];
}

const manifestNames = ['style.yaml', 'style.yml'];

export { readStyleFiles };

/** The folder of the styles that come with gongwen (`@gongwen/templates`). */
export const bundledStylesDir: string = stylesDir;

/** The bundled styles (from `@gongwen/templates`) and those in `styleDirs`, by name; earlier folders win. */
export function listStyles(options: StyleSearchOptions = {}): StyleInfo[] {
  return styleFolders(options).map(({ name, dir, manifest }) => {
    const text = readFileSync(manifest, 'utf8');
    return { name, dir, description: manifestField(text, 'description'), region: manifestField(text, 'region') };
  });
}

/** The style folders by name, without reading their manifests (finding one style needs only its folder). */
function styleFolders(options: StyleSearchOptions): { name: string; dir: string; manifest: string }[] {
  const seen = new Map<string, { name: string; dir: string; manifest: string }>();
  for (const root of [...(options.styleDirs ?? []), stylesDir]) {
    let entries: string[];
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

export interface ResolveStyleResult extends Result {
  style?: Style;
  diagnostics: Diagnostic[];
}

const loaded = new Map<string, ResolveStyleResult>();

/**
 * Loads a style by name from the style folders, once per process: a batch compiles each style's
 * templates a single time. `clearStyleCache()` forgets them (for `--watch`).
 */
export async function resolveStyle(name: string, options: StyleSearchOptions & { lang?: Lang } = {}): Promise<ResolveStyleResult> {
  const key = JSON.stringify([name, options.styleDirs ?? [], options.lang ?? 'zh']);
  const hit = loaded.get(key);
  if (hit) return hit;
  const compose = await loadStage('compose');
  let result: ResolveStyleResult;
  const folders = styleFolders(options);
  const info = /^[\w.-]+$/.test(name) ? folders.find((s) => s.name === name) : undefined;
  if (!info) {
    const known = folders.map((s) => s.name).join(', ');
    result = {
      diagnostics: [
        error('style/unknown', say(options.lang, `没有名为“${name}”的样式`, `unknown style "${name}"`), {
          hint: say(options.lang, `可用的样式：${known || '（无）'}`, `available styles: ${known || '(none)'}`),
        }),
      ],
    };
  } else {
    // A style that extends another finds it among the same folders, the bundled ones last.
    const files = readStyleFiles(info.dir, { roots: options.styleDirs ?? [] });
    const out = compose.loadStyle(files, { name, lang: options.lang });
    // Point template diagnostics at the real files, so an editor can open them: a base's file
    // (../national/document.hbs) in the folder that base was found in.
    const dirs = new Map(folders.map((s) => [s.name, s.dir]));
    const realFile = (file: string) => {
      const base = /^((?:\.\.\/[^/]+\/)+)/.exec(file);
      if (!base) return join(info.dir, file);
      const baseName = base[1]!.split('/').at(-2)!;
      return join(dirs.get(baseName) ?? join(info.dir, '..', baseName), file.slice(base[1]!.length));
    };
    const diagnostics = out.diagnostics.map((d) => (d.file && !d.file.startsWith(info.dir) && d.file in files ? { ...d, file: realFile(d.file) } : d));
    result = { style: out.style, diagnostics };
  }
  loaded.set(key, result);
  return result;
}

export function clearStyleCache(): void {
  loaded.clear();
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}
