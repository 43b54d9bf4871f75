import { reportTexts } from '../walk.js';
import type { Finding, Rule } from '../types.js';

interface Sentence {
  path: readonly (string | number)[];
  offset: number;
  text: string;
  /** The sentence without punctuation and spaces, for comparison. */
  key: string;
  /** Index of the string it came from, so adjacency can be judged. */
  string: number;
}

/** Shorter sentences repeat legitimately (`加强领导。`); these lengths count characters without punctuation. */
const minLength = 6;
const minExactLength = 10;

function normalise(s: string): string {
  return s.replace(/[\s\p{P}]/gu, '');
}

/** Length of the longest common subsequence. */
function lcs(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1).fill(0);
  for (const ca of a) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = ca === b[j - 1] ? diag + 1 : Math.max(prev[j]!, prev[j - 1]!);
      diag = up;
    }
  }
  return prev[b.length]!;
}

/**
 * A sentence said twice: word for word anywhere in the report, or twice in a row with the
 * second a variant of the first (seed 004: `现将有关情况报告如下：现将我镇…有关情况报告如下：`).
 */
export const duplicateSentence: Rule = {
  id: 'form/duplicate-sentence',
  severity: 'warning',
  fixable: false,
  description: { zh: '句子重复', en: 'A sentence is repeated' },
  check({ report }) {
    const sentences: Sentence[] = [];
    let index = 0;
    for (const entry of reportTexts(report)) {
      if (entry.role !== 'heading' && entry.role !== 'part-heading' && entry.role !== 'title') {
        // A sentence ends at 。！？；： (a colon closes the `现将…报告如下：` formula) or at the string's end.
        for (const m of entry.text.matchAll(/[^。！？；：!?;:]+[。！？；：!?;:]*/g)) {
          const key = normalise(m[0]);
          if (key.length >= minLength) sentences.push({ path: entry.path, offset: m.index, text: m[0], key, string: index });
        }
      }
      index++;
    }
    const findings: Finding[] = [];
    const seen = new Map<string, Sentence>();
    for (const [i, s] of sentences.entries()) {
      const earlier = seen.get(s.key);
      const prev = sentences[i - 1];
      let repeated: Sentence | undefined = earlier && s.key.length >= minExactLength ? earlier : undefined;
      if (!repeated && prev && prev.string === s.string) {
        const [short, long] = prev.key.length <= s.key.length ? [prev.key, s.key] : [s.key, prev.key];
        // Adjacent, opening alike and the shorter one mostly contained in the longer, in order;
        // parallel points (`一是加强…。二是加强…。`) open differently and pass.
        const alike = short.slice(0, 2) === long.slice(0, 2);
        if (alike && lcs(short, long) >= 0.75 * short.length && short.length >= 0.3 * long.length) repeated = prev;
      }
      if (!seen.has(s.key)) seen.set(s.key, s);
      if (!repeated) continue;
      const text = s.text.trim();
      findings.push({
        path: s.path,
        excerpt: { offset: s.offset + s.text.indexOf(text), text },
        message: {
          zh: `这句话与前面的“${repeated.text.trim()}”重复`,
          en: `this sentence repeats the earlier “${repeated.text.trim()}”`,
        },
        hint: { zh: '删去重复的一句，或合并成一句', en: 'delete one of the two, or merge them' },
      });
    }
    return findings;
  },
};
