import { derived, layout, ptToMm } from '@gongwen/model';
import type { Analysis } from '../analysis.js';
import type { RuleResult } from '../check-report.js';
import type { TextLine } from '../measurements.js';
import { tolerances } from '../tolerances.js';
import { both, firstFew, mm, ruleResult, skipped } from './rule-result.js';

const { margins, textBlock, signature: spec } = layout;
const blockRight = margins.left + textBlock.width;
const char = ptToMm(derived.charPitchPt);
/** 7.3.5.4: Arabic numerals, the full year, no zero padding. */
const DATE_FORM = /^\d{4}年[1-9]\d?月[1-9]\d?日$/u;

const ink = (s: string): string => s.replace(/\s/gu, '');

/**
 * signature/position (7.3.5): the 成文日期 in Arabic numerals without zero padding; without a
 * seal the 署名 and date end two characters from the right edge, whichever reaches further, and
 * the date starts two characters right of the 署名; with a seal the date ends four characters from
 * the edge and a single 署名 is centred over it.
 */
export function signatureRule(a: Analysis): RuleResult {
  const title = both('署名和成文日期', 'signature and date');
  const t = tolerances.edgeMm;
  const u = spec.unsealed;
  const s = spec.sealed;
  const unsealedEnd = blockRight - u.organRightInsetChars * char;
  const sealedEnd = blockRight - s.dateRightInsetChars * char;
  const expected = both(
    `日期无前导零；无印章：右空 ${u.organRightInsetChars} 字（${mm(unsealedEnd)}），日期首字右移 ${u.dateOffsetChars} 字；有印章：日期右空 ${s.dateRightInsetChars} 字（${mm(sealedEnd)}），署名居中（±${t}）`,
    `date without zero padding; unsealed: ends ${u.organRightInsetChars} characters in (${mm(unsealedEnd)}), date ${u.dateOffsetChars} characters right of the 署名; sealed: date ends ${s.dateRightInsetChars} in (${mm(sealedEnd)}), 署名 centred over it (±${t})`,
  );
  const found = a.signature;
  if (!found) return skipped('signature/position', title, both('未找到署名和成文日期', 'no signature and date found'), expected);
  const { page, date, organs, sealed } = found;
  const problems: string[] = [];
  const dateText = ink(date.text);
  if (!DATE_FORM.test(dateText)) problems.push(`「${dateText}」`);
  const organX = organs[0]!.x;
  const end = Math.max(date.xEnd, ...organs.map((o) => o.xEnd));
  if (sealed) {
    if (Math.abs(date.xEnd - sealedEnd) > t) problems.push(`date end ${mm(date.xEnd)}`);
    // A joint signature sets the organs side by side under their seals: only a single 署名 is centred.
    const single = organs.length === 1 && !/\s/u.test(organs[0]!.text.trim());
    const centre = (l: TextLine): number => (l.x + l.xEnd) / 2;
    if (single && Math.abs(centre(organs[0]!) - centre(date)) > t) problems.push(`署名 centre ${mm(centre(organs[0]!))}`);
  } else {
    if (Math.abs(end - unsealedEnd) > t) problems.push(`end ${mm(end)}`);
    if (Math.abs(date.x - (organX + u.dateOffsetChars * char)) > t) problems.push(`date start ${mm(date.x)}`);
    const ragged = organs.filter((o) => Math.abs(o.x - organX) > t);
    if (ragged.length) problems.push(`署名 starts ${ragged.map((o) => mm(o.x)).join('/')}`);
  }
  const kindZh = sealed ? '有印章' : '无印章';
  const kindEn = sealed ? 'sealed' : 'unsealed';
  const detail = problems.length ? `（${firstFew(problems)}）` : '';
  return ruleResult(
    'signature/position',
    title,
    problems.length === 0,
    both(
      `第 ${page.number} 页，${kindZh}：署名 ${mm(organX)} 起，日期「${dateText}」${mm(date.x)}–${mm(date.xEnd)}${detail}`,
      `page ${page.number}, ${kindEn}: 署名 from ${mm(organX)}, date “${dateText}” ${mm(date.x)}–${mm(date.xEnd)}${problems.length ? ` (${firstFew(problems)})` : ''}`,
    ),
    expected,
    { pages: problems.length ? [page.number] : [] },
  );
}
