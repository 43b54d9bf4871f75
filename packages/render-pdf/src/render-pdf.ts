import type { Diagnostic } from '@gongwen/diagnostics';
import type { FontSet } from '@gongwen/fonts';
import type { Document } from '@gongwen/model';
import { buildDocDefinition } from './doc-definition.js';
import { pdfmake, registerFonts } from './pdfmake.js';

export interface RenderPdfOptions {
  /** Compress page streams (default true); false makes the PDF readable in a text editor. */
  compress?: boolean;
}

export interface RenderPdfResult {
  pdf: Uint8Array;
  diagnostics: Diagnostic[];
}

/**
 * Renders a Document to a GB/T 9704 PDF. Same document and fonts, same bytes: the creation date
 * comes from the document and the file ID from its metadata.
 */
export async function renderPdf(doc: Document, fonts: FontSet, options: RenderPdfOptions = {}): Promise<RenderPdfResult> {
  const pm = pdfmake();
  pm.setFonts(registerFonts(fonts));
  const definition = { ...buildDocDefinition(doc, fonts), compress: options.compress ?? true };
  const buffer = await pm.createPdf(definition).getBuffer();
  return { pdf: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), diagnostics: [] };
}
