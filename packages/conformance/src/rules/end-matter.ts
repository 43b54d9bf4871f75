import { layout, mmToPt } from '@gongwen/model';
import type { Analysis } from '../analysis.js';
import type { RuleResult } from '../check-report.js';
import { tolerances } from '../tolerances.js';
import { both, firstFew, mm, ruleResult, skipped } from './rule-result.js';

const { margins, textBlock, endMatter } = layout;
const blockBottom = margins.top + textBlock.height;

/**
 * end-matter/position (7.4.1): the 版记 rules are as wide as the block, the first and last thick
 * (0.35 mm), those between thin (0.25 mm), and the last one lies on the block's bottom edge of
 * the last page.
 */
export function endMatterRule(a: Analysis): RuleResult {
  const title = both('版记分隔线', '版记 rules');
  const t = tolerances.edgeMm;
  const expected = both(
    `末条线在版心下沿 ${mm(blockBottom)}（±${t}），宽 ${mm(textBlock.width)}；首末线 ${endMatter.outerRule} mm、中间线 ${endMatter.innerRule} mm`,
    `last rule on the block's bottom edge ${mm(blockBottom)} (±${t}), ${mm(textBlock.width)} wide; outer rules ${endMatter.outerRule} mm, inner ${endMatter.innerRule} mm`,
  );
  const pages = a.m.pages.filter((p) => a.kinds.get(p.number)?.has('end-matter'));
  const page = pages.at(-1);
  if (!page) return skipped('end-matter/position', title, both('无版记', 'no 版记'), expected);
  const rules = a.endMatterRules(page);
  const problems: string[] = [];
  const last = rules.at(-1)!;
  if (Math.abs(last.y - blockBottom) > t) problems.push(`last y ${mm(last.y)}`);
  if (page.number !== a.m.pageCount) problems.push(`p${page.number} of ${a.m.pageCount}`);
  for (const r of rules) {
    if (Math.abs(r.length - textBlock.width) > t || Math.abs(r.x1 - margins.left) > t) problems.push(`${mm(r.x1)}–${mm(r.x2)}`);
  }
  const thick = mmToPt(endMatter.outerRule);
  const thin = mmToPt(endMatter.innerRule);
  const weightTol = mmToPt(tolerances.ruleWeightMm);
  rules.forEach((r, i) => {
    const want = i === 0 || i === rules.length - 1 ? thick : thin;
    if (rules.length > 1 && Math.abs(r.thicknessPt - want) > weightTol) problems.push(`#${i + 1} ${r.thicknessPt.toFixed(2)} pt`);
  });
  const weights = rules.map((r) => r.thicknessPt.toFixed(2)).join('/');
  const zh = `第 ${page.number} 页，${rules.length} 条线，末条 y ${mm(last.y)}，线宽 ${weights} pt` + (problems.length ? `（${firstFew(problems)}）` : '');
  const en = `page ${page.number}, ${rules.length} rules, last at y ${mm(last.y)}, weights ${weights} pt` + (problems.length ? ` (${firstFew(problems)})` : '');
  return ruleResult('end-matter/position', title, problems.length === 0, both(zh, en), expected, { pages: problems.length ? [page.number] : [] });
}
