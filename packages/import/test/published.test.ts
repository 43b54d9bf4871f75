/**
 * Published reports of townships, 街道, counties and county departments of other provinces, as
 * their government web pages show them (test/fixtures/published, each citing its page; the body
 * sentences are reworded, titles, numbering, leads, dates and figures are the page's). Each
 * imports from its HTML and renders back with every sentence in order; the page's own chrome
 * (breadcrumbs, source and date lines, hit counters: the elements marked data-web) is left out
 * and said so.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeDocument, loadStyle } from '@gongwen/compose';
import { renderText } from '@gongwen/render-text';
import { readStyleFiles } from '@gongwen/templates';
import { describe, expect, it } from 'vitest';
import { importReport } from '../src/index.js';
import { fidelity, normaliseLine, repoRoot } from './helpers.js';

const dir = join(repoRoot, 'packages/import/test/fixtures/published');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.html')).sort();

// The fixtures are the opening pages of the reports: the statutory parts that come later
// (不足, 下一年度安排) are not in them. They render in the national style with its list of
// required parts left empty, so that what is checked is the text, not the completeness.
const files = readStyleFiles(join(repoRoot, 'templates', 'national'));
files['style.yaml'] = files['style.yaml']!.replace(/^(\s*required:\s*)\[[^\]]*\]/m, '$1[]');
const openingStyle = loadStyle(files, { name: 'national' }).style!;

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
/** The text of each block element of the page body, in order; `data-web` ones separately. */
function pageLines(html: string): { report: string[]; web: string[] } {
  const body = html.replace(/<!--[\s\S]*?-->/g, '').replace(/^[\s\S]*<body>/, '').replace(/<\/body>[\s\S]*$/, '');
  const report: string[] = [];
  const web: string[] = [];
  for (const m of body.matchAll(/<(p|div|h[1-6])(\s[^>]*)?>([\s\S]*?)<\/\1>/g)) {
    const lines = m[3]!.split(/<br\s*\/?>/).map((l) => decode(l.replace(/<[^>]+>/g, '')).trim()).filter(Boolean);
    (/\bdata-web\b/.test(m[2] ?? '') ? web : report).push(...lines);
  }
  return { report, web };
}

const figures: Record<string, unknown> = {};

it('has at least ten published reports, each citing its page', () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(10);
  for (const f of fixtures) expect(readFileSync(join(dir, f), 'utf8'), f).toMatch(/<!-- 来源：https?:\/\/[^\s（]+/);
});

describe.each(fixtures)('%s', (file) => {
  const html = readFileSync(join(dir, file), 'utf8');
  const imported = importReport(html, { filename: file });

  it('imports without errors', () => {
    expect(imported.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(imported.report).toBeDefined();
  });

  it('renders back every sentence of the page, in order, and leaves out the page’s chrome', () => {
    const { document, diagnostics } = composeDocument(imported.report!, openingStyle);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const lines = pageLines(html);
    const result = fidelity(lines.report, document!);
    figures[file] = { ...result, parts: imported.report!.parts.map((p) => p.kind), warnings: imported.diagnostics.map((d) => d.ruleId) };
    expect(result.missing, 'first sentence of the page not found in the rendering').toBeUndefined();
    expect(result.found).toBe(result.sentences);
    const output = renderText(document!).split('\n').map(normaliseLine).join('');
    // A repeated web title may equal the report's own (two-line) title: it must not appear once more.
    const count = (text: string, piece: string) => text.split(piece).length - 1;
    const reportText = lines.report.map(normaliseLine).join('');
    for (const chrome of lines.web) {
      expect(count(output, normaliseLine(chrome)), chrome).toBe(count(reportText, normaliseLine(chrome)));
      expect(imported.yaml!, chrome).toContain(chrome);
    }
  });
});

it('writes the fidelity figures', () => {
  mkdirSync(join(repoRoot, 'packages/import/test-output'), { recursive: true });
  writeFileSync(join(repoRoot, 'packages/import/test-output/published-fidelity.json'), `${JSON.stringify(figures, null, 2)}\n`);
  expect(Object.keys(figures)).toHaveLength(fixtures.length);
});
