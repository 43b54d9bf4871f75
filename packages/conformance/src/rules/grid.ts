import { derived, layout, mmToPt, ptToMm } from '@gongwen/model';
import type { Analysis } from '../analysis.js';
import type { RuleResult } from '../check-report.js';
import type { TextLine } from '../measurements.js';
import { tolerances } from '../tolerances.js';
import { both, firstFew, median, noText, pageList, pt, ruleResult, skipped } from './rule-result.js';

const { linesPerPage, charsPerLine } = layout.grid;
const pitch = derived.linePitchPt;

/** grid/lines-per-page: every full body page has 22 lines; no page has more body lines than that. */
export function linesPerPageRule(a: Analysis): RuleResult {
  const title = both('每页行数', 'lines per page');
  const expected = both(`整页 ${linesPerPage} 行`, `${linesPerPage} lines on every full page`);
  if (!a.m.pages.some((p) => p.lines.length)) return ruleResult('grid/lines-per-page', title, false, noText, expected);
  const crowded = a.m.pages.filter((p) => a.bodyLines(p).length > linesPerPage);
  const full = a.fullPages();
  const wrong = full.filter((p) => p.lines.length !== linesPerPage);
  const bad = [...new Set([...wrong, ...crowded])].sort((x, y) => x.number - y.number);
  if (!full.length && !crowded.length) {
    return skipped('grid/lines-per-page', title, both('无整页（首页、正文末页、附件首页、版记页不计）', 'no full page (first, last, attachment and 版记 pages do not count)'), expected);
  }
  const counts = firstFew(bad.map((p) => `p${p.number}: ${p.lines.length}`), 4);
  const okZh = full.length ? `整页（第 ${pageList(full.map((p) => p.number))} 页）` : '';
  const carry = [...a.shortBeforeSignature].map(([n, c]) => ({ n, lines: linesPerPage - c.short, carried: c.carried }));
  const carryZh = carry.map((c) => `；第 ${c.n} 页 ${c.lines} 行（${c.carried} 行随署名转页）`).join('');
  const carryEn = carry.map((c) => `; page ${c.n}: ${c.lines} (${c.carried} carried over with the signature)`).join('');
  const zh = (bad.length ? `行数不符：${counts}` : `${okZh}均为 ${linesPerPage} 行`) + carryZh;
  const en = (bad.length ? `wrong line counts: ${counts}` : `${linesPerPage} lines on full pages ${pageList(full.map((p) => p.number))}`) + carryEn;
  return ruleResult('grid/lines-per-page', title, bad.length === 0, both(zh, en), expected, { pages: bad.map((p) => p.number) });
}

/**
 * grid/line-pitch: consecutive body-size lines of a page stand a whole number of grid lines apart
 * (one line, or more across blank lines), each within the tolerance.
 */
export function linePitchRule(a: Analysis): RuleResult {
  const title = both('行距（22 行网格）', 'line pitch (22-line grid)');
  const expected = both(`${pt(pitch)}（±${tolerances.pitchPt}），空行为其整数倍`, `${pt(pitch)} (±${tolerances.pitchPt}), blank lines whole multiples`);
  const steps: Array<{ page: number; delta: number; k: number }> = [];
  for (const page of a.m.pages) {
    // A table's rows need not stand on the grid, but the text after it must: the step across
    // a table is a whole number of grid lines too.
    const lines = page.lines.filter((l) => !a.inTable(l));
    for (let i = 1; i < lines.length; i++) {
      const [prev, cur] = [lines[i - 1]!, lines[i]!];
      if (!a.isBody(prev) || !a.isBody(cur)) continue;
      const delta = mmToPt(cur.baseline - prev.baseline);
      steps.push({ page: page.number, delta, k: Math.round(delta / pitch) });
    }
  }
  if (!steps.length) {
    return a.bodySize === undefined
      ? ruleResult('grid/line-pitch', title, false, noText, expected)
      : skipped('grid/line-pitch', title, both('没有相邻的正文行', 'no consecutive body lines'), expected);
  }
  const off = steps.filter((s) => s.k < 1 || Math.abs(s.delta - s.k * pitch) > tolerances.pitchPt * Math.max(1, s.k));
  const single = steps.filter((s) => s.k === 1).map((s) => s.delta);
  const typical = single.length ? median(single) : median(steps.map((s) => s.delta));
  const examples = firstFew(off.map((s) => `p${s.page} ${pt(s.delta)}`));
  const zh = `${pt(typical)}（${steps.length} 处）` + (off.length ? `；${off.length} 处不在网格上：${examples}` : '');
  const en = `${pt(typical)} (${steps.length} steps)` + (off.length ? `; ${off.length} off the grid: ${examples}` : '');
  return ruleResult('grid/line-pitch', title, off.length === 0, both(zh, en), expected, { pages: [...new Set(off.map((s) => s.page))] });
}

