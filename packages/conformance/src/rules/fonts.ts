import { fontRoles } from '@gongwen/model';
import type { Analysis } from '../analysis.js';
import type { RuleResult } from '../check-report.js';
import { tolerances } from '../tolerances.js';
import { both, firstFew, noText, pt, ruleResult } from './rule-result.js';

/** fonts/embedded: every font that carries text is embedded, as a subset. */
export function fontsEmbeddedRule(a: Analysis): RuleResult {
  const title = both('字体嵌入', 'fonts embedded');
  const expected = both('所有字体嵌入（子集）', 'every font embedded (as a subset)');
  if (!a.m.fonts.length) return ruleResult('fonts/embedded', title, false, noText, expected);
  const missing = a.m.fonts.filter((f) => !f.embedded).map((f) => f.baseName);
  const whole = a.m.fonts.filter((f) => f.embedded && !f.subset).map((f) => f.baseName);
  const names = [...new Set(a.m.fonts.map((f) => f.baseName))];
  const zh = missing.length || whole.length
    ? [missing.length ? `未嵌入：${firstFew(missing)}` : '', whole.length ? `未子集化：${firstFew(whole)}` : ''].filter(Boolean).join('；')
    : `${names.length} 种，均已嵌入：${firstFew(names)}`;
  const en = missing.length || whole.length
    ? [missing.length ? `not embedded: ${firstFew(missing)}` : '', whole.length ? `not subset: ${firstFew(whole)}` : ''].filter(Boolean).join('; ')
    : `${names.length} fonts, all embedded: ${firstFew(names)}`;
  return ruleResult('fonts/embedded', title, missing.length === 0 && whole.length === 0, both(zh, en), expected);
}

/** fonts/sizes: body text 3号 (16 pt), page numbers 4号 (14 pt). */
export function fontSizesRule(a: Analysis): RuleResult {
  const title = both('字号（正文 3号、页码 4号）', 'sizes (body 16 pt, page numbers 14 pt)');
  const body = fontRoles.body.size;
  const pn = fontRoles.pageNumber.size;
  const expected = both(`正文 ${body} pt，页码 ${pn} pt`, `body ${body} pt, page numbers ${pn} pt`);
  if (!a.m.body) return ruleResult('fonts/sizes', title, false, noText, expected);
  const pnSizes = [...new Set(a.m.pages.flatMap((p) => (p.pageNumber ? [p.pageNumber.fontSize] : [])))];
  const bodyOk = Math.abs(a.m.body.fontSize - body) <= tolerances.sizePt;
  const pnOk = pnSizes.every((s) => Math.abs(s - pn) <= tolerances.sizePt);
  const pnText = pnSizes.length ? pnSizes.map(pt).join('/') : '–';
  return ruleResult(
    'fonts/sizes',
    title,
    bodyOk && pnOk,
    both(`正文 ${pt(a.m.body.fontSize)} ${a.m.body.font}，页码 ${pnText}`, `body ${pt(a.m.body.fontSize)} ${a.m.body.font}, page numbers ${pnText}`),
    expected,
  );
}
