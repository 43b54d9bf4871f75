import type { Body } from '@gongwen/schema';
import { listOf } from '../list.js';
import type { DataPath, Finding, Rule } from '../types.js';

const digits: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九十九 as a number. */
function cnNumber(s: string): number | undefined {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || (!m[1] && !m[2] && !m[3]) || (m[1] && !m[2] && m[3])) return undefined;
  if (!m[2]) return digits[m[1]!];
  return (m[1] ? digits[m[1]]! : 1) * 10 + (m[3] ? digits[m[3]]! : 0);
}

/** The typed number a paragraph opens with: its form (一、 （一） 1. （1） 一是), its value and the marker as typed. */
function typedNumber(text: string): { form: string; value: number; marker: string; offset: number } | undefined {
  const forms: [string, RegExp, (s: string) => number | undefined][] = [
    ['一、', /^[\s　]*(([一二三四五六七八九十]{1,3})、)/u, cnNumber],
    ['（一）', /^[\s　]*([（(]([一二三四五六七八九十]{1,3})[）)])/u, cnNumber],
    ['一是', /^[\s　]*(([一二三四五六七八九十]{1,3})是)/u, cnNumber],
    ['1.', /^[\s　]*((\d{1,2})[.．、](?!\d))/u, (s) => Number(s)],
    ['（1）', /^[\s　]*([（(](\d{1,2})[）)])/u, (s) => Number(s)],
  ];
  for (const [form, re, value] of forms) {
    const m = re.exec(text);
    const v = m ? value(m[2]!) : undefined;
    if (m && v) return { form, value: v, marker: m[1]!, offset: text.indexOf(m[1]!) };
  }
  return undefined;
}

/**
 * Numbers typed by hand that skip or repeat: `一、` then `一、`, `（二）` without `（一）` before it,
 * `3.` after `1.`. Paragraphs of a body are read in order; a deeper form starts again after each
 * number of the form above it, as a reader counts.
 */
export const numberingSequence: Rule = {
  id: 'form/numbering-sequence',
  severity: 'warning',
  fixable: false,
  description: { zh: '手写的编号跳号或重号', en: 'Numbers typed by hand skip or repeat' },
  check({ report }) {
    const findings: Finding[] = [];
    const walk = (body: Body | undefined, path: DataPath) => {
      if (!Array.isArray(body)) return;
      // The forms in the order they were opened, each with the number last seen.
      const open: { form: string; last: number }[] = [];
      for (const [i, block] of body.entries()) {
        // A table's cells are figures, not numbered items.
        if (block && typeof block === 'object' && 'table' in block) continue;
        const here = [...path, i];
        const key = typeof block === 'string' ? undefined : block && typeof block === 'object' ? (['heading', 'lead', 'text'] as const).find((k) => typeof block[k] === 'string') : undefined;
        const text = typeof block === 'string' ? block : key ? (block as Record<string, string>)[key] : undefined;
        const found = text === undefined ? undefined : typedNumber(text);
        if (found && text !== undefined) {
          const at = open.findIndex((o) => o.form === found.form);
          const expected = at < 0 ? 1 : open[at]!.last + 1;
          if (at >= 0) open.splice(at + 1);
          if (found.value !== expected) {
            const repeat = at >= 0 && found.value === open[at]!.last;
            findings.push({
              path: key ? [...here, key] : here,
              excerpt: { offset: found.offset, text: found.marker },
              message: repeat
                ? { zh: `编号“${found.marker}”与上一条重复`, en: `the number “${found.marker}” repeats the one before` }
                : { zh: `编号“${found.marker}”跳号：这里应是第 ${expected} 条`, en: `the number “${found.marker}” skips: this is item ${expected}` },
              hint: {
                zh: '改正手写的编号；更好的是删去它，写成条目（lead/text），由样式编号',
                en: 'correct the typed number, or better, delete it and write an item (lead/text) the style numbers',
              },
            });
          }
          if (at >= 0) open[at]!.last = found.value;
          else open.push({ form: found.form, last: found.value });
        }
        if (block && typeof block === 'object') walk(block.body, [...here, 'body']);
      }
    };
    for (const [p, part] of listOf(report.parts).entries()) if (part && typeof part === 'object') walk(part.body, ['parts', p, 'body']);
    for (const [a, attachment] of listOf(report.attachments).entries()) if (attachment && typeof attachment === 'object') walk(attachment.body, ['attachments', a, 'body']);
    return findings;
  },
};
