import { closeSync, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';

/**
 * Reads the files a report refers to (seal images), relative to the report's folder. A path that
 * leaves that folder — `..`, an absolute path, or a symbolic link pointing out — is refused, so
 * report data cannot make the renderer read arbitrary files.
 */
export function assetReader(reportPath: string): (ref: string, maxBytes?: number) => Uint8Array | undefined {
  const root = realpathSync(dirname(reportPath));
  return (ref, maxBytes = Number.MAX_SAFE_INTEGER) => {
    if (isAbsolute(ref) || ref.includes('\0')) return undefined;
    try {
      const real = realpathSync(resolve(root, ref));
      const rel = relative(root, real);
      if (!rel || rel.startsWith('..') || isAbsolute(rel)) return undefined;
      // Only plain files: a FIFO or a device would block the read or never end.
      if (!statSync(real).isFile()) return undefined;
      return readAtMost(real, maxBytes + 1);
    } catch {
      return undefined;
    }
  };
}

/** The file's bytes, but no more than `limit` of them: a huge file costs no memory to refuse. */
function readAtMost(path: string, limit: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const size = Math.min(fstatSync(fd).size, limit);
    const bytes = Buffer.alloc(size);
    let at = 0;
    while (at < size) {
      const n = readSync(fd, bytes, at, size - at, at);
      if (n === 0) break;
      at += n;
    }
    return bytes.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}