/** Ideographs, kana, full-width forms and CJK punctuation take one grid cell each. */
const isFullWidth = (c: string): boolean => c.codePointAt(0)! >= 0x2e80 || '“”‘’—…'.includes(c);

/**
 * Characters that may not start a line (GB/T 15834 practice, 避头): closing marks, and the
 * second half of —— and …….
 */
const NO_LINE_START = new Set([...'，。、；：？！”’）》〉」』〕】…—%‰·']);

const HALF_WIDTH_START = /^[0-9A-Za-z]/;

interface CountedLine {
  page: number;
  cells: number;
  /** A short line the line-breaking rules account for (see `explainsShortfall`). */
  explained: boolean;
}

/**
 * A line `short` cells shorter than the grid is explained when what was moved down could not be
 * split: the next line's first `short + 1` characters form one group, each after the first being
 * a mark that may not start a line (告”， after a full line, 法》、), or the next line starts with
 * half-width digits or letters, which take no whole number of cells.
 */
export function explainsShortfall(next: string | undefined, short: number): boolean {
  if (short <= 1) return true;
  if (!next) return false;
  const chars = [...next.replace(/\s/gu, '')];
  if (HALF_WIDTH_START.test(chars.join(''))) return true;
  return chars.length > short && chars.slice(1, short + 1).every((c) => NO_LINE_START.has(c));
}

/**
 * The full lines of the body: body-size lines made only of full-width characters that either
 * reach the justified right edge or wrapped (the next line goes on flush left one grid line
 * lower, and its first character would not have fitted on this one). Cells: the characters, plus the first-line indent
 * measured in characters, minus a hanging trailing ，。、.
 */
export function fullLineCells(a: Analysis): CountedLine[] {
  const counted: CountedLine[] = [];
  if (a.left === undefined || a.bodySize === undefined) return counted;
  const em = ptToMm(a.bodySize);
  const flushLeft = (l: TextLine): boolean => Math.abs(l.x - a.left!) < 0.25 * em;
  a.m.pages.forEach((page, p) => {
    // A table's cells do not fill the line: only the text outside tables is counted.
    const lines = page.lines.filter((l) => !a.inTable(l));
    lines.forEach((line, i) => {
      if (!a.isBody(line)) return;
      const chars = [...line.text.replace(/\s/gu, '')];
      if (!chars.every(isFullWidth)) return;
      const next = lines[i + 1];
      // Wrapped: the next line goes on flush left one grid line lower, and its first character
      // would not have fitted at the end of this one.
      const edge = a.justifiedEnd ?? layout.margins.left + layout.textBlock.width;
      const noRoom = a.endInBlock(line) + em > edge - 0.25 * em;
      const wrapped = !!next && a.isBody(next) && flushLeft(next) && mmToPt(next.baseline - line.baseline) < 1.5 * pitch && noRoom;
      const reachesEdge = a.justifiedEnd !== undefined && a.endInBlock(line) >= a.justifiedEnd - 0.5 * em;
      if (!wrapped && !reachesEdge) return;
      const indentCells = Math.round((line.x - a.left!) / ptToMm(derived.charPitchPt));
      const cells = chars.length - (a.hangs(line) ? 1 : 0) + indentCells;
      // The line that takes the moved-down characters: the next one, or the next page's first.
      const following = next ?? a.m.pages[p + 1]?.lines.find((l) => !a.inTable(l));
      counted.push({ page: page.number, cells, explained: cells < charsPerLine && explainsShortfall(following?.text, charsPerLine - cells) });
    });
  });
  return counted;
}

