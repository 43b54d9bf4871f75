import { describe, expect, it } from 'vitest';
import { lint, loadFixture, loadSeed, spanText } from '../load.js';

const id = 'form/date-format';

describe(id, () => {
  it('is silent on the seeds, which write dates as 2022年1月9日', () => {
    for (const s of ['000', '001', '002', '003', '004'] as const) expect(lint(loadSeed(s)).filter((d) => d.ruleId === id)).toEqual([]);
  });

  it('catches a zero-padded date put into seed 001’s closing', () => {
    const seed = loadSeed('001');
    seed.report.closing = ['特此报告。截至2021年12月01日，全部整改到位。'];
    const [d] = lint(seed).filter((x) => x.ruleId === id);
    expect(d).toMatchObject({ severity: 'warning', path: 'closing[0]', message: '日期中的月、日不编虚位：“2021年12月01日”', hint: '写作“2021年12月1日”；gongwen lint --fix 可自动改正' });
  });

  it('fires on a fixture: zero padding and Chinese numerals, each at its place', () => {
    const fixture = loadFixture('date-format.yaml');
    const found = lint(fixture).filter((d) => d.ruleId === id);
    expect(found.map((d) => [spanText(fixture.source, d), d.hint])).toEqual([
      ['2023年03月05日', '写作“2023年3月5日”；gongwen lint --fix 可自动改正'],
      ['二〇二三年十二月二十八日', '写作“2023年12月28日”；gongwen lint --fix 可自动改正'],
    ]);
  });
});

describe(`${id} leaves official names alone`, () => {
  it('does not fire on 二〇三五年远景目标 nor on anything inside 《》', () => {
    const seed = loadSeed('001');
    seed.report.closing = [
      '对照《国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》抓好落实，贯彻二〇三五年远景目标。',
      '学习《关于2021年01月05日会议精神的通知》。',
    ];
    expect(lint(seed).filter((d) => d.ruleId === id)).toEqual([]);
  });

  it('still fires on a date outside 《》 on the same line', () => {
    const seed = loadSeed('001');
    seed.report.closing = ['学习《二〇二一年一月五日会议纪要》，于二〇二一年一月五日完成。'];
    const found = lint(seed).filter((d) => d.ruleId === id);
    expect(found.map((d) => d.message)).toEqual(['日期应当用阿拉伯数字：“二〇二一年一月五日”']);
    expect(found[0]!.hint).toBe('写作“2021年1月5日”；gongwen lint --fix 可自动改正');
  });
});
