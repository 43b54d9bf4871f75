import fc from 'fast-check';
import { documentLines } from '@gongwen/model';
import type { Block, Part, Report } from '@gongwen/schema';
import { describe, expect, it } from 'vitest';
import { composeDocument, partKinds, toFullWidth } from '../src/index.js';
import { style, styleNames } from './fixtures.js';

const text = fc.constantFrom('加强组织领导。', '完善制度,规范执法;', '(一)已写编号的文字', '12.5%', '<b>&amp;', '{{x}}', 'A B');
const numbering = fc.constantFrom(undefined, 'level', 'ordinal', 'none') as fc.Arbitrary<Part['numbering']>;

const block: fc.Arbitrary<Block> = fc.letrec<{ block: Block }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.record({ heading: text, text, numbering, body: fc.array(tie('block'), { maxLength: 3 }) }, { requiredKeys: ['heading'] }),
    fc.record({ lead: text, text, numbering, body: fc.array(tie('block'), { maxLength: 2 }) }, { requiredKeys: ['lead'] }),
    fc.record({ text }, { requiredKeys: ['text'] }),
  ),
})).block;

const part: fc.Arbitrary<Part> = fc
  .record({
    kind: fc.constantFrom(...partKinds),
    includes: fc.option(fc.subarray([...partKinds]), { nil: undefined }),
    numbering,
    arabicNumbering: fc.constantFrom(undefined, 'restart', 'continue') as fc.Arbitrary<Part['arabicNumbering']>,
    body: fc.array(block, { maxLength: 5 }),
    heading: fc.option(text, { nil: undefined }),
  })
  .map((p) => {
    const out = Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as unknown as Part;
    if (out.kind === 'custom' && !out.heading) out.heading = '自定义部分';
    return out;
  });

const report: fc.Arbitrary<Report> = fc
  .record({
    parts: fc.array(part, { minLength: 1, maxLength: 6 }),
    documentNumber: fc.option(fc.constant('甲发〔2022〕1号'), { nil: undefined }),
    title: fc.option(text, { nil: undefined }),
    signature: fc.option(fc.record({ date: fc.constantFrom('2022-01-09', '2024-02-29') }), { nil: undefined }),
  })
  .map((r) => {
    const out: Report = { style: 'national', year: 2023, issuers: [{ name: '甲乡人民政府' }], parts: r.parts as Report['parts'] };
    if (r.documentNumber) out.documentNumber = r.documentNumber;
    if (r.title) out.title = r.title;
    if (r.signature) out.signature = r.signature;
    return out;
  });

describe('any valid report renders in any style', () => {
  const styles = styleNames.map(style);
  it('even one lacking a part the style requires (that is a content finding, not a render error)', () => {
    fc.assert(
      fc.property(report, (r) => {
        for (const s of styles) {
          const { document, diagnostics } = composeDocument(r, s);
          expect(diagnostics).toEqual([]);
          // Every part is there, numbered 一、二、….
          const level1 = document!.body.filter((b) => b.kind === 'heading' && b.level === 1);
          expect(level1).toHaveLength(r.parts.length);
          const printed = documentLines(document!).join('');
          expect(printed).not.toMatch(/\u0001|undefined|\[object Object\]/);
          // Nothing the data says is lost: every text of every block is printed.
          const texts: string[] = [];
          const collect = (body: readonly Block[]) => body.forEach((b) => (typeof b === 'string' ? texts.push(b) : (texts.push(...[b.heading, b.lead, b.text].filter((x): x is string => !!x)), collect(b.body ?? []))));
          r.parts.forEach((p) => collect(p.body));
          for (const t of texts) expect(printed).toContain(toFullWidth(t).trim());
        }
      }),
      { numRuns: 150 },
    );
  });
});
