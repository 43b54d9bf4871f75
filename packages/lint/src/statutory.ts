import type { PartKind } from '@gongwen/schema';
import type { Localized } from './types.js';

/** The five parts the 2019 法治政府建设与责任落实督察工作规定 requires of an annual report, in its order. */
export const statutoryParts: readonly PartKind[] = ['measures', 'shortcomings', 'leadership', 'plans', 'other'];

export const partNames: Record<PartKind, Localized> = {
  study: { zh: '学习贯彻习近平法治思想的情况', en: 'study of Xi Jinping Thought on the Rule of Law' },
  measures: { zh: '主要举措和成效', en: 'main measures and results' },
  shortcomings: { zh: '不足和原因', en: 'shortcomings and their causes' },
  leadership: {
    zh: '党政主要负责人履行推进法治建设第一责任人职责情况',
    en: 'how the principal Party and government leaders fulfilled their duty as first responsible persons',
  },
  plans: { zh: '下一年度主要安排', en: 'main plans for the next year' },
  inspection: { zh: '督察自查问题及整改', en: 'problems found in self-inspection and their rectification' },
  highlights: { zh: '突出亮点', en: 'highlights' },
  other: { zh: '其他需要报告的情况', en: 'other matters to report' },
  custom: { zh: '自定义部分', en: 'custom part' },
};
