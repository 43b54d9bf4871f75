import type { ParagraphBlock } from '@gongwen/model';
import type { Report } from '@gongwen/schema';
import { describe, expect, it } from 'vitest';
import { composeDocument } from '../src/index.js';
import { smallReport, style, styleNames } from './fixtures.js';

// `（一）强化组织领导，完善工作制度。一是……二是……` in one paragraph, as real reports write it.
const report: Report = {
  ...smallReport,
  parts: [
    {
      kind: 'measures',
      body: [
        {
          lead: '强化组织领导，完善工作制度。',
          runIn: true,
          body: [{ text: '调整法治政府建设领导小组，由党委书记任组长。' }, { lead: '压实责任。', text: '签订目标责任书12份。' }],
        },
        { heading: '推进依法行政', runIn: true, body: ['全年办理行政复议案件3件。', { text: '全面推行行政执法三项制度。' }, { text: '规范重大行政决策程序。' }] },
        { lead: '加强队伍建设。', runIn: true, numbering: 'level', body: [{ text: '组织执法人员培训2次。' }, { text: '开展案卷评查。' }] },
      ],
    },
    ...smallReport.parts.slice(1),
  ] as Report['parts'],
};

const paragraphs = (name: string) =>
  composeDocument(report, style(name)).document!.body.filter((b): b is ParagraphBlock => b.kind === 'paragraph').map((p) => p.runs);

describe('items that run on inside their lead’s paragraph (runIn)', () => {
  it.each(styleNames)('print as one paragraph in %s, 一是、二是 by default', (name) => {
    const runs = paragraphs(name);
    expect(runs).toContainEqual([
      { text: '（一）强化组织领导，完善工作制度。', role: 'heading2' },
      { text: '一是调整法治政府建设领导小组，由党委书记任组长。二是压实责任。签订目标责任书12份。' },
    ]);
    // A heading that runs in is the paragraph's lead; a plain string runs on unnumbered.
    expect(runs).toContainEqual([{ text: '（二）推进依法行政', role: 'heading2' }, { text: '全年办理行政复议案件3件。一是全面推行行政执法三项制度。二是规范重大行政决策程序。' }]);
    // The data may number the run-in items by level instead (1. 2. under （三）).
    expect(runs).toContainEqual([{ text: '（三）加强队伍建设。', role: 'heading2' }, { text: '1.组织执法人员培训2次。2.开展案卷评查。' }]);
  });

  it('leaves no separate paragraph for a run-in item', () => {
    const all = paragraphs('national').map((r) => r.map((x) => x.text).join(''));
    expect(all.filter((p) => p.includes('规范重大行政决策程序'))).toHaveLength(1);
  });
});
