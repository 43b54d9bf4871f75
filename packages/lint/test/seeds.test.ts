import { describe, expect, it } from 'vitest';
import { rules } from '../src/index.js';
import { lint, loadFixture, loadSeed, loadStyle, seeds } from './load.js';

/**
 * Which rules fire on which seed, linted against its own style's manifest as `gongwen lint`
 * does. Each entry is a real slip of the published report; every rule not listed must stay
 * silent on that seed.
 */
const expected: Record<keyof typeof seeds, Record<string, number>> = {
  // 十九大,十九届 in the preamble.
  '000': { 'form/halfwidth-punctuation': 1 },
  // Web copy: half-width punctuation in 26 strings.
  '001': { 'form/halfwidth-punctuation': 26 },
  // 2020年，我乡将… in the plans; half-width : ( ) , ; in 5 strings.
  '002': { 'year/plan-year': 1, 'form/halfwidth-punctuation': 5 },
  // One sentence said twice (一（三） and 三（二）).
  '003': { 'form/duplicate-sentence': 1 },
  // 等活动,切实推动… in 一（八）; 现将…报告如下： twice in the preamble.
  '004': { 'form/halfwidth-punctuation': 1, 'form/duplicate-sentence': 1 },
};

function counts(ids: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id of ids) out[id] = (out[id] ?? 0) + 1;
  return out;
}

describe('the five seeds', () => {
  for (const seed of Object.keys(seeds) as (keyof typeof seeds)[]) {
    it(`seed ${seed}: exactly the rules that should fire, and every other rule silent`, () => {
      const loaded = loadSeed(seed);
      const found = lint(loaded, { style: loadStyle(loaded.report.style) });
      expect(counts(found.map((d) => d.ruleId))).toEqual(expected[seed]);
      // Every diagnostic points into the file, and they come in source order.
      for (const d of found) expect(d.line).toBeGreaterThan(0);
      const lines = found.map((d) => d.line!);
      expect(lines).toEqual([...lines].sort((a, b) => a - b));
    });
  }

  it('against the statutory five parts, the seeds lack 其他需要报告的情况, and 002 also 第一责任人职责', () => {
    const missing = (Object.keys(seeds) as (keyof typeof seeds)[]).map((s) =>
      lint(loadSeed(s), { lang: 'en' }).filter((d) => d.ruleId === 'content/missing-part').map((d) => /\((\w+)\)/.exec(d.message)![1]),
    );
    expect(missing).toEqual([[], ['other'], ['leadership', 'other'], ['other'], ['other']]);
  });

  it('every rule fires on its fixture and the clean fixture is silent', () => {
    // Linted on a fixed day, for the rule about dates in the future.
    const today = '2024-03-14';
    expect(lint(loadFixture('clean.yaml'), { today })).toEqual([]);
    for (const rule of rules) {
      const name = rule.id.split('/')[1] === 'sum' ? 'stats-sum' : rule.id.split('/')[1]!;
      expect(lint(loadFixture(`${name}.yaml`), { today }).some((d) => d.ruleId === rule.id), rule.id).toBe(true);
    }
  });

  it('every rule has a stable id, a severity and descriptions in both languages', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of rules) {
      expect(rule.id).toMatch(/^(content|year|form|stats)\/[a-z-]+$/);
      expect(rule.description.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(rule.description.en).toMatch(/^[A-Z]/);
      expect(rule.fixable).toBe(typeof rule.fix === 'function');
    }
  });
});
