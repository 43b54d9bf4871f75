import { layout } from '@gongwen/model';
import { emBox, type Analysis } from '../analysis.js';
import type { RuleResult } from '../check-report.js';
import { tolerances } from '../tolerances.js';
import { both, mm, ruleResult, skipped } from './rule-result.js';
import { redSeparator } from './red-rule.js';

const { margins, textBlock, header } = layout;
const markTop = margins.top + header.organMarkTop;
const blockCentre = margins.left + textBlock.width / 2;

/**
 * header/organ-mark (7.2.4): the 发文机关标志 — the lines above the red rule set larger than the
 * body — is centred on the block, its top edge 35 mm below the block's top edge. A joint mark
 * with 文件 beside the stacked names is centred as a whole.
 */
export function organMarkRule(a: Analysis): RuleResult {
  const title = both('发文机关标志', 'issuing-organ mark');
  const t = tolerances.edgeMm;
  const expected = both(
    `上沿 ${mm(markTop)}（版心下 ${header.organMarkTop} mm），居中于 ${mm(blockCentre)}（±${t}）`,
    `top edge at ${mm(markTop)} (${header.organMarkTop} mm into the block), centred on ${mm(blockCentre)} (±${t})`,
  );
  if (!a.hasRedHeader() || a.bodySize === undefined) return skipped('header/organ-mark', title, both('无红头', 'no red header'), expected);
  const rule = redSeparator(a);
  const mark = a.m.pages[0]!.lines.filter((l) => (!rule || l.baseline < rule.y) && l.fontSize > a.bodySize! + 1);
  if (!mark.length) return ruleResult('header/organ-mark', title, false, both('红头中没有大于正文的文字', 'no text larger than the body in the red header'), expected, { pages: [1] });
  const top = emBox(mark[0]!).top;
  const centre = (Math.min(...mark.map((l) => l.x)) + Math.max(...mark.map((l) => l.xEnd))) / 2;
  const pass = Math.abs(top - markTop) <= t && Math.abs(centre - blockCentre) <= t;
  return ruleResult(
    'header/organ-mark',
    title,
    pass,
    both(`上沿 ${mm(top)}，中心 ${mm(centre)}（${mark.length} 行）`, `top ${mm(top)}, centre ${mm(centre)} (${mark.length} lines)`),
    expected,
    { pages: pass ? [] : [1] },
  );
}
