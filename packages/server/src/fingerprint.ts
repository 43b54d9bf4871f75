import { createHash } from 'node:crypto';
import { defaultFonts, listStyles, readStyleFiles } from 'gongwen';

/**
 * A hash of what a render depends on besides the report: every style folder's files, and which
 * font file and face serves each role with the files' bytes. Computed once per process.
 */
export async function renderEnvironmentKey(options: { styleDirs?: string[]; fontDirs?: string[] }): Promise<string> {
  const h = createHash('sha256');
  for (const s of listStyles({ styleDirs: options.styleDirs })) h.update(JSON.stringify([s.name, readStyleFiles(s.dir)]));
  const resolved = await defaultFonts({ dirs: options.fontDirs });
  const fonts = resolved.fonts as Record<string, readonly { path: string; face?: string; bytes: Uint8Array }[]>;
  const byFile = new Map<Uint8Array, string>();
  for (const role of Object.keys(fonts).sort()) {
    for (const f of fonts[role] ?? []) {
      let digest = byFile.get(f.bytes);
      if (!digest) byFile.set(f.bytes, (digest = createHash('sha256').update(f.bytes).digest('hex')));
      // The file's name, not its folder: machines that install the same fonts elsewhere share jobs.
      h.update(JSON.stringify([role, f.path.split(/[\\/]/).pop(), f.face ?? '', digest]));
    }
  }
  return h.digest('hex');
}
