/**
 * A top-level scalar of the manifest, read without a YAML parser so that listing stays cheap:
 * a plain or quoted value on the key's line, or a block (`>` / `|`) on the indented lines below.
 */
export function manifestField(text: string, key: string): string | undefined {
  const lines = text.split(/\r?\n/);
  const at = lines.findIndex((l) => l.startsWith(`${key}:`));
  if (at < 0) return undefined;
  const value = lines[at]!.slice(key.length + 1).replace(/\s+#.*$/, '').trim();
  if (value && !/^[>|][+-]?$/.test(value)) return value.replace(/^(['"])(.*)\1$/, '$2');
  const block: string[] = [];
  for (const line of lines.slice(at + 1)) {
    if (line.trim() && !/^\s/.test(line)) break;
    block.push(line.trim());
  }
  const joined = (value.startsWith('|') ? block.join('\n') : block.join('')).trim();
  return joined || undefined;
}
