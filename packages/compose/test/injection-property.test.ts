import fc from 'fast-check';
import type { Report } from '@gongwen/schema';
import { describe, expect, it } from 'vitest';
import { composeDocument, toFullWidth } from '../src/index.js';
import { smallReport, style } from './fixtures.js';

// Text made of the characters that matter: markup, entities, mustaches, quotes, Chinese, marks.
const tricky = fc
  .array(fc.constantFrom('<', '>', '&', ';', '"', "'", '`', '=', '{', '}', '/', 'p', 'h', 'amp', 'lt', '#x3C', '中', '文', ',', '(', ')', ' ', '\n', '\u0001', '\u0002', '0', ':'), { minLength: 1, maxLength: 40 })
  .map((parts) => parts.join(''))
  .filter((s) => /[^\s\u0001\u0002]/.test(s));

/** What compose promises to print for a data string: the same text, control characters out, punctuation per style, line breaks dropped. */
function expected(s: string): string {
  return toFullWidth(s.replace(/[\u0001\u0002]/g, '').replace(/\s*\n\s*/g, '').trim());
}

describe('any data string prints literally', () => {
  it('as one paragraph with exactly its own text, in every position', () => {
    const national = style('national');
    fc.assert(
      fc.property(tricky, tricky, tricky, (a, b, c) => {
        const report: Report = {
          ...smallReport,
          preamble: [a],
          parts: [{ kind: 'measures', heading: b, body: [{ lead: c, text: a }] }, ...smallReport.parts.slice(1)] as Report['parts'],
        };
        const { document, diagnostics } = composeDocument(report, national);
        expect(diagnostics).toEqual([]);
        const [pre, heading, item] = document!.body;
        expect(pre).toEqual({ kind: 'paragraph', runs: [{ text: expected(a) }] });
        expect(heading).toMatchObject({ kind: 'heading', level: 1, marker: '一、', text: expected(b) });
        expect(item!.kind).toBe('paragraph');
        const runs = item!.kind === 'paragraph' ? item!.runs.map((r) => r.text).join('') : '';
        expect(runs).toBe(`（一）${expected(c)}${expected(a)}`);
      }),
      { numRuns: 300 },
    );
  });
});
