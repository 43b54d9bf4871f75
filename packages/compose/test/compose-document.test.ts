import { documentLines } from '@gongwen/model';
import { renderText } from '@gongwen/render-text';
import type { Report } from '@gongwen/schema';
import { describe, expect, it } from 'vitest';
import { composeDocument } from '../src/index.js';
import { smallReport, style } from './fixtures.js';
import { png } from '@gongwen/test-kit/images';

describe('composeDocument (national style, a report of our own)', () => {
  const { document, diagnostics } = composeDocument(smallReport, style('national'));
  const lines = documentLines(document!);

  it('renders without diagnostics', () => {
    expect(diagnostics).toEqual([]);
    expect(document).toBeDefined();
  });

  it('builds the red header from the document number and issuers', () => {
    expect(document!.header).toEqual({ organs: ['中共甲乡委员会', '甲乡人民政府'], suffix: '文件', documentNumber: '甲发〔2022〕3号' });
  });

  it('composes the default title and adds the addressee colon', () => {
    // Too long for one line: the joint issuers above, 关于… below (GB/T 9704 7.3.1, a trapezoid).
    expect(document!.title).toEqual(['中共甲乡委员会 甲乡人民政府', '关于2021年度法治政府建设情况的报告']);
    expect(document!.addressee).toBe('乙县人民政府：');
  });

  it('words part headings with the year and numbers the levels', () => {
    expect(lines).toContain('一、2021年推进法治政府建设的主要举措和成效');
    expect(lines).toContain('（一）加强组织领导');
    expect(lines).toContain('1.健全机构。成立领导小组。');
    expect(lines).toContain('2.压实责任。签订责任书。');
    expect(lines).toContain('（二）推进依法行政');
    expect(lines).toContain('一是规范执法。全面推行三项制度。');
    // In its own style the report keeps its own order: 不足 second, as written.
    expect(lines).toContain('二、2021年推进法治政府建设存在的不足和原因');
    expect(lines).toContain('一是学法不够深入。');
    // 2022: plans speak of the next year.
    expect(lines).toContain('四、2022年推进法治政府建设的主要安排');
  });

  it('orders parts as the style says for a report written for another style (leadership before shortcomings in the statutory order)', () => {
    const restyled = composeDocument({ ...smallReport, style: 'liaoning' }, style('national')).document!;
    const headings = restyled.body.filter((b) => b.kind === 'heading' && b.level === 1).map((b) => (b.kind === 'heading' ? b.marker + b.text : ''));
    expect(headings[1]).toMatch(/^二、2021年党政主要负责人/);
    expect(headings[2]).toMatch(/^三、2021年推进法治政府建设存在/);
  });

  it('makes half-width punctuation in data full-width', () => {
    expect(lines).toContain('现将有关情况报告如下：');
    expect(lines).toContain('一年来，我乡扎实推进法治政府建设。');
  });

  it('sets a level-2 run-in lead in 楷体', () => {
    const report: Report = { ...smallReport, parts: [{ kind: 'measures', body: [{ lead: '加强组织领导。', text: '成立小组。' }] }, ...smallReport.parts.slice(1)] };
    const doc = composeDocument(report, style('national')).document!;
    const p = doc.body.find((b) => b.kind === 'paragraph' && b.runs[0]?.text.startsWith('（一）'));
    expect(p).toEqual({ kind: 'paragraph', runs: [{ text: '（一）加强组织领导。', role: 'heading2' }, { text: '成立小组。' }] });
  });

  it('fills signature, notes and 版记', () => {
    expect(document!.signature).toEqual({ organs: ['中共甲乡委员会', '甲乡人民政府'], date: '2022年1月9日', seals: [] });
    expect(document!.notes).toEqual(['（此件公开发布）']);
    expect(document!.endMatter).toEqual({ copyTo: '抄送：乙县司法局，乙县依法治县办。', printer: '甲乡党政办公室', printDate: '2022年1月10日印发' });
    expect(document!.meta).toMatchObject({ author: '中共甲乡委员会、甲乡人民政府', created: '2022-01-09' });
  });

  it('continues arabic numbering through a part when asked', () => {
    const report: Report = {
      ...smallReport,
      parts: [
        { kind: 'measures', arabicNumbering: 'continue', body: [{ heading: '甲', body: [{ text: '一项。' }, { text: '二项。' }] }, { heading: '乙', body: [{ text: '三项。' }] }] },
        ...smallReport.parts.slice(1),
      ],
    };
    const text = renderText(composeDocument(report, style('national')).document!);
    expect(text).toContain('3.三项。');
  });

  it('takes seal images from the assets the caller read, and reports a missing one', () => {
    const report: Report = { ...smallReport, signature: { date: '2022-01-09', seals: ['seal.png'] } };
    const image = new Uint8Array(png(32, 32));
    const ok = composeDocument(report, style('national'), { assets: { 'seal.png': image } });
    expect(ok.document!.signature!.seals).toEqual([{ image, organ: '中共甲乡委员会' }]);
    const missing = composeDocument(report, style('national'), { assets: {} });
    expect(missing.document).toBeUndefined();
    expect(missing.diagnostics).toMatchObject([{ severity: 'error', ruleId: 'compose/missing-asset', path: 'signature.seals[0]' }]);
  });

  it('numbers a hundred and more subsections and items in Chinese: 一百、一百零一', () => {
    const sections = Array.from({ length: 101 }, (_, i) => ({ heading: `第${i + 1}项工作`, body: [`做了第${i + 1}件事。`] }));
    const items = Array.from({ length: 110 }, (_, i) => ({ lead: `第${i + 1}条。`, text: '内容。' }));
    const report: Report = { ...smallReport, parts: [{ kind: 'measures', body: sections }, { kind: 'shortcomings', numbering: 'ordinal', body: items }, ...smallReport.parts.slice(2)] };
    const r = composeDocument(report, style('national'));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const text = documentLines(r.document!);
    expect(text).toContain('（一百）第100项工作');
    expect(text).toContain('（一百零一）第101项工作');
    expect(text.some((l) => l.startsWith('一百一十是第110条。'))).toBe(true);
  });

  it('refuses a seal image that is damaged, too large or not an image, at the seal in the YAML', () => {
    const report: Report = { ...smallReport, signature: { date: '2022-01-09', seals: ['seal.png'] } };
    const locate = (path: (string | number)[]) => (path.join('.') === 'signature.seals.0' ? { line: 30, column: 11 } : undefined);
    const cases: [Uint8Array, string][] = [
      [png(32, 32).subarray(0, 40), 'seal/corrupt'],
      [png(20000, 20000, 'grey1'), 'seal/too-large'],
      [new TextEncoder().encode('<svg/>'), 'seal/format'],
    ];
    for (const [image, ruleId] of cases) {
      const r = composeDocument(report, style('national'), { assets: { 'seal.png': image }, filename: 'r.yaml', locate });
      expect(r.document).toBeUndefined();
      expect(r.diagnostics).toMatchObject([{ severity: 'error', ruleId, file: 'r.yaml', line: 30, column: 11, path: 'signature.seals[0]' }]);
      expect(r.diagnostics[0]!.message).toMatch(/印章图片 seal\.png/);
    }
  });

  it('renders a custom part in every style with its own heading', () => {
    for (const name of ['national', 'guangdong', 'ningxia', 'liaoning', 'shaanxi']) {
      const report: Report = { ...smallReport, parts: [...smallReport.parts, { kind: 'custom', heading: '群众满意度调查', body: ['满意率98%。'] }] };
      const doc = composeDocument(report, style(name)).document!;
      expect(documentLines(doc).some((l) => /^[一二三四五六七八九十]+、群众满意度调查$/.test(l)), name).toBe(true);
    }
  });

  it('prints attachments, their note and an upward header with 签发人', () => {
    const report: Report = {
      ...smallReport,
      signers: ['张三', '李四'],
      attachments: [{ title: '2021年法治建设工作台账', body: ['台账内容。'] }, { title: '问题整改清单' }],
    };
    const doc = composeDocument(report, style('national')).document!;
    expect(doc.header!.signers).toEqual(['张三', '李四']);
    expect(doc.attachmentNote).toEqual(['2021年法治建设工作台账', '问题整改清单']);
    expect(doc.attachments).toEqual([
      { label: '附件1', title: ['2021年法治建设工作台账'], body: [{ kind: 'paragraph', runs: [{ text: '台账内容。' }] }] },
      { label: '附件2', title: ['问题整改清单'], body: [] },
    ]);
    const text = renderText(doc);
    expect(text).toMatch(/附件：1\.2021年法治建设工作台账\n　+2\.问题整改清单/);
    expect(text).toMatch(/甲发〔2022〕3号　+签发人：张三　李四/);
  });
});
