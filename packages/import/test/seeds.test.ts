/**
 * The five seeds' plain texts import to data that renders, in the seed's own style, to every
 * sentence of the seed in order, and whose structure matches the hand-written example: the same
 * part kinds, and where the nesting or a lead differs, the same rendered words.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasErrors } from '@gongwen/diagnostics';
import { describe, expect, it } from 'vitest';
import { importReport } from '../src/index.js';
import { bodyLines, compose, example, fidelity, repoRoot, seeds, seedsDir, structureDifferences, styleFacts } from './helpers.js';

/** Lines of a seed that are not report text (INDEX.md): 000's word-processor mark, 001's website line. */
function reportLines(seed: string, text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace('[bookmark: _GoBack]', ''))
    .filter((l) => !(seed.startsWith('001_') && /^作者:.*来源:.*点击数/.test(l.trim())));
}

const figures: Record<string, unknown> = {};

describe.each(seeds)('seed $seed', ({ seed, example: file }) => {
  const expected = example(file);
  const text = readFileSync(join(seedsDir, seed), 'utf8');
  const imported = importReport(text, { filename: seed, style: styleFacts(expected.style) });

  it('imports without errors to data that validates and composes in its style', () => {
    expect(imported.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(imported.yaml).toMatch(/^# yaml-language-server: \$schema=/);
    expect(imported.report!.style).toBe(expected.style);
    expect(hasErrors(imported.diagnostics)).toBe(false);
  });

  it('renders back every sentence of the seed, in order', () => {
    const doc = compose(imported.report!);
    const result = fidelity(reportLines(seed, text), doc);
    figures[seed] = result;
    expect(result.missing, 'first seed sentence not found in the rendering').toBeUndefined();
    expect(result.found).toBe(result.sentences);
  });

  it('has the structure of the hand-written example, and no difference changes the rendered text', () => {
    const got = imported.report!;
    expect(got.parts.map((p) => p.kind)).toEqual(expected.parts.map((p) => p.kind));
    expect(got.year).toBe(expected.year);
    expect(got.title).toEqual(expected.title);
    expect(got.addressee).toEqual(expected.addressee);
    expect(got.preamble).toEqual(expected.preamble);
    expect(got.documentNumber).toEqual(expected.documentNumber);
    if (got.signature) expect(got.signature).toEqual(expected.signature);
    const differences = structureDifferences(got, expected, styleFacts(expected.style).defaultNumbering);
    figures[`${seed} differences`] = differences;
    console.log(`${seed} → ${file}: ${differences.length ? `differences (imported vs hand-written):\n  ${differences.join('\n  ')}` : 'same structure'}`);
    // Only what the text of a copy cannot tell: which statutory parts a part also covers, where a
    // one-sentence item's lead ends, and the signature a copy lacks (supplied by the example).
    for (const d of differences) expect(d).toMatch(/\.includes: |\.(lead|text): (true|false) vs |^signature: absent vs present$/);
    // Whatever differs, the body renders to the same words in the same paragraphs.
    expect(bodyLines(compose(got))).toEqual(bodyLines(compose(expected)));
  });
});

it('writes the fidelity figures', () => {
  const dir = join(repoRoot, 'packages/import/test-output');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'seeds-fidelity.json'), `${JSON.stringify(figures, null, 2)}\n`);
  expect(Object.keys(figures).length).toBeGreaterThan(0);
});
