import type { Lang } from '@gongwen/diagnostics';
import type { FontSet } from '@gongwen/fonts';
import type { Document } from '@gongwen/model';
import { renderPdf } from '@gongwen/render-pdf';
import { writeOfd, type WriteOfdResult } from './write-ofd.js';

export interface RenderOfdOptions {
  /** Language of diagnostics (default Chinese). */
  lang?: Lang;
}

export interface RenderOfdResult extends WriteOfdResult {
  /** The PDF laid out in the same pass: the OFD draws its pages. */
  pdf: Uint8Array;
}

/**
 * Renders a Document to OFD: lays it out once with render-pdf and writes the pages the PDF draws,
 * so the two files carry every line, rule, picture and page number at the same place.
 */
export async function renderOfd(doc: Document, fonts: FontSet, options: RenderOfdOptions = {}): Promise<RenderOfdResult> {
  const laidOut = await renderPdf(doc, fonts, { lang: options.lang, pages: true });
  const written = await writeOfd(laidOut.pages ?? [], { meta: doc.meta, fonts, lang: options.lang });
  return { ofd: written.ofd, pdf: laidOut.pdf, diagnostics: [...laidOut.diagnostics, ...written.diagnostics] };
}
