/**
 * Fidelity on the seeds: each example, rendered in its own style to plain text, reproduces the
 * real report it was transcribed from.
 *
 * Both texts are normalised the same way before comparing:
 *  - all whitespace is removed (layout is not text: indentation, blank lines, alignment);
 *  - half-width `,;:()?!` become full-width (the Guangdong copy was published half-width; the
 *    rendered document is full-width, as GB/T 9704 ch. 9 requires);
 *  - an item marker `N、` at the start of a line becomes `N.`, the form GB/T 9704 7.3.3
 *    prescribes and our styles print (the Jiaokou copy writes `1、`);
 *  - the rules render-text draws around the 版头 and 版记 are dropped.
 * The seed's non-report lines are left out exactly as INDEX.md describes: 000's
 * `[bookmark: _GoBack]` word-processor artifact and 001's website line (作者/来源/点击数).
 * The 版头 lines (发文机关标志, 发文字号) that a copy prints before the title may come in any
 * order, because a copy extracts the header box in no particular order; they are compared as a set.
 * Everything else must appear sentence by sentence, in order; a failure names the first
 * sentence not found. What the rendering adds beyond the seed must be an element the copy lacks
 * (title, signature, date, 版头), never body text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Document } from '@gongwen/model';
import { renderText } from '@gongwen/render-text';
import { describe, expect, it } from 'vitest';
import { composeDocument } from '../src/index.js';
import { example, examplesDir, style } from './fixtures.js';

// `supplied`: the elements the copy lacks and the example supplies (INDEX.md and the examples'
// comments): 002 has no title, signature or date; 003 and 004 have no signature or date.
const seeds: { example: string; seed: string; supplied: ('title' | 'signature')[] }[] = [
  { example: 'national-jiaokou-2021.yaml', seed: '000_8acbd6d25866d45d.txt', supplied: [] },
  { example: 'guangdong-suixi-wutang-2021.yaml', seed: '001_1ce4159c5a8e4bb4.txt', supplied: [] },
  { example: 'ningxia-haiyuan-lijun-2020.yaml', seed: '002_06cb966835ece50d.txt', supplied: ['title', 'signature'] },
  { example: 'liaoning-zhuanghe-taipingling-2023.yaml', seed: '003_7091a3f486ec236b.txt', supplied: ['signature'] },
  { example: 'shaanxi-nanzheng-fazhen-2022.yaml', seed: '004_4cda7b45264484a7.txt', supplied: ['signature'] },
];

const HALF_TO_FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '?': '？', '!': '！' };

function normaliseLine(line: string): string {
  return line
    .replace(/^[\s\u3000]*(\d+)、/, '$1.')
    .replace(/[─]/g, '')
    .replace(/\s+/g, '')
    .replace(/[,;:()?!]/g, (c) => HALF_TO_FULL[c]!);
}

/** Lines of the seed that are not part of the report, as INDEX.md describes them. */
function reportLines(seedFile: string, text: string): string[] {
  let lines = text.split(/\r?\n/).map((l) => l.replace('[bookmark: _GoBack]', ''));
  if (seedFile.startsWith('001_')) lines = lines.filter((l) => !/^作者:.*来源:.*点击数/.test(l.trim()));
  return lines.map(normaliseLine).filter((l) => l !== '');
}

/** Sentences end at 。！？; a heading line without one is one piece. */
function sentences(line: string): string[] {
  return line.match(/[^。！？]+[。！？]*|[。！？]+/g) ?? [];
}

function headerLines(doc: Document): Set<string> {
  const h = doc.header;
  if (!h) return new Set();
  return new Set([...h.organs, h.organs.join('') + h.suffix, (h.organs[h.organs.length - 1] ?? '') + h.suffix, h.documentNumber ?? ''].map(normaliseLine).filter(Boolean));
}

interface Fidelity {
  missing?: string;
  headerProblems: string[];
  additions: string[];
}

