import { error, type Diagnostic, type Lang, type Result } from '@gongwen/diagnostics';
import type { FontSet } from '@gongwen/fonts';
import type { Document } from '@gongwen/model';
import { buildDocDefinition } from './doc-definition.js';
import { pageModel, type LaidOutPage, type PdfmakePage } from './page-model.js';
import type { TableLayout } from './table.js';
import { pdfmake, registerFonts } from './pdfmake.js';

export interface RenderPdfOptions {
  /** Compress page streams (default true); false makes the PDF readable in a text editor. */
  compress?: boolean;
  /** Language of diagnostics (default Chinese). */
  lang?: Lang;
  /** Also return the laid-out pages as drawn (for another fixed-layout writer such as OFD). */
  pages?: boolean;
}

export interface RenderPdfResult extends Result {
  pdf: Uint8Array;
  diagnostics: Diagnostic[];
  /**
   * A blank page stands before the 版记 page (the text ended on an even page), so neither is
   * numbered (7.5). A DOCX of the same document can be told so (`renderDocx`'s option of the
   * same name): a word processor cannot decide it.
   */
  endMatterAfterBlankPage: boolean;
  /**
   * Where the last line of the body's last paragraph starts (UTF-16 offset into its text), when a
   * signature takes that line along: `renderDocx`'s option of the same name splits the paragraph
   * there, exactly where this PDF breaks it.
   */
  lastBodyLineStart?: number;
  /**
   * For each table in document order (the body's, then the attachments'), as this PDF lays it
   * out: `rowLines`, each row's height in grid lines (header rows first; a wrapped cell's lines),
   * and `breaks`, the body rows (0-based in its `rows`) that end a page. `renderDocx`'s option of
   * the same name gives its rows the same heights and closes a 三线表's part on each page with its
   * bottom rule there, as this PDF does.
   */
  tables: TableLayout[];
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
  if (signature?.stamps?.length) {
    const stamps = signature.stamps.filter((stamp, i) => {
      if (isPng(stamp.image) || isJpeg(stamp.image)) return true;
      diagnostics.push(
        options.lang === 'en'
          ? error('render/bad-seal-image', `the signature stamp of ${stamp.title} is neither PNG nor JPEG`, { path: `signature.signatories[${i}].stamp`, hint: 'give a PNG (transparent background) or JPEG stamp image' })
          : error('render/bad-seal-image', `签名章图片不是 PNG 或 JPEG（${stamp.title}）`, { path: `signature.signatories[${i}].stamp`, hint: '请提供 PNG（可带透明背景）或 JPEG 格式的签名章图片' }),
      );
      return false;
    });
    doc = { ...doc, signature: { ...doc.signature!, stamps } };
  }
  const pm = pdfmake();
  pm.setFonts(registerFonts(fonts));
  const make = async (d: Document) => {
    const { endMatterAfterBlankPage, lastBodyLineStart, tables, ...built } = buildDocDefinition(d, fonts);
    const definition = { ...built, compress: options.compress ?? true };
    const output = pm.createPdf(definition);
    const buffer = await output.getBuffer();
    const pdf = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    // pdfmake keeps the pages it laid out and drew on the pdfkit document.
    const pages = options.pages ? { pages: pageModel(((await output.getStream()) as { _pdfMakePages?: PdfmakePage[] })._pdfMakePages ?? [], definition.images, fonts) } : {};
    return { pdf, diagnostics, endMatterAfterBlankPage: endMatterAfterBlankPage(), tables: tables(), ...(lastBodyLineStart !== undefined ? { lastBodyLineStart } : {}), ...pages };
  };
  if (!doc.signature?.seals.length && !doc.signature?.stamps?.length) return await make(doc);
  try {
    return await make(doc);
  } catch (e) {
    // A seal whose header is sound but whose pixels cannot be decoded: if the document renders
    // without its seals, the images were the cause, and the caller is told so instead of getting an exception.
    await make({ ...doc, signature: { ...doc.signature!, seals: [], stamps: [] } });
    const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return {
      pdf: new Uint8Array(),
      endMatterAfterBlankPage: false,
      tables: [],
      diagnostics: [
        ...diagnostics,
        options.lang === 'en'
          ? error('render/bad-seal-image', `a seal image cannot be decoded: ${reason}`, { path: 'signature.seals', hint: 'export the seal again as PNG or JPEG from an image editor' })
          : error('render/bad-seal-image', `印章图片无法解码：${reason}`, { path: 'signature.seals', hint: '请用图片编辑器把印章重新导出为 PNG 或 JPEG' }),
      ],
    };
  }
}

const isPng = (b: Uint8Array): boolean => b.length > 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
const isJpeg = (b: Uint8Array): boolean => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
