import { existsSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { error, say, warning, type Diagnostic, type Lang } from '@gongwen/diagnostics';
import type { FontRole } from '@gongwen/model';
import { adaptFontkit } from './fontkit-adapter.js';
import { allRoles, bundledFaces, lookAlikeFamilies, officialFamilies } from './families.js';
import { systemFontFolders } from './font-folders.js';
import { uniqueFontId, type FontSet, type FontSource, type LoadedFont, type ParsedFont } from './font-set.js';
import { scanFolders, type FoundFace } from './scan-fonts.js';
import { readFontFileNames } from './sfnt-names.js';

export interface ResolveFontsOptions {
  /** A font file per role (from a config file); wins over everything else. `file.ttc#PostScriptName` picks a face. */
  files?: Partial<Record<FontRole, string>>;
  /** Folders searched before the installed fonts (`--font-dir`). Fonts here that serve no role become fallbacks. */
  dirs?: readonly string[];
  /** Family names per role tried before the built-in ones. */
  families?: Partial<Record<FontRole, readonly string[]>>;
  /** Environment to read `GONGWEN_FONT_DIR` (folders, separated like PATH) from; defaults to `process.env`. */
  env?: Record<string, string | undefined>;
  /** Installed-font folders; defaults to the usual folders of this OS. `[]` ignores installed fonts. */
  systemDirs?: readonly string[];
  /** Use the open fonts bundled from npm as the last resort (default true). */
  bundled?: boolean;
  lang?: Lang;
}

/** Why a role got its font, for `gongwen fonts`. */
export interface RoleExplanation {
  role: FontRole;
  /** The typeface GB/T 9704 practice asks for, e.g. `仿宋_GB2312`. */
  wanted: string;
  font?: { family: string; path: string; face?: string; source: FontSource; outlines: 'truetype' | 'cff' };
  /** How it was found: a configured file, a configured folder, installed (official or look-alike), bundled stand-in. */
  reason: 'configured-file' | 'configured-folder' | 'installed-official' | 'installed-look-alike' | 'bundled-stand-in' | 'missing';
  /** True when the font is the official typeface (or one the user chose), so the look is exact. */
  exact: boolean;
  /** PostScript names of the fallback fonts after the first, in order. */
  fallbacks: string[];
  /** What a bundled stand-in replaces, and why, when that needs saying. */
  standIn?: { for: string; note?: { zh: string; en: string } };
}

export interface ResolveFontsResult {
  fonts: FontSet;
  diagnostics: Diagnostic[];
  explain(): RoleExplanation[];
}

const memo = new Map<string, ResolveFontsResult>();
const loaded = new Map<string, LoadedFont>();

/**
 * Finds the font for every role: configured files and folders, then fonts installed on the
 * machine (by family name), then the open fonts bundled from npm. Memoised per options for the
 * process: a second call returns the same result and never reads a font twice.
 */
export function resolveFonts(options: ResolveFontsOptions = {}): ResolveFontsResult {
  const { configuredDirs, systemDirs, key } = settingsOf(options);
  const hit = memo.get(key);
  if (hit) return hit;
  const result = resolveUncached(options, configuredDirs, systemDirs);
  memo.set(key, result);
  return result;
}

/**
 * What `resolveFonts` returns, with the font files (tens of megabytes on a cold start) read on
 * the platform's thread pool, so the calling thread goes on with its work while they are read.
 */
export function resolveFontsAsync(options: ResolveFontsOptions = {}): Promise<ResolveFontsResult> {
  const { configuredDirs, systemDirs, key } = settingsOf(options);
  const hit = memo.get(key);
  if (hit) return Promise.resolve(hit);
  let pending = reading.get(key);
  if (!pending) {
    pending = (async () => {
      const paths = listFiles(options, configuredDirs, systemDirs);
      // A file that cannot be read here is read (and reported) by the resolution itself.
      const files = await Promise.all([...paths].map(async (path) => [path, await readWhole(path).catch(() => undefined)] as const));
      for (const [path, bytes] of files) if (bytes) prefetched.set(path, bytes);
      try {
        return resolveFonts(options);
      } finally {
        for (const [path] of files) prefetched.delete(path);
        reading.delete(key);
      }
    })();
    reading.set(key, pending);
  }
  return pending;
}

const reading = new Map<string, Promise<ResolveFontsResult>>();

function settingsOf(options: ResolveFontsOptions) {
  const env = options.env ?? process.env;
  const envDirs = (env.GONGWEN_FONT_DIR ?? '').split(delimiter).filter(Boolean);
  const configuredDirs = [...(options.dirs ?? []), ...envDirs];
  const systemDirs = options.systemDirs ?? systemFontFolders(process.platform, env);
  const key = JSON.stringify([options.files ?? {}, configuredDirs, options.families ?? {}, systemDirs, options.bundled ?? true, options.lang ?? 'zh']);
  return { configuredDirs, systemDirs, key };
}

/** While `resolveFontsAsync` lists what to read: the paths, and no font read or remembered. */
let listing: Set<string> | undefined;
/** Files `resolveFontsAsync` has read for the resolution it runs next. */
const prefetched = new Map<string, Uint8Array>();
/** Font files another thread of this process read into shared memory, by path. */
const shared = new Map<string, Uint8Array>();

/** The same resolution, listing the files it would read instead of reading them. */
function listFiles(options: ResolveFontsOptions, configuredDirs: string[], systemDirs: readonly string[]): Set<string> {
  listing = new Set();
  try {
    resolveUncached(options, configuredDirs, systemDirs);
    return listing;
  } finally {
    listing = undefined;
  }
}

/**
 * Reads the font files `resolveFonts(options)` would read into memory that worker threads share:
 * a pool's threads then keep one copy of tens of megabytes of fonts between them rather than one
 * each. Pass the map to `useSharedFontFiles` in each thread before it renders.
 */
export async function readSharedFontFiles(options: ResolveFontsOptions = {}): Promise<Map<string, Uint8Array>> {
  const { configuredDirs, systemDirs } = settingsOf(options);
  const paths = listFiles(options, configuredDirs, systemDirs);
  const files = new Map<string, Uint8Array>();
  // A file that cannot be read here is read (and reported) by each thread's own resolution.
  await Promise.all([...paths].map(async (path) => readWhole(path, true).then((bytes) => files.set(path, bytes), () => undefined)));
  return files;
}

/**
 * Font files read by `readSharedFontFiles` in another thread: this thread's resolutions take
 * their bytes from there instead of reading the files again. The bytes are the same, and so is
 * every output.
 */
export function useSharedFontFiles(files: ReadonlyMap<string, Uint8Array>): void {
  for (const [path, bytes] of files) if (!shared.has(path)) shared.set(path, bytes);
}

/** A whole file in one read where the platform allows (fs/promises' readFile reads 512 KiB at a time). */
async function readWhole(path: string, intoShared = false): Promise<Uint8Array> {
  const known = shared.get(path);
  if (known && !intoShared) return known;
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const buffer = intoShared ? Buffer.from(new SharedArrayBuffer(size)) : Buffer.allocUnsafe(size);
    let at = 0;
    while (at < size) {
      const { bytesRead } = await file.read(buffer, at, size - at, at);
      if (!bytesRead) break;
      at += bytesRead;
    }
    return at === size ? buffer : buffer.subarray(0, at);
  } finally {
    await file.close();
  }
}

