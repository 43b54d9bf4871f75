import { describe, expect, it } from 'vitest';
import { lint, loadFixture, loadSeed, spanText } from '../load.js';

const id = 'form/manual-numbering';

describe(id, () => {
  it('accepts 一是…二是… running on inside a paragraph, as seeds 002 and 004 write them', () => {
    for (const s of ['000', '001', '002', '003', '004'] as const) expect(lint(loadSeed(s)).filter((d) => d.ruleId === id)).toEqual([]);
  });

  it('catches seed 004’s highlights typed as 一是…, 二是… paragraphs, and a lead that keeps its 一是', () => {
    const seed = loadSeed('004');
    // The copy's own form of 突出亮点: each paragraph opens with a typed ordinal.
    const highlights = seed.report.parts[1]!;
    highlights.body = highlights.body.map((b, i) => `${'一二三四五'[i]}是${(b as { text: string }).text}`);
    // 下一步工作计划（一） as the copy has it, with the 一是 the style adds typed into the lead as well.
    const item = (seed.report.parts[3]!.body[0] as { body: { lead: string }[] }).body[0]!;
    item.lead = `一是${item.lead}`;
    const found = lint(seed).filter((d) => d.ruleId === id);
    expect(found.map((d) => [d.path, d.message])).toEqual([
      ['parts[1].body[0]', '段落依次以“一是”等手写编号开头'],
      ['parts[3].body[0].body[0].lead', '条目已由样式编号，这里又手写了“一是”，排出来会重复编号'],
    ]);
  });

  it('does not take 一、二季度 for a typed number', () => {
    const seed = loadSeed('001');
    seed.report.closing = ['一、二季度，我镇开展法治宣传12场。'];
    expect(lint(seed).filter((d) => d.ruleId === id)).toEqual([]);
  });

  it('fires on a fixture: a part heading, an item lead and paragraphs, each at the typed number', () => {
    const fixture = loadFixture('manual-numbering.yaml');
    const found = lint(fixture).filter((d) => d.ruleId === id);
    expect(found.map((d) => [d.path, d.line, spanText(fixture.source, d)])).toEqual([
      ['parts[0].heading', 8, '一、'],
      ['parts[0].body[0].lead', 11, '一是'],
      ['parts[1].body[0]', 17, '一是'],
      ['parts[1].body[2]', 19, '（三）'],
    ]);
  });
});
