import { derived, layout, ptToMm } from '@gongwen/model';
import { emBox, type Analysis } from '../analysis.js';
import type { RuleResult } from '../check-report.js';
import type { TextLine } from '../measurements.js';
import { tolerances } from '../tolerances.js';
import { both, firstFew, mm, ruleResult, skipped } from './rule-result.js';

const { margins, textBlock } = layout;
const pitchMm = ptToMm(derived.linePitchPt);
const blockCentre = margins.left + textBlock.width / 2;
/** 7.3.7: the title stands on the block's third line. */
const TITLE_LINE = 3;

/** The em box lies within grid line `n` (1-based) of the block, give or take the grid-line slack. */
const inGridLine = (l: TextLine, n: number): boolean => {
  const box = emBox(l);
  const top = margins.top + (n - 1) * pitchMm;
  return box.top >= top - tolerances.gridLineMm && box.bottom <= top + pitchMm + tolerances.gridLineMm;
};

/**
 * attachment/position (7.3.7): an attachment starts a page with `附件N` flush left on the block's
 * first line and its title centred on the third.
 */
export function attachmentRule(a: Analysis): RuleResult {
  const title = both('附件', 'attachments');
  const t = tolerances.edgeMm;
  const expected = both(
    `「附件N」顶格在版心第 1 行，附件标题居中（${mm(blockCentre)}，±${t}）在第 ${TITLE_LINE} 行`,
    `“附件N” flush left on the block's first line, the title centred (${mm(blockCentre)}, ±${t}) on line ${TITLE_LINE}`,
  );
  const pages = a.m.pages.filter((p) => a.kinds.get(p.number)?.has('attachment-start'));
  if (!pages.length || a.left === undefined) return skipped('attachment/position', title, both('无附件页', 'no attachment page'), expected);
  const problems: Array<{ page: number; text: string }> = [];
  for (const page of pages) {
    const [label, heading] = page.lines as [TextLine, TextLine | undefined];
    const say = (text: string): void => void problems.push({ page: page.number, text: `p${page.number} ${text}` });
    if (Math.abs(label.x - margins.left) > t) say(`label x ${mm(label.x)}`);
    if (!inGridLine(label, 1)) say(`label y ${mm(emBox(label).top)}`);
    if (!heading) {
      say('no title');
      continue;
    }
    const centre = (heading.x + heading.xEnd) / 2;
    if (Math.abs(centre - blockCentre) > t) say(`title centre ${mm(centre)}`);
    if (!inGridLine(heading, TITLE_LINE)) say(`title y ${mm(emBox(heading).top)}`);
  }
  const labels = pages.map((p) => p.lines[0]!.text.replace(/\s/gu, '')).join('、');
  return ruleResult(
    'attachment/position',
    title,
    problems.length === 0,
    both(
      `${pages.length} 个附件（${labels}）` + (problems.length ? `：${firstFew(problems.map((p) => p.text))}` : ''),
      `${pages.length} attachments (${labels})` + (problems.length ? `: ${firstFew(problems.map((p) => p.text))}` : ''),
    ),
    expected,
    { pages: [...new Set(problems.map((p) => p.page))] },
  );
}
