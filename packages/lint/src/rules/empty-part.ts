import type { Body, Part } from '@gongwen/schema';
import { partNames } from '../statutory.js';
import type { Finding, Rule } from '../types.js';
import { listOf } from '../list.js';

/** Placeholder wording that says nothing; acceptable only for 其他需要报告的情况. */
const placeholder = /^[\s　]*(无|暂无|没有|略|无其他需要报告的情况)[。.]?[\s　]*$/;

function bodyTexts(body: Body | undefined): string[] {
  const out: string[] = [];
  for (const block of Array.isArray(body) ? body : []) {
    if (typeof block === 'string') out.push(block);
    else if (block && typeof block === 'object' && 'table' in block) out.push(...[...(block.table.header ?? []), ...block.table.rows].flat().map(String));
    else if (block && typeof block === 'object') {
      for (const v of [block.heading, block.lead, block.text]) if (typeof v === 'string') out.push(v);
      out.push(...bodyTexts(block.body));
    }
  }
  return out;
}

/** A part with a heading but no content, or only a placeholder such as “无。” where the statute asks for substance. */
export const emptyPart: Rule = {
  id: 'content/empty-part',
  severity: 'error',
  fixable: false,
  description: { zh: '部分没有实际内容', en: 'A part has no content' },
  check({ report }) {
    const findings: Finding[] = [];
    for (const [i, part] of listOf(report.parts).entries()) {
      if (!part || typeof part !== 'object') continue;
      const texts = bodyTexts((part as Part).body).filter((t) => t.trim() !== '');
      const onlyPlaceholder = texts.length > 0 && texts.every((t) => placeholder.test(t));
      if (texts.length > 0 && !(onlyPlaceholder && part.kind !== 'other')) continue;
      const name = partNames[part.kind] ?? { zh: part.kind, en: part.kind };
      const title = part.heading ?? name.zh;
      findings.push({
        path: texts.length > 0 ? ['parts', i, 'body'] : ['parts', i],
        message: texts.length
          ? { zh: `“${title}”只写了“${texts[0]!.trim()}”，法定部分需要写明实际情况`, en: `“${title}” only says “${texts[0]!.trim()}”; a statutory part needs substance` }
          : { zh: `“${title}”没有内容`, en: `“${title}” has no content` },
        hint: {
          zh: `写明${name.zh}的具体情况；确实没有时只有“其他需要报告的情况”可以写“无。”`,
          en: `state the ${name.en}; only “other matters to report” may say “无。” (none)`,
        },
      });
    }
    return findings;
  },
};
