import type { PartKind } from '@gongwen/schema';

/**
 * A part's kind from the words of its heading, most specific first: a heading on inspection
 * findings also says 问题 and 措施, one on the first-responsible-person duties may also say 措施.
 */
const RULES: [PartKind, RegExp][] = [
  ['other', /其他需要报告|其它需要报告|其他情况|其它情况/],
  ['study', /学习贯彻|习近平法治思想/],
  ['inspection', /督察|督查|整改/],
  ['plans', /下一年度|下一步|下步|明年|今后|工作计划|工作打算|工作安排|主要安排|思路和打算|工作思路|打算|展望/],
  ['shortcomings', /不足|问题|差距|短板|薄弱/],
  ['highlights', /亮点|特色/],
  ['leadership', /第一责任人|主要负责人|主要责任人|主要领导/],
  ['measures', /举措|措施|做法|成效|成绩|重点工作|主要工作|工作开展|开展情况|工作情况|推进情况|建设情况/],
];

export interface KindGuess {
  kind: PartKind;
  includes?: PartKind[];
  /** The words that decided, for the YAML comment. */
  because?: string;
}

export function guessPartKind(heading: string, year?: number): KindGuess {
  // A heading that names next year (2024年…) is about plans even without 安排/打算.
  if (year !== undefined && heading.startsWith(`${year + 1}年`) && !/不足|问题/.test(heading)) return { kind: 'plans', because: `${year + 1}年` };
  for (const [kind, pattern] of RULES) {
    const m = pattern.exec(heading);
    if (!m) continue;
    if (kind === 'leadership') {
      // 第一责任人职责…，…主要措施和成效: one part written for both.
      const measures = RULES.find(([k]) => k === 'measures')![1].exec(heading);
      if (measures && heading.indexOf(measures[0]) > heading.indexOf(m[0])) return { kind: 'measures', includes: ['leadership'], because: `${m[0]}、${measures[0]}` };
    }
    return { kind, because: m[0] };
  }
  return { kind: 'custom' };
}
