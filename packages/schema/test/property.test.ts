import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadReport } from '../src/index.js';
import { cpuTimed } from './cpu-time.js';

/** The five real reports in examples/. */
function seedSources(): string[] {
  const dir = new URL('../../../examples/', import.meta.url);
  const sources = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => readFileSync(new URL(f, dir), 'utf8'));
  if (sources.length < 5) throw new Error(`expected the five example reports in examples/, found ${sources.length}`);
  return sources;
}

const sources = seedSources();
const source = fc.constantFrom(...sources);

/** Every input ends in a report or in positioned errors, quickly, without an exception. */
function holds(input: string | Uint8Array): void {
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  const maxLine = text.split('\n').length + 1;
  const { result, ms } = cpuTimed(() => loadReport(input, { filename: 'mutated.yaml' }));
  expect(ms, `took ${ms.toFixed(0)} ms`).toBeLessThan(1000);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (result.report) expect(errors).toEqual([]);
  else expect(errors.length).toBeGreaterThan(0);
  for (const d of result.diagnostics) {
    expect(d.ruleId).toMatch(/^(input|yaml|schema)\/[a-z-]+$/);
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.file).toBe('mutated.yaml');
    expect(Number.isInteger(d.line) && d.line! >= 1 && d.line! <= maxLine, `line ${d.line} of ${maxLine}`).toBe(true);
    expect(Number.isInteger(d.column) && d.column! >= 1, `column ${d.column}`).toBe(true);
    expect(d.endLine! > d.line! || (d.endLine === d.line && d.endColumn! >= d.column!), `span ${JSON.stringify(d)}`).toBe(true);
  }
}

const lines = (s: string) => s.split('\n');
const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

const valueLine = /^(\s*(?:- )?[\w$]+:)\s*(.*)$/;
const replacements = [
  '42',
  '-1.5',
  'true',
  'null',
  '~',
  '',
  '[]',
  '{}',
  '[1, [2, [3]]]',
  '{ a: 1, b: [x] }',
  '"x"',
  "''",
  '2022-02-30',
  '0x1F',
  '.inf',
  '!!str 5',
  '!!js/function "f"',
  '&anchor x',
  '*missing',
  '|\n  块文字\n  第二行',
  '- a\n- b',
  '交发[2022]08号',
  '"unterminated',
  '{{ lookup . "constructor" }}',
];

