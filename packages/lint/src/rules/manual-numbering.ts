import type { Body, Numbering } from '@gongwen/schema';
import type { DataPath, Finding, Localized, Rule } from '../types.js';
import { listOf } from '../list.js';

/** Numbering markers as authors type them: 一是 一、 （一） (一) 1. 1、 （1） 第一， ①. */
const ordinal = /^[\s　]*([一二三四五六七八九十]{1,3})是/;
const hierarchical =
  /^[\s　]*(?:[一二三四五六七八九十]{1,3}[、．](?![一二三四五六七八九十])|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[、．]|\d{1,2}\.(?!\d)|[（(]\d{1,2}[）)]|第[一二三四五六七八九十]{1,3}[，,、]|[①-⑳])/;

function marker(text: string): string | undefined {
  return (ordinal.exec(text) ?? hierarchical.exec(text))?.[0].trim();
}

const itemHint: Localized = {
  zh: '删去手写的编号，编号由样式按 numbering 生成',
  en: 'delete the typed number; the style numbers items according to numbering',
};

/**
 * Numbers typed into the text by hand where the style numbers already (`一是` opening an item
 * that renders as 一是…, `一、` in a part heading), or a run of paragraphs numbered by hand.
 */
export const manualNumbering: Rule = {
  id: 'form/manual-numbering',
  severity: 'warning',
  fixable: false,
  description: {
    zh: '正文中手写了编号（样式已经编号）',
    en: 'Numbering typed into the text where the style numbers already',
  },
  check({ report }) {
    const findings: Finding[] = [];
    const flag = (path: DataPath, text: string, message: Localized, hint = itemHint) => {
      const m = marker(text)!;
      findings.push({ path, excerpt: { offset: text.indexOf(m), text: m }, message, hint });
    };

    const walk = (body: Body | undefined, path: DataPath, numbering: Numbering | undefined) => {
      if (!Array.isArray(body)) return;
      for (const [i, block] of body.entries()) {
        const here = [...path, i];
        if (typeof block === 'string') {
          const m = marker(block);
          if (!m) continue;
          if (ordinal.test(block)) {
            // `一是…二是…` running on in one paragraph is the house style; separate paragraphs each opening
            // with the next ordinal are a list typed by hand.
            const next = body[i + 1];
            const prev = body[i - 1];
            const inRun = (b: unknown) => typeof b === 'string' && ordinal.test(b);
            if (!inRun(next) && !inRun(prev)) continue;
            if (inRun(prev)) continue; // report a run once, at its first paragraph
            flag(here, block, {
              zh: `段落依次以“${m}”等手写编号开头`,
              en: `paragraphs open with typed numbers (“${m}”, …) one after another`,
            }, {
              zh: '改写成条目（lead/text），设 numbering: ordinal，由样式编“一是、二是”',
              en: 'write them as items (lead/text) with numbering: ordinal, so the style numbers them',
            });
          } else {
            flag(here, block, {
              zh: `段落以手写编号“${m}”开头`,
              en: `the paragraph opens with the typed number “${m}”`,
            }, {
              zh: '改写成小节（heading）或条目（lead/text），由样式编号',
              en: 'write it as a section (heading) or an item (lead/text), so the style numbers it',
            });
          }
          continue;
        }
        if (!block || typeof block !== 'object' || 'table' in block) continue;
        if (numbering !== 'none') {
          const key = (['heading', 'lead', 'text'] as const).find((k) => typeof block[k] === 'string');
          const first = key && block[key];
          if (key && first && marker(first)) {
            flag([...here, key], first, {
              zh: `条目已由样式编号，这里又手写了“${marker(first)}”，排出来会重复编号`,
              en: `the style numbers this item already; the typed “${marker(first)}” would print a second number`,
            });
          }
        }
        walk(block.body, [...here, 'body'], block.numbering);
      }
    };

    for (const [p, part] of listOf(report.parts).entries()) {
      if (!part || typeof part !== 'object') continue;
      if (typeof part.heading === 'string' && marker(part.heading)) {
        flag(['parts', p, 'heading'], part.heading, {
          zh: `部分标题已由样式编号，这里又手写了“${marker(part.heading)}”`,
          en: `the style numbers part headings already; drop the typed “${marker(part.heading)}”`,
        });
      }
      walk(part.body, ['parts', p, 'body'], part.numbering);
    }
    return findings;
  },
};
