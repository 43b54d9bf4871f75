import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../src/index.js';
import { plainSealedDocument } from './fixtures.js';
import { docxToPdf, findSoffice } from './libreoffice.js';

/**
 * Why report data must never carry a character XML forbids into a writer: one U+FFFE in
 * word/document.xml and LibreOffice cannot open the file at all. (The schema drops such
 * characters where the data enters; the hostile suites check that none gets through.)
 */
const soffice = findSoffice();
const inCi = /^(1|true)$/i.test(process.env.CI ?? '');

describe.skipIf(!soffice && !inCi)('a DOCX holding a character XML forbids', () => {
  it('is refused by LibreOffice, while the same file without it opens', async () => {
    if (!soffice) throw new Error('LibreOffice (soffice) is required under CI');
    const { docx } = await renderDocx(plainSealedDocument());
    await expect(docxToPdf(soffice, docx, 'clean')).resolves.toBeInstanceOf(Uint8Array);
    const files = unzipSync(docx);
    const xml = strFromU8(files['word/document.xml']!);
    const at = xml.indexOf('</w:t>');
    files['word/document.xml'] = strToU8(`${xml.slice(0, at)}\uFFFE${xml.slice(at)}`);
    await expect(docxToPdf(soffice, zipSync(files), 'forbidden')).rejects.toThrow();
  });
});
