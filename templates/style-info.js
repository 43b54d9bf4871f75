import { loadYaml } from '@gongwen/schema';

/**
 * What a style's manifest says about it in one line each (its description, its region), read with
 * the one YAML loader; no file system, so a browser lists the bundled styles the same way.
 */
export function styleSummary(manifestText) {
  const { data } = loadYaml(manifestText ?? '');
  const manifest = data && typeof data === 'object' && !Array.isArray(data) ? data : {};
  const summary = {};
  for (const key of ['description', 'region']) {
    const value = manifest[key];
    // A folded scalar joins its lines with a space; Chinese text has no spaces between characters.
    if (typeof value === 'string' && value.trim()) summary[key] = value.trim().replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, '');
  }
  return summary;
}
