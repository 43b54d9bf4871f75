/* Generated from report.schema.json by scripts/generate-types.mjs. Do not edit. */

/**
 * 一段文字（不能为空，也不能只有空白）。
 */
export type Text = string;
/**
 * study 学习贯彻习近平法治思想；measures 主要举措和成效；shortcomings 不足和原因；leadership 党政主要负责人履行第一责任人职责；plans 下一年度主要安排；inspection 督察自查问题及整改；highlights 突出亮点；other 其他需要报告的情况；custom 自定义（须写 heading）。
 */
export type PartKind =
  'study' | 'measures' | 'shortcomings' | 'leadership' | 'plans' | 'inspection' | 'highlights' | 'other' | 'custom';
/**
 * 子项编号方式：level 按层级（（一）、1.、（1））；ordinal 一是、二是；none 不编号。省略时按样式约定。
 */
export type Numbering = 'level' | 'ordinal' | 'none';
export type Block = Text | Section | Table;
/**
 * 表格的一行：各单元格依次排列。
 *
 * @minItems 1
 * @maxItems 12
 */
export type TableRow = [string | number, ...(string | number)[]];
/**
 * 依次排列的内容：字符串是一个不编号的段落；{heading} 是单独成行的小标题；{lead, text} 是编号的条目。
 */
export type Body = Block[];
/**
 * 印章图片相对于报告文件的路径，只能指向报告所在文件夹之内。
 */
export type SealRef = string;
/**
 * ISO 日期，如 2022-01-09；成文时写作 2022年1月9日。
 */
export type IsoDate = string;

/**
 * 法治政府建设年度报告的数据：一个 YAML 文件一份报告。
 */
export interface Report {
  /**
   * 编辑器用的 schema 路径，渲染时忽略。
   */
  $schema?: string;
  /**
   * 地区样式（templates/ 下的文件夹名），如 national、guangdong、ningxia、liaoning、shaanxi。命令行 --style 可覆盖。
   */
  style: string;
  /**
   * 报告所涉年度，如 2021。下一年度的安排自动写作 year + 1。
   */
  year: number;
  /**
   * 发文机关，主办机关在前；党委、政府联合行文时写两个。
   *
   * @minItems 1
   */
  issuers: [Organ, ...Organ[]];
  /**
   * 发文字号，如 交发〔2022〕8号：年份用六角括号〔〕，序号不编虚位、不加“第”（gongwen lint 检查写法，--fix 可改正）。有发文字号时排红头。
   */
  documentNumber?: string;
  /**
   * 签发人姓名。上行文（报告）标注签发人，发文字号随之居左。
   *
   * @minItems 1
   */
  signers?: [Text, ...Text[]];
  header?: Header;
  /**
   * 标题；省略时由样式按发文机关和年度组成。多行标题写成列表，每项一行。
   */
  title?: Text | [Text, ...Text[]];
  /**
   * 主送机关，如 海原县人民政府（末尾冒号可省略）。多个机关写成列表。
   */
  addressee?: Text | [Text, ...Text[]];
  /**
   * 开头段落（总述），通常以“现将……报告如下：”结束。
   */
  preamble?: Text[];
  /**
   * 报告的组成部分（一、二、三……），按数据中写的顺序排列并编号；换用其他样式排版时按该样式的 parts.order 排（合并撰写的部分按其涵盖的最靠前的类别排，样式未列出的部分紧随数据中它前面的部分）。partsOrder 可以明确指定。
   *
   * @minItems 1
   */
  parts: [Part, ...Part[]];
  /**
   * 各部分的排列顺序：written 按数据中的顺序（用报告自己的样式排版时的默认）；style 按样式 parts.order 的顺序（换用其他样式排版时的默认）。
   */
  partsOrder?: 'written' | 'style';
  /**
   * 正文末尾、各部分之后的段落，如“特此报告。”
   */
  closing?: Text[];
  /**
   * 附件：附件说明列出名称，附件正文另起一页排在版记之前。
   */
  attachments?: Attachment[];
  signature?: Signature;
  /**
   * 附注，如 此件公开发布（括号可省略）。
   */
  notes?: Text[];
  /**
   * 抄送机关。
   *
   * @minItems 1
   */
  copyTo?: [Text, ...Text[]];
  printing?: Printing;
  /**
   * 结构化的统计数字（总数及其分项），供内容检查核对是否相加一致。
   */
  figures?: Figure[];
}
export interface Organ {
  /**
   * 机关全称，如 交口乡人民政府。
   */
  name: string;
  /**
   * 规范化简称，用于发文机关标志。
   */
  short?: string;
}
/**
 * 版头：默认有发文字号时排红头。
 */
