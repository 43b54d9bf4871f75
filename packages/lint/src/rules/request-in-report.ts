import { reportTexts } from '../walk.js';
import type { Finding, Rule } from '../types.js';

// 《党政机关公文处理工作条例》第十五条: 报告不得夹带请示事项. The phrases that ask for a decision.
const REQUEST = /妥否，?请(?:批示|批复|审批|审定|核准)|(?:请|恳请|特请)(?:予以?)?(?:批示|批复|审批|核准|审定)|以上请示|当否，?请(?:批示|批复)/g;

/** A 报告 that asks the superior organ for a decision, which only a 请示 may do. */
export const requestInReport: Rule = {
  id: 'content/request-in-report',
  severity: 'error',
  fixable: false,
  description: {
    zh: '报告夹带了请示事项（条例：报告不得夹带请示事项）',
    en: 'The report carries a request for approval (a report may not)',
  },
  check({ report }) {
    const findings: Finding[] = [];
    for (const entry of reportTexts(report)) {
      for (const m of entry.text.matchAll(REQUEST)) {
        findings.push({
          path: entry.path,
          excerpt: { offset: m.index, text: m[0] },
          message: { zh: `报告中写了“${m[0]}”：报告不得夹带请示事项`, en: `the report says “${m[0]}”: a report may not carry a request` },
          hint: {
            zh: '报告的结束语写“特此报告。”；需要上级批准的事项另行以请示行文',
            en: 'end a report with 特此报告。; ask for approval in a separate 请示',
          },
        });
      }
    }
    return findings;
  },
};