type Reason = RoleExplanation['reason'];
interface Choice {
  font: LoadedFont;
  reason: Reason;
}

function resolveUncached(options: ResolveFontsOptions, configuredDirs: string[], systemDirs: readonly string[]): ResolveFontsResult {
  const diagnostics: Diagnostic[] = [];
  const configuredFaces = scanFolders(configuredDirs);
  const installedFaces = scanFolders(systemDirs);
  for (const dir of configuredDirs) {
    if (!scanFolders([dir]).length) {
      diagnostics.push(
        warning('fonts/empty-folder', say(options.lang, `配置的字体目录 ${dir} 中没有字体文件`, `no font files found in the configured folder ${dir}`), {
          hint: say(options.lang, '请检查 --font-dir 和 GONGWEN_FONT_DIR', 'check --font-dir and GONGWEN_FONT_DIR'),
        }),
      );
    }
  }

  const choices = {} as Record<FontRole, Choice[]>;
  for (const role of allRoles) {
    const list: Choice[] = [];
    const file = options.files?.[role];
    if (file) {
      const f = loadFile(file, 'configured');
      if (f) list.push({ font: f, reason: 'configured-file' });
      else
        diagnostics.push(
          error('fonts/unreadable', say(options.lang, `为 ${role} 配置的字体文件无法读取或不是字体：${file}`, `the font file configured for ${role} cannot be read as a font: ${file}`), {
            hint: say(options.lang, '请指定 .ttf、.otf 或 .ttc 字体文件', 'give a .ttf, .otf or .ttc file'),
          }),
        );
    }
    const user = options.families?.[role] ?? [];
    const official = [...user, ...officialFamilies[role]];
    const names = [...official, ...(lookAlikeFamilies[role] ?? [])];
    const fromFolder = bestFace(configuredFaces, names);
    if (fromFolder) list.push({ font: loadFace(fromFolder.face, 'configured', names[fromFolder.rank]!), reason: 'configured-folder' });
    const installed = bestFace(installedFaces, names);
    if (installed) {
      list.push({
        font: loadFace(installed.face, 'installed', names[installed.rank]!),
        reason: installed.rank < official.length ? 'installed-official' : 'installed-look-alike',
      });
    }
    if (options.bundled !== false) {
      const b = bundledFaces[role];
      const f = loadFile(join(dirname(requireFrom(b.pkg)), b.file), 'bundled');
      if (f) list.push({ font: f, reason: 'bundled-stand-in' });
    }
    choices[role] = dedupe(list);
  }

  // Fonts of configured folders that serve no role, and every other role's fonts, back up each chain:
  // a rare character in a name is better drawn in a neighbouring face than not at all.
  const extras = configuredFaces.map((f) => loadFace(f, 'configured', f.families[0] ?? basename(f.path)));
  const fonts = {} as Record<FontRole, LoadedFont[]>;
  for (const role of allRoles) {
    const own = choices[role].map((c) => c.font);
    const others = allRoles.flatMap((r) => choices[r].map((c) => c.font));
    fonts[role] = dedupe([...own, ...extras, ...others]);
    if (!fonts[role].length) {
      diagnostics.push(
        error('fonts/missing', say(options.lang, `找不到用于 ${role} 的字体（${officialFamilies[role][0]}）`, `no font found for ${role} (${officialFamilies[role][0]})`), {
          hint: say(options.lang, '请安装该字体，或用 --font-dir / GONGWEN_FONT_DIR 指定字体目录', 'install the font, or give one with --font-dir or GONGWEN_FONT_DIR'),
        }),
      );
    }
  }
  Object.freeze(fonts);

  const explanation = allRoles.map((role): RoleExplanation => {
    const first = choices[role][0];
    const wanted = officialFamilies[role][0]!;
    const fallbacks = fonts[role].slice(1).map((f) => f.postscriptName);
    if (!first) return { role, wanted, reason: 'missing', exact: false, fallbacks };
    const { family, path, face, source, outlines } = first.font;
    const exact = first.reason === 'configured-file' || first.reason === 'installed-official' || (first.reason === 'configured-folder' && officialOrUser(first.font.family, role, options));
    const b = bundledFaces[role];
    const standIn = first.reason === 'bundled-stand-in' ? { standIn: { for: b.standsInFor, ...(b.note ? { note: b.note } : {}) } } : {};
    return { role, wanted, font: { family, path, ...(face ? { face } : {}), source, outlines }, reason: first.reason, exact, fallbacks, ...standIn };
  });
  return { fonts, diagnostics, explain: () => explanation };
}

