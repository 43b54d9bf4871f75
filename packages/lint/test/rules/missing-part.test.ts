import { describe, expect, it } from 'vitest';
import { lint, loadFixture, loadSeed, loadStyle } from '../load.js';

const id = 'content/missing-part';

describe(id, () => {
  it('finds that seed 002 reports neither the first-responsible-person duties nor other matters', () => {
    const seed = loadSeed('002');
    const found = lint(seed).filter((d) => d.ruleId === id);
    expect(found.map((d) => d.message)).toEqual([
      '缺少法定部分“党政主要负责人履行推进法治建设第一责任人职责情况”（leadership）',
      '缺少法定部分“其他需要报告的情况”（other）',
    ]);
    expect(found[0]).toMatchObject({ severity: 'error', path: 'parts', line: 21, column: 3 });
    expect(found[0]!.hint).toContain('includes: [leadership]');
  });

  it('counts a part merged into another through includes (seed 000 reports leadership inside measures)', () => {
    expect(lint(loadSeed('000')).filter((d) => d.ruleId === id)).toEqual([]);
    const seed = loadSeed('000');
    seed.report.parts[1]!.includes = [];
    expect(lint(seed).filter((d) => d.ruleId === id).map((d) => d.path)).toEqual(['parts']);
  });

  it('fires on a fixture and follows the style’s required list when there is one', () => {
    const fixture = loadFixture('missing-part.yaml');
    expect(lint(fixture).filter((d) => d.ruleId === id)).toHaveLength(2);
    const style = { requiredParts: ['measures', 'shortcomings', 'plans'] as const };
    expect(lint(fixture, { style: { requiredParts: [...style.requiredParts] } }).filter((d) => d.ruleId === id)).toEqual([]);
    expect(
      lint(fixture, { style: { requiredParts: ['measures', 'study'] } }).filter((d) => d.ruleId === id).map((d) => d.message),
    ).toEqual(['缺少法定部分“学习贯彻习近平法治思想的情况”（study）']);
  });

  it('reads the style manifest: Ningxia asks for three parts, the national style also for 第一责任人职责', () => {
    const seed = loadSeed('002');
    expect(lint(seed, { style: loadStyle('ningxia') }).filter((d) => d.ruleId === id)).toEqual([]);
    expect(lint(seed, { style: loadStyle('national') }).filter((d) => d.ruleId === id).map((d) => d.message)).toEqual([
      '缺少法定部分“党政主要负责人履行推进法治建设第一责任人职责情况”（leadership）',
    ]);
  });

  it('speaks English on request', () => {
    const [d] = lint(loadFixture('missing-part.yaml'), { lang: 'en' }).filter((x) => x.ruleId === id);
    expect(d!.message).toBe(
      'the statutory part “how the principal Party and government leaders fulfilled their duty as first responsible persons” (leadership) is missing',
    );
  });
});

describe(`${id} with the style's own headings`, () => {
  it('names the part as the style would head it, once', () => {
    const seed = loadSeed('002');
    const found = lint(seed, { style: { name: 'liaoning', requiredParts: ['leadership'], headings: { leadership: '2020年党政主要负责人履行推进法治建设第一责任人职责情况' } } }).filter((d) => d.ruleId === id);
    expect(found.map((d) => d.message)).toEqual(['缺少“2020年党政主要负责人履行推进法治建设第一责任人职责情况”部分（leadership），样式 liaoning 要求有这一部分']);
  });
});
