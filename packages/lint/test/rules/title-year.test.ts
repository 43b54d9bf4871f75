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

  it('fires on a fixture', () => {
    const fixture = loadFixture('title-year.yaml');
    const [d] = lint(fixture).filter((x) => x.ruleId === id);
    expect([d!.line, d!.column, spanText(fixture.source, d!)]).toEqual([8, 7, '2022']);
  });
});
