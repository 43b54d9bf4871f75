import { fontRoles, layout, ptToMm } from '@gongwen/model';
import type { Analysis } from '../analysis.js';
import type { RuleResult } from '../check-report.js';
import type { PageMeasurements } from '../measurements.js';
import { tolerances } from '../tolerances.js';
import { both, firstFew, mm, ruleResult, skipped } from './rule-result.js';

const { margins, textBlock, pageNumber: spec } = layout;
const inset = ptToMm(spec.insetChars * fontRoles.pageNumber.size);
const oddRight = margins.left + textBlock.width - inset;
const evenLeft = margins.left + inset;
const blockBottom = margins.top + textBlock.height;
const dropMin = spec.belowBlock;
const dropMax = spec.belowBlock + tolerances.pageNumberDropLines * ptToMm(fontRoles.pageNumber.size);

/**
 * Pages that must not carry a number (7.5): blank pages, and a 版记-only page that follows a
 * blank page.
 */
function unnumbered(a: Analysis, page: PageMeasurements): boolean {
  if (a.kinds.get(page.number)?.has('blank')) return true;
  const prev = a.m.pages[page.number - 2];
  return a.isEndMatterOnly(page) && !!prev && a.kinds.get(prev.number)?.has('blank') === true;
}

const normalise = (s: string): string => s.replace(/\s+/gu, ' ').trim();

/** page-number/format: `— N —` with em dashes (U+2014), N the physical page number. */
export function pageNumberFormatRule(a: Analysis): RuleResult {
  const title = both('页码格式', 'page-number format');
  const expected = both(`${spec.format(1)}（一字线 U+2014，N 为页序；空白页不编）`, `${spec.format(1)} (em dash U+2014, N = physical page; none on blank pages)`);
  const problems: Array<{ page: number; zh: string; en: string }> = [];
  for (const page of a.m.pages) {
    const found = page.pageNumber;
    if (unnumbered(a, page)) {
      if (found) problems.push({ page: page.number, zh: `p${page.number} 不应有页码「${found.text}」`, en: `p${page.number} should carry no number, has “${found.text}”` });
      continue;
    }
    if (!found) {
      problems.push({ page: page.number, zh: `p${page.number} 无页码`, en: `p${page.number} has no page number` });
      continue;
    }
    const want = spec.format(page.number);
    const text = normalise(found.text);
    // The spaces beside the dashes are custom, not the standard: accept them present or absent.
    if (text.replace(/ /g, '') !== want.replace(/ /g, '')) {
      problems.push({ page: page.number, zh: `p${page.number}「${text}」`, en: `p${page.number} “${text}”` });
    }
  }
  const numbered = a.m.pages.filter((p) => p.pageNumber).map((p) => normalise(p.pageNumber!.text));
  const sample = numbered.length ? `${numbered[0]}${numbered.length > 1 ? ` … ${numbered.at(-1)}` : ''}` : '';
  const zh = problems.length ? firstFew(problems.map((p) => p.zh)) : `${numbered.length} 页：${sample}`;
  const en = problems.length ? firstFew(problems.map((p) => p.en)) : `${numbered.length} pages: ${sample}`;
  return ruleResult('page-number/format', title, problems.length === 0, both(zh, en), expected, { pages: problems.map((p) => p.page) });
}

/** page-number/position: odd pages right, even pages left, one character in; just below the block. */
export function pageNumberPositionRule(a: Analysis): RuleResult {
  const title = both('页码位置', 'page-number position');
  const t = tolerances.pageNumberMm;
  const expected = both(
    `单页右端 ${mm(oddRight)}、双页左端 ${mm(evenLeft)}（±${t}）；基线在版心下沿下 ${dropMin}–${dropMax.toFixed(1)} mm`,
    `odd pages end at ${mm(oddRight)}, even pages start at ${mm(evenLeft)} (±${t}); baseline ${dropMin}–${dropMax.toFixed(1)} mm below the block`,
  );
  const numbered = a.m.pages.filter((p) => p.pageNumber);
  if (!numbered.length) return skipped('page-number/position', title, both('无页码', 'no page numbers'), expected);
  const problems: Array<{ page: number; text: string }> = [];
  for (const page of numbered) {
    const n = page.pageNumber!;
    const odd = page.number % 2 === 1;
    const edge = odd ? n.xEnd : n.x;
    const want = odd ? oddRight : evenLeft;
    const drop = n.baseline - blockBottom;
    const where: string[] = [];
    if (Math.abs(edge - want) > t) where.push(`${odd ? 'right' : 'left'} ${mm(edge)}`);
    if (drop < dropMin || drop > dropMax) where.push(`baseline +${drop.toFixed(1)} mm`);
    if (where.length) problems.push({ page: page.number, text: `p${page.number} ${where.join(', ')}` });
  }
  const odd = numbered.filter((p) => p.number % 2 === 1).map((p) => p.pageNumber!.xEnd);
  const even = numbered.filter((p) => p.number % 2 === 0).map((p) => p.pageNumber!.x);
  const drops = numbered.map((p) => p.pageNumber!.baseline - blockBottom);
  const summaryZh = [odd.length ? `单页右端 ${mm(Math.max(...odd))}` : '', even.length ? `双页左端 ${mm(Math.min(...even))}` : '', `基线 +${Math.max(...drops).toFixed(1)} mm`]
    .filter(Boolean)
    .join('，');
  const summaryEn = [odd.length ? `odd right ${mm(Math.max(...odd))}` : '', even.length ? `even left ${mm(Math.min(...even))}` : '', `baseline +${Math.max(...drops).toFixed(1)} mm`]
    .filter(Boolean)
    .join(', ');
  const detail = firstFew(problems.map((p) => p.text));
  return ruleResult(
    'page-number/position',
    title,
    problems.length === 0,
    both(problems.length ? detail : summaryZh, problems.length ? detail : summaryEn),
    expected,
    { pages: problems.map((p) => p.page) },
  );
}
