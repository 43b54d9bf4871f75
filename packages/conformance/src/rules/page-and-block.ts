import { derived, layout, ptToMm } from '@gongwen/model';
import { emBox, type Analysis } from '../analysis.js';
import type { RuleResult } from '../check-report.js';
import type { PageMeasurements } from '../measurements.js';
import { tolerances } from '../tolerances.js';
import { both, firstFew, mm, noText, onPages, ruleResult, skipped } from './rule-result.js';

const { page: paper, margins, textBlock } = layout;
const blockRight = margins.left + textBlock.width;
const tol = tolerances.edgeMm;
const pitchMm = ptToMm(derived.linePitchPt);

/**
 * page/size: A4 portrait on every page; a landscape page (ch. 8) is A4 turned and holds a table
 * inside the turned block (see `landscapeProblems`).
 */
export function pageSizeRule(a: Analysis): RuleResult {
  const title = both('纸张 A4', 'A4 paper');
  const turned = a.m.pages.filter((p) => p.orientation === 'landscape');
  const expected = turned.length
    ? both(
        `${paper.width} × ${paper.height} mm；横排表格页 ${paper.height} × ${paper.width} mm，表格在横排版心内（±${tol}）`,
        `${paper.width} × ${paper.height} mm; landscape table pages ${paper.height} × ${paper.width} mm, the table inside the turned block (±${tol})`,
      )
    : both(`${paper.width} × ${paper.height} mm（±${tol}）`, `${paper.width} × ${paper.height} mm (±${tol})`);
  const bad = a.m.pages.filter((p) => {
    const [w, h] = p.orientation === 'landscape' ? [paper.height, paper.width] : [paper.width, paper.height];
    return Math.abs(p.width - w) > tol || Math.abs(p.height - h) > tol;
  });
  const problems = landscapeProblems(a, turned);
  const sizes = [...new Set(a.m.pages.map((p) => `${p.width.toFixed(1)} × ${p.height.toFixed(1)} mm`))];
  const measured = bad.length
    ? both(`${onPages(bad.map((p) => p.number)).zh}：${sizes.join('；')}`, `${onPages(bad.map((p) => p.number)).en}: ${sizes.join('; ')}`)
    : both(sizes.join('；'), sizes.join('; '));
  if (problems.length) {
    measured.zh += `；${firstFew(problems.map((x) => x.zh))}`;
    measured.en += `; ${firstFew(problems.map((x) => x.en))}`;
  }
  const pages = [...new Set([...bad.map((p) => p.number), ...problems.map((x) => x.page)])].sort((x, y) => x - y);
  return ruleResult('page/size', title, pages.length === 0, measured, expected, { pages });
}

/** Pages in the portrait frame: the block rules below measure these; a landscape page is judged by page/size. */
const portrait = (a: Analysis) => a.m.pages.filter((p) => p.orientation !== 'landscape');

/**
 * A landscape page (ch. 8) holds a table inside the turned text block — the portrait block
 * turned, 225 × 156 mm, 订口 on top (layout.landscape) — its first line in the block's first
 * grid line. Its page number is judged with the portrait pages' (page-number/*).
 */
function landscapeProblems(a: Analysis, pages: readonly PageMeasurements[]): Array<{ page: number; zh: string; en: string }> {
  const l = layout.landscape;
  const [left, right, top, bottom] = [l.margins.left, l.page.width - l.margins.right, l.margins.top, l.page.height - l.margins.bottom];
  const problems: Array<{ page: number; zh: string; en: string }> = [];
  for (const p of pages) {
    if (!p.lines.length || !a.tables.get(p.number)?.length) {
      problems.push({ page: p.number, zh: `p${p.number} 横排页无表格`, en: `p${p.number} is landscape without a table` });
      continue;
    }
    const boxes = p.lines.map((line) => ({ line, ...emBox(line) }));
    const outside = boxes.filter((b) => b.line.x < left - tol || b.line.xEnd > right + tol || b.top < top - tol || b.bottom > bottom + tol);
    if (outside.length) problems.push({ page: p.number, zh: `p${p.number} ${outside.length} 行出横排版心`, en: `p${p.number} ${outside.length} lines outside the turned block` });
    const first = boxes[0]!;
    const slack = tolerances.gridLineMm;
    if (first.top < top - slack || first.bottom > top + pitchMm + slack) {
      problems.push({ page: p.number, zh: `p${p.number} 首行 ${mm(first.top)}–${mm(first.bottom)}`, en: `p${p.number} first line ${mm(first.top)}–${mm(first.bottom)}` });
    }
  }
  return problems;
}

/** block/left: the leftmost text starts on the block's left edge, and no text starts left of it. */
export function blockLeftRule(a: Analysis): RuleResult {
  const title = both('版心左边缘（订口）', 'text block left edge');
  const expected = both(`文字左端 ${mm(margins.left)}（±${tol}）`, `text starts at ${mm(margins.left)} (±${tol})`);
  if (a.left === undefined) return ruleResult('block/left', title, false, noText, expected);
  const bad = portrait(a).filter((p) => p.lines.some((l) => l.x < margins.left - tol)).map((p) => p.number);
  const pass = Math.abs(a.left - margins.left) <= tol && bad.length === 0;
  return ruleResult('block/left', title, pass, both(`最左 ${mm(a.left)}`, `leftmost ${mm(a.left)}`), expected, { pages: bad });
}

