/**
 * 7.3.5.3, the signatories' signature stamps, measured out of every format: the joint 街道 report
 * signed with its two signatories' stamps instead of the organs' names, rendered through the
 * public API; the PDF and the OFD read back, the DOCX laid out by LibreOffice and read back.
 */
import { readFileSync } from 'node:fs';
import { measureOfd, measurePdf, type PageMeasurements, type PdfMeasurements, type TextLine } from '@gongwen/conformance';
import { derived, documentLines, layout, ptToMm } from '@gongwen/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { render, type RenderResult } from 'gongwen';
import { docxToPdf, findSoffice } from '../../render-docx/test/libreoffice.js';

const examples = new URL('../../../examples/', import.meta.url);
const stamp = new Uint8Array(readFileSync(new URL('../../render-pdf/test/fixtures/stamp.png', import.meta.url)));
const titles = ['中共榕湾区临江街道工作委员会书记', '榕湾区临江街道办事处主任'];
const source = readFileSync(new URL('guangdong-jiedao-2022.yaml', examples), 'utf8').replace(
  'signature:\n  date: 2023-01-16',
  `signature:\n  date: 2023-01-16\n  signatories:\n${titles.map((t, i) => `    - title: ${t}\n      stamp: stamp-${i + 1}.png`).join('\n')}`,
);

const st = layout.signature.stamped;
const ch = ptToMm(derived.charPitchPt);
const pitch = ptToMm(derived.linePitchPt);
const blockRight = layout.margins.left + layout.textBlock.width;
const stampRight = blockRight - st.stampRightInsetChars * ch;
const dateRight = blockRight - st.dateRightInsetChars * ch;
/** The em box of a line: 0.88 em above the baseline, 0.12 em below. */
const emCentre = (l: TextLine): number => l.baseline - ptToMm(0.38 * l.fontSize);
const row = (l: TextLine): number => l.baseline / pitch;

let result: RenderResult;
beforeAll(async () => {
  result = await render(source, { filename: 'stamped.yaml', formats: ['pdf', 'docx', 'ofd'], assets: { 'stamp-1.png': stamp, 'stamp-2.png': stamp } });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
});

/** The rows of the stamped signature as a reader measures them, on the page that carries the date. */
function stampedRows(m: PdfMeasurements, tolerance: number): void {
  const page = m.pages.find((p) => p.lines.some((l) => l.text.replace(/\s/gu, '') === '2023年1月16日')) as PageMeasurements;
  const lines = page.lines.map((l) => ({ ...l, text: l.text.replace(/\s/gu, '') }));
  const date = lines.find((l) => l.text === '2023年1月16日')!;
  const rows = titles.map((t) => lines.find((l) => l.text === t)!);
  const before = lines[lines.indexOf(rows[0]!) - 1]!;
  // Two blank lines below the body, the rows one under the other, host first, the date after one blank line.
  expect(row(rows[0]!) - row(before)).toBeCloseTo(st.blankLinesBefore + 1, 1);
  expect(row(rows[1]!) - row(rows[0]!)).toBeCloseTo(1, 1);
  expect(row(date) - row(rows[1]!)).toBeCloseTo(st.blankLinesBeforeDate + 1, 1);
  expect(Math.abs(date.xEnd - dateRight)).toBeLessThanOrEqual(tolerance);
  // A red stamp on each title's line, right-inset 4 characters, the title 2 characters to its left and centred on it.
  const stamps = page.images.filter((im) => im.x2 > layout.margins.left + layout.textBlock.width / 2).sort((a, b) => a.y1 - b.y1);
  expect(stamps).toHaveLength(2);
  stamps.forEach((im, i) => {
    const title = rows[i]!;
    expect(Math.abs(im.x2 - stampRight)).toBeLessThanOrEqual(tolerance);
    expect(im.y2 - im.y1).toBeCloseTo(st.stampHeightLines * pitch, 0);
    expect((im.x2 - im.x1) / (im.y2 - im.y1)).toBeCloseTo(300 / 120, 1);
    expect(Math.abs(im.x1 - st.titleGapChars * ch - title.xEnd)).toBeLessThanOrEqual(tolerance);
    expect(Math.abs((im.y1 + im.y2) / 2 - emCentre(title))).toBeLessThanOrEqual(1);
  });
}

describe('signature stamps (7.3.5.3)', () => {
  it('replace the 署名 with each signatory\'s title in the text, host first', () => {
    const lines = documentLines(result.document!);
    const at = lines.indexOf(titles[0]!);
    expect(lines.slice(at, at + 3)).toEqual([...titles, '2023年1月16日']);
    // The organ's name is in the header and the title only, not signed below the body.
    expect(lines.lastIndexOf('榕湾区临江街道办事处')).toBeLessThan(lines.indexOf('2022年法治政府建设情况报告'));
  });

  it('stand where 7.3.5.3 puts them in the PDF', async () => {
    stampedRows(await measurePdf(result.outputs.pdf!), 0.5);
  });

  it('stand at the same places in the OFD', async () => {
    stampedRows(await measureOfd(result.outputs.ofd!), 0.5);
  });

  it.skipIf(!findSoffice())('stand at the same places in the DOCX as LibreOffice lays it out', async () => {
    const pdf = await docxToPdf(findSoffice()!, result.outputs.docx!, 'stamped');
    stampedRows(await measurePdf(pdf), 1);
  });

  it('say where a missing stamp image is named', async () => {
    const r = await render(source, { filename: 'stamped.yaml', formats: ['pdf'], assets: { 'stamp-1.png': stamp }, lang: 'en' });
    const missing = r.diagnostics.filter((d) => d.severity === 'error');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ path: 'signature.signatories[1].stamp', file: 'stamped.yaml' });
    expect(missing[0]!.line).toBeGreaterThan(70);
  });
});