function compare(seedFile: string, seedText: string, doc: Document): Fidelity {
  const output = renderText(doc).split('\n').map(normaliseLine).join('');
  let lines = reportLines(seedFile, seedText);
  const headerProblems: string[] = [];
  const titleAt = doc.title.length ? lines.indexOf(normaliseLine(doc.title[0]!)) : -1;
  if (titleAt > 0) {
    const header = headerLines(doc);
    for (const line of lines.slice(0, titleAt)) if (!header.has(line)) headerProblems.push(line);
    lines = lines.slice(titleAt);
  }
  // Match sentence by sentence, in order, remembering what the output has in between.
  let cursor = output.indexOf(normaliseLine(doc.title[0] ?? ''));
  if (cursor < 0 || titleAt < 0) cursor = 0;
  const covered: [number, number][] = [];
  for (const piece of lines.flatMap(sentences)) {
    const at = output.indexOf(piece, cursor);
    if (at < 0) return { missing: piece, headerProblems, additions: [] };
    covered.push([at, at + piece.length]);
    cursor = at + piece.length;
  }
  const additions: string[] = [];
  let last = output.indexOf(normaliseLine(doc.title[0] ?? ''));
  if (last < 0 || titleAt < 0) last = 0;
  for (const [start, end] of covered) {
    if (start > last) additions.push(output.slice(last, start));
    last = end;
  }
  if (last < output.length) additions.push(output.slice(last));
  return { headerProblems, additions };
}

/** The text of the elements a copy lacks and the rendering supplies. */
function suppliedElements(doc: Document, kinds: readonly ('title' | 'signature')[]): string {
  const lines = [...(kinds.includes('title') ? doc.title : []), ...(kinds.includes('signature') && doc.signature ? [...doc.signature.organs, doc.signature.date] : [])];
  return lines.map(normaliseLine).join('');
}

const seedDir = join(examplesDir, 'seeds');

describe.each(seeds)('$example reproduces seed $seed', ({ example: file, seed, supplied: kinds }) => {
  it('contains every sentence of the seed, in order, and adds only what the copy lacks', () => {
    const report = example(file);
    const { document, diagnostics } = composeDocument(report, style(report.style));
    expect(diagnostics).toEqual([]);
    const result = compare(seed, readFileSync(join(seedDir, seed), 'utf8'), document!);
    expect(result.missing, 'first seed sentence not found in the rendered text').toBeUndefined();
    expect(result.headerProblems, 'seed lines before the title that are not 版头 lines').toEqual([]);
    const supplied = suppliedElements(document!, kinds);
    for (const addition of result.additions) {
      expect(supplied, `rendered text not in the seed: ${addition}`).toContain(addition);
    }
    // And what is supplied is really there.
    expect(result.additions.join('')).toBe(supplied);
  });
});

describe('the comparison itself', () => {
  const file = 'liaoning-zhuanghe-taipingling-2023.yaml';
  const seed = '003_7091a3f486ec236b.txt';
  it('names the first missing sentence and flags body text the seed lacks', () => {
    const report = example(file);
    const document = composeDocument(report, style('liaoning')).document!;
    const seedText = readFileSync(join(seedDir, seed), 'utf8');
    const index = document.body.findIndex((b) => b.kind === 'paragraph' && b.runs.some((r) => r.text.includes('聘用专业的法律顾问')));
    const dropped: Document = { ...document, body: document.body.filter((_, i) => i !== index) };
    expect(compare(seed, seedText, dropped).missing).toBe('2.聘用专业的法律顾问，利用顾问的法律专业优势，解读相关法律法规，为乡村的重大决策、行政行为、合同行为及其他法律事务，进行法律论证并提出法律意见，为依法决策提供了强有力的法治保障。');
    const padded: Document = { ...document, body: [...document.body.slice(0, 3), { kind: 'paragraph', runs: [{ text: '多出来的一段。' }] }, ...document.body.slice(3)] };
    const result = compare(seed, seedText, padded);
    expect(result.missing).toBeUndefined();
    expect(result.additions.filter((a) => !suppliedElements(padded, ['signature']).includes(a))).toEqual(['多出来的一段。']);
  });
});

it('knows every seed in examples/seeds', () => {
  const listed = new Set(seeds.map((s) => s.seed));
  for (const f of readdirSync(seedDir).filter((f) => f.endsWith('.txt'))) expect(listed.has(f), f).toBe(true);
});
