import { describe, expect, it } from 'vitest';
import { lint, loadFixture, loadSeed, spanText } from '../load.js';

const id = 'form/duplicate-sentence';

describe(id, () => {
  it('catches seed 004’s preamble saying 现将…报告如下： twice in a row, at the second', () => {
    const seed = loadSeed('004');
    const found = lint(seed).filter((d) => d.ruleId === id);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', path: 'preamble[0]', message: '这句话与前面的“现将有关情况报告如下：”重复' });
    expect(spanText(seed.source, found[0]!)).toBe('现将我镇2022年法治政府建设工作有关情况报告如下：');
  });

  it('catches the sentence seed 003 says twice, in 一（三） and again in 三（二）', () => {
    const seed = loadSeed('003');
    const found = lint(seed).filter((d) => d.ruleId === id);
    expect(found.map((d) => [d.path, spanText(seed.source, d)])).toEqual([
      ['parts[2].body[2].body[0]', '建立健全行政服务事项动态管理机制，提升政务服务标准化水平。'],
    ]);
  });

  it('lets parallel points pass', () => {
    const seed = loadSeed('000');
    seed.report.closing = ['一是加强法治宣传教育工作。二是加强法治宣传阵地建设。加强执法队伍建设。加强执法监督检查。'];
    expect(lint(seed).filter((d) => d.ruleId === id)).toEqual([]);
  });

  it('fires on a fixture and is silent on ordinary prose (seeds 000, 001, 002)', () => {
    const fixture = loadFixture('duplicate-sentence.yaml');
    expect(lint(fixture).filter((d) => d.ruleId === id).map((d) => [d.path, spanText(fixture.source, d)])).toEqual([
      ['preamble[0]', '现将我镇2023年法治政府建设情况报告如下：'],
      ['parts[1].body[0]', '全面推行行政执法公示制度，严格规范文明执法行为。'],
    ]);
    for (const s of ['000', '001', '002'] as const) expect(lint(loadSeed(s)).filter((d) => d.ruleId === id)).toEqual([]);
  });
});
