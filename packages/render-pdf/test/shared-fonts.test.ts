import { describe, expect, it } from 'vitest';
import { resolveFonts } from '@gongwen/fonts';
import type { Document } from '@gongwen/model';
import { renderPdf } from '../src/index.js';
import { fullDocument, plainDocument } from './fixtures.js';
import { readLines } from './measure.js';

// Its own file, so its own process: the first render here parses every font from its bytes, the
// later ones embed the fonts parsed then, and a quicker path must not change one byte.
const fonts = resolveFonts({ systemDirs: [], env: {} }).fonts;

/** A plain document whose first paragraph is the given text. */
const withText = (text: string): Document => {
  const doc = plainDocument(2);
  return { ...doc, body: [{ kind: 'paragraph', runs: [{ text }] }, ...doc.body] };
};

const textOf = async (pdf: Uint8Array): Promise<string> => (await readLines(pdf)).lines.map((l) => l.text).join('');

describe('fonts parsed once per process', () => {
  it('gives the first document in a process the same bytes as when it is rendered after others', async () => {
    const first = await renderPdf(fullDocument(), fonts);
    await renderPdf(plainDocument(12), fonts);
    await renderPdf({ ...fullDocument(), title: ['某某镇人民政府', '关于另一件事的报告'] }, fonts);
    const later = await renderPdf(fullDocument(), fonts);
    expect(later.pdf.length).toBe(first.pdf.length);
    expect(Buffer.from(later.pdf).equals(Buffer.from(first.pdf))).toBe(true);
  });

  it('sets Latin text one glyph per character, as a word processor does: no ligatures, the text layer as written', async () => {
    const { pdf } = await renderPdf(withText('依据office文件第fi、ff条和AVATAR规定'), fonts);
    expect((await textOf(pdf)).replace(/\s/g, '')).toContain('依据office文件第fi、ff条和AVATAR规定');
  });

  it('shapes text that needs it (a combining mark) and keeps its text layer when other documents came before', async () => {
    const text = '阿卜杜热合曼·e\u0301ric的调解申请';
    const first = await renderPdf(withText(text), fonts);
    await renderPdf(withText('另一份报告：cafe\u0301与其他字符'), fonts);
    await renderPdf(fullDocument(), fonts);
    const later = await renderPdf(withText(text), fonts);
    expect(Buffer.from(later.pdf).equals(Buffer.from(first.pdf))).toBe(true);
    // The automatic space between a Latin letter and a Chinese character reads back as a space.
    expect((await textOf(later.pdf)).normalize('NFC').replace(/\s/g, '')).toContain('阿卜杜热合曼·éric的调解申请');
  });
});
