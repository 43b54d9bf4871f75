// Fonts for the engine: the open fonts served beside the page, fetched once and kept in IndexedDB,
// and fonts the user picks from disk (official fonts are licensed: they stay in this browser).
import type { FontFiles } from './engine/protocol.js';

const DB = 'gongwen-workbench';
const STORE = 'fonts';

function open(): Promise<IDBDatabase | undefined> {
  return new Promise((resolve) => {
    if (!('indexedDB' in globalThis)) return resolve(undefined);
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => resolve(undefined);
  });
}

async function get(key: string): Promise<unknown> {
  const db = await open();
  if (!db) return undefined;
  return new Promise((resolve) => {
    const req = db.transaction(STORE).objectStore(STORE).get(key);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => resolve(undefined);
  });
}

async function put(key: string, value: unknown): Promise<void> {
  const db = await open();
  if (!db) return;
  await new Promise<void>((resolve) => {
    const tx = db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).put(value, key);
    tx.oncomplete = () => resolve();
    tx.onerror = () => resolve();
  });
}

/** The served open fonts (manifest.json names each role's chain), from IndexedDB when already fetched. */
export async function servedFonts(base: URL, onProgress?: (text: string) => void): Promise<FontFiles> {
  const manifest = (await (await fetch(new URL('fonts/manifest.json', base), { cache: 'no-store' })).json()) as { chains: FontFiles['chains']; faces?: Record<string, string> };
  const names = [...new Set(Object.values(manifest.chains).flat())];
  const files: Record<string, Uint8Array> = {};
  let done = 0;
  await Promise.all(
    names.map(async (name) => {
      // A local preview serves this machine's fonts, which may change: only the page's own are kept.
      const key = manifest.faces ? undefined : `served:${name}`;
      let bytes = key ? ((await get(key)) as Uint8Array | undefined) : undefined;
      if (!bytes) {
        const res = await fetch(new URL(`fonts/${encodeURIComponent(name)}`, base));
        if (!res.ok) throw new Error(`font ${name}: HTTP ${res.status}`);
        bytes = new Uint8Array(await res.arrayBuffer());
        if (key) await put(key, bytes);
      }
      files[name] = bytes;
      onProgress?.(`字体 ${++done}/${names.length}`);
    }),
  );
  const user = await userFonts();
  return { chains: withUserFonts(manifest.chains, user), files: { ...files, ...user.files }, ...(manifest.faces ? { faces: manifest.faces } : {}) };
}

export interface UserFonts {
  /** Per role, the file names the user gave it. */
  roles: Partial<Record<keyof FontFiles['chains'], string[]>>;
  files: Record<string, Uint8Array>;
}

export async function userFonts(): Promise<UserFonts> {
  return ((await get('user')) as UserFonts | undefined) ?? { roles: {}, files: {} };
}

export async function saveUserFonts(fonts: UserFonts): Promise<void> {
  await put('user', fonts);
}

/** The user's fonts go first in the roles they were chosen for; the open fonts stay behind them as fallbacks. */
export function withUserFonts(chains: FontFiles['chains'], user: UserFonts): FontFiles['chains'] {
  const out = { ...chains };
  for (const [role, names] of Object.entries(user.roles) as [keyof FontFiles['chains'], string[]][]) {
    out[role] = [...new Set([...names, ...(chains[role] ?? [])])];
  }
  return out;
}