/** block/right: justified lines end on the block's right edge; only hanging ，。、 may pass it. */
export function blockRightRule(a: Analysis): RuleResult {
  const title = both('版心右边缘', 'text block right edge');
  const expected = both(
    `满行右端 ${mm(blockRight)}（±${tol}；行末 ，。、 可出界）`,
    `full lines end at ${mm(blockRight)} (±${tol}; trailing ，。、 may hang)`,
  );
  const lines = portrait(a).flatMap((p) => p.lines.map((l) => ({ p: p.number, l })));
  if (!lines.length) return ruleResult('block/right', title, false, noText, expected);
  const right = Math.max(...lines.map(({ l }) => a.endInBlock(l)));
  const over = lines.filter(({ l }) => a.endInBlock(l) > blockRight + tol);
  const hanging = lines.filter(({ l }) => a.hangs(l)).length;
  const pass = Math.abs(right - blockRight) <= tol && over.length === 0;
  const hangZh = hanging ? `，${hanging} 行标点悬挂` : '';
  const hangEn = hanging ? `, ${hanging} lines with hanging punctuation` : '';
  return ruleResult(
    'block/right',
    title,
    pass,
    both(`最右 ${mm(right)}${hangZh}`, `rightmost ${mm(right)}${hangEn}`),
    expected,
    { pages: [...new Set(over.map((o) => o.p))] },
  );
}

/** block/top: the first line of a page stands in the block's first grid line. */
export function blockTopRule(a: Analysis): RuleResult {
  const title = both('版心上边缘（天头）', 'text block top edge');
  const slack = tolerances.gridLineMm;
  const [from, to] = [margins.top - slack, margins.top + pitchMm + slack];
  const expected = both(
    `首行字身框在版心第一行内：${mm(from)}–${mm(to)}（版心上沿 ${mm(margins.top)}）`,
    `first line's em box inside the block's first grid line: ${mm(from)}–${mm(to)} (block top ${mm(margins.top)})`,
  );
  // Page 1 under a red header starts with the 发文机关标志 35 mm down; 版记-only pages are bottom-anchored.
  const pages = a.m.pages.filter((p, i) => p.lines.length > 0 && p.orientation !== 'landscape' && !(i === 0 && a.hasRedHeader()) && !a.isEndMatterOnly(p));
  if (!pages.length) {
    return a.m.pages.some((p) => p.lines.length)
      ? skipped('block/top', title, both('无可检查的页', 'no page to check'), expected)
      : ruleResult('block/top', title, false, noText, expected);
  }
  const boxes = pages.map((p) => ({ p: p.number, ...emBox(p.lines[0]!) }));
  const bad = boxes.filter((b) => b.top < from || b.bottom > to);
  const tops = boxes.map((b) => b.top);
  const [lo, hi] = [Math.min(...tops), Math.max(...tops)];
  const range = hi - lo < 0.05 ? mm(lo) : `${mm(lo)}–${mm(hi)}`;
  const detail = firstFew(bad.map((b) => `p${b.p} ${mm(b.top)}–${mm(b.bottom)}`));
  return ruleResult(
    'block/top',
    title,
    bad.length === 0,
    both(`首行字身框上沿 ${range}${detail ? `（${detail}）` : ''}`, `first em-box tops ${range}${detail ? ` (${detail})` : ''}`),
    expected,
    { pages: bad.map((b) => b.p) },
  );
}

/**
 * block/bottom: no text but the page number below the block; on a full page the last line
 * stands in the block's last grid line. Measured from the paper's bottom edge, so a shorter or
 * taller sheet shows here too.
 */
export function blockBottomRule(a: Analysis): RuleResult {
  const title = both('版心下边缘', 'text block bottom edge');
  const slack = tolerances.gridLineMm;
  const expected = both(
    `文字不低于版心下沿（距纸张下边 ${mm(margins.bottom)}，±${tol}）；整页末行字身框在版心最后一行内（随署名转页 n 行的页：上移 n 行）`,
    `no text below the block's bottom edge (${mm(margins.bottom)} above the paper's bottom, ±${tol}); a full page's last line inside the last grid line (n lines higher on a page that carried n lines over with the signature)`,
  );
  const pagesWithText = portrait(a).filter((p) => p.lines.length);
  if (!pagesWithText.length) return ruleResult('block/bottom', title, false, noText, expected);
  const lowest = (p: (typeof pagesWithText)[number]): number => p.height - Math.max(...p.lines.map((l) => emBox(l).bottom));
  const over = pagesWithText.filter((p) => lowest(p) < margins.bottom - tol);
  const full = a.fullPages().filter((p) => p.lines.length);
  // A page that carried lines over with the signature ends that many whole grid lines higher.
  const carryPages = a.m.pages.filter((p) => p.lines.length && a.shortBeforeSignature.has(p.number));
  // The last line's em box lies between the block's bottom edge and one grid line above it.
  const short = [...full, ...carryPages].filter((p) => {
    const box = emBox(p.lines.at(-1)!);
    const edge = p.height - margins.bottom - (a.shortBeforeSignature.get(p.number)?.short ?? 0) * pitchMm;
    return box.bottom > edge + slack || box.top < edge - pitchMm - slack;
  });
  const min = Math.min(...pagesWithText.map(lowest));
  const fullMax = full.length ? Math.max(...full.map(lowest)) : undefined;
  const zh = `最低字身框距下沿 ${mm(min)}` + (fullMax !== undefined ? `；整页末行最高 ${mm(fullMax)}` : '');
  const en = `lowest em box ${mm(min)} above the paper's bottom` + (fullMax !== undefined ? `; highest full-page last line ${mm(fullMax)}` : '');
  const bad = [...new Set([...over, ...short].map((p) => p.number))].sort((x, y) => x - y);
  return ruleResult('block/bottom', title, bad.length === 0, both(zh, en), expected, { pages: bad });
}

