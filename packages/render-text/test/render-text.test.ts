import type { Document } from '@gongwen/model';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../src/render-markdown.js';
import { renderText } from '../src/render-text.js';

const doc: Document = {
  meta: { title: '2021年法治政府建设年度报告', author: '甲乡人民政府' },
  header: { organs: ['中共甲乡委员会', '甲乡人民政府'], suffix: '文件', documentNumber: '甲发〔2022〕8号' },
  title: ['2021年法治政府建设年度报告'],
  addressee: '乙县人民政府：',
  body: [
    { kind: 'paragraph', runs: [{ text: '现将有关工作报告如下：' }] },
    { kind: 'heading', level: 1, marker: '一、', text: '主要举措和成效' },
    { kind: 'paragraph', runs: [{ text: '（一）加强组织领导。', role: 'heading2' }, { text: '成立领导小组。' }] },
    { kind: 'paragraph', runs: [{ text: '1.*依法*履职<b>。' }] },
  ],
  signature: { organs: ['中共甲乡委员会', '甲乡人民政府'], date: '2022年1月9日', seals: [] },
  notes: ['（此件公开发布）'],
  endMatter: { copyTo: '抄送：丙县司法局。', printer: '甲乡党政办公室', printDate: '2022年1月9日印发' },
};

describe('renderText', () => {
  const text = renderText(doc);
  const lines = text.split('\n');

  it('prints every element in reading order', () => {
    const order = ['中共甲乡委员会', '甲乡人民政府文件', '甲发〔2022〕8号', '2021年法治政府建设年度报告', '乙县人民政府：', '现将有关', '一、主要举措和成效', '（一）加强组织领导。成立领导小组。', '2022年1月9日', '（此件公开发布）', '抄送：丙县司法局。', '2022年1月9日印发'];
    let at = -1;
    for (const piece of order) {
      const next = text.indexOf(piece, at + 1);
      expect(next, piece).toBeGreaterThan(at);
      at = next;
    }
  });

  it('centres the title and indents paragraphs two characters', () => {
    const title = lines.find((l) => l.includes('2021年法治政府建设年度报告'))!;
    // 28-character line, a 13-character title (digits count half): 7½ characters each side.
    expect(title.startsWith('　'.repeat(5))).toBe(true);
    expect(lines.find((l) => l.includes('一、主要举措'))).toBe('　　一、主要举措和成效');
    expect(lines).toContain('乙县人民政府：');
  });

  it('sets the signature to the right, the date two characters right of the organ', () => {
    const organ = lines.find((l) => l.endsWith('甲乡人民政府') && !l.includes('文件'))!;
    const date = lines.find((l) => l.endsWith('2022年1月9日'))!;
    const organStart = organ.length - '甲乡人民政府'.length;
    const dateStart = date.length - '2022年1月9日'.length;
    expect(organStart).toBeGreaterThan(10);
    expect(dateStart - organStart).toBe(2);
  });
});

describe('renderMarkdown', () => {
  const md = renderMarkdown(doc);
  it('makes the title a heading and parts one level below', () => {
    expect(md).toContain('# 2021年法治政府建设年度报告');
    expect(md).toContain('## 一、主要举措和成效');
    expect(md).toContain('**（一）加强组织领导。**成立领导小组。');
  });
  it('escapes report text that Markdown would read as syntax', () => {
    expect(md).toContain('1\\.\\*依法\\*履职\\<b\\>。');
  });
});

describe('renderText with a seal', () => {
  it('sets the date four characters from the right and centres the organ over it (7.3.5.1)', () => {
    const sealed: Document = { ...doc, signature: { organs: ['甲乡人民政府'], date: '2022年1月9日', seals: [{ image: new Uint8Array(), organ: '甲乡人民政府' }] } };
    const lines = renderText(sealed).split('\n');
    const date = lines.find((l) => l.endsWith('2022年1月9日') && !l.includes('印发'))!;
    const organ = lines[lines.indexOf(date) - 1]!;
    // 28 − 4 − 6 (2022年1月9日: six digits count half) = 18 characters before the date.
    expect(date).toBe('　'.repeat(18) + '2022年1月9日');
    expect(organ).toBe('　'.repeat(18) + '甲乡人民政府');
  });
});

describe('renderText with signature stamps', () => {
  it('prints each signatory\'s title four characters from the right, the date after a blank line (7.3.5.3)', () => {
    const stamped: Document = { ...doc, signature: { organs: ['甲乡人民政府'], date: '2022年1月9日', seals: [], stamps: [{ title: '甲乡党委书记', image: new Uint8Array(), aspect: 2 }, { title: '甲乡乡长', image: new Uint8Array(), aspect: 2 }] } };
    const lines = renderText(stamped).split('\n');
    const first = lines.findIndex((l) => l.endsWith('甲乡党委书记'));
    // Plain text keeps one blank line where the page has two.
    expect(lines.slice(first - 1, first + 4)).toEqual(['', '　'.repeat(18) + '甲乡党委书记', '　'.repeat(20) + '甲乡乡长', '', '　'.repeat(18) + '2022年1月9日']);
    expect(renderMarkdown(stamped)).toContain('甲乡党委书记  \n甲乡乡长  \n2022年1月9日');
  });
});

describe('renderText without a header', () => {
  it('keeps the first line centred', () => {
    const { header: _h, ...plain } = doc;
    const first = renderText(plain).split('\n')[0]!;
    expect(first).toMatch(/^　{7}2021年法治政府建设年度报告$/);
  });
});
