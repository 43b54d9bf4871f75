import { describe, expect, it } from 'vitest';
import { lint, loadFixture, loadSeed, spanText } from '../load.js';

const id = 'year/title-year';

describe(id, () => {
  it('is silent on the seeds’ real titles', () => {
    for (const s of ['000', '001', '002', '003', '004'] as const) expect(lint(loadSeed(s)).filter((d) => d.ruleId === id)).toEqual([]);
  });

  it('fires when seed 004 is re-used for 2023 and its two-line title still says 2022', () => {
    const seed = loadSeed('004');
    seed.report.year = 2023;
    const found = lint(seed).filter((d) => d.ruleId === id);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', path: 'title[1]', message: '标题写的是2022年，而 year 是2023' });
    expect(spanText(seed.source, found[0]!)).toBe('2022');
  });

  it('leaves a span of years alone, as in the title of a report on the 2021—2025 outline', () => {
    const seed = loadSeed('004');
    seed.report.title = ['汉中市南郑区法镇人民政府', '关于落实《法治政府建设实施纲要（2021—2025年）》2022年度情况的报告'];
    expect(lint(seed).filter((d) => d.ruleId === id)).toEqual([]);
    seed.report.title = '关于2021年—2025年规划及2021年度工作情况的报告';
    expect(lint(seed).filter((d) => d.ruleId === id).map((d) => d.message)).toEqual(['标题写的是2021年，而 year 是2022']);
  });

  it('fires on a fixture', () => {
    const fixture = loadFixture('title-year.yaml');
    const [d] = lint(fixture).filter((x) => x.ruleId === id);
    expect([d!.line, d!.column, spanText(fixture.source, d!)]).toEqual([8, 7, '2022']);
  });
});
