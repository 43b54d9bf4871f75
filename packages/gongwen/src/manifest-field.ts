import { loadYaml } from '@gongwen/schema';

/** A top-level text of a style's manifest (its description, its region), read with the one YAML loader. */
export function manifestField(text: string, key: string): string | undefined {
  const { data } = loadYaml(text);
  const value = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}
