import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readFontFileNames, type FaceNames } from './sfnt-names.js';

/** One face found in a folder. */
export interface FoundFace extends FaceNames {
  path: string;
  /** Set for a face inside a collection. */
  face?: string;
}

const fontFile = /\.(ttf|otf|ttc|otc)$/i;
const scanned = new Map<string, FoundFace[]>();

/** Every face of every font file under the folders (recursively), memoised per folder for the process. */
export function scanFolders(folders: readonly string[]): FoundFace[] {
  return folders.flatMap((folder) => {
    let faces = scanned.get(folder);
    if (!faces) {
      faces = [];
      for (const path of listFontFiles(folder, 0)) {
        const names = readFontFileNames(path);
        if (!names) continue;
        for (const f of names.faces) faces.push(names.collection ? { ...f, path, face: f.postscriptName } : { ...f, path });
      }
      scanned.set(folder, faces);
    }
    return faces;
  });
}

function listFontFiles(folder: string, depth: number): string[] {
  if (depth > 6) return [];
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return entries.flatMap((e) => {
    const path = join(folder, e.name);
    if (e.isDirectory()) return listFontFiles(path, depth + 1);
    return (e.isFile() || e.isSymbolicLink()) && fontFile.test(e.name) ? [path] : [];
  });
}