export interface Header {
  /**
   * 是否排红头（发文机关标志、发文字号和红色分隔线）。
   */
  show?: boolean;
  /**
   * 发文机关标志中的机关名称；默认取发文机关的简称或全称。
   *
   * @minItems 1
   */
  organs?: [Text, ...Text[]];
  /**
   * 标志中机关名称后的文字，默认“文件”；写空字符串则只用机关名称。
   */
  suffix?: string;
  /**
   * 份号，6 位阿拉伯数字。
   */
  copyNumber?: string;
  /**
   * 一段文字（不能为空，也不能只有空白）。
   */
  secrecy?: string;
  /**
   * 紧急程度。
   */
  urgency?: '特急' | '加急' | '特提' | '平急';
}
export interface Part {
  kind: PartKind;
  /**
   * 本部分同时涵盖的其他法定部分（合并撰写时），如 measures 部分写了第一责任人职责。
   */
  includes?: PartKind[];
  /**
   * 一段文字（不能为空，也不能只有空白）。
   */
  heading?: string;
  numbering?: Numbering;
  /**
   * 阿拉伯数字编号在各小节中重新开始（restart，默认）还是贯穿整个部分（continue）。
   */
  arabicNumbering?: 'restart' | 'continue';
  body: Body;
}
/**
 * 编号的小节或条目。heading 单独成行；lead 是引领句，与 text 排在同一段；runIn: true 时子项也接排在这一段。
 */
export interface Section {
  /**
   * 一段文字（不能为空，也不能只有空白）。
   */
  heading?: string;
  /**
   * 一段文字（不能为空，也不能只有空白）。
   */
  lead?: string;
  /**
   * 一段文字（不能为空，也不能只有空白）。
   */
  text?: string;
  numbering?: Numbering;
  /**
   * true 时子项接排在本条的同一段内，如“（一）强化组织领导。一是……二是……”；子项默认按一是、二是编号。有 heading 时，heading 作为接排段的引领句。
   */
  runIn?: boolean;
  body?: Body;
}
/**
 * 表格（GB/T 9704 第 8 章），如行政复议、行政诉讼案件统计表：表题居中，表头行在每页顶端重复，正文用仿宋。
 */
export interface Table {
  table: {
    /**
     * 一段文字（不能为空，也不能只有空白）。
     */
    title?: string;
    /**
     * 表头行（一行或多行），用黑体；表格跨页时在每页顶端重复。
     *
     * @minItems 1
     * @maxItems 4
     */
    header?: [TableRow, ...TableRow[]];
    /**
     * 表格的数据行，每行的单元格数与表头相同。
     *
     * @minItems 1
     * @maxItems 500
     */
    rows: [TableRow, ...TableRow[]];
    /**
     * 各列的对齐方式：left 左对齐、center 居中、right 右对齐（数字列常用）；省略时第一列左对齐，其余居中。
     *
     * @minItems 1
     * @maxItems 12
     */
    align?: ['left' | 'center' | 'right', ...('left' | 'center' | 'right')[]];
    /**
     * 各列的相对宽度，如 [3, 1, 1, 1]；省略时各列等宽。
     *
     * @minItems 1
     * @maxItems 12
     */
    widths?: [number, ...number[]];
    /**
     * 表格线：three-line 三线表（顶线、表头下线、底线），grid 全框线；省略时按样式（style.yaml 的 tables.rules，默认三线表）。
     */
    rules?: 'three-line' | 'grid';
  };
}
export interface Attachment {
  /**
   * 一段文字（不能为空，也不能只有空白）。
   */
  title: string;
  body?: Body;
}
/**
 * 发文机关署名和成文日期。
 */
export interface Signature {
  /**
   * 署名机关，默认为发文机关全称。
   *
   * @minItems 1
   */
  organs?: [Text, ...Text[]];
  /**
   * 成文日期。
   */
  date: string;
  /**
   * 印章图片（PNG/JPEG），与署名机关一一对应。
   */
  seals?: SealRef[];
  /**
   * 加盖签发人签名章（GB/T 9704 7.3.5.3）：每个机关一行，主办机关在前；给出时不排署名机关、不用 seals。
   *
   * @minItems 1
   */
  signatories?: [Signatory, ...Signatory[]];
}
/**
 * 签发人职务和签名章。
 */
export interface Signatory {
  /**
   * 一段文字（不能为空，也不能只有空白）。
   */
  title: string;
  /**
   * 印章图片相对于报告文件的路径，只能指向报告所在文件夹之内。
   */
  stamp: string;
}
/**
 * 版记中的印发机关和印发日期。
 */
export interface Printing {
  organ: Text;
  date: IsoDate;
}
export interface Figure {
  /**
   * 一段文字（不能为空，也不能只有空白）。
   */
  label: string;
  total: number;
  unit?: string;
  /**
   * @minItems 1
   */
  parts: [
    {
      label: Text;
      value: number;
    },
    ...{
      label: Text;
      value: number;
    }[]
  ];
}
