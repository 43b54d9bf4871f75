/**
 * The OFD measured against the standard the way the PDF is: every example rendered to both
 * through the public API, each read back (the OFD from its XML and embedded fonts), and the two
 * reports compared rule by rule. OFDs broken on purpose fail the rule that names the defect.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { checkFile, checkOfd, checkPdf, fileKind, measureOfd, OfdReadError, type CheckReport } from '@gongwen/conformance';
import { documentLines } from '@gongwen/model';
import { readZip, writeZip } from '@gongwen/zip';
import { beforeAll, describe, expect, it } from 'vitest';
import { render } from 'gongwen';

const examples = new URL('../../../examples/', import.meta.url);
const reports = readdirSync(examples).filter((f) => f.endsWith('.yaml')).sort();
const options = { extraRules: ['signature/position'] as const };

/** What a rule concluded, without the figures (font names differ: the OFD names standard families). */
const outcome = (r: CheckReport) => r.rules.map((x) => ({ id: x.id, pass: x.pass, skipped: x.skipped ?? false }));
const failing = (r: CheckReport) => r.rules.filter((x) => !x.pass).map((x) => x.id);

async function both(file: string): Promise<{ pdf: Uint8Array; ofd: Uint8Array; lines: string[] }> {
  const source = readFileSync(new URL(file, examples), 'utf8');
  const result = await render(source, { filename: file, formats: ['pdf', 'ofd'] });
  return { pdf: result.outputs.pdf!, ofd: result.outputs.ofd!, lines: documentLines(result.document!) };
}

/** The OFD with one page's Content.xml rewritten. */
function editPage(ofd: Uint8Array, page: number, edit: (xml: string) => string): Uint8Array {
  const parts = readZip(ofd);
  const path = `Doc_0/Pages/Page_${page - 1}/Content.xml`;
  const xml = new TextDecoder().decode(parts.get(path)!);
  const changed = edit(xml);
  expect(changed).not.toBe(xml);
  parts.set(path, new TextEncoder().encode(changed));
  return writeZip([...parts]);
}

const TEXT_OBJECT = /<ofd:TextObject ID="\d+" Boundary="([\d.-]+) ([\d.-]+)[^"]*"[^>]*>[\s\S]*?<ofd:TextCode X="[\d.-]+" Y="([\d.-]+)"[\s\S]*?<\/ofd:TextObject>/g;

describe('OFDs of the example reports', () => {
  for (const file of reports) {
    it(`${file}: the OFD passes GB/T 9704 with the same rule results as the PDF`, async () => {
      const { pdf, ofd, lines } = await both(file);
      expect(fileKind(ofd)).toBe('ofd');
      const fromPdf = await checkPdf(pdf, { ...options, expectedText: lines });
      const fromOfd = await checkOfd(ofd, { ...options, expectedText: lines });
      expect(failing(fromOfd)).toEqual([]);
      expect(outcome(fromOfd)).toEqual(outcome(fromPdf));
      // The pages are read the same: lines per page, page numbers, why a page is not full.
      expect(fromOfd.pages).toEqual(fromPdf.pages);
      // And the measured figures agree, except the fonts' names.
      const figures = (r: CheckReport) => r.rules.filter((x) => !x.id.startsWith('fonts/')).map((x) => `${x.id}: ${x.measuredEn}`);
      expect(figures(fromOfd)).toEqual(figures(fromPdf));
    });
  }
});

describe('an OFD with a defect', () => {
  let ofd: Uint8Array;
  let lines: string[];
  let fullPage: number;
  beforeAll(async () => {
    ({ ofd, lines } = await both('national-jiaokou-2021.yaml'));
    const report = await checkOfd(ofd);
    fullPage = report.pages.find((p) => p.full)!.number;
  });

  it('with 21 lines on a full page fails lines-per-page (and the block bottom) on that page only', async () => {
    const m = await measureOfd(ofd);
    const last = m.pages[fullPage - 1]!.lines.at(-1)!;
    // Drop the text objects of the page's last line (the page number stays).
    const broken = editPage(ofd, fullPage, (xml) =>
      xml.replace(TEXT_OBJECT, (object, _x, y, codeY) => (Math.abs(Number(y) + Number(codeY) - last.baseline) < 0.5 ? '' : object)),
    );
    const report = await checkOfd(broken);
    expect(report.pages[fullPage - 1]!.lines).toBe(21);
    expect(failing(report)).toEqual(['block/bottom', 'grid/lines-per-page']);
    for (const id of failing(report)) expect(report.rules.find((r) => r.id === id)!.pages).toEqual([fullPage]);
    expect(report.rules.find((r) => r.id === 'grid/lines-per-page')!.measured).toContain('21');
  });

  it('with a page set 2 mm too far left fails the left edge of the text block on that page', async () => {
    const broken = editPage(ofd, fullPage, (xml) => xml.replace(/(<ofd:TextObject ID="\d+" Boundary=")([\d.-]+)/g, (_, head: string, x: string) => `${head}${(Number(x) - 2).toFixed(4)}`));
    const report = await checkOfd(broken);
    expect(failing(report)).toContain('block/left');
    expect(report.rules.find((r) => r.id === 'block/left')!.pages).toEqual([fullPage]);
    // The page number moved with it, and the block's left edge is now read 2 mm left, so the
    // other pages' indents measure 2 mm wide; nothing else is wrong.
    expect(failing(report).filter((id) => !['block/left', 'indent/first-line', 'page-number/position'].includes(id))).toEqual([]);
  });

  it('with a word changed fails text/equals at that place', async () => {
    const broken = editPage(ofd, 2, (xml) => xml.replace(/法治/, '法制'));
    const report = await checkOfd(broken, { expectedText: lines });
    expect(failing(report)).toEqual(['text/equals']);
    expect(report.rules.find((r) => r.id === 'text/equals')!.pages).toEqual([2]);
  });

  it('whose red header is black has no red header', async () => {
    const broken = editPage(ofd, 1, (xml) => xml.replace(/Value="255 0 0"/g, 'Value="0 0 0"'));
    const report = await checkOfd(broken);
    expect(report.rules.find((r) => r.id === 'red-rule/position')!.skipped).toBe(true);
  });
});

describe('checkFile', () => {
  it('tells a PDF from an OFD by content, not by name, and says when a file is neither', async () => {
    const { pdf, ofd } = await both('ningxia-haiyuan-lijun-2020.yaml');
    expect((await checkFile(pdf)).kind).toBe('pdf');
    expect((await checkFile(ofd)).kind).toBe('ofd');
    await expect(checkFile(new TextEncoder().encode('年度报告'), { lang: 'en' })).rejects.toMatchObject({ code: 'unknown-kind', message: expect.stringContaining('neither a PDF nor an OFD') });
    // A zip that is not an OFD (a DOCX), and a damaged OFD.
    const docx = writeZip([['word/document.xml', new TextEncoder().encode('<w:document/>')]]);
    await expect(checkOfd(docx)).rejects.toBeInstanceOf(OfdReadError);
    await expect(checkOfd(docx)).rejects.toMatchObject({ code: 'not-ofd' });
    await expect(checkOfd(ofd.subarray(0, ofd.length >> 1))).rejects.toMatchObject({ code: 'damaged' });
    const noPages = readZip(ofd);
    noPages.delete('Doc_0/Pages/Page_0/Content.xml');
    await expect(checkOfd(writeZip([...noPages]))).rejects.toMatchObject({ code: 'damaged', message: expect.stringContaining('Page_0/Content.xml') });
  });
});
