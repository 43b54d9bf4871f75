import type { Analysis } from '../analysis.js';
import type { RuleResult } from '../check-report.js';
import { both, ruleResult } from './rule-result.js';

/** Characters of context shown on each side of the first difference. */
const CONTEXT = 12;

const strip = (s: string): string[] => [...s.replace(/\s/gu, '')];

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
  for (const page of a.m.pages) {
    page.lines.forEach((line, i) => {
      for (const c of strip(line.text)) {
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
