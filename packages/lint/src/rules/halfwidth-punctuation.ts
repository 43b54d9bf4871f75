import { findHalfwidth, fixHalfwidth } from '../punctuation.js';
import { reportTexts } from '../walk.js';
import type { Finding, Rule } from '../types.js';

/** Half-width `, ; : ( ) ? !` inside Chinese text, as in web copies such as seed 001. One finding per string. */
export const halfwidthPunctuation: Rule = {
  id: 'form/halfwidth-punctuation',
  severity: 'warning',
  fixable: true,
  description: {
    zh: '中文文字中使用了半角标点',
    en: 'Half-width punctuation inside Chinese text',
  },
  check({ report }) {
    const findings: Finding[] = [];
    for (const entry of reportTexts(report)) {
      const marks = findHalfwidth(entry.text);
      if (marks.length === 0) continue;
      const first = marks[0]!;
      const kinds = [...new Set(marks.map((m) => m.mark))].join(' ');
      findings.push({
        path: entry.path,
        excerpt: { offset: first.offset, text: first.mark },
        message:
          marks.length === 1
            ? { zh: `中文文字中有半角标点“${first.mark}”`, en: `half-width “${first.mark}” inside Chinese text` }
            : {
                zh: `中文文字中有 ${marks.length} 处半角标点（${kinds}），第一处在此`,
                en: `${marks.length} half-width marks (${kinds}) inside Chinese text; the first is here`,
              },
        hint: {
          zh: '改用全角标点（，；：（）？！）；gongwen lint --fix 可自动改正',
          en: 'use full-width punctuation (，；：（）？！); gongwen lint --fix rewrites them',
        },
      });
    }
    return findings;
  },
  fix: fixHalfwidth,
};