const mutations = {
  'deleted lines': fc.tuple(source, fc.array(fc.nat(), { minLength: 1, maxLength: 6 })).map(([src, at]) => {
    const ls = lines(src);
    for (const n of at) ls.splice(n % ls.length, 1);
    return ls.join('\n');
  }),
  'swapped types': fc.tuple(source, fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 4 })).map(([src, edits]) => {
    const ls = lines(src);
    const candidates = ls.map((l, i) => (valueLine.test(l) ? i : -1)).filter((i) => i >= 0);
    for (const [which, what] of edits) {
      const i = pick(candidates, which);
      ls[i] = ls[i]!.replace(valueLine, (_, key: string) => `${key} ${pick(replacements, what)}`);
    }
    return ls.join('\n');
  }),
  'random bytes': fc
    .tuple(source, fc.array(fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 12 })), { minLength: 1, maxLength: 4 }))
    .map(([src, inserts]) => {
      let bytes = new TextEncoder().encode(src);
      for (const [at, chunk] of inserts) {
        const i = at % (bytes.length + 1);
        const next = new Uint8Array(bytes.length + chunk.length);
        next.set(bytes.subarray(0, i));
        next.set(chunk, i);
        next.set(bytes.subarray(i), i + chunk.length);
        bytes = next;
      }
      return bytes;
    }),
  'YAML punctuation': fc
    .tuple(
      source,
      fc.array(
        fc.tuple(
          fc.nat(),
          fc.constantFrom(
            ':',
            ': ',
            '- ',
            '[',
            ']',
            '{',
            '}',
            '"',
            "'",
            '&a ',
            '*a',
            '!',
            '|',
            '>',
            '#',
            '\t',
            '\n',
            '  ',
            '---\n',
            '? ',
            ',',
            '%',
            '@',
            '`',
            '\r',
          ),
        ),
        { minLength: 1, maxLength: 8 },
      ),
    )
    .map(([src, inserts]) => {
      let s = src;
      for (const [at, text] of inserts) {
        const i = at % (s.length + 1);
        s = s.slice(0, i) + text + s.slice(i);
      }
      return s;
    }),
  truncated: fc.tuple(source, fc.nat()).map(([src, at]) => {
    // Cut anywhere, also inside a multi-byte character.
    const bytes = new TextEncoder().encode(src);
    return bytes.subarray(0, at % (bytes.length + 1));
  }),
  'anchors and aliases': fc
    .tuple(source, fc.array(fc.tuple(fc.nat(), fc.boolean(), fc.constantFrom('a', 'b')), { minLength: 1, maxLength: 12 }))
    .map(([src, edits]) => {
      const ls = lines(src);
      const candidates = ls.map((l, i) => (valueLine.test(l) ? i : -1)).filter((i) => i >= 0);
      for (const [which, anchor, name] of edits) {
        const i = pick(candidates, which);
        ls[i] = ls[i]!.replace(valueLine, (_, key: string, value: string) => (anchor ? `${key} &${name} ${value}` : `${key} *${name}`));
      }
      return ls.join('\n');
    }),
  'deep nesting': fc
    .tuple(source, fc.nat(), fc.integer({ min: 10, max: 5_000 }), fc.constantFrom('flow', 'block', 'sections'))
    .map(([src, at, depth, how]) => {
      const ls = lines(src);
      const i = at % ls.length;
      const nested =
        how === 'flow'
          ? `deep: ${'['.repeat(depth)}${']'.repeat(depth % 3 === 0 ? depth : 0)}`
          : how === 'block'
            ? Array.from({ length: Math.min(depth, 400) }, (_, k) => `${' '.repeat(k)}k:`).join('\n')
            : `closing:\n${Array.from({ length: Math.min(depth, 200) }, (_, k) => `${'  '.repeat(k + 1)}- body:`).join('\n')}`;
      ls.splice(i, 0, nested);
      return ls.join('\n');
    }),
  'huge strings': fc
    .tuple(source, fc.nat(), fc.integer({ min: 1_000, max: 250_000 }), fc.constantFrom('x', '字', '😀', '"', '\\', ' '))
    .map(([src, at, length, ch]) => {
      const ls = lines(src);
      const candidates = ls.map((l, i) => (valueLine.test(l) ? i : -1)).filter((i) => i >= 0);
      const i = pick(candidates, at);
      ls[i] = ls[i]!.replace(valueLine, (_, key: string) => `${key} ${ch.repeat(length)}`);
      return ls.join('\n');
    }),
};

// Cheap mutations run most; the nesting and huge-string ones cost tens of milliseconds each.
const runs: Record<keyof typeof mutations, number> = {
  'deleted lines': 2000,
  'swapped types': 2000,
  'random bytes': 2000,
  'YAML punctuation': 1800,
  truncated: 800,
  'anchors and aliases': 600,
  'deep nesting': 500,
  'huge strings': 300,
};

describe('loadReport on mutated reports', () => {
  it('has seeds to mutate, and they load cleanly', () => {
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources) expect(loadReport(s).diagnostics).toEqual([]);
  });

  it('runs at least 10,000 mutations in all', () => {
    expect(Object.values(runs).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(10_000);
  });

  for (const [kind, arbitrary] of Object.entries(mutations) as [keyof typeof mutations, fc.Arbitrary<string | Uint8Array>][]) {
    it(kind, () => {
      fc.assert(fc.property(arbitrary, holds), { numRuns: runs[kind] });
    });
  }
});
