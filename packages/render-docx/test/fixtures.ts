import type { BodyBlock, Document } from '@gongwen/model';
import { sealPng } from '@gongwen/test-kit/seal-png';

/** Paragraphs from the Liaoning seed report (003), real text with real punctuation. */
const texts = [
  '全面推行落实行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度，在“行政执法监督信息平台”进行公示，严格规范文明执法行为。完善政府权责清单制度，动态调整各部门权责清单，扎实推进运用。建立健全行政服务事项动态管理机制，提升政务服务标准化水平。',
  '聘用专业的法律顾问，利用顾问的法律专业优势，解读相关法律法规，为乡村的重大决策、行政行为、合同行为及其他法律事务，进行法律论证并提出法律意见，为依法决策提供了强有力的法治保障。一年来，法律顾问共审核合同、制度、协议书共16份，举办法律讲座2次，参加大型普法宣传活动6次，代理出庭案件4件。',
  '严格规范性文件的制定程序，完善决策方式，规范决策程序，强化决策责任，提高工作透明度。按要求开展行政规范性文件清理工作，强化备案审查，加强对行政规范性文件的监督。完善政务公开，不断完善网站建设，及时主动发布各类政府信息。',
  '主要领导坚决扛牢推进法治政府建设第一责任人责任，对法治工作亲自部署，重大问题亲自过问，重点环节亲自协调，重要任务亲自督办。利用召开政法法例会的契机，研究部署法治建设相关工作，听取各部门、各单位关于法治政府建设工作的情况汇报，查缺补漏，完善总结，进一步提升法治政府建设工作标准。',
  '将领导干部作为法治宣传教育的重点对象，把习近平法治思想、宪法法律等列入党委会、理论中心组会议学习内容，提高全乡领导干部学法、懂法、用法的能力，切实保障各项工作的依法开展。',
  '结合“平安建设”和“创建文明城市”等工作，在乡村干部中开展法治宣传教育，利用线上视频、现场会议、普法讲座等方式开展法律教育，举办法律知识竞赛活动。今年有5名同志报考行政执法资格，积极参加综合法律知识培训并通过考试，于本年度进行了审核，具备了执法资格和能力，目前太平岭乡执法人员共有13名。',
];

const para = (text: string, lead?: string, leadRole: 'heading2' | 'body' = 'body'): BodyBlock => ({
  kind: 'paragraph',
  runs: lead ? [{ text: lead, role: leadRole }, { text }] : [{ text }],
});

/** A body that runs over several pages, with every heading level and both kinds of run-in lead. */
function longBody(): BodyBlock[] {
  const blocks: BodyBlock[] = [
    para('2023年，太平岭乡在市委、市政府的坚强领导下，深入贯彻落实《庄河市2023年推进法治政府建设十项重点任务》等文件精神，积极推进行政执法各项工作的落实，规范行政执法行为。现将工作情况报告如下：'),
    { kind: 'heading', level: 1, marker: '一、', text: '2023年推进法治政府建设的主要措施和成效' },
    { kind: 'heading', level: 2, marker: '（一）', text: '坚持统筹与落实“双保障”，法治建设取得初步成效' },
  ];
  texts.forEach((t, i) => blocks.push(para(t, `${i + 1}.`)));
  blocks.push({ kind: 'heading', level: 3, marker: '1.', text: '领导班子带头学' });
  blocks.push({ kind: 'heading', level: 4, marker: '（1）', text: '乡村干部自觉学' });
  blocks.push(para(texts[0]!, '（二）加强组织领导。', 'heading2'));
  blocks.push(para(texts[1]!, '一是', 'body'));
  blocks.push({ kind: 'heading', level: 1, marker: '二、', text: '存在的不足和原因' });
  for (const t of [...texts, ...texts.slice(0, 5)]) blocks.push(para(t));
  return blocks;
}

