import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import { unzlibSync, zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { resolveFonts } from '@gongwen/fonts';
import { renderPdf } from '../src/index.js';
import { pdfmake, registerFonts } from '../src/pdfmake.js';
import { pdfkitDocument, referencePrototype, replacedPdfkitMethods } from '../src/pdfkit-hooks.js';
import { pdfmakeRenderer, pdfmakeTextInlines } from '../src/pdfmake-hooks.js';
import { pdfmakeTableProcessor } from '../src/table-break-rule.js';
import { fullDocument } from './fixtures.js';

// gongwen's hooks on pdfmake and pdfkit (src/pdfmake-hooks.ts, src/pdfkit-hooks.ts,
// src/embedded-font.ts, src/table-break-rule.ts) were checked against these versions. An upgrade that changes a class or
// method they rely on fails here: read the new code, adapt the hooks, and record the new
// fingerprints (the failure prints them) together with the new version.
const checkedAgainst = { pdfmake: '0.3.11', pdfkit: '0.19.1' };

const requireHere = createRequire(import.meta.url);
const pdfmakeEntry = requireHere.resolve('pdfmake');
const requireFromPdfmake = createRequire(pdfmakeEntry);
const versionOf = (require: NodeJS.Require, name: string): string => (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
const sha = (f: unknown): string => createHash('sha256').update(String(f)).digest('hex').slice(0, 16);

describe(`pdfmake ${checkedAgainst.pdfmake} and pdfkit ${checkedAgainst.pdfkit}, as the hooks were checked against`, () => {
  it('are the installed versions, and pdfmake draws with the pdfkit the hooks are installed on', async () => {
    expect(versionOf(requireHere, 'pdfmake')).toBe(checkedAgainst.pdfmake);
    expect(versionOf(requireHere, 'pdfkit')).toBe(checkedAgainst.pdfkit);
    expect(requireFromPdfmake.resolve('pdfkit')).toBe(requireHere.resolve('pdfkit'));
    const fonts = resolveFonts({ systemDirs: [], env: {} }).fonts;
    await renderPdf(fullDocument(), fonts);
    const document = await pdfmake().createPdf({ content: [] }).getStream();
    expect(document).toBeInstanceOf(pdfkitDocument as unknown as new () => object);
  });

  it('keep the code the hooks rely on as it was checked', async () => {
    const embeddedFont = async () => {
      const pm = pdfmake();
      const descriptors = registerFonts(resolveFonts({ systemDirs: [], env: {} }).fonts);
      pm.setFonts(descriptors);
      const output = pm.createPdf({ content: [{ text: '一' }], defaultStyle: { font: Object.keys(descriptors)[0] } });
      const doc = (await output.getStream()) as { _font: { constructor: unknown } };
      return doc._font.constructor;
    };
    await renderPdf(fullDocument(), resolveFonts({ systemDirs: [], env: {} }).fonts);
    const png = (pdfkitDocument.prototype as unknown as { openImage(src: Buffer): object }).openImage.call({ _imageRegistry: {}, _imageCount: 0 }, readFileSync(new URL('./fixtures/seal.png', import.meta.url)));
    const actual = {
      // The reference whose finalize deflates a stream, and how a document makes one.
      PDFReference: sha(referencePrototype().constructor),
      'PDFDocument#ref': sha(replacedPdfkitMethods['PDFDocument#ref']),
      // The PNG image whose decoding steps are replaced, and how a document opens one.
      PNGImage: sha(png.constructor),
      'PDFDocument#openImage': sha(replacedPdfkitMethods['PDFDocument#openImage']),
      // The embedded font whose layoutRun and subset are replaced, and how a document opens one.
      EmbeddedFont: sha(await embeddedFont()),
      'PDFDocument#font': sha(replacedPdfkitMethods['PDFDocument#font']),
      // pdfmake's measurer, whose widthOfText is replaced, and its renderer, whose renderLine is wrapped
      // (the classes' source, which a method replaced at run time does not change).
      TextInlines: sha(pdfmakeTextInlines),
      Renderer: sha(pdfmakeRenderer),
      // pdfmake's table processor, whose endRow is wrapped (src/table-break-rule.ts).
      TableProcessor: sha(pdfmakeTableProcessor),
    };
    expect(actual).toEqual(fingerprints);
  });
});

describe('what the hooks do', () => {
  it('deflates every stream with fflate, not with the platform zlib', async () => {
    const { pdf } = await renderPdf(fullDocument(), resolveFonts({ systemDirs: [], env: {} }).fonts);
    const text = Buffer.from(pdf).toString('latin1');
    const streams = [...text.matchAll(/\/Filter \/FlateDecode[^]*?>>\nstream\n/g)].map((m) => {
      const start = m.index! + m[0].length;
      return Buffer.from(pdf.subarray(start, text.indexOf('\nendstream', start)));
    });
    expect(streams.length).toBeGreaterThan(5);
    let differsFromZlib = 0;
    for (const stream of streams) {
      const data = unzlibSync(stream);
      expect(Buffer.from(zlibSync(data, { level: 6 })).equals(stream)).toBe(true);
      if (!deflateSync(data).equals(stream)) differsFromZlib++;
    }
    expect(differsFromZlib).toBeGreaterThan(0);
  });

  it('counts character spacing once per character, a character outside the BMP once', () => {
    const measurer = new (pdfmakeTextInlines as unknown as new (doc: object) => { widthOfText(text: string, inline: object): number })({});
    const inline = { font: { widthOfString: () => 10 }, fontSize: 1, characterSpacing: 2 };
    expect(measurer.widthOfText('一', inline)).toBe(12);
    expect(measurer.widthOfText('一二三', inline)).toBe(16);
    expect(measurer.widthOfText('\u{20000}二', inline)).toBe(14);
    expect(measurer.widthOfText('一二', { ...inline, characterSpacing: 0 })).toBe(10);
  });
});

/** sha256 (first 16 hex digits) of the source text of each, in pdfmake 0.3.11 and pdfkit 0.19.1. */
const fingerprints = {
  PDFReference: '78aa1dd70d05b519',
  'PDFDocument#ref': '0266979fe5ef0619',
  PNGImage: '4be5b5056475b1c2',
  'PDFDocument#openImage': '6754dffa8bd97d08',
  EmbeddedFont: 'fb71a21aabb8a499',
  'PDFDocument#font': '652a31ad704fa7e8',
  TextInlines: 'b03bf24a20653942',
  Renderer: '0c54dc88b8ecf26f',
  TableProcessor: '45dca9937b01c247',
};
