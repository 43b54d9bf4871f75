import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PdfReadError } from './pdf-read-error.js';

export type PdfDocument = Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
export type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;
export { pdfjs };

/** The PDF header may sit after some junk bytes; readers accept it within the first 1 KiB. */
const HEADER_WINDOW = 1024;

function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, HEADER_WINDOW));
  return head.includes('%PDF-');
}

/**
 * Opens a PDF for measuring only: no worker thread, no font faces, no system fonts, no
 * network; warnings silenced (text positions do not need standard font data).
 */
export async function loadPdf(bytes: Uint8Array, lang: 'zh' | 'en' = 'zh'): Promise<PdfDocument> {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0 || !hasPdfHeader(bytes)) {
    throw new PdfReadError('not-pdf', { lang });
  }
  // pdfjs takes ownership of the buffer it is given and refuses a Node Buffer: hand it a plain
  // Uint8Array copy (Buffer#slice would share memory), so the caller's bytes stay usable.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    return await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    const name = err instanceof Error ? err.name : '';
    if (name === 'PasswordException') throw new PdfReadError('encrypted', { lang });
    const detail = err instanceof Error ? err.message : String(err);
    throw new PdfReadError('damaged', { lang, detail });
  }
}
