import { describe, expect, it } from 'vitest';
import { lint, loadFixture, loadSeed, spanText } from '../load.js';
import { lintReport } from '../../src/index.js';

const id = 'form/document-number';

describe(id, () => {
  it('accepts seed 000’s 交发〔2022〕8号', () => {
    expect(lint(loadSeed('000')).filter((d) => d.ruleId === id)).toEqual([]);
  });

  it('catches the ways seed 000’s number gets mistyped', () => {
    const cases: [string, string[]][] = [
      ['交发[2022]8号', ['发文字号的年份应当用六角括号〔〕括入，这里写的是“[2022]”']],
      ['交发（2022）8号', ['发文字号的年份应当用六角括号〔〕括入，这里写的是“（2022）”']],
      ['交发〔2022〕08号', ['发文字号的序号不编虚位，“08”应写作“8”']],
      ['交发〔2022〕第8号', ['发文字号的序号前不加“第”']],
      ['交发〔2022〕8', ['发文字号的序号后应加“号”']],
    ];
    for (const [number, messages] of cases) {
      const seed = loadSeed('000');
      seed.report.documentNumber = number;
      const found = lintReport(seed.report).filter((d) => d.ruleId === id);
      expect(found.map((d) => d.message)).toEqual(messages);
      expect(found[0]!.hint).toBe('改为“交发〔2022〕8号”；gongwen lint --fix 可自动改正');
    }
  });

  it('fires on a fixture with each problem pointed at', () => {
    const fixture = loadFixture('document-number.yaml');
    const found = lint(fixture).filter((d) => d.ruleId === id);
    expect(found.map((d) => spanText(fixture.source, d))).toEqual(['[2024]', '第', '03']);
    expect(found.every((d) => d.severity === 'error' && d.line === 4)).toBe(true);
  });
});
