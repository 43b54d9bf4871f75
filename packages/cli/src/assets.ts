import { readFileSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';

/**
 * Reads the files a report refers to (seal images), relative to the report's folder. A path that
 * leaves that folder — `..`, an absolute path, or a symbolic link pointing out — is refused, so
 * report data cannot make the renderer read arbitrary files.
 */
export function assetReader(reportPath: string): (ref: string) => Uint8Array | undefined {
  const root = realpathSync(dirname(reportPath));
  return (ref) => {
    if (isAbsolute(ref) || ref.includes('\0')) return undefined;
    try {
      const real = realpathSync(resolve(root, ref));
      const rel = relative(root, real);
      if (!rel || rel.startsWith('..') || isAbsolute(rel)) return undefined;
      return readFileSync(real);
    } catch {
      return undefined;
    }
  };
}
