import { error, type Diagnostic, type Lang } from '@gongwen/diagnostics';
import type { FontSet } from '@gongwen/fonts';
import type { Document } from '@gongwen/model';
import { buildDocDefinition } from './doc-definition.js';
import { pageModel, type LaidOutPage, type PdfmakePage } from './page-model.js';
import { pdfmake, registerFonts } from './pdfmake.js';

export interface RenderPdfOptions {
  /** Compress page streams (default true); false makes the PDF readable in a text editor. */
  compress?: boolean;
  /** Language of diagnostics (default Chinese). */
  lang?: Lang;
  /** Also return the laid-out pages as drawn (for another fixed-layout writer such as OFD). */
  pages?: boolean;
}

export interface RenderPdfResult {
  pdf: Uint8Array;
  diagnostics: Diagnostic[];
  /** The pages as the PDF draws them, in mm; present when `pages` was asked for. */
  pages?: LaidOutPage[];
}

/**
 * Renders a Document to a GB/T 9704 PDF. Same document and fonts, same bytes: the creation date
 * comes from the document and the file ID from its metadata.
 */
export async function renderPdf(doc: Document, fonts: FontSet, options: RenderPdfOptions = {}): Promise<RenderPdfResult> {
  const diagnostics: Diagnostic[] = [];
  const signature = doc.signature;
  if (signature?.seals.length) {
    const seals = signature.seals.filter((seal, i) => {
      if (isPng(seal.image) || isJpeg(seal.image)) return true;
      diagnostics.push(
        options.lang === 'en'
          ? error('render/bad-seal-image', `the seal image of ${seal.organ} is neither PNG nor JPEG`, { path: `signature.seals[${i}]`, hint: 'give a PNG (transparent background) or JPEG seal image' })
          : error('render/bad-seal-image', `印章图片不是 PNG 或 JPEG（${seal.organ}）`, { path: `signature.seals[${i}]`, hint: '请提供 PNG（可带透明背景）或 JPEG 格式的印章图片' }),
      );
      return false;
    });
    doc = { ...doc, signature: { ...signature, seals } };
  }
  const pm = pdfmake();
  pm.setFonts(registerFonts(fonts));
  const definition = { ...buildDocDefinition(doc, fonts), compress: options.compress ?? true };
  const output = pm.createPdf(definition);
  const buffer = await output.getBuffer();
  const pdf = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (!options.pages) return { pdf, diagnostics };
  // pdfmake keeps the pages it laid out and drew on the pdfkit document.
  const laidOut = ((await output.getStream()) as { _pdfMakePages?: PdfmakePage[] })._pdfMakePages ?? [];
  return { pdf, diagnostics, pages: pageModel(laidOut, definition.images, fonts) };
}

const isPng = (b: Uint8Array): boolean => b.length > 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
const isJpeg = (b: Uint8Array): boolean => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
