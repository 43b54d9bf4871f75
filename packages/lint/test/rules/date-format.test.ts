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
