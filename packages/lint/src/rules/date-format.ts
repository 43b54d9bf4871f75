import { reportTexts } from '../walk.js';
import type { Finding, Rule } from '../types.js';

const cnDigit: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 二十一 → 21, 十二 → 12, 三十 → 30. */
function chineseNumber(s: string): number {
  if (!s.includes('十')) return cnDigit[s] ?? NaN;
  const [tens, ones] = s.split('十');
  return (tens ? (cnDigit[tens] ?? NaN) : 1) * 10 + (ones ? (cnDigit[ones] ?? NaN) : 0);
}

const patterns: { re: RegExp; fix(m: RegExpMatchArray): string; zh: string; en: string }[] = [
  {
    // 2022年01月09日, 2022年1月09日, 01月
    re: /(?<!\d)(\d{4}年)?(\d{1,2})月(\d{1,2})日|(?<!\d)(\d{4})年(\d{1,2})月/g,
    fix: (m) =>
      m[2] !== undefined ? `${m[1] ?? ''}${Number(m[2])}月${Number(m[3])}日` : `${m[4]}年${Number(m[5])}月`,
    zh: '日期中的月、日不编虚位',
    en: 'months and days in a date have no zero padding',
  },
  {
    // A date, with its month: a year alone in Chinese numerals names something (二〇三五年远景目标).
    re: /[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}日)?/g,
    fix: (m) => {
      const [, y = '', mo, d] = /^(.{4})年(?:(.+?)月(?:(.+?)日)?)?$/.exec(m[0]) ?? [];
      let out = `${[...y].map((c) => cnDigit[c]).join('')}年`;
      if (mo) out += `${chineseNumber(mo)}月`;
      if (d) out += `${chineseNumber(d)}日`;
      return out;
    },
    zh: '日期应当用阿拉伯数字',
    en: 'dates are written in Arabic numerals',
  },
];

/** Offsets of the text that stand inside 《》: the title of a document keeps its own numerals. */
function insideBookTitles(text: string): (offset: number) => boolean {
  const spans: [number, number][] = [];
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '《') open.push(i);
    else if (text[i] === '》' && open.length) spans.push([open.pop()!, i]);
  }
  return (offset) => spans.some(([a, b]) => offset > a && offset < b);
}

/** The matches of a pattern this rule speaks of: those a fix would change, outside 《》. */
function* dateMatches(text: string, p: (typeof patterns)[number]): Generator<RegExpMatchArray> {
  const quoted = insideBookTitles(text);
  for (const m of text.matchAll(p.re)) if (!quoted(m.index!) && p.fix(m) !== m[0]) yield m;
}

/** Dates in the text written with zero padding or Chinese numerals (GB/T 9704 uses 2022年1月9日). */
export const dateFormat: Rule = {
  id: 'form/date-format',
  severity: 'warning',
  fixable: true,
  description: {
    zh: '正文中的日期编了虚位或用了汉字数字',
    en: 'A date in the text is zero-padded or written in Chinese numerals',
  },
  check({ report }) {
    const findings: Finding[] = [];
    for (const entry of reportTexts(report)) {
      for (const p of patterns) {
        for (const m of dateMatches(entry.text, p)) {
          const fixed = p.fix(m);
          findings.push({
            path: entry.path,
            excerpt: { offset: m.index!, text: m[0] },
            message: { zh: `${p.zh}：“${m[0]}”`, en: `${p.en}: “${m[0]}”` },
            hint: { zh: `写作“${fixed}”；gongwen lint --fix 可自动改正`, en: `write “${fixed}”; gongwen lint --fix rewrites it` },
          });
        }
      }
    }
    return findings;
  },
  fix(text) {
    let out = text;
    for (const p of patterns) {
      // From the end, so earlier offsets stay valid.
      for (const m of [...dateMatches(out, p)].reverse()) out = out.slice(0, m.index) + p.fix(m) + out.slice(m.index! + m[0].length);
    }
    return out;
  },
};
