import { describe, expect, it } from 'vitest';
import { documentLines, type Document } from '../src/index.js';

describe('documentLines', () => {
  it('lists the text of every element in reading order', () => {
    const doc: Document = {
      meta: { title: 't', author: 'a' },
      header: { organs: ['中共交口乡委员会', '交口乡人民政府'], suffix: '文件', documentNumber: '交发〔2022〕8号' },
      title: ['2021年法治政府建设年度报告'],
      addressee: '县委、县政府：',
      body: [
        { kind: 'heading', level: 1, marker: '一、', text: '主要举措' },
        { kind: 'paragraph', runs: [{ text: '（一）加强领导。', role: 'heading2' }, { text: '正文。' }] },
      ],
      attachmentNote: ['甲', '乙'],
      signature: { organs: ['交口乡人民政府'], date: '2022年1月9日', seals: [] },
      notes: ['（此件公开发布）'],
      endMatter: { copyTo: '抄送：县司法局。', printer: '交口乡党政办', printDate: '2022年1月9日印发' },
    };
    expect(documentLines(doc)).toEqual([
      '中共交口乡委员会',
      '交口乡人民政府文件',
      '交发〔2022〕8号',
      '2021年法治政府建设年度报告',
      '县委、县政府：',
      '一、主要举措',
      '（一）加强领导。正文。',
      '附件：1.甲',
      '2.乙',
      '交口乡人民政府',
      '2022年1月9日',
      '（此件公开发布）',
      '抄送：县司法局。',
      '交口乡党政办',
      '2022年1月9日印发',
    ]);
  });

  it('reads the 签发人 rows left to right, the last one on the 发文字号\'s line', () => {
    const doc = (signers: string[]): Document => ({
      meta: { title: 't', author: 'a' },
      header: { organs: ['临江街道办事处'], suffix: '文件', documentNumber: '临江工〔2023〕3号', signers },
      title: ['报告'],
      body: [],
    });
    expect(documentLines(doc(['陈志明'])).slice(1, 2)).toEqual(['临江工〔2023〕3号签发人：陈志明']);
    expect(documentLines(doc(['甲', '乙', '丙'])).slice(1, 3)).toEqual(['签发人：甲　乙', '临江工〔2023〕3号丙']);
  });
});
