import { listOf } from '../list.js';
import { reportTexts } from '../walk.js';
import type { Finding, Rule } from '../types.js';

/** Words that make a clause speak of what will be done. */
const future = /将|计划|拟|力争|打算|争取|预计/;
/** A year that opens a clause (`2020年，我乡将…`, `在2020年，…`), not one looked back on (`巩固2020年成果`). */
const openingYear = /^[\s　]*(?:在|于|到|至)?(\d{4})\s*年(?:度)?(?!以来)/;

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
    const add = (path: Finding['path'], offset: number, excerpt: string) =>
      findings.push({
        path,
        excerpt: { offset, text: excerpt },
        message: {
          zh: `下一年度安排写的是“${excerpt}”，而报告所涉年度是${year}年，计划应当是${year + 1}年`,
          en: `the plan says “${excerpt}” but the report covers ${year}; the plan is for ${year + 1}`,
        },
        hint: { zh: `改为“${year + 1}年”，或写“下一年度”`, en: `write ${year + 1}年 (or 下一年度, “next year”)` },
      });
    for (const entry of reportTexts(report)) {
      if (entry.part === undefined || !planParts.has(entry.part)) continue;
      const isHeading = entry.role === 'part-heading' || entry.role === 'heading';
      // Clauses end at any punctuation; the verb may sit in the clause after the year (`2020年，我乡将…`).
      const clauses = [...entry.text.matchAll(/[^，,。；;！!？?：:]+[，,。；;！!？?：:]*/g)];
      for (const [i, c] of clauses.entries()) {
        const m = openingYear.exec(c[0]);
        if (!m || Number(m[1]) !== year) continue;
        const start = c.index + m[0].indexOf(m[1]!);
        if (isHeading) {
          add(entry.path, start, `${m[1]}年`);
          continue;
        }
        const span = c[0] + (clauses[i + 1]?.[0] ?? '');
        if (span.includes(`${year + 1}`)) continue;
        const verb = future.exec(span.slice(m[0].length));
        if (!verb) continue;
        const end = c.index + m[0].length + verb.index + verb[0].length;
        add(entry.path, start, entry.text.slice(start, end));
      }
    }
    return findings;
  },
};
