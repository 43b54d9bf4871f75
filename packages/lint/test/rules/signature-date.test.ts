import { describe, expect, it } from 'vitest';
import { lint, loadFixture, loadSeed } from '../load.js';

const id = 'year/signature-date';

describe(id, () => {
  it('accepts the real dates: 000 on 2022-01-09 and 001 on 2021-12-31, the last day of its year', () => {
    for (const s of ['000', '001', '002', '003', '004'] as const) expect(lint(loadSeed(s)).filter((d) => d.ruleId === id)).toEqual([]);
  });

  it('warns when seed 000 is dated after the 1 April publication deadline', () => {
    const seed = loadSeed('000');
    seed.report.signature!.date = '2022-04-02';
    const [d] = lint(seed).filter((x) => x.ruleId === id);
    expect(d).toMatchObject({ severity: 'warning', path: 'signature.date', message: '成文日期2022年4月2日晚于2022年4月1日，年度报告须在每年4月1日前向社会公开' });
    seed.report.signature!.date = '2022-04-01';
    expect(lint(seed).filter((x) => x.ruleId === id)).toEqual([]);
  });

  it('fires on a fixture dated before the covered year is over, at the date in the YAML', () => {
    const [d] = lint(loadFixture('signature-date.yaml')).filter((x) => x.ruleId === id);
    expect(d).toMatchObject({ severity: 'warning', line: 13, column: 9, message: '成文日期2023年11月30日早于2023年度结束，年度报告应在年度终了后成文' });
  });
});