function officialOrUser(family: string, role: FontRole, options: ResolveFontsOptions): boolean {
  return [...(options.families?.[role] ?? []), ...officialFamilies[role]].some((n) => norm(n) === norm(family));
}

const norm = (s: string): string => s.toLowerCase().replace(/[\s_-]+/g, '');

/** The face matching the earliest name; among equals a Regular, single-face, TrueType-outline file first. */
function bestFace(faces: readonly FoundFace[], names: readonly string[]): { face: FoundFace; rank: number } | undefined {
  const wanted = names.map(norm);
  let best: { face: FoundFace; rank: number; score: number[] } | undefined;
  for (const face of faces) {
    const rank = Math.min(...face.families.map((f) => wanted.indexOf(norm(f))).filter((i) => i >= 0));
    if (!Number.isFinite(rank)) continue;
    const regular = /^(regular|normal|book|roman|常规|標準|标准)$/i.test(face.subfamily) ? 0 : 1;
    const score = [rank, regular, face.face ? 1 : 0, face.outlines === 'truetype' ? 0 : 1];
    if (!best || compare(score, best.score) < 0 || (compare(score, best.score) === 0 && face.path < best.face.path)) best = { face, rank, score };
  }
  return best && { face: best.face, rank: best.rank };
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

function dedupe<T extends LoadedFont | Choice>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((x) => {
    const id = 'id' in x ? x.id : x.font.id;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function loadFace(face: FoundFace, source: FontSource, matchedName: string): LoadedFont {
  const existing = loaded.get(cacheKey(face.path, face.face));
  if (existing) return existing;
  if (listing) {
    listing.add(face.path);
    return listed(face, source);
  }
  const bytes = prefetched.get(face.path) ?? shared.get(face.path) ?? readFileSync(face.path);
  const parsed = fontkit().create(bytes, face.face) as ParsedFont;
  const family = face.families.find((f) => norm(f) === norm(matchedName)) ?? face.families[0] ?? parsed.familyName;
  return remember({ path: face.path, face: face.face, family, outlines: face.outlines, source, bytes, font: parsed });
}

/**
 * A configured or bundled file: its first face (the Regular of a collection, by convention), or
 * the face named after a `#`, as in `simsun.ttc#SimSun`.
 */
function loadFile(spec: string, source: FontSource): LoadedFont | undefined {
  const hash = spec.lastIndexOf('#');
  const path = hash > 0 ? spec.slice(0, hash) : spec;
  const wanted = hash > 0 ? spec.slice(hash + 1) : undefined;
  const names = readFontFileNames(path);
  const first = wanted ? names?.faces.find((f) => f.postscriptName === wanted || f.families.includes(wanted)) : names?.faces[0];
  if (!names || !first) return undefined;
  try {
    return loadFace({ ...first, path, ...(names.collection ? { face: first.postscriptName } : {}) }, source, first.families[0] ?? basename(path));
  } catch {
    return undefined;
  }
}

function remember(f: Omit<LoadedFont, 'id' | 'postscriptName'> & { face: string | undefined }): LoadedFont {
  const key = cacheKey(f.path, f.face);
  const postscriptName = f.font.postscriptName;
  const font: LoadedFont = Object.freeze({
    id: uniqueFontId(postscriptName || basename(f.path)),
    family: f.family,
    postscriptName,
    path: f.path,
    ...(f.face ? { face: f.face } : {}),
    outlines: f.outlines,
    source: f.source,
    bytes: f.bytes,
    font: f.font,
  });
  loaded.set(key, font);
  return font;
}

const cacheKey = (path: string, face: string | undefined): string => (face ? `${path}#${face}` : path);

/** What a listing resolution puts where a font would be: its names, no bytes. */
function listed(face: FoundFace, source: FontSource): LoadedFont {
  return {
    id: cacheKey(face.path, face.face),
    family: face.families[0] ?? basename(face.path),
    postscriptName: face.postscriptName,
    path: face.path,
    ...(face.face ? { face: face.face } : {}),
    outlines: face.outlines,
    source,
    bytes: new Uint8Array(0),
    font: undefined as unknown as ParsedFont,
  };
}


const require = createRequire(import.meta.url);
const requireFrom = (pkg: string): string => require.resolve(`${pkg}/package.json`);

let fontkitModule: typeof import('fontkit') | undefined;
/**
 * fontkit, loaded when the first font is parsed rather than at import, as the one module pdfkit
 * loads too (one copy of its code and data per process). Built, this package ships its own
 * (dist/fontkit.cjs: adapted, and loading what text set without shaping never needs on first use);
 * its sources adapt the installed fontkit the same way.
 */
export function fontkit(): typeof import('fontkit') {
  if (fontkitModule) return fontkitModule;
  const shipped = new URL('./fontkit.cjs', import.meta.url);
  fontkitModule = existsSync(shipped) ? (require(fileURLToPath(shipped)) as typeof import('fontkit')) : adaptFontkit(require('fontkit') as typeof import('fontkit'));
  return fontkitModule;
}
