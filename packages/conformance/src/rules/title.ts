import { derived, fontRoles, layout, ptToMm } from '@gongwen/model';
import { emBox, type Analysis } from '../analysis.js';
import type { RuleResult } from '../check-report.js';
import { tolerances } from '../tolerances.js';
import { both, firstFew, mm, pt, ruleResult, skipped } from './rule-result.js';
import { redSeparator } from './red-rule.js';

const { margins, textBlock, title: spec } = layout;
const blockCentre = margins.left + textBlock.width / 2;
const pitchMm = ptToMm(derived.linePitchPt);

/**
 * title/position (7.3.1): the title is 2号 (22 pt), each of its lines centred, two blank lines
 * below the red rule. "Two lines" is read as two to three grid lines from the rule to the title's
 * em box: renderers count the grid line the rule stands in differently.
 */
export function titleRule(a: Analysis): RuleResult {
  const title = both('标题', 'title');
  const t = tolerances.edgeMm;
  const size = fontRoles.title.size;
  const gapMin = spec.linesBelowRule * pitchMm - t;
  const gapMax = (spec.linesBelowRule + 1) * pitchMm + t;
  const expected = both(
    `${size} pt，各行居中于 ${mm(blockCentre)}（±${t}）；红头时在红线下 ${gapMin.toFixed(1)}–${gapMax.toFixed(1)} mm`,
    `${size} pt, each line centred on ${mm(blockCentre)} (±${t}); under a red header ${gapMin.toFixed(1)}–${gapMax.toFixed(1)} mm below the rule`,
  );
  const first = a.m.pages[0];
  if (!first || a.bodySize === undefined) return skipped('title/position', title, both('无文字', 'no text'), expected);
  const rule = a.hasRedHeader() ? redSeparator(a) : undefined;
  // The title: the run of lines larger than the body that opens the main text (below the rule).
  const after = first.lines.filter((l) => !rule || l.baseline > rule.y);
  const start = after.findIndex((l) => l.fontSize > a.bodySize! + 1);
  if (start < 0 || after.slice(0, start).some((l) => a.isBody(l))) {
    return skipped('title/position', title, both('未找到标题（正文前大于正文字号的行）', 'no title (lines larger than the body before it)'), expected);
  }
  const end = after.findIndex((l, i) => i > start && l.fontSize <= a.bodySize! + 1);
  const lines = after.slice(start, end < 0 ? undefined : end);
  const problems: string[] = [];
  for (const l of lines) {
    if (Math.abs(l.fontSize - size) > tolerances.sizePt) problems.push(pt(l.fontSize));
    const centre = (l.x + l.xEnd) / 2;
    if (Math.abs(centre - blockCentre) > t) problems.push(`centre ${mm(centre)}`);
  }
  const gap = rule ? emBox(lines[0]!).top - rule.y : undefined;
  if (gap !== undefined && (gap < gapMin || gap > gapMax)) problems.push(`gap ${mm(gap)}`);
  const centres = lines.map((l) => ((l.x + l.xEnd) / 2).toFixed(1)).join('/');
  const gapZh = gap === undefined ? '' : `，红线下 ${mm(gap)}`;
  const gapEn = gap === undefined ? '' : `, ${mm(gap)} below the rule`;
  const detail = problems.length ? `（${firstFew(problems)}）` : '';
  return ruleResult(
    'title/position',
    title,
    problems.length === 0,
    both(
      `${lines.length} 行，${pt(lines[0]!.fontSize)}，中心 ${centres} mm${gapZh}${detail}`,
      `${lines.length} lines, ${pt(lines[0]!.fontSize)}, centres ${centres} mm${gapEn}${problems.length ? ` (${firstFew(problems)})` : ''}`,
    ),
    expected,
    { pages: problems.length ? [1] : [] },
  );
}
