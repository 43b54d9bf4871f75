import { loadYaml } from '@gongwen/schema';

/** A top-level text of a style's manifest (its description, its region), read with the one YAML loader. */
export function manifestField(text: string, key: string): string | undefined {
  const { data } = loadYaml(text);
  const value = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>)[key] : undefined;
  if (typeof value !== 'string' || !value.trim()) return undefined;
  // A folded scalar joins its lines with a space; Chinese text has no spaces between characters.
  return value.trim().replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, '');
}
