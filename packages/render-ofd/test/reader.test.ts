import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Document } from '@gongwen/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderOfd } from '../src/index.js';
import { exampleDocuments, fonts, sealedDocument } from './documents.js';
import { comparePngs, openBrowser, pxPerMm, readWithOfdJs } from './ofd-reader.js';

/*
 * A real reader: ofd.js draws each page of each example's OFD in Chromium; the screenshot is
 * compared with the PDF's page as poppler (pdftoppm) rasterises it at the same resolution (ink
 * matched within one pixel, a quarter of a millimetre), and the
 * text ofd.js drew with the text pdftotext reads from the PDF. UPDATE_SCREENSHOTS=1 writes both
 * images of page 1 of the red-header example and of the sealed page to test/screenshots/.
 */

const cases: [string, Document][] = [...exampleDocuments(), ['sealed', sealedDocument()]];
/** Share of the ink of either image that may lack ink within a pixel in the other. */
const maxUnmatched = 0.02;
let browser: Awaited<ReturnType<typeof openBrowser>>;
const work = mkdtempSync(join(tmpdir(), 'gongwen-ofd-reader-'));
const screenshots = join(import.meta.dirname, 'screenshots');
const report: string[] = [];

beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
  if (report.length) console.log(report.join('\n'));
});

const strip = (s: string) => s.replace(/\s/g, '');

describe.each(cases)('%s', (name, doc) => {
  it('renders in ofd.js as the PDF renders in poppler: the same pixels within anti-aliasing, the same text', async () => {
    const { ofd, pdf } = await renderOfd(doc, fonts);
    const pdfFile = join(work, `${name}.pdf`);
    writeFileSync(pdfFile, pdf);
    execFileSync('pdftoppm', ['-r', String(pxPerMm * 25.4), '-png', pdfFile, join(work, name)]);
    const pdfPngs = readdirSync(work)
      .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
      .sort()
      .map((f) => readFileSync(join(work, f)));
    const pages = await readWithOfdJs(browser.context, ofd);
    expect(pages.length).toBe(pdfPngs.length);
    let worst = 0;
    for (let i = 0; i < pages.length; i++) {
      const pdfText = execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', pdfFile, '-'], { encoding: 'utf8' });
      const pdfLines = pdfText.split('\n').map(strip).filter(Boolean);
      expect(pages[i]!.lines.map(strip), `${name} page ${i + 1}`).toEqual(pdfLines);
      const diff = await comparePngs(browser.context, pages[i]!.png, pdfPngs[i]!);
      worst = Math.max(worst, diff.unmatched);
      // Both drew the page: ink where the PDF has ink.
      expect(diff.inkA).toBeGreaterThan(0.3 * diff.inkB);
      expect(diff.unmatched, `${name} page ${i + 1}: ${JSON.stringify(diff)}`).toBeLessThan(maxUnmatched);
    }
    report.push(`${name}: ${pages.length} pages, largest share of ink without a match within one pixel (96 dpi) ${(worst * 100).toFixed(3)} %`);
    // Kept in the repository: page 1 of the red-header example, and the sealed signature page.
    if (process.env.UPDATE_SCREENSHOTS && (name.startsWith('national') || name === 'sealed')) {
      const k = name === 'sealed' ? pages.length - 1 : 0;
      const label = name === 'sealed' ? `sealed-p${k + 1}` : `${name}-p1`;
      mkdirSync(screenshots, { recursive: true });
      writeFileSync(join(screenshots, `${label}-ofd.png`), pages[k]!.png);
      writeFileSync(join(screenshots, `${label}-pdf.png`), pdfPngs[k]!);
    }
  });
});
