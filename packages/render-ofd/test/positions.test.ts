import { writeFileSync } from 'node:fs';
import type { Document } from '@gongwen/model';
import { describe, expect, it } from 'vitest';
import { renderOfd } from '../src/index.js';
import { exampleDocuments, fonts, sealedDocument, unpack } from './documents.js';
import { linesOf, readOfd, readPdf } from './read-back.js';

/*
 * The OFD against the PDF, both read back from the files: every glyph, rule and picture of every
 * page at the same place within 0.1 mm (GB/T 9704's tolerance is far coarser; this is "the same
 * page"), and the same lines. The largest differences are printed (and written to the file named
 * by OFD_POSITIONS_REPORT, when set).
 */

const tolerance = 0.1;
const cases: [string, Document][] = [...exampleDocuments(), ['sealed', sealedDocument()]];
const report: string[] = [];

describe.each(cases)('%s', (name, doc) => {
  it('has every glyph, rule, picture and page number where the PDF has it, and the same line breaks', async () => {
    const { ofd, pdf } = await renderOfd(doc, fonts);
    const [pdfPages, ofdPages] = [await readPdf(pdf), readOfd(unpack(ofd))];
    expect(ofdPages.length).toBe(pdfPages.length);
    let glyphs = 0;
    let worstText = 0;
    let worstRule = 0;
    let worstPicture = 0;
    pdfPages.forEach((p, i) => {
      const o = ofdPages[i]!;
      expect(linesOf(o), `page ${i + 1}`).toEqual(linesOf(p));
      expect(o.glyphs.map((g) => g.char).join('')).toBe(p.glyphs.map((g) => g.char).join(''));
      p.glyphs.forEach((g, k) => {
        const d = Math.max(Math.abs(g.x - o.glyphs[k]!.x), Math.abs(g.baseline - o.glyphs[k]!.baseline));
        worstText = Math.max(worstText, d);
      });
      glyphs += p.glyphs.length;
      expect(o.rules.length, `rules on page ${i + 1}`).toBe(p.rules.length);
      p.rules.forEach((r, k) => {
        const q = o.rules[k]!;
        worstRule = Math.max(worstRule, Math.abs(r.x1 - q.x1), Math.abs(r.y1 - q.y1), Math.abs(r.x2 - q.x2), Math.abs(r.y2 - q.y2), Math.abs(r.width - q.width));
      });
      expect(o.pictures.length, `pictures on page ${i + 1}`).toBe(p.pictures.length);
      p.pictures.forEach((b, k) => {
        const q = o.pictures[k]!;
        worstPicture = Math.max(worstPicture, Math.abs(b.x - q.x), Math.abs(b.y - q.y), Math.abs(b.width - q.width), Math.abs(b.height - q.height));
      });
    });
    const line = `${name}: ${pdfPages.length} pages, ${glyphs} glyphs, ${pdfPages.reduce((n, p) => n + p.rules.length, 0)} rules, ${pdfPages.reduce((n, p) => n + p.pictures.length, 0)} pictures; largest difference: text ${worstText.toFixed(4)} mm, rules ${worstRule.toFixed(4)} mm, pictures ${worstPicture.toFixed(4)} mm`;
    report.push(line);
    console.log(line);
    if (process.env.OFD_POSITIONS_REPORT) writeFileSync(process.env.OFD_POSITIONS_REPORT, report.join('\n') + '\n');
    expect(glyphs).toBeGreaterThan(500);
    expect(worstText).toBeLessThanOrEqual(tolerance);
    expect(worstRule).toBeLessThanOrEqual(tolerance);
    expect(worstPicture).toBeLessThanOrEqual(tolerance);
  });
});
