import type { PartKind } from '@gongwen/schema';
import { partNames, statutoryParts } from '../statutory.js';
import type { Finding, Rule } from '../types.js';
import { listOf } from '../list.js';

/** A statutory part that no part of the report covers, by its own kind or through `includes`. */
export const missingPart: Rule = {
  id: 'content/missing-part',
  severity: 'error',
  fixable: false,
  description: {
    zh: '缺少法定部分（督察工作规定要求的五个部分，或样式要求的部分）',
    en: 'A statutory part (or a part the style requires) is missing',
  },
  check({ report, style }) {
    const required = style.requiredParts ?? style.parts?.required ?? statutoryParts;
    const covered = new Set<PartKind>();
    for (const part of listOf(report.parts)) {
      if (!part || typeof part !== 'object') continue;
      covered.add(part.kind);
      for (const kind of listOf(part.includes)) covered.add(kind);
    }
    const findings: Finding[] = [];
    for (const kind of required) {
      if (covered.has(kind)) continue;
      const name = partNames[kind];
      // The part as the style would head it, so the author recognises it in the printed report.
      const heading = style.headings?.[kind];
      findings.push({
        path: ['parts'],
        message: heading
          ? {
              zh: `缺少“${heading}”部分（${kind}）${style.name ? `，样式 ${style.name} 要求有这一部分` : ''}`,
              en: `the part “${heading}” (${kind}) is missing${style.name ? `; the style ${style.name} asks for it` : ''}`,
            }
          : {
              zh: `缺少法定部分“${name.zh}”（${kind}）`,
              en: `the statutory part “${name.en}” (${kind}) is missing`,
            },
        hint: {
          zh: `增加一个 kind: ${kind} 的部分；如果已在别的部分中一并撰写，在那个部分写 includes: [${kind}]`,
          en: `add a part with kind: ${kind}; if another part already reports it, add includes: [${kind}] to that part`,
        },
      });
    }
    return findings;
  },
};
