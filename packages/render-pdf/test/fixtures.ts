import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BodyBlock, Document } from '@gongwen/model';

export const seal = new Uint8Array(readFileSync(join(import.meta.dirname, 'fixtures', 'seal.png')));

const sentence = '镇政府坚持以习近平法治思想为指导，深入贯彻落实党中央、国务院关于法治政府建设的决策部署，严格依法履行职能，全面推进依法行政，各项工作取得明显成效。';

/** `n` paragraphs of real-looking report prose, each a few lines long. */
export function prose(n: number, sentences = 3): BodyBlock[] {
  return Array.from({ length: n }, (_, i) => ({ kind: 'paragraph', runs: [{ text: `${i + 1}号段落。${sentence.repeat(sentences)}` }] }));
}

/** A joint, sealed, upward report with every element GB/T 9704 knows. */
export function fullDocument(): Document {
  return {
    meta: { title: '关于2021年度法治政府建设情况的报告', author: '中共交口乡委员会 交口乡人民政府', subject: '法治政府建设年度报告', keywords: ['法治政府', '年度报告'], created: '2022-01-09' },
    header: {
      copyNumber: '000001',
      secrecy: '机密★1年',
      urgency: '特急',
      organs: ['中共交口乡委员会', '交口乡人民政府'],
      suffix: '文件',
      documentNumber: '交发〔2022〕8号',
      signers: ['张三', '李四'],
    },
    title: ['中共交口乡委员会 交口乡人民政府', '关于2021年度法治政府建设情况的报告'],
    addressee: '县委全面依法治县委员会办公室：',
    body: [
      { kind: 'paragraph', runs: [{ text: '2021年，在县委、县政府的坚强领导下，我乡深入学习贯彻习近平法治思想，现将有关情况报告如下：' }] },
      { kind: 'heading', level: 1, marker: '一、', text: '主要举措和成效' },
      { kind: 'heading', level: 2, marker: '（一）', text: '加强组织领导，压实工作责任' },
      { kind: 'paragraph', runs: [{ text: '一是', role: 'body' }, { text: sentence.repeat(2) }] },
      { kind: 'paragraph', runs: [{ text: '（二）强化学法用法。', role: 'heading2' }, { text: `调解𰻝𰻝面馆与房东的租赁纠纷等矛盾纠纷67件。${sentence.repeat(3)}` }] },
      ...prose(10),
      { kind: 'heading', level: 3, marker: '1.', text: '推进“放管服”改革' },
      { kind: 'heading', level: 4, marker: '（1）', text: '优化营商环境' },
      ...prose(4),
    ],
    attachmentNote: ['交口乡2021年度法治政府建设工作台账', '交口乡2022年度法治政府建设工作要点'],
    signature: { organs: ['中共交口乡委员会', '交口乡人民政府'], date: '2022年1月9日', seals: [{ image: seal, organ: '中共交口乡委员会' }, { image: seal, organ: '交口乡人民政府' }] },
    notes: ['（此件公开发布）'],
    attachments: [{ label: '附件1', title: ['交口乡2021年度法治政府建设工作台账'], body: prose(2) }],
    endMatter: { copyTo: '抄送：县委办公室，县人大常委会办公室，县政府办公室，县政协办公室，县司法局。', printer: '中共交口乡委员会办公室', printDate: '2022年1月9日印发' },
  };
}

/** A plain township report: no red header, one organ, no seal. */
export function plainDocument(paragraphs = 30): Document {
  return {
    meta: { title: '乌塘镇2021年法治政府建设工作报告', author: '遂溪县乌塘镇人民政府', created: '2021-12-31' },
    title: ['乌塘镇2021年法治政府建设工作报告'],
    body: [{ kind: 'heading', level: 1, marker: '一、', text: '工作成效及措施' }, ...prose(paragraphs)],
    signature: { organs: ['遂溪县乌塘镇人民政府'], date: '2021年12月31日', seals: [] },
    endMatter: { printer: '遂溪县乌塘镇党政办公室', printDate: '2021年12月31日印发' },
  };
}
