/** What authors call the keys in Chinese: `标题:` most likely means `title:`. */
const chineseNames: Record<string, string> = {
  标题: 'title',
  题目: 'title',
  年度: 'year',
  年份: 'year',
  样式: 'style',
  发文机关: 'issuers',
  发文字号: 'documentNumber',
  文号: 'documentNumber',
  签发人: 'signers',
  版头: 'header',
  主送机关: 'addressee',
  主送: 'addressee',
  开头: 'preamble',
  前言: 'preamble',
  正文: 'parts',
  结尾: 'closing',
  附件: 'attachments',
  署名: 'signature',
  落款: 'signature',
  附注: 'notes',
  抄送: 'copyTo',
  抄送机关: 'copyTo',
  印发: 'printing',
  版记: 'printing',
  名称: 'name',
  全称: 'name',
  简称: 'short',
  日期: 'date',
  成文日期: 'date',
  印章: 'seals',
  署名机关: 'organs',
  小标题: 'heading',
  引领句: 'lead',
  内容: 'body',
  文字: 'text',
  编号: 'numbering',
  类型: 'kind',
};

/**
 * The allowed name closest to a misspelt one, or undefined when none is close enough to be a
 * plausible typo (at most a third of the letters wrong, and never a wild guess for short words).
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > 64) return undefined;
  const named = chineseNames[word.trim()];
  if (named && candidates.includes(named)) return named;
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // Lengths that differ by more than a third cannot be a typo of each other: skip the table.
    if (Math.abs(candidate.length - word.length) > Math.max(1, Math.floor(Math.max(word.length, candidate.length) / 3))) continue;
    const d = candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const allowed = Math.max(1, Math.floor(Math.max(word.length, best?.length ?? 0) / 3));
  return bestDistance <= allowed ? best : undefined;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}
