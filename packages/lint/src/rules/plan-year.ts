import { reportTexts } from '../walk.js';
import type { Finding, Rule } from '../types.js';
import { listOf } from '../list.js';

/** Words that make a clause speak of what will be done. */
const future = /将|计划|拟|力争|打算|争取|预计/;
const yearMention = /(\d{4})\s*年/g;

/** A plan part that speaks of the covered year where the next one is meant (seed 002: `2020年，我乡将…` in its 2020 report). */
export const planYear: Rule = {
  id: 'year/plan-year',
  severity: 'error',
  fixable: false,
  description: {
    zh: '下一年度安排中把所涉年度写成了计划年度',
    en: 'The plan part speaks of the covered year instead of the next one',
  },
  check({ report }) {
    const year = report.year;
    if (typeof year !== 'number') return [];
    const planParts = new Set(
      listOf(report.parts).flatMap((part, i) =>
        part && (part.kind === 'plans' || listOf(part.includes).includes('plans')) ? [i] : [],
      ),
    );
    const findings: Finding[] = [];
    for (const entry of reportTexts(report)) {
      if (entry.part === undefined || !planParts.has(entry.part)) continue;
      const isHeading = entry.role === 'part-heading' || entry.role === 'heading';
      // Clauses end at sentence punctuation; a year only counts with a future verb in its own clause.
      const clause = /[^。；;！!？?]+/g;
      for (let c = clause.exec(entry.text); c; c = clause.exec(entry.text)) {
        const text = c[0];
        if (text.includes(`${year + 1}`)) continue;
        for (const m of text.matchAll(yearMention)) {
          if (Number(m[1]) !== year) continue;
          const after = text.slice(m.index);
          const verb = future.exec(after);
          if (!isHeading && !verb) continue;
          const excerpt = verb && verb.index <= 12 ? after.slice(0, verb.index + verb[0].length) : m[0];
          findings.push({
            path: entry.path,
            excerpt: { offset: c.index + m.index, text: excerpt },
            message: {
              zh: `下一年度安排写的是“${excerpt}”，而报告所涉年度是${year}年，计划应当是${year + 1}年`,
              en: `the plan says “${excerpt}” but the report covers ${year}; the plan is for ${year + 1}`,
            },
            hint: {
              zh: `改为“${year + 1}年”，或写“下一年度”`,
              en: `write ${year + 1}年 (or 下一年度, “next year”)`,
            },
          });
        }
      }
    }
    return findings;
  },
};
