import { reportTexts } from '../walk.js';
import type { Finding, Rule } from '../types.js';

// Marks a template or a draft leaves for text still to be written.
const PLACEHOLDER = /×{2,}|[Xx]{3,}|某某|（空一行）|\(空一行\)|【\s*】|〔\s*〕|（\s*）|^……$|^…{1,2}$/g;

/** Text that is still a placeholder: ×××, XXX, 某某, （空一行）, an empty 【】, a paragraph of only ……. */
export const placeholder: Rule = {
  id: 'content/placeholder',
  severity: 'error',
  fixable: false,
  description: { zh: '正文中留有占位符（×××、XXX、某某、（空一行）、【】）', en: 'Placeholders are left in the text (×××, XXX, 某某, （空一行）, 【】)' },
  check({ report }) {
    const findings: Finding[] = [];
    for (const entry of reportTexts(report)) {
      for (const m of entry.text.trim().matchAll(PLACEHOLDER)) {
        const offset = entry.text.indexOf(m[0]);
        findings.push({
          path: entry.path,
          excerpt: { offset, text: m[0] },
          message: { zh: `留有占位符“${m[0]}”`, en: `a placeholder “${m[0]}” is left in the text` },
          hint: { zh: '换成实际的名称、数字或文字；不需要的删去', en: 'replace it with the real name, figure or text, or delete it' },
        });
      }
    }
    return findings;
  },
};
