/**
 * The whole pipeline against the standard: every example report rendered to PDF through the
 * public API, read back and measured. A renderer defect shows up here as a failing rule with
 * its measurement.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { checkPdf, formatCheckReport, measurePdf, type CheckReport } from '@gongwen/conformance';
import { derived, documentLines, fontRoles, layout, mmToPt, ptToMm } from '@gongwen/model';
import { describe, expect, it } from 'vitest';
// Only the public exports, as an embedding application sees them.
import { render } from 'gongwen';

const examples = new URL('../../../examples/', import.meta.url);
const reports = readdirSync(examples).filter((f) => f.endsWith('.yaml')).sort();

const { margins, textBlock, grid } = layout;
const blockRight = margins.left + textBlock.width;
const pitchMm = ptToMm(derived.linePitchPt);
const pageNumberInset = ptToMm(layout.pageNumber.insetChars * fontRoles.pageNumber.size);
/** Measured positions agree with the spec to this (mm); the checker's own allowance is 1 mm. */
const CLOSE_MM = 0.5;
/** The em box of a CJK line reaches 0.88 em above the baseline and 0.12 em below. */
const emTop = (l: { baseline: number; fontSize: number }): number => l.baseline - ptToMm(0.88 * l.fontSize);
const emBottom = (l: { baseline: number; fontSize: number }): number => l.baseline + ptToMm(0.12 * l.fontSize);

const rule = (r: CheckReport, id: string) => r.rules.find((x) => x.id === id)!;

describe('PDFs of the example reports', () => {
  it('finds the examples', () => {
    expect(reports.length).toBeGreaterThanOrEqual(5);
  });

  for (const file of reports) {
    it(`${file} conforms to GB/T 9704`, async () => {
      const source = readFileSync(new URL(file, examples), 'utf8');
      const result = await render(source, { filename: file, formats: ['pdf'] });
      expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
      const pdf = result.outputs.pdf!;
      expect(pdf).toBeInstanceOf(Uint8Array);

      const report = await checkPdf(pdf, { expectedText: documentLines(result.document!), extraRules: ['signature/position'] });
      expect(report.rules.filter((r) => !r.pass).map((r) => `${r.id}: ${r.measured}`), formatCheckReport(report)).toEqual([]);
      // Each measurement is real: the rules that count found something to count.
      for (const id of ['grid/lines-per-page', 'grid/chars-per-line', 'signature/position', 'text/equals']) {
        expect(rule(report, id).skipped, id).toBeUndefined();
      }

      // 22 lines on every full page; a page excused for carrying lines over with the signature at most once.
      const full = report.pages.filter((p) => p.full);
      expect(full.length).toBeGreaterThan(0);
      for (const p of full) expect(p.lines, `page ${p.number}`).toBe(grid.linesPerPage);
      expect(report.pages.filter((p) => p.exempt.includes('signature-carry')).length).toBeLessThanOrEqual(1);

      // 28 characters on at least two thirds of the full lines (the rest short only by line-breaking rules).
      const chars = /^(\d+) full lines: (\d+) × (\d+), (\d+) short/.exec(rule(report, 'grid/chars-per-line').measuredEn);
      expect(chars, rule(report, 'grid/chars-per-line').measuredEn).not.toBeNull();
      const [lines, exact, perLine, short] = chars!.slice(1).map(Number) as [number, number, number, number];
      expect(perLine).toBe(grid.charsPerLine);
      expect(exact + short).toBe(lines);
      expect(exact / lines).toBeGreaterThanOrEqual(2 / 3);

      const m = await measurePdf(pdf);
      const body = m.body!;
      expect(body.fontSize).toBeCloseTo(fontRoles.body.size, 1);
      const bodyLines = m.pages.flatMap((p) => p.lines.filter((l) => Math.abs(l.fontSize - body.fontSize) < 0.5));
      // Edges: text starts on the 订口 edge and justified lines end on the right edge.
      expect(Math.abs(Math.min(...bodyLines.map((l) => l.x)) - margins.left)).toBeLessThanOrEqual(CLOSE_MM);
      const ends = bodyLines.map((l) => l.xEnd).filter((x) => Math.abs(x - blockRight) <= CLOSE_MM);
      expect(ends.length).toBeGreaterThanOrEqual(exact / 2);
      for (const p of m.pages.filter((pg) => report.pages[pg.number - 1]!.full)) {
        const [first, last] = [p.lines[0]!, p.lines.at(-1)!];
        // First and last lines stand in the block's first and last grid lines.
        expect(emTop(first)).toBeGreaterThanOrEqual(margins.top - CLOSE_MM);
        expect(emBottom(first)).toBeLessThanOrEqual(margins.top + pitchMm + CLOSE_MM);
        expect(emBottom(last)).toBeLessThanOrEqual(p.height - margins.bottom + CLOSE_MM);
        expect(emTop(last)).toBeGreaterThanOrEqual(p.height - margins.bottom - pitchMm - CLOSE_MM);
        // One grid pitch between consecutive lines.
        for (let i = 1; i < p.lines.length; i++) {
          expect(mmToPt(p.lines[i]!.baseline - p.lines[i - 1]!.baseline)).toBeCloseTo(derived.linePitchPt, 1);
        }
      }

      // Page numbers: `— N —`, odd pages right and even pages left, one character in.
      for (const p of m.pages) {
        const n = p.pageNumber!;
        expect(n.text.replace(/\s/gu, ''), `page ${p.number}`).toBe(layout.pageNumber.format(p.number).replace(/\s/gu, ''));
        if (p.number % 2 === 1) expect(Math.abs(n.xEnd - (blockRight - pageNumberInset)), `page ${p.number}`).toBeLessThanOrEqual(CLOSE_MM);
        else expect(Math.abs(n.x - (margins.left + pageNumberInset)), `page ${p.number}`).toBeLessThanOrEqual(CLOSE_MM);
      }
    });
  }
});
