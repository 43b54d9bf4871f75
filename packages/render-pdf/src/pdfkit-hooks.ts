// What gongwen's PDFs need from pdfkit beyond its options, installed at run time on the pdfkit
// class that pdfmake draws with (test/upstream.test.ts checks it is the same class, names the
// pdfkit version these hooks were checked against and fails when what they rely on changes):
//
// - every stream is deflated by one implementation on every platform (fflate), not by the
//   platform's zlib: Node's zlib and a browser's write different (equally valid) streams, and a
//   PDF must have the same bytes in both;
// - every font a document opens is prepared for a font parsed once per process (./embedded-font.ts).
import PDFKit from 'pdfkit';
import { prepareEmbeddedFont, type EmbeddedFont } from './embedded-font.js';

export type Deflate = (data: Uint8Array) => Buffer;

/** pdfkit's PDFReference (an indirect object, with its stream), as far as the hook reads it. */
interface Reference {
  compress: boolean;
  buffer: Uint8Array[] | Buffer;
  finalize(): void;
}
/** png-js's PNG, as pdfkit's PNGImage holds it. */
interface Png {
  colors: number;
  bits: number;
  interlaceMethod: number;
  transparency: { indexed?: ArrayLike<number> };
  decodePixels(callback: (pixels: Buffer) => void): void;
}
/** pdfkit's PNGImage, as far as the hook reads it. */
interface PngImage {
  image: Png;
  width: number;
  height: number;
  imgData: Uint8Array;
  alphaChannel?: Uint8Array;
  finalize(): void;
  splitAlphaChannel(): void;
  loadIndexedAlphaChannel(): void;
  decodeData(): void;
}
interface Document {
  _font?: EmbeddedFont;
  font(...args: unknown[]): Document;
  openImage(src: unknown): unknown;
  ref(data?: object): Reference;
}

export const pdfkitDocument = PDFKit as unknown as { prototype: Document };

/** The prototype of pdfkit's PDFReference, from a reference made for no document. */
export function referencePrototype(): Reference {
  const scratch = { _offsets: [] as unknown[], _waiting: 0, compress: false };
  return Object.getPrototypeOf(pdfkitDocument.prototype.ref.call(scratch as unknown as Document)) as Reference;
}

/** pdfkit's own methods the hooks replaced (test/upstream.test.ts fingerprints them). */
export const replacedPdfkitMethods: Record<string, unknown> = {};

let installed = false;

/** Installs the hooks once per process (a later call changes nothing). */
export function installPdfkitHooks(deflate: Deflate): void {
  if (installed) return;
  installed = true;
  const document = pdfkitDocument.prototype;

  // A stream pdfkit would deflate is deflated here and handed on as already written.
  const reference = referencePrototype();
  const finalize = reference.finalize;
  replacedPdfkitMethods['PDFDocument#ref'] = document.ref;
  reference.finalize = function (this: Reference) {
    if (this.compress && this.buffer.length) {
      this.buffer = [deflate(Buffer.concat(this.buffer as Uint8Array[]))];
      this.compress = false;
    }
    finalize.call(this);
  };

  // PNG images whose pixels pdfkit decodes (an alpha channel, transparent palette entries,
  // interlacing) are deflated again after decoding; the same steps as pdfkit's own, but deflated here.
  let pngHooked = false;
  const openImage = document.openImage;
  replacedPdfkitMethods['PDFDocument#openImage'] = openImage;
  document.openImage = function (this: Document, src: unknown) {
    const image = openImage.call(this, src) as PngImage;
    if (!pngHooked && typeof image?.splitAlphaChannel === 'function') {
      pngHooked = true;
      deflatePngHere(Object.getPrototypeOf(image) as PngImage, deflate);
    }
    return image;
  };

  const font = document.font;
  replacedPdfkitMethods['PDFDocument#font'] = font;
  document.font = function (this: Document, ...args: unknown[]) {
    const result = font.apply(this, args);
    prepareEmbeddedFont(this._font);
    return result;
  };
}

function deflatePngHere(png: PngImage, deflate: Deflate): void {
  png.splitAlphaChannel = function (this: PngImage) {
    this.image.decodePixels((pixels) => {
      const colors = this.image.colors;
      // 16-bit samples keep their high byte, as pdfkit does.
      const step = this.image.bits === 16 ? 2 : 1;
      const count = this.width * this.height;
      const colour = Buffer.alloc(count * colors);
      const alpha = Buffer.alloc(count);
      let from = 0;
      let to = 0;
      for (let p = 0; p < count && from < pixels.length; p++) {
        for (let c = 0; c < colors; c++, from += step) colour[to++] = pixels[from]!;
        alpha[p] = pixels[from]!;
        from += step;
      }
      this.imgData = deflate(colour);
      this.alphaChannel = deflate(alpha);
      this.finalize();
    });
  };
  png.loadIndexedAlphaChannel = function (this: PngImage) {
    const transparency = this.image.transparency.indexed!;
    const interlaced = this.image.interlaceMethod === 1;
    this.image.decodePixels((pixels) => {
      const alpha = Buffer.alloc(this.width * this.height);
      for (let i = 0; i < pixels.length; i++) alpha[i] = transparency[pixels[i]!]!;
      if (interlaced) this.imgData = deflate(Buffer.from(pixels));
      this.alphaChannel = deflate(alpha);
      this.finalize();
    });
  };
  png.decodeData = function (this: PngImage) {
    this.image.decodePixels((pixels) => {
      this.imgData = deflate(pixels);
      this.finalize();
    });
  };
}
