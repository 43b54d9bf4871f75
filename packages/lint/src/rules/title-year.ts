import { reportTexts } from '../walk.js';
import type { Finding, Rule } from '../types.js';

/** A year in the title that is not the `year` the data says the report covers. */
export const titleYear: Rule = {
  id: 'year/title-year',
  severity: 'error',
  fixable: false,
  description: { zh: '标题中的年份与所涉年度不一致', en: 'The year in the title differs from `year`' },
  check({ report }) {
    const year = report.year;
    if (typeof year !== 'number') return [];
    const findings: Finding[] = [];
    for (const entry of reportTexts(report)) {
      if (entry.role !== 'title') continue;
      // A span such as 《纲要（2021—2025年）》 names other years on purpose; only a lone year counts.
      for (const m of entry.text.matchAll(/(?<!\d)(\d{4})(?=\s*年)/g)) {
        const before = entry.text.slice(0, m.index);
        const after = entry.text.slice(m.index + 4);
        const inSpan = /[—–\-~～至]\s*(年\s*)?$/.test(before) || /^\s*年?\s*[—–\-~～至]/.test(after);
        if (Number(m[1]) === year || inSpan) continue;
        findings.push({
          path: entry.path,
          excerpt: { offset: m.index, text: m[1]! },
          message: {
            zh: `标题写的是${m[1]}年，而 year 是${year}`,
            en: `the title says ${m[1]} but year is ${year}`,
          },
          hint: {
            zh: `把标题中的年份改为${year}，或者改正 year`,
            en: `make the title say ${year}, or correct year`,
          },
        });
      }
    }
    return findings;
  },
};
