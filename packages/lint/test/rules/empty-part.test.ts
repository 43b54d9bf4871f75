import { describe, expect, it } from 'vitest';
import { lint, loadFixture, loadSeed } from '../load.js';

const id = 'content/empty-part';

describe(id, () => {
  it('accepts “无。” under 其他需要报告的情况 (seed 000) but not under a part that needs substance', () => {
    expect(lint(loadSeed('000')).filter((d) => d.ruleId === id)).toEqual([]);
    const seed = loadSeed('000');
    // Seed 000's 不足和原因 cut down to a placeholder, as returned reports often are.
    seed.report.parts[2]!.body = ['无。'];
    const [d] = lint(seed).filter((x) => x.ruleId === id);
    expect(d).toMatchObject({ severity: 'error', path: 'parts[2].body', message: '“推进法治政府建设存在的不足和原因”只写了“无。”，法定部分需要写明实际情况' });
  });

  it('fires on a fixture: a placeholder part and a part with no content at all', () => {
    const found = lint(loadFixture('empty-part.yaml')).filter((d) => d.ruleId === id);
    expect(found.map((d) => [d.path, d.line, d.column])).toEqual([
      ['parts[1].body', 12, 7],
      ['parts[2]', 13, 5],
    ]);
    expect(found[1]!.message).toBe('“党政主要负责人履行推进法治建设第一责任人职责情况”没有内容');
  });
});
