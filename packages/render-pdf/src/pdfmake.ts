import { rememberingDeflate } from '@gongwen/zip';
import { zlibSync } from 'fflate';
import pdfmakeModule from 'pdfmake';
import type { FontSet, LoadedFont } from '@gongwen/fonts';
import { installPdfkitHooks } from './pdfkit-hooks.js';
import { installPdfmakeHooks } from './pdfmake-hooks.js';
import { installTableBreakRule } from './table-break-rule.js';

interface PdfMake {
  virtualfs: { writeFileSync(name: string, data: Buffer): void; existsSync(name: string): boolean };
  setFonts(fonts: Record<string, Record<string, string | [string, string]>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(definition: object): { getBuffer(): Promise<Buffer>; getStream(): Promise<unknown> };
}

let instance: PdfMake | undefined;

/**
 * The pdfmake singleton, with remote and local file access switched off: fonts and images come
 * from memory, and gongwen's hooks installed on pdfmake and pdfkit (./pdfmake-hooks.ts,
 * ./pdfkit-hooks.ts). Streams are deflated by fflate, not the platform's zlib: Node's zlib and a
 * browser's write different (equally valid) streams, and a PDF must have the same bytes in both. A
 * font program that comes again (the same glyphs as in a document before) is not deflated again:
 * the large streams deflated last are kept (page contents, smaller and new in every document, are not).
 */
export function pdfmake(): PdfMake {
  if (!instance) {
    const deflate = rememberingDeflate((data) => Buffer.from(zlibSync(data, { level: 6 })), { entries: 6, smallest: 16 * 1024, largest: 1024 * 1024 });
    installPdfkitHooks((data) => {
      const out = deflate(data);
      return Buffer.isBuffer(out) ? out : Buffer.from(out);
    });
    installPdfmakeHooks();
    installTableBreakRule();
    instance = pdfmakeModule as PdfMake;
    instance.setUrlAccessPolicy(() => false);
    instance.setLocalAccessPolicy(() => false);
  }
  return instance;
}

const registered = new Set<string>();

/**
 * Puts every font of the set into pdfmake's virtual file system once per process and returns fresh
 * font descriptors: pdfmake writes into a collection's descriptor array, so it is never reused.
 */
export function registerFonts(fonts: FontSet): Record<string, Record<string, string | [string, string]>> {
  const pm = pdfmake();
  const all = new Map<string, LoadedFont>();
  for (const chain of Object.values(fonts)) for (const f of chain) all.set(f.id, f);
  const descriptors: Record<string, Record<string, string | [string, string]>> = {};
  for (const [id, f] of [...all].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const file = `${id}.font`;
    if (!registered.has(file)) {
      pm.virtualfs.writeFileSync(file, Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength));
      registered.add(file);
    }
    const src = (): string | [string, string] => (f.face ? [file, f.face] : file);
    // Styles must all be defined; there are no synthetic bold or italic faces in a 公文.
    descriptors[id] = { normal: src(), bold: src(), italics: src(), bolditalics: src() };
  }
  return descriptors;
}
