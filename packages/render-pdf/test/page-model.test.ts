import { describe, expect, it } from 'vitest';
import { resolveFonts } from '@gongwen/fonts';
import { renderPdf } from '../src/index.js';
import { fullDocument } from './fixtures.js';
import { mm, readLines } from './measure.js';

const fonts = resolveFonts({ systemDirs: [], env: {} }).fonts;

describe('the laid-out pages (pages: true)', () => {
  it('leave the PDF byte for byte as it is without them', async () => {
    const plain = await renderPdf(fullDocument(), fonts);
    const withPages = await renderPdf(fullDocument(), fonts, { pages: true });
    expect(plain.pages).toBeUndefined();
    expect(Buffer.compare(Buffer.from(plain.pdf), Buffer.from(withPages.pdf))).toBe(0);
  });

  it('hold every line of the PDF, at the position the PDF draws it', async () => {
    const { pdf, pages } = await renderPdf(fullDocument(), fonts, { pages: true });
    const { pages: count, lines } = await readLines(pdf);
    expect(pages).toHaveLength(count);
    let worst = 0;
    for (const line of lines) {
      const runs = pages![line.page - 1]!.items
        .flatMap((i) => (i.kind === 'text' && Math.abs(i.baseline - mm(line.baseline)) < 0.2 ? [i] : []))
        .sort((a, b) => a.x - b.x);
      const strip = (s: string) => s.replace(/\s/g, '');
      expect(strip(runs.map((r) => r.text).join('')), `page ${line.page} baseline ${line.baseline}`).toBe(strip(line.text));
      worst = Math.max(worst, Math.abs(runs[0]!.x - mm(line.x)), Math.abs(runs[0]!.baseline - mm(line.baseline)));
    }
    expect(worst).toBeLessThan(0.01);
    expect(pages!.flatMap((p) => p.items).filter((i) => i.kind === 'picture')).toHaveLength(2);
  });
});
