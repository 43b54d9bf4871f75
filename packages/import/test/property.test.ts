/**
 * Random reports → DOCX and plain text → import → the same report, as far as a rendering can
 * carry it: what the rendered words say, in the same places. What text cannot carry (the kind of
 * a part whose heading names none, `includes`, where a lead ends when a whole item is one
 * sentence, a numbering the style would print anyway) is listed in the README; the comparison is
 * the text of the document each report composes to, block by block.
 */
import fc from 'fast-check';
import { composeDocument } from '@gongwen/compose';
import { documentLines } from '@gongwen/model';
import { renderDocx } from '@gongwen/render-docx';
import { renderHtml } from '@gongwen/render-html';
import { renderMarkdown, renderText } from '@gongwen/render-text';
import type { Block, Part, PartKind, Report } from '@gongwen/schema';
import { describe, expect, it } from 'vitest';
import { importReport } from '../src/index.js';
import { style, styleFacts } from './helpers.js';

// Sentences as reports write them, half-width marks included (the style prints them full-width).
const sentence = fc.constantFrom('成立领导小组，定期研究法治建设。', '全年开展集中学法12次,受训干部300余人次。', '完善重大行政决策程序；落实合法性审查。', '组织“法律进乡村”活动8场，发放资料2000余份。', '行政执法“三项制度”全面落实。', '化解矛盾纠纷67件，化解率达98.5%。');
const heading = fc.constantFrom('加强组织领导', '推进依法行政', '深化普法宣传', '强化执法监督', '化解矛盾纠纷');
const lead = fc.constantFrom('健全机构。', '压实责任。', '规范执法。', '加强培训。');
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(''));

/** An item numbered at the level below (1. under （一）), with a lead or not. */
const item: fc.Arbitrary<Block> = fc.oneof(fc.record({ lead, text: paragraph }), fc.record({ text: paragraph }));
const section: fc.Arbitrary<Block> = fc.oneof(
  fc.record({ heading, body: fc.array(fc.oneof({ weight: 1, arbitrary: paragraph }, { weight: 2, arbitrary: item }), { maxLength: 3 }) }),
  fc.record({ lead, text: paragraph }),
  paragraph,
);
const kinds: PartKind[] = ['study', 'measures', 'leadership', 'shortcomings', 'plans', 'inspection', 'highlights', 'other'];
const part = (kind: PartKind): fc.Arbitrary<Part> =>
  fc.record({ numbering: fc.constantFrom(undefined, 'level', 'ordinal'), body: fc.array(section, { minLength: 1, maxLength: 4 }) }).map(({ numbering, body }) => {
    // Ordinal items carry no sub-items in practice: a heading section becomes its own paragraph.
    const flat = numbering === 'ordinal' ? body.map((b) => (typeof b === 'object' && 'heading' in b ? { lead: `${b.heading}。`, text: '全面推进各项工作。' } : b)) : body;
    return { kind, ...(numbering ? { numbering } : {}), body: flat } as Part;
  });

const report: fc.Arbitrary<Report> = fc
  .record({
    kinds: fc.subarray(kinds, { minLength: 1 }),
    seed: fc.array(part('measures'), { minLength: 8, maxLength: 8 }),
    documentNumber: fc.boolean(),
    addressee: fc.boolean(),
    closing: fc.boolean(),
    signature: fc.constantFrom(undefined, '2024-01-15', '2023-12-31'),
    notes: fc.boolean(),
    copyTo: fc.boolean(),
    printing: fc.boolean(),
    signers: fc.boolean(),
    attachments: fc.constantFrom(0, 1, 2),
  })
  .map((r) => {
    const out: Report = {
      style: 'national',
      year: 2023,
      issuers: [{ name: '甲乡人民政府' }],
      preamble: ['2023年，我乡扎实推进法治政府建设。现将有关情况报告如下：'],
      parts: r.kinds.map((kind, i) => ({ ...r.seed[i]!, kind })) as Report['parts'],
    };
    // The statutory parts national requires, so every report composes.
    for (const kind of ['measures', 'shortcomings', 'leadership', 'plans'] as const) {
      if (!r.kinds.includes(kind)) out.parts.push({ kind, body: ['按要求推进。'] });
    }
    if (r.documentNumber) out.documentNumber = '甲发〔2024〕3号';
    if (r.addressee) out.addressee = '乙县人民政府';
    if (r.closing) out.closing = ['特此报告。'];
    if (r.signature) out.signature = { date: r.signature };
    if (r.signature && r.notes) out.notes = ['此件公开发布'];
    if (r.copyTo) out.copyTo = ['乙县司法局', '乙县依法治县办'];
    if (r.printing) out.printing = { organ: '甲乡党政办公室', date: '2024-01-16' };
    if (r.documentNumber && r.signers) out.signers = ['张三'];
    if (r.attachments) out.attachments = Array.from({ length: r.attachments }, (_, i) => ({ title: `${['学法清单', '执法统计'][i]}`, body: ['见下表说明。'] }));
    return out;
  });

const national = style('national');
const facts = styleFacts('national');
const lines = (r: Report) => {
  const { document, diagnostics } = composeDocument(r, national);
  if (!document) throw new Error(JSON.stringify(diagnostics));
  return { document, lines: documentLines(document) };
};

describe('a report rendered and imported back renders to the same text', () => {
  it('draws reports with every element the importer reads', () => {
    const text = fc.sample(report, { numRuns: 200, seed: 7 }).map((r) => lines(r).lines.join('\n')).join('\n');
    for (const piece of ['甲乡人民政府文件', '甲发〔2024〕3号', '乙县人民政府：', '（一）', '1.', '一是', '特此报告。', '2024年1月15日', '（此件公开发布）', '附件：1.学法清单', '附件2', '抄送：乙县司法局，乙县依法治县办。', '规范执法。', '甲乡党政办公室', '2024年1月16日印发', '签发人：张三']) {
      expect(text, piece).toContain(piece);
    }
  });

  it('through plain text', () => {
    fc.assert(
      fc.property(report, (r) => {
        const original = lines(r);
        const imported = importReport(renderText(original.document), { filename: 'r.txt', style: facts });
        expect(imported.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(lines(imported.report!).lines).toEqual(original.lines);
      }),
      { numRuns: 150 },
    );
  });

  it.each([
    ['Markdown', 'r.md', renderMarkdown],
    ['the web page', 'r.html', renderHtml],
  ] as const)('through %s', (_, filename, render) => {
    fc.assert(
      fc.property(report, (r) => {
        const original = lines(r);
        const imported = importReport(render(original.document), { filename, style: facts });
        expect(imported.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(lines(imported.report!).lines).toEqual(original.lines);
      }),
      { numRuns: 100 },
    );
  });

  it('through DOCX', async () => {
    await fc.assert(
      fc.asyncProperty(report, async (r) => {
        const original = lines(r);
        const { docx } = await renderDocx(original.document);
        const imported = importReport(docx, { filename: 'r.docx', style: facts });
        expect(imported.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(lines(imported.report!).lines).toEqual(original.lines);
      }),
      { numRuns: 60 },
    );
  });
});
