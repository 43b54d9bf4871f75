import { describe, expect, it } from 'vitest';
import { lint, loadFixture, loadSeed } from '../load.js';

const id = 'stats/sum';

describe(id, () => {
  it('checks seed 003’s figures: 67 = 2+25+27+1+2+10 and 128 = 30+98 add up', () => {
    expect(lint(loadSeed('003')).filter((d) => d.ruleId === id)).toEqual([]);
  });

  it('catches seed 003’s dispute breakdown with one category dropped', () => {
    const seed = loadSeed('003');
    seed.report.figures![0]!.parts.pop();
    const [d] = lint(seed).filter((x) => x.ruleId === id);
    expect(d).toMatchObject({ severity: 'error', path: 'figures[0].total', message: '“排查出纠纷”总数是67件，分项相加是2+25+27+1+2=57件' });
    expect(d!.line).toBeGreaterThan(100);
  });

  it('fires on a fixture at the total', () => {
    const [d] = lint(loadFixture('stats-sum.yaml')).filter((x) => x.ruleId === id);
    expect([d!.line, d!.column]).toEqual([12, 12]);
  });
});