/** Joint issuance with a red header, sealed joint signature, two attachments and a 版记. */
export function jointSealedDocument(): Document {
  const seal = sealPng();
  return {
    meta: { title: '关于2021年法治政府建设情况的报告', author: '中共交口乡委员会 交口乡人民政府', created: '2022-01-09' },
    header: { organs: ['中共交口乡委员会', '交口乡人民政府'], suffix: '文件', documentNumber: '交发〔2022〕8号' },
    title: ['中共交口乡委员会 交口乡人民政府', '关于2021年法治政府建设情况的报告'],
    addressee: '县委、县政府：',
    body: longBody(),
    attachmentNote: ['2021年法治政府建设工作台账', '2021年行政执法统计表'],
    signature: {
      organs: ['中共交口乡委员会', '交口乡人民政府'],
      date: '2022年1月9日',
      seals: [
        { organ: '中共交口乡委员会', image: seal },
        { organ: '交口乡人民政府', image: seal },
      ],
    },
    notes: ['（此件公开发布）'],
    attachments: [
      { label: '附件1', title: ['2021年法治政府建设工作台账'], body: [para(texts[2]!)] },
      { label: '附件2', title: ['2021年行政执法统计表'], body: [para(texts[3]!)] },
    ],
    endMatter: { copyTo: '抄送：县委依法治县办，县司法局。', printer: '交口乡党政综合办公室', printDate: '2022年1月9日印发' },
  };
}

/** A 上行文: one organ, 签发人, an unsealed signature, no attachments. */
export function upwardDocument(): Document {
  return {
    meta: { title: '太平岭满族乡2023年法治政府建设情况报告', author: '太平岭满族乡人民政府', created: '2024-01-15' },
    header: {
      copyNumber: '000001',
      secrecy: '机密★1年',
      urgency: '特急',
      organs: ['太平岭满族乡人民政府'],
      suffix: '文件',
      documentNumber: '太政发〔2024〕3号',
      signers: ['王某某', '李某某', '张某某'],
    },
    title: ['太平岭满族乡2023年法治政府建设情况报告'],
    addressee: '中共庄河市委员会：',
    body: longBody().slice(0, 14),
    signature: { organs: ['太平岭满族乡人民政府'], date: '2024年1月15日', seals: [] },
    endMatter: { copyTo: '抄送：庄河市司法局。', printer: '太平岭满族乡党政办公室', printDate: '2024年1月15日印发' },
  };
}

/** No red header (a report published as body only), one organ, sealed. */
export function plainSealedDocument(): Document {
  return {
    meta: { title: '汉中市南郑区法镇人民政府关于2022年度法治政府建设情况的报告', author: '汉中市南郑区法镇人民政府' },
    title: ['汉中市南郑区法镇人民政府', '关于2022年度法治政府建设情况的报告'],
    addressee: '汉中市南郑区依法治区委员会办公室：',
    body: longBody().slice(0, 6),
    signature: { organs: ['汉中市南郑区法镇人民政府'], date: '2023年1月10日', seals: [{ organ: '汉中市南郑区法镇人民政府', image: sealPng() }] },
  };
}

/**
 * A body of `lines` grid lines and nothing above it (no header, title or 主送机关), so its end
 * falls where the caller wants: paragraphs of two full lines (26 characters after the indent,
 * then 28; the first of three when the count is odd), the last one `lastLines` long and ending
 * short. An unsealed signature follows; `endMatter` adds a 版记.
 */
export function measuredBody(lines: number, options: { lastLines?: number; endMatter?: boolean } = {}): Document {
  const last = options.lastLines ?? 1;
  const text = texts.join('').replace(/[^\u4e00-\u9fff]/g, '').repeat(4);
  let at = 0;
  const take = (n: number) => {
    const piece = text.slice(at, at + n);
    at += n;
    return piece;
  };
  const full = (count: number) => take(26 + 28 * (count - 1));
  const fill = lines - last;
  const body: BodyBlock[] = [];
  for (let left = fill; left > 0; ) {
    const count = left % 2 ? 3 : 2;
    body.push(para(full(count)));
    left -= count;
  }
  body.push(para(last === 1 ? `${take(19)}。` : `${full(last - 1)}${take(15)}。`));
  return {
    meta: { title: '页末测试', author: '太平岭满族乡人民政府' },
    title: [],
    body,
    signature: { organs: ['太平岭满族乡人民政府'], date: '2024年1月15日', seals: [] },
    ...(options.endMatter
      ? { endMatter: { copyTo: '抄送：庄河市司法局。', printer: '太平岭满族乡党政办公室', printDate: '2024年1月15日印发' } }
      : {}),
  };
}
