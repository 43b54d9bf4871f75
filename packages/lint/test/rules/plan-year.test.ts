import { describe, expect, it } from 'vitest';
import { lint, loadFixture, loadSeed, spanText } from '../load.js';

const id = 'year/plan-year';

describe(id, () => {
  it('catches seed 002 saying 2020年，我乡将… under 下一步工作 in its 2020 report', () => {
    const seed = loadSeed('002');
    const found = lint(seed).filter((d) => d.ruleId === id);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', path: 'parts[2].body[0]', line: 55, column: 9 });
    expect(spanText(seed.source, found[0]!)).toBe('2020年，我乡将');
    expect(found[0]!.hint).toContain('2021年');
    // `only` runs just the named rules.
    expect(lint(seed, { only: [id] })).toEqual(found);
  });

  it('is silent once the slip is fixed, and on the plans of the other seeds', () => {
    const seed = loadSeed('002');
    seed.report.parts[2]!.body[0] = (seed.report.parts[2]!.body[0] as string).replace('2020年', '2021年');
    expect(lint(seed).filter((d) => d.ruleId === id)).toEqual([]);
    for (const s of ['000', '001', '003', '004'] as const) expect(lint(loadSeed(s)).filter((d) => d.ruleId === id)).toEqual([]);
  });

  it('leaves a look back at the covered year alone', () => {
    const seed = loadSeed('002');
    seed.report.parts[2]!.body[0] = '在巩固2020年成果的基础上，我乡将进一步提高认识。2020年以来形成的经验将继续推广。';
    expect(lint(seed).filter((d) => d.ruleId === id)).toEqual([]);
  });

  it('fires on a fixture: a plan heading and a plan sentence with the covered year, not a look back at it', () => {
    const fixture = loadFixture('plan-year.yaml');
    const found = lint(fixture).filter((d) => d.ruleId === id);
    expect(found.map((d) => [d.path, spanText(fixture.source, d)])).toEqual([
      ['parts[1].heading', '2023年'],
      ['parts[1].body[1].text', '2023年计划'],
    ]);
  });
});
