import { layout } from '@gongwen/model';
import type { Analysis } from '../analysis.js';
import type { RuleResult } from '../check-report.js';
import { tolerances } from '../tolerances.js';
import { both, mm, ruleResult, skipped } from './rule-result.js';

const { margins, textBlock } = layout;

/** red-rule/position: a red header has a red rule as wide as the block, on its edges (7.2.7). */
export function redRulePositionRule(a: Analysis): RuleResult {
  const title = both('版头红色分隔线', 'red separator rule');
  const t = tolerances.edgeMm;
  const expected = both(
    `红色横线宽 ${mm(textBlock.width)}，自 ${mm(margins.left)} 起（±${t}）`,
    `red rule ${mm(textBlock.width)} wide from ${mm(margins.left)} (±${t})`,
  );
  if (!a.hasRedHeader()) return skipped('red-rule/position', title, both('无红头', 'no red header'), expected);
  const reds = a.m.pages[0]!.rules.filter((r) => r.tone === 'red');
  if (!reds.length) return ruleResult('red-rule/position', title, false, both('有红色文字但无红色分隔线', 'red text but no red rule'), expected, { pages: [1] });
  const fits = (r: (typeof reds)[number]): boolean => Math.abs(r.length - textBlock.width) <= t && Math.abs(r.x1 - margins.left) <= t;
  // Report the widest red rule: the separator, not a ★ or an underline.
  const rule = reds.find(fits) ?? [...reds].sort((x, y) => y.length - x.length)[0]!;
  const desc = `${mm(rule.x1)}–${mm(rule.x2)}，${mm(rule.length)}，${rule.thicknessPt.toFixed(2)} pt`;
  const descEn = `${mm(rule.x1)}–${mm(rule.x2)}, ${mm(rule.length)}, ${rule.thicknessPt.toFixed(2)} pt`;
  return ruleResult(
    'red-rule/position',
    title,
    fits(rule),
    both(`y ${mm(rule.y)}：${desc}`, `y ${mm(rule.y)}: ${descEn}`),
    expected,
    { pages: fits(rule) ? [] : [1] },
  );
}
