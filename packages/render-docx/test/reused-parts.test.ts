import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../src/index.js';
import { jointSealedDocument, upwardDocument } from './fixtures.js';

// Font names no other test uses: the first document with each writes every part itself, and the
// documents after it reuse its styles, theme and footers.
const names = (tag: string) => ({ body: `仿宋-${tag}`, title: `小标宋-${tag}` });
const parts = (docx: Uint8Array) => Object.entries(unzipSync(docx)).map(([path, bytes]) => [path, new TextDecoder().decode(bytes)] as const);

describe('the parts the same font names give', () => {
  it('are the bytes a document writes when nothing is reused, whatever came before', async () => {
    // The 版记 after a blank page: four footers (the page numbers' two, the 版记 section's two empty ones).
    const first = await renderDocx(jointSealedDocument(), { fontNames: names('a'), endMatterAfterBlankPage: true });
    await renderDocx(upwardDocument(), { fontNames: names('a') });
    const again = await renderDocx(jointSealedDocument(), { fontNames: names('a'), endMatterAfterBlankPage: true });
    expect(Buffer.from(again.docx).equals(Buffer.from(first.docx))).toBe(true);

    const upward = await renderDocx(upwardDocument(), { fontNames: names('b') });
    await renderDocx(jointSealedDocument(), { fontNames: names('b'), endMatterAfterBlankPage: true });
    await renderDocx(jointSealedDocument(), { fontNames: names('b') });
    const upwardAgain = await renderDocx(upwardDocument(), { fontNames: names('b') });
    expect(Buffer.from(upwardAgain.docx).equals(Buffer.from(upward.docx))).toBe(true);
  });

  it('are written afresh for other names, a document reusing some parts and writing the others like one reusing none', async () => {
    // Names c: the page footers and styles kept from the upward report, the empty footers written now.
    await renderDocx(upwardDocument(), { fontNames: names('c') });
    const partly = await renderDocx(jointSealedDocument(), { fontNames: names('c'), endMatterAfterBlankPage: true });
    const fresh = await renderDocx(jointSealedDocument(), { fontNames: names('d'), endMatterAfterBlankPage: true });
    const asC = parts(fresh.docx).map(([path, text]) => [path, text.replaceAll('-d', '-c')] as const);
    expect(parts(partly.docx)).toEqual(asC);
    const styles = Object.fromEntries(parts(fresh.docx))['word/styles.xml']!;
    expect(styles).toContain('仿宋-d');
    expect(styles).not.toContain('仿宋-c');
    expect(Object.fromEntries(parts(fresh.docx))['word/theme/theme1.xml']).toContain('仿宋-d');
    expect(Object.keys(unzipSync(fresh.docx)).filter((p) => /^word\/footer\d\.xml$/.test(p))).toHaveLength(4);
  });
});
