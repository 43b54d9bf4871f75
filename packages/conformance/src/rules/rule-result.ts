import type { RuleResult } from '../check-report.js';

/** A text in both report languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

export const both = (zh: string, en: string = zh): Bilingual => ({ zh, en });

export function ruleResult(
  id: string,
  title: Bilingual,
  pass: boolean,
  measured: Bilingual,
  expected: Bilingual,
  extra: { pages?: number[]; skipped?: boolean } = {},
): RuleResult {
  return {
    id,
    title: title.zh,
    titleEn: title.en,
    pass,
    ...(extra.skipped ? { skipped: true } : {}),
    measured: measured.zh,
    expected: expected.zh,
    measuredEn: measured.en,
    expectedEn: expected.en,
    ...(extra.pages?.length ? { pages: extra.pages } : {}),
  };
}

/** A rule that has nothing to measure in this PDF passes, marked skipped. */
export const skipped = (id: string, title: Bilingual, why: Bilingual, expected: Bilingual): RuleResult =>
  ruleResult(id, title, true, why, expected, { skipped: true });

export const mm = (v: number): string => `${v.toFixed(1)} mm`;
export const mm2 = (v: number): string => `${v.toFixed(2)} mm`;
export const pt = (v: number): string => `${v.toFixed(2)} pt`;

/** `[2,3,4,7]` → `2–4, 7`. */
export function pageList(pages: readonly number[]): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/** `第 2–4 页` / `pages 2–4`. */
export const onPages = (pages: readonly number[]): Bilingual =>
  both(`第 ${pageList(pages)} 页`, `${pages.length > 1 ? 'pages' : 'page'} ${pageList(pages)}`);

/** Up to `n` examples, then `…`. */
export const firstFew = (items: readonly string[], n = 3): string => items.slice(0, n).join('; ') + (items.length > n ? '; …' : '');

export const median = (values: readonly number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

export const noText = both('PDF 中没有可提取的文字', 'the PDF has no extractable text');
