import { layout } from '@gongwen/model';
import { emBox, type Analysis } from '../analysis.js';
import type { RuleResult } from '../check-report.js';
import type { HorizontalRule } from '../measurements.js';
import { tolerances } from '../tolerances.js';
import { both, mm, ruleResult, skipped } from './rule-result.js';

const { margins, textBlock, header } = layout;

/** The red separator of page 1: the red rule as wide as the block, else the widest red rule. */
export function redSeparator(a: Analysis): HorizontalRule | undefined {
  const reds = a.m.pages[0]?.rules.filter((r) => r.tone === 'red') ?? [];
  return reds.find((r) => fitsBlock(r)) ?? [...reds].sort((x, y) => y.length - x.length)[0];
}

const fitsBlock = (r: HorizontalRule): boolean =>
  Math.abs(r.length - textBlock.width) <= tolerances.edgeMm && Math.abs(r.x1 - margins.left) <= tolerances.edgeMm;

/**
 * red-rule/position (7.2.7): a red header has a red rule as wide as the block, on its edges,
 * 4 mm below the 发文字号 (the em box of the line above it).
 */
export function redRulePositionRule(a: Analysis): RuleResult {
  const title = both('版头红色分隔线', 'red separator rule');
  const t = tolerances.edgeMm;
  const gapWant = header.ruleGapBelowNumber;
  const expected = both(
    `红色横线宽 ${mm(textBlock.width)}，自 ${mm(margins.left)} 起，在发文字号下 ${gapWant} mm（±${t}）`,
    `red rule ${mm(textBlock.width)} wide from ${mm(margins.left)}, ${gapWant} mm below the document number (±${t})`,
  );
  if (!a.hasRedHeader()) return skipped('red-rule/position', title, both('无红头', 'no red header'), expected);
  const rule = redSeparator(a);
  if (!rule) return ruleResult('red-rule/position', title, false, both('有红色文字但无红色分隔线', 'red text but no red rule'), expected, { pages: [1] });
  const above = a.m.pages[0]!.lines.filter((l) => l.baseline < rule.y).at(-1);
  const gap = above ? rule.y - emBox(above).bottom : undefined;
  const gapOk = gap !== undefined && Math.abs(gap - gapWant) <= t;
  const pass = fitsBlock(rule) && gapOk;
  const gapZh = gap === undefined ? '上方无文字' : `距上一行 ${mm(gap)}`;
  const gapEn = gap === undefined ? 'no text above' : `${mm(gap)} below the line above`;
  return ruleResult(
    'red-rule/position',
    title,
    pass,
    both(
      `y ${mm(rule.y)}：${mm(rule.x1)}–${mm(rule.x2)}，${mm(rule.length)}，${rule.thicknessPt.toFixed(2)} pt，${gapZh}`,
      `y ${mm(rule.y)}: ${mm(rule.x1)}–${mm(rule.x2)}, ${mm(rule.length)}, ${rule.thicknessPt.toFixed(2)} pt, ${gapEn}`,
    ),
    expected,
    { pages: pass ? [] : [1] },
  );
}
