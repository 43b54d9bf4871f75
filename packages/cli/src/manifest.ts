import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import type { ManifestEntry } from './render-job.js';

/** What `--changed` remembers between runs: per input, the key of what it was rendered from and the outputs. */
export interface Manifest {
  version: 1;
  entries: Record<string, ManifestEntry>;
}

/** One manifest per output folder and shard, so parallel shards sharing a folder never overwrite each other's. */
export function manifestPath(outDir: string, shard?: { index: number; count: number }): string {
  return join(outDir, shard ? `.gongwen-manifest.${shard.index}-of-${shard.count}.json` : '.gongwen-manifest.json');
}

export function readManifest(path: string): Manifest {
  try {
    const m = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
    if (m.version === 1 && m.entries && typeof m.entries === 'object') return m;
  } catch {
    // No manifest yet, or an unreadable one: everything counts as changed.
  }
  return { version: 1, entries: {} };
}

export function writeManifest(path: string, manifest: Manifest): void {
  const sorted: Record<string, ManifestEntry> = {};
  for (const k of Object.keys(manifest.entries).sort()) sorted[k] = manifest.entries[k]!;
  writeFileAtomic(path, `${JSON.stringify({ version: 1, entries: sorted }, null, 1)}\n`);
}
