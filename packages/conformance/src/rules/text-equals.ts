import { ptToMm } from '@gongwen/model';
import { emBox, type Analysis } from '../analysis.js';
import type { TextLine } from '../measurements.js';
import type { RuleResult } from '../check-report.js';
import { both, ruleResult } from './rule-result.js';
import { tableRows } from '../table-regions.js';

/** Characters of context shown on each side of the first difference. */
const CONTEXT = 12;

const strip = (s: string): string[] => [...s.replace(/\s/gu, '')];

/** Lines of one stack are at most this many em apart (baseline to baseline). */
const STACK_PITCH_EM = 1.6;

/**
 * A page's lines in the order a reader reads them. Lines come top to bottom, except a line that
 * stands beside a stack of lines — right of them, its em box level with one of theirs, as the
 * 文件 of a joint 发文机关标志 stands beside the stacked organ names (7.2.4) — which is read after
 * the whole stack: `工委`, `办事处`, `文件`, not `工委`, `文件`, `办事处`.
 */
export function readingOrder(lines: readonly TextLine[]): TextLine[] {
  const order = [...lines];
  const moved = new Set<TextLine>();
  for (let i = 0; i < order.length; i++) {
    const line = order[i]!;
    if (moved.has(line)) continue;
    const box = emBox(line);
    const leftOf = (l: TextLine): boolean => l !== line && l.xEnd <= line.x + ptToMm(0.05 * line.fontSize);
    const beside = (l: TextLine): boolean => {
      const b = emBox(l);
      return leftOf(l) && b.top < box.bottom && b.bottom > box.top;
    };
    // Only a line read in the middle of the lines it stands beside moves.
    let last = -1;
    for (let j = i + 1; j < order.length; j++) if (beside(order[j]!)) last = j;
    if (last < 0 || !order.slice(0, i).some(beside)) continue;
    // The stack goes on below while its lines stay left of this one and one line apart.
    while (last + 1 < order.length) {
      const [prev, next] = [order[last]!, order[last + 1]!];
      if (!leftOf(next) || next.baseline - prev.baseline > ptToMm(STACK_PITCH_EM * prev.fontSize)) break;
      last++;
    }
    order.splice(i, 1);
    order.splice(last, 0, line);
    moved.add(line);
    i--;
  }
  return order;
}

/**
 * text/equals: the text read back from the PDF (page numbers excluded, whitespace removed)
 * equals the expected lines joined (whitespace removed). Reports the first difference.
 */
export function textEqualsRule(a: Analysis, expectedText: readonly string[]): RuleResult {
  const title = both('文字与文档一致', 'text equals the document');
  const expected = both(`与文档文字一致（${expectedText.length} 行，忽略空白）`, `the document's text (${expectedText.length} lines, whitespace ignored)`);
  const want = strip(expectedText.join(''));
  // Where each extracted character came from, to point at page and line.
  const got: string[] = [];
  const origin: Array<{ page: number; line: number }> = [];
  // A table is read row by row, each row cell by cell (a wrapped cell's lines together); its
  // header rows repeated on the pages it runs onto are read once, where it starts.
  const tables = [...a.tables.values()].flat();
  const repeated = new Set(tables.flatMap((t) => t.repeatedHeader));
  const rowAt = new Map<TextLine, string>();
  const inRow = new Set<TextLine>();
  for (const t of tables) {
    for (const row of tableRows(t)) {
      rowAt.set(row.lines[0]!, row.text);
      for (const l of row.lines) inRow.add(l);
    }
  }
  for (const page of a.m.pages) {
    readingOrder(page.lines.filter((l) => !repeated.has(l))).forEach((line) => {
      if (inRow.has(line) && !rowAt.has(line)) return;
      const i = page.lines.indexOf(line);
      for (const c of strip(rowAt.get(line) ?? line.text)) {
        got.push(c);
        origin.push({ page: page.number, line: i + 1 });
      }
    });
  }
  let i = 0;
  while (i < want.length && i < got.length && want[i] === got[i]) i++;
  if (i === want.length && i === got.length) {
    return ruleResult('text/equals', title, true, both(`一致（${got.length} 字）`, `equal (${got.length} characters)`), expected);
  }
  const show = (chars: string[]): string => {
    const s = chars.slice(Math.max(0, i - CONTEXT), i).join('');
    const d = chars.slice(i, i + CONTEXT).join('');
    return `…${s}⟦${d || '∅'}⟧`;
  };
  const at = origin[Math.min(i, origin.length - 1)];
  const whereZh = at ? `第 ${at.page} 页第 ${at.line} 行` : 'PDF 无文字';
  const whereEn = at ? `page ${at.page} line ${at.line}` : 'the PDF has no text';
  return ruleResult(
    'text/equals',
    title,
    false,
    both(
      `第 ${i + 1} 字起不同（${whereZh}）：PDF ${show(got)}，文档 ${show(want)}`,
      `differs from character ${i + 1} (${whereEn}): PDF ${show(got)}, document ${show(want)}`,
    ),
    expected,
    { pages: at ? [at.page] : [] },
  );
}
