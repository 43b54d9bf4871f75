/**
 * The PDF and the DOCX are the same document, line for line and page for page: every example
 * report, and random reports built from the examples' sentences, rendered to PDF and to DOCX
 * through the public API; the DOCX laid out by a real LibreOffice (the repository's fontconfig
 * map); both PDFs read back and their lines compared.
 *
 * LibreOffice converts all the DOCX files of a group in one process. The suite renders
 * GONGWEN_AGREEMENT_REPORTS random reports (40 by default: about a minute on a busy machine);
 * bench/README.md runs it with several hundred.
 */
import { render } from 'gongwen';
import { describe, expect, it } from 'vitest';
import { docxToPdfs, findSoffice } from '../../render-docx/test/libreoffice.js';
import { compareLines, pageBreakFaults, percent, readBack, type LineAgreement, type PageBreakFaults } from './line-agreement.js';
import { exampleReports, randomReports } from './random-reports.js';

const soffice = findSoffice();
const inCi = /^(1|true)$/i.test(process.env.CI ?? '');
const randomCount = Number(process.env.GONGWEN_AGREEMENT_REPORTS ?? 40);
/** The random reports' seed: another (GONGWEN_AGREEMENT_SEED) draws other reports. */
const seed = Number(process.env.GONGWEN_AGREEMENT_SEED ?? 9704);

/** Renders the reports to PDF and DOCX, converts the DOCX files in one LibreOffice run and compares. */
type Agreement = LineAgreement & { numbers: [(number | null)[], (number | null)[]]; faults: [PageBreakFaults, PageBreakFaults] };

async function agreement(reports: readonly (readonly [string, unknown])[]): Promise<[string, Agreement][]> {
  const rendered = [];
  for (const [name, report] of reports) {
    const result = await render(JSON.stringify(report), { filename: `${name}.yaml`, formats: ['pdf', 'docx'] });
    const errors = result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
    expect(errors, name).toEqual([]);
    rendered.push({ name, pdf: result.outputs.pdf!, docx: result.outputs.docx!, body: result.document!.body });
  }
  const converted = await docxToPdfs(soffice!, rendered.map((r) => [r.name, r.docx] as const));
  const out: [string, Agreement][] = [];
  for (const [i, r] of rendered.entries()) {
    const [a, b] = [await readBack(r.pdf), await readBack(converted[i]!)];
    const faults: [PageBreakFaults, PageBreakFaults] = [pageBreakFaults(a.lines, r.body), pageBreakFaults(b.lines, r.body)];
    out.push([r.name, { ...compareLines(a.lines, b.lines, r.name), numbers: [a.numbers, b.numbers], faults }]);
  }
  return out;
}

const summary = ([name, a]: [string, LineAgreement]) =>
  `${name}: ${percent(a.same, a.lines)} of ${a.lines} lines, ${percent(a.samePage, a.lines)} on the same page; ` +
  `lines per page PDF [${a.perPage[0].join(' ')}] DOCX [${a.perPage[1].join(' ')}]`;

describe.skipIf(!soffice && !inCi)('the PDF and the DOCX as LibreOffice lays it out', () => {
  it.skipIf(!!soffice)('has LibreOffice to lay the DOCX out (CI requires it)', () => {
    throw new Error('LibreOffice (soffice) was not found on PATH; the PDF–DOCX agreement was not measured.');
  });

  it.skipIf(!soffice)('agree on every line and every page of the example reports', async () => {
    const results = await agreement(exampleReports());
    console.log(results.map(summary).join('\n'));
    for (const [name, a] of results) {
      expect(a.lines, name).toBeGreaterThan(40);
      expect({ name, same: a.same, samePage: a.samePage }, a.differences.join('\n')).toEqual({ name, same: a.lines, samePage: a.lines });
      // The same page numbers on the same pages, none on a blank page nor on the 版记 page after it.
      expect(a.numbers[1], name).toEqual(a.numbers[0]);
      // No heading ends a page in either format (its text follows it).
      expect(a.faults.map((f) => f.headingsAtFoot), name).toEqual([[], []]);
      expect(a.faults[0].headings, name).toBeGreaterThan(0);
      expect(a.faults[1].headings, name).toBe(a.faults[0].headings);
    }
  });

  it.skipIf(!soffice || randomCount <= 0)(`agree on every line and every page of ${randomCount} random reports, no heading at a page's foot`, async () => {
    const results: [string, Agreement][] = [];
    const reports = randomReports(randomCount, seed);
    // Groups of 20 keep one LibreOffice run well inside its timeout on a slow machine.
    for (let i = 0; i < reports.length; i += 20) results.push(...(await agreement(reports.slice(i, i + 20))));
    const lines = results.reduce((n, [, a]) => n + a.lines, 0);
    const same = results.reduce((n, [, a]) => n + a.same, 0);
    const samePage = results.reduce((n, [, a]) => n + a.samePage, 0);
    const parted = results.filter(([, a]) => a.same < a.lines || a.samePage < a.lines);
    console.log(
      `${results.length} random reports: ${percent(same, lines)} of ${lines} lines agree, ${percent(samePage, lines)} on the same page; ` +
        `${results.length - parted.length} reports agree entirely.\n${parted.map(summary).join('\n')}`,
    );
    // Every line of every report, character for character, on the same page (bench/README.md
    // measures 300 reports of each of three seeds the same way).
    expect({ same, samePage }, parted.map(([, a]) => a.differences.join('\n')).join('\n\n')).toEqual({ same: lines, samePage: lines });
    // Headings stay with their text on every page of every report, in both formats. Single lines
    // alone at a page's top or foot are allowed: the 22-line grid wins over widow control (layout.headings).
    const faults = results.flatMap(([name, a]) => a.faults.flatMap((f, i) => f.headingsAtFoot.map((h) => `${name} ${i ? 'DOCX' : 'PDF'}: ${h}`)));
    expect(faults).toEqual([]);
    const count = (i: 0 | 1, k: 'widows' | 'orphans') => results.reduce((n, [, a]) => n + a.faults[i][k].length, 0);
    const headings = results.reduce((n, [, a]) => n + a.faults[0].headings, 0);
    console.log(`${headings} headings, none at a page's foot; widows PDF ${count(0, 'widows')} DOCX ${count(1, 'widows')}, orphans PDF ${count(0, 'orphans')} DOCX ${count(1, 'orphans')}`);
    expect(headings).toBeGreaterThan(results.length);
  });
});