/**
 * grid/chars-per-line: every full line holds 28 cells, or fewer where the line-breaking rules
 * explain it (27 always: one character moved down with a mark that may not start a line; less
 * only when the next line starts with an unsplittable group such as 告”，), and at least two
 * thirds hold 28.
 */
export function charsPerLineRule(a: Analysis): RuleResult {
  const title = both('每行字数', 'characters per line');
  const share = Math.round(tolerances.fullLineShare * 100);
  const expected = both(
    `满行 ${charsPerLine} 字（避头尾移行可少；至少 ${share}% 为 ${charsPerLine} 字；行末悬挂 ，。、 不计，首行缩进计 2 字）`,
    `${charsPerLine} per full line (fewer where a group was moved down; at least ${share}% with ${charsPerLine}; hanging ，。、 not counted, the indent counts 2)`,
  );
  if (a.bodySize === undefined) return ruleResult('grid/chars-per-line', title, false, noText, expected);
  const lines = fullLineCells(a);
  if (!lines.length) return skipped('grid/chars-per-line', title, both('无满行', 'no full line'), expected);
  const exact = lines.filter((l) => l.cells === charsPerLine).length;
  const short = lines.filter((l) => l.explained).length;
  const other = lines.filter((l) => l.cells !== charsPerLine && !l.explained);
  const pass = other.length === 0 && exact >= tolerances.fullLineShare * lines.length;
  const odd = firstFew(other.map((l) => `p${l.page}: ${l.cells}`));
  const zh = `${lines.length} 个满行：${charsPerLine} 字 ${exact}，避头尾移行 ${short}` + (other.length ? `，其他 ${other.length}（${odd}）` : '');
  const en = `${lines.length} full lines: ${exact} × ${charsPerLine}, ${short} short by line-breaking rules` + (other.length ? `, ${other.length} other (${odd})` : '');
  const badPages = pass ? [] : [...new Set((other.length ? other : lines.filter((l) => l.cells !== charsPerLine)).map((l) => l.page))];
  return ruleResult('grid/chars-per-line', title, pass, both(zh, en), expected, { pages: badPages });
}

/** indent/first-line: paragraphs start two characters in (the most common indent of body lines). */
export function firstLineIndentRule(a: Analysis): RuleResult {
  const title = both('首行缩进', 'first-line indent');
  const chars = layout.paragraph.firstLineIndentChars;
  const want = chars * derived.charPitchPt;
  const expected = both(`${chars} 字 = ${pt(want)}（±${tolerances.indentPt}）`, `${chars} characters = ${pt(want)} (±${tolerances.indentPt})`);
  if (a.bodySize === undefined || a.left === undefined) return ruleResult('indent/first-line', title, false, noText, expected);
  const size = a.bodySize;
  const indents = a.m.pages
    .flatMap((p) => a.textLines(p).map((l) => ({ page: p.number, d: mmToPt(l.x - a.left!) })))
    .filter(({ d }) => d > 0.5 * size && d < 4 * size);
  if (!indents.length) return skipped('indent/first-line', title, both('没有缩进的段落首行', 'no indented first line'), expected);
  const bins = new Map<number, number>();
  for (const { d } of indents) bins.set(Math.round(d * 2) / 2, (bins.get(Math.round(d * 2) / 2) ?? 0) + 1);
  const common = [...bins].sort((x, y) => y[1] - x[1])[0]![0];
  const pass = Math.abs(common - want) <= tolerances.indentPt;
  return ruleResult(
    'indent/first-line',
    title,
    pass,
    both(`${pt(common)}（${indents.length} 行）`, `${pt(common)} (${indents.length} lines)`),
    expected,
  );
}
