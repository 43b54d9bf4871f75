import { describe, expect, it } from 'vitest';
import { pageBreakFaults } from './line-agreement.js';

describe('pageBreakFaults', () => {
  const body = [
    { kind: 'heading', marker: '一、', text: '主要举措' },
    { kind: 'paragraph', runs: [{ text: '第一行第二行' }] },
    { kind: 'paragraph', runs: [{ text: '甲乙丙丁' }] },
  ];
  it('finds a heading left at the foot of a page, a widow and an orphan', () => {
    const lines = [
      { page: 1, text: '文件标题' },
      { page: 1, text: '一、主要举措' },
      { page: 2, text: '第一行' },
      { page: 3, text: '第二行' },
      { page: 3, text: '甲乙' },
      { page: 4, text: '丙丁' },
    ];
    expect(pageBreakFaults(lines, body)).toEqual({ headingsAtFoot: ['一、主要举措'], widows: ['第二行', '丙丁'], orphans: ['第一行', '甲乙'], headings: 1 });
  });
  it('reports nothing when every block stays on its page', () => {
    const lines = [
      { page: 1, text: '一、主要举措' },
      { page: 1, text: '第一行' },
      { page: 1, text: '第二行' },
      { page: 2, text: '甲乙丙丁' },
    ];
    expect(pageBreakFaults(lines, body)).toEqual({ headingsAtFoot: [], widows: [], orphans: [], headings: 1 });
  });
});
