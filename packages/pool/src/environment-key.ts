import { createHash } from 'node:crypto';
import { defaultFonts, listStyles, readStyleFiles } from 'gongwen';

// What a render depends on besides the report and its options, hashed once per process: the
// batch's `--changed` and the queue's job ids both build their keys from these.

const styleKeys = new Map<string, string>();

/** A hash of every style folder's files; a change to any template changes it (conservative, and cheap). */
export function stylesKey(styleDirs: string[] | undefined): string {
  const id = JSON.stringify(styleDirs ?? []);
  let key = styleKeys.get(id);
  if (!key) {
    const h = createHash('sha256');
    for (const s of listStyles({ styleDirs })) h.update(JSON.stringify([s.name, readStyleFiles(s.dir)]));
    key = h.digest('hex');
    styleKeys.set(id, key);
  }
  return key;
}

/** Forget the style hashes, after a style file changed (`--watch`). */
export function forgetStylesKey(): void {
  styleKeys.clear();
}

const fontsKeys = new Map<string, Promise<string>>();

/**
 * A hash of the fonts in use: which file and face serve which role, and the files' bytes. The
 * file's name, not its folder: machines that install the same fonts elsewhere get the same key.
 */
export function fontsKey(fontDirs: string[] | undefined): Promise<string> {
  const id = JSON.stringify(fontDirs ?? []);
  let key = fontsKeys.get(id);
  if (!key) {
    key = defaultFonts({ dirs: fontDirs }).then((resolved) => {
      const h = createHash('sha256');
      const byFile = new Map<Uint8Array, string>();
      const fonts = resolved.fonts as Record<string, readonly { path: string; face?: string; bytes: Uint8Array }[]>;
      for (const role of Object.keys(fonts).sort()) {
        for (const f of fonts[role] ?? []) {
          let digest = byFile.get(f.bytes);
          if (!digest) byFile.set(f.bytes, (digest = createHash('sha256').update(f.bytes).digest('hex')));
          h.update(JSON.stringify([role, f.path.split(/[\\/]/).pop(), f.face ?? '', digest]));
        }
      }
      return h.digest('hex');
    });
    fontsKeys.set(id, key);
  }
  return key;
}
