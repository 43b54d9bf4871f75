import { describe, expect, it } from 'vitest';
import { findHalfwidth, fixHalfwidth } from '../../src/index.js';
import { lint, loadFixture, loadSeed, spanText } from '../load.js';

const id = 'form/halfwidth-punctuation';

describe(id, () => {
  it('catches seed 001’s web-copy commas, one warning per string at the first mark', () => {
    const seed = loadSeed('001');
    const found = lint(seed).filter((d) => d.ruleId === id);
    const heading = found.find((d) => d.path === 'parts[0].body[0].heading')!;
    expect(heading).toMatchObject({ severity: 'warning', message: '中文文字中有半角标点“,”', line: 30, column: 24 });
    expect(spanText(seed.source, heading)).toBe(',');
    // 001 has no Latin text: every string that carries a half-width mark is flagged, and no other.
    const withMarks = [...seed.source.matchAll(/^\s*(?:- )?(?:heading: |lead: |text: )?"?([^#\n]*[\u4e00-\u9fff][^#\n]*)$/gm)]
      .filter((m) => /[,;:()?!]/.test(m[1]!.replace(/^\w+: /, ''))).length;
    expect(found).toHaveLength(withMarks);
    expect(found).toHaveLength(26);
    expect(found.find((d) => d.path === 'parts[1].body[0]')!.message).toBe('中文文字中有 8 处半角标点（, : ;），第一处在此');
  });

  it('catches seed 000’s single 十九大,十九届 slip in the preamble', () => {
    const seed = loadSeed('000');
    const found = lint(seed).filter((d) => d.ruleId === id);
    expect(found.map((d) => [d.path, d.line, spanText(seed.source, d)])).toEqual([['preamble[0]', 27, ',']]);
    expect(seed.source.split('\n')[26]!.slice(found[0]!.column! - 4, found[0]!.column! + 3)).toBe('十九大,十九届');
  });

  it('fires on a fixture and leaves times, decimals, URLs and Latin text alone', () => {
    const fixture = loadFixture('halfwidth-punctuation.yaml');
    const found = lint(fixture).filter((d) => d.ruleId === id);
    expect(found.map((d) => d.path)).toEqual(['parts[0].body[0]', 'parts[0].body[1]', 'parts[0].body[3]']);
    expect(fixHalfwidth('主要做法是:每天8:30前完成巡查,合格率达99.5%,详见 http://qs.gov.cn 网站。')).toBe(
      '主要做法是：每天8:30前完成巡查，合格率达99.5%，详见 http://qs.gov.cn 网站。',
    );
    expect(fixHalfwidth('全年召开会议12次,审议事项38项;各村(居)均设调解室。')).toBe('全年召开会议12次，审议事项38项；各村（居）均设调解室。');
    expect(findHalfwidth('Email: info@qs.gov.cn (weekdays)')).toEqual([]);
    expect(fixHalfwidth('(一)加强组织领导, 健全组织机构?')).toBe('（一）加强组织领导，健全组织机构？');
    expect(fixHalfwidth('共1,200人,占12.5%')).toBe('共1,200人，占12.5%');
  });
});
