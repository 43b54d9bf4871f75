import { readFileSync } from 'node:fs';
import { error, type Diagnostic, type Lang } from '@gongwen/diagnostics';
import type { InputFile } from './inputs.js';
import { say } from './messages.js';

/** The diagnostics of one input, with its text for the excerpts under each message. */
export interface FileReport {
  path: string;
  diagnostics: Diagnostic[];
  source?: string;
}

/**
 * Runs `check` on the bytes of every input (the schema names a wrong encoding from the bytes);
 * an argument that matched nothing, or a file that cannot be read, becomes a report of its own.
 */
export async function checkFiles(
  files: readonly InputFile[],
  missing: readonly string[],
  lang: Lang,
  check: (file: InputFile, bytes: Uint8Array) => Promise<{ diagnostics: Diagnostic[]; source?: string }>,
): Promise<FileReport[]> {
  const reports: FileReport[] = missing.map((m) => ({
    path: m,
    diagnostics: [error('io/not-found', say(lang, '没有匹配的文件', 'no such file, or nothing matches'), { file: m })],
  }));
  for (const f of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(f.abs);
    } catch (e) {
      reports.push({ path: f.path, diagnostics: [error('io/read', (e as Error).message, { file: f.path })] });
      continue;
    }
    const result = await check(f, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    reports.push({
      path: f.path,
      diagnostics: result.diagnostics.map((d) => (d.file ? d : { ...d, file: f.path })),
      source: result.source ?? bytes.toString('utf8'),
    });
  }
  return reports;
}
