import { checkMeasurements, checkPdf, type CheckOptions } from './check-pdf.js';
import type { CheckReport } from './check-report.js';
import { measureOfd } from './measure-ofd.js';
import { OfdReadError } from './ofd-read-error.js';

/** What a file is, told from its first bytes (not its name): a PDF, an OFD (a zip package), or neither. */
export function fileKind(bytes: Uint8Array): 'pdf' | 'ofd' | undefined {
  if (!(bytes instanceof Uint8Array)) return undefined;
  // Readers accept a PDF header within the first 1 KiB.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'ofd';
  return undefined;
}

/**
 * Measures an OFD against GB/T 9704-2012 with the same rules as `checkPdf`. Rejects with an
 * `OfdReadError` when the bytes are not a readable OFD.
 */
export async function checkOfd(bytes: Uint8Array, options: CheckOptions = {}): Promise<CheckReport> {
  const m = await measureOfd(bytes, options.lang ? { lang: options.lang } : {});
  return checkMeasurements(m, {
    ...(options.expectedText ? { expectedText: options.expectedText } : {}),
    ...(options.extraRules ? { extraRules: options.extraRules } : {}),
  });
}

/**
 * Measures a PDF or an OFD, whichever the bytes are (`fileKind`). Rejects with a `PdfReadError`
 * or an `OfdReadError` for a damaged file, and an `OfdReadError` with code `unknown-kind` for
 * anything else.
 */
export async function checkFile(bytes: Uint8Array, options: CheckOptions = {}): Promise<CheckReport & { kind: 'pdf' | 'ofd' }> {
  const kind = fileKind(bytes);
  if (kind === 'pdf') return { kind, ...(await checkPdf(bytes, options)) };
  if (kind === 'ofd') return { kind, ...(await checkOfd(bytes, options)) };
  throw new OfdReadError('unknown-kind', options.lang ? { lang: options.lang } : {});
}
