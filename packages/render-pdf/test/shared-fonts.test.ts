import { describe, expect, it } from 'vitest';
import { resolveFonts } from '@gongwen/fonts';
import { renderPdf } from '../src/index.js';
import { fullDocument, plainDocument } from './fixtures.js';

// Its own file, so its own process: the first render here parses every font from its bytes, the
// later ones embed the fonts parsed then, and a quicker path must not change one byte.
const fonts = resolveFonts({ systemDirs: [], env: {} }).fonts;

describe('fonts parsed once per process', () => {
  it('gives the first document in a process the same bytes as when it is rendered after others', async () => {
    const first = await renderPdf(fullDocument(), fonts);
    await renderPdf(plainDocument(12), fonts);
    await renderPdf({ ...fullDocument(), title: ['某某镇人民政府', '关于另一件事的报告'] }, fonts);
    const later = await renderPdf(fullDocument(), fonts);
    expect(later.pdf.length).toBe(first.pdf.length);
    expect(Buffer.from(later.pdf).equals(Buffer.from(first.pdf))).toBe(true);
  });
});
