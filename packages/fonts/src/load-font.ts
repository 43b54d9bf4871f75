import type { FontRole } from '@gongwen/model';
import { allRoles } from './families.js';
import { uniqueFontId, type FontSet, type FontSource, type LoadedFont, type ParsedFont } from './font-set.js';

export interface LoadFontOptions {
  /** Where the bytes came from (a URL, a file name); shown by `gongwen fonts` and in messages. */
  path?: string;
  /** PostScript name of the face to use inside a TrueType collection. */
  face?: string;
  /** The family name the face was chosen by; by default its own. */
  family?: string;
  source?: FontSource;
}

/** fontkit's `create`: the CommonJS copy pdfkit shares in Node, the bundled one in a browser. */
export type CreateFont = (bytes: Uint8Array, postscriptName?: string) => unknown;

/**
 * A font from its bytes, for callers that have no file system (a browser, a service holding
 * fonts in memory): parsed once here, then used by every render like a font found on disk.
 */
export function loadFontWith(create: CreateFont, bytes: Uint8Array, options: LoadFontOptions = {}): LoadedFont {
  const parsed = create(bytes, options.face) as unknown as ParsedFont & { directory?: { tables?: Record<string, unknown> } };
  const postscriptName = parsed.postscriptName;
  return Object.freeze({
    id: uniqueFontId(postscriptName || options.path || 'font'),
    family: options.family ?? parsed.familyName,
    postscriptName,
    path: options.path ?? `${postscriptName}.ttf`,
    ...(options.face ? { face: options.face } : {}),
    outlines: parsed.directory?.tables && 'CFF ' in parsed.directory.tables ? 'cff' : 'truetype',
    source: options.source ?? 'configured',
    bytes,
    font: parsed,
  });
}

/**
 * A FontSet from the fonts chosen per role, chained as `resolveFonts` chains them: a role's own
 * fonts first, then every other role's fonts, so a rare character is drawn by a neighbouring face.
 */
export function fontSetOf(byRole: Partial<Record<FontRole, readonly LoadedFont[]>>): FontSet {
  const others = allRoles.flatMap((r) => byRole[r] ?? []);
  const set = {} as Record<FontRole, LoadedFont[]>;
  for (const role of allRoles) set[role] = uniqueFonts([...(byRole[role] ?? []), ...others]);
  return Object.freeze(set);
}

function uniqueFonts(list: readonly LoadedFont[]): LoadedFont[] {
  const seen = new Set<string>();
  return list.filter((f) => !seen.has(f.id) && Boolean(seen.add(f.id)));
}
