/**
 * Test PDFs drawn with pdfkit, line by line at explicit positions: the point is what the
 * checker measures, not how a layout engine breaks lines. Expected positions come from the
 * layout spec in @gongwen/model, as a renderer's would.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { derived, fontRoles, layout, mmToPt } from '@gongwen/model';

const require = createRequire(import.meta.url);
export const serifFont = join(
  dirname(require.resolve('@expo-google-fonts/noto-serif-sc/package.json')),
  '400Regular/NotoSerifSC_400Regular.ttf',
);

/** Noto Serif SC's hhea ascent: pdfkit puts the baseline this far (× size) below the y it is given. */
const ASCENT = 1.151;
/** A CJK em box stands 0.88 em above the baseline. */
const EM_ABOVE = 0.88;

type Doc = InstanceType<typeof PDFDocument>;

async function toBytes(doc: Doc, draw: () => void): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  draw();
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

export const PARAGRAPHS = [
  '2024年以来，我镇坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，全面落实党中央、国务院关于法治政府建设的决策部署，紧紧围绕全镇经济社会发展大局，扎实推进依法行政，法治政府建设取得了新的成效。现将有关情况报告如下。',
  '镇党委、镇政府始终把法治政府建设摆在全局工作的重要位置，成立了由党委书记任组长、镇长任常务副组长的法治政府建设工作领导小组，定期召开专题会议研究部署，及时解决工作中遇到的困难和问题，形成了党委统一领导、政府具体实施、部门协调配合、群众广泛参与的工作格局。',
  '严格落实重大行政决策程序，凡涉及群众切身利益的重大事项，均通过公众参与、专家论证、风险评估、合法性审查和集体讨论决定等程序作出决策，全年共审查各类合同协议和规范性文件，提出修改意见，有效防范了法律风险。',
  '深化行政执法体制改革，全面推行行政执法公示制度、执法全过程记录制度和重大执法决定法制审核制度，严格规范执法行为，加强执法人员培训考核，不断提升执法人员的法治素养和依法办事能力，执法质量和执法效能明显提高，群众满意度持续上升。',
  '坚持把普法教育作为一项基础性工作来抓，组织开展宪法宣传周、民法典宣传月等主题活动，深入村组、学校、企业开展法治宣传，编印发放宣传资料，营造了尊法学法守法用法的良好氛围，干部群众的法治意识明显增强。',
  '同时也要清醒看到，我镇法治政府建设还存在一些不足：一是部分干部运用法治思维和法治方式解决问题的能力还不够强；二是基层法治队伍力量相对薄弱，专业人才较为缺乏；三是普法宣传的针对性和实效性有待进一步提高。',
  '下一步，我镇将继续深入学习贯彻习近平法治思想，认真落实上级关于法治政府建设的各项部署要求，着力补齐短板弱项，不断提高依法行政水平，为全镇经济社会高质量发展提供坚强有力的法治保障。',
  '一是加强组织领导，压紧压实党政主要负责人履行推进法治建设第一责任人职责，把法治建设成效作为衡量各级领导班子和领导干部工作实绩的重要内容；二是规范行政决策，健全依法决策机制，确保决策制度科学、程序正当、过程公开、责任明确。',
  '三是严格规范公正文明执法，加大关系群众切身利益的重点领域执法力度，持续深化综合行政执法改革，推动执法重心向基层下移，切实做到严格规范公正文明执法；四是强化监督制约，自觉接受人大监督、民主监督和社会监督，让权力在阳光下运行。',
  '五是深化法治宣传教育，落实谁执法谁普法普法责任制，创新普法方式方法，推动法治文化阵地建设，引导群众依法表达诉求、依法维护权益，努力建设更高水平的法治乡镇，为全面建设社会主义现代化国家贡献力量。',
];

/** Closing marks that must not start a line: LibreOffice hangs ，。 into the margin, others push a pair down. */
const HANG = new Set(['，', '。']);
const NO_START = new Set(['、', '；', '：', '）', '”', '》', '？', '！']);

export interface Line {
  text: string;
  indentCells: number;
  /** Last line of a paragraph: set ragged, not justified. */
  last: boolean;
  /** A trailing ，。 drawn past the right edge. */
  hanging?: string;
}

/** Breaks paragraphs into grid lines of `cells` characters, with hanging and pushed-down marks. */
export function breakLines(paragraphs: readonly string[], cells: number, indent: number): Line[] {
  const out: Line[] = [];
  for (const p of paragraphs) {
    const chars = [...p];
    let first = true;
    while (chars.length) {
      const room = cells - (first ? indent : 0);
      if (chars.length <= room) {
        out.push({ text: chars.splice(0).join(''), indentCells: first ? indent : 0, last: true });
        break;
      }
      const next = chars[room]!;
      let take = room;
      let hanging: string | undefined;
      if (HANG.has(next)) hanging = next;
      else if (NO_START.has(next)) take = room - 1;
      const text = chars.splice(0, take).join('');
      if (hanging) chars.shift();
      const done = chars.length === 0;
      out.push({ text, indentCells: first ? indent : 0, last: done, ...(hanging ? { hanging } : {}) });
      first = false;
      if (done) break;
    }
  }
  return out;
}

const mm = mmToPt;
const pitch = derived.linePitchPt;
const body = fontRoles.body.size;
const left = mm(layout.margins.left);
const top = mm(layout.margins.top);
const blockWidth = derived.blockWidthPt;
const blockRight = left + blockWidth;
const blockBottom = mm(layout.margins.top + layout.textBlock.height);
const RED = `#${layout.red}`;

export interface ConformantPdf {
  bytes: Uint8Array;
  /** The text in reading order, for text/equals. */
  text: string[];
  lines: Line[];
}

/**
 * A GB/T 9704-shaped report: red header, title, body on the 22 × 28 grid with first-line
 * indents, hanging ，。, a signature, 版记 at the foot of the last (even) page, `— N —` numbers.
 */
export async function conformantPdf(options: { paragraphs?: readonly string[] } = {}): Promise<ConformantPdf> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, compress: true });
  doc.registerFont('serif', serifFont);
  const text: string[] = [];
  const lines = breakLines(options.paragraphs ?? [...PARAGRAPHS, ...PARAGRAPHS], layout.grid.charsPerLine, layout.paragraph.firstLineIndentChars);
  const gridTop = (i: number): number => top + i * pitch;
  /** Draws `s` so that its glyph top (baseline − ascent) is at `y`. */
  const put = (s: string, x: number, y: number, size: number, spacing = 0, color = '#000000'): void => {
    doc.font('serif').fontSize(size).fillColor(color).text(s, x, y, { lineBreak: false, characterSpacing: spacing });
  };
  const width = (s: string, size: number): number => doc.font('serif').fontSize(size).widthOfString(s);
  const centred = (s: string, y: number, size: number, color?: string): void => put(s, left + (blockWidth - width(s, size)) / 2, y, size, 0, color);
  const bodyLine = (l: Line, y: number): void => {
    const x = left + l.indentCells * derived.charPitchPt;
    const n = [...l.text].length;
    // Justified lines spread to the right edge; the last line of a paragraph keeps the grid pitch.
    const spacing = l.last ? derived.bodyTrackingPt : (blockRight - x - width(l.text, body)) / Math.max(1, n - 1);
    put(l.text, x, y, body, spacing);
    if (l.hanging) put(l.hanging, blockRight, y, body);
    text.push(l.text + (l.hanging ?? ''));
  };
  const pageNumber = (n: number): void => {
    const s = layout.pageNumber.format(n);
    const size = fontRoles.pageNumber.size;
    const inset = layout.pageNumber.insetChars * size;
    const x = n % 2 ? blockRight - inset - width(s, size) : left + inset;
    // The dash's centre 7 mm below the block: baseline ≈ 0.27 em lower.
    const baseline = blockBottom + mm(layout.pageNumber.belowBlock) + 0.27 * size;
    put(s, x, baseline - ASCENT * size, size);
  };

  return {
    bytes: await toBytes(doc, () => {
      // Page 1: 版头 and the start of the body.
      doc.addPage({ size: 'A4', margin: 0 });
      const organ = '某某镇人民政府文件';
      const markSize = fontRoles.organMark.size;
      // The mark's em box (0.88 em above the baseline) starts 35 mm into the block.
      const markTop = top + mm(layout.header.organMarkTop) - (ASCENT - EM_ABOVE) * markSize;
      centred(organ, markTop, markSize, RED);
      text.push(organ);
      const number = '某政发〔2025〕3号';
      const numberTop = markTop + markSize * ASCENT + 2 * pitch - body * ASCENT;
      centred(number, numberTop, body);
      text.push(number);
      const ruleY = numberTop + (ASCENT + 1 - EM_ABOVE) * body + mm(layout.header.ruleGapBelowNumber);
      doc.moveTo(left, ruleY).lineTo(blockRight, ruleY).lineWidth(layout.header.ruleThicknessPt).strokeColor(RED).stroke();
      // The title two blank grid lines below the rule (7.3.1): the first grid line whose 2号 em box
      // starts at least two pitches below it.
      const titleSize = fontRoles.title.size;
      let row = 0;
      while (top + row * pitch + (ASCENT - EM_ABOVE) * titleSize - ruleY < layout.title.linesBelowRule * pitch) row++;
      const title = ['某某镇人民政府关于2024年度', '法治政府建设情况的报告'];
      for (const t of title) {
        centred(t, gridTop(row++), titleSize);
        text.push(t);
      }
      row += layout.addressee.blankLinesBefore;
      put('某某县人民政府：', left, gridTop(row++), body, derived.bodyTrackingPt);
      text.push('某某县人民政府：');
      let page = 1;
      pageNumber(page);
      const rowsPerPage = layout.grid.linesPerPage;
      const newPage = (): void => {
        doc.addPage({ size: 'A4', margin: 0 });
        page++;
        pageNumber(page);
        row = 0;
      };
      for (const l of lines) {
        if (row >= rowsPerPage) newPage();
        bodyLine(l, gridTop(row++));
      }
      // Signature without seal (7.3.5.2): one blank line, 署名 right inset 2 chars, date 2 chars right of it.
      const sig = layout.signature.unsealed;
      if (row + sig.blankLinesBefore + 2 > rowsPerPage) newPage();
      row += sig.blankLinesBefore;
      const organName = '某某镇人民政府';
      const date = '2025年1月9日';
      const organX = blockRight - sig.organRightInsetChars * derived.charPitchPt - width(organName, body);
      put(organName, organX, gridTop(row++), body);
      put(date, organX + sig.dateOffsetChars * derived.charPitchPt, gridTop(row++), body);
      text.push(organName, date);
      // An attachment (7.3.7): a new page, 附件1 flush left on line 1, its title centred on line 3.
      newPage();
      put('附件1', left, gridTop(0), body);
      centred('某某镇法治建设任务清单', gridTop(2), titleSize);
      text.push('附件1', '某某镇法治建设任务清单');
      row = 4;
      for (const l of breakLines(PARAGRAPHS.slice(0, 2), layout.grid.charsPerLine, layout.paragraph.firstLineIndentChars)) {
        if (row >= rowsPerPage) newPage();
        bodyLine(l, gridTop(row++));
      }
      // 版记 on an even page, its last rule on the block's bottom edge (7.4.1).
      if (page % 2 === 1 || row > rowsPerPage - 4) newPage();
      const size = layout.endMatter.fontSize;
      const inset = layout.endMatter.insetChars * size;
      const rule = (y: number, thicknessMm: number): void => {
        doc.moveTo(left, y).lineTo(blockRight, y).lineWidth(mm(thicknessMm)).strokeColor('#000000').stroke();
      };
      const last = blockBottom;
      const printerTop = last - pitch + (pitch - size * 1.437) / 2;
      const copyTop = printerTop - pitch;
      rule(last, layout.endMatter.outerRule);
      rule(last - pitch, layout.endMatter.innerRule);
      rule(last - 2 * pitch, layout.endMatter.outerRule);
      put('抄送：县委依法治县办，县司法局。', left + inset, copyTop, size);
      const printer = '某某镇党政综合办公室';
      const printDate = '2025年1月9日印发';
      put(printer, left + inset, printerTop, size);
      put(printDate, blockRight - inset - width(printDate, size), printerTop, size);
      text.push('抄送：县委依法治县办，县司法局。', printer, printDate);
    }),
    text,
    lines,
  };
}

/**
 * A PDF that breaks every rule: US Letter, 2 cm margins, 12 pt text in 1.2 line spacing with a
 * 2-em indent, a short red rule under a red heading, a 16 pt flush-left title, a centred 附件 label, hairline 版记 rules at the margin, centred
 * ASCII `- N -` numbers in a non-embedded standard font.
 */
export async function nonConformantPdf(): Promise<Uint8Array> {
  const margin = mm(20);
  const doc = new PDFDocument({ size: 'LETTER', margin, bufferPages: true, compress: true });
  doc.registerFont('serif', serifFont);
  return toBytes(doc, () => {
    doc.font('serif').fontSize(20).fillColor('#CC0000').text('某某镇人民政府', { align: 'center' });
    const y = doc.y + 4;
    doc.moveTo(doc.page.width / 2 - mm(50), y).lineTo(doc.page.width / 2 + mm(50), y).lineWidth(1).strokeColor('#CC0000').stroke();
    doc.moveDown();
    doc.fillColor('#000000').fontSize(16).text('关于2024年度法治政府建设情况的报告');
    doc.fontSize(12);
    for (let i = 0; i < 4; i++) {
      for (const p of PARAGRAPHS) doc.text(p, { align: 'justify', indent: 24, lineGap: 2.4, paragraphGap: 0 });
    }
    // A 版记 drawn the way a word processor's table border would: page-wide, hairline, at the margin.
    const foot = doc.page.height - margin;
    for (const y of [foot - 30, foot]) doc.moveTo(margin, y).lineTo(doc.page.width - margin, y).lineWidth(0.5).strokeColor('#000000').stroke();
    // An attachment with its label centred and its title straight after it.
    doc.addPage();
    doc.fontSize(12).text('附件1', { align: 'center' });
    doc.fontSize(16).text('某某镇法治建设任务清单');
    doc.fontSize(12).text(PARAGRAPHS[0]!, { align: 'justify', indent: 24, lineGap: 2.4 });
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.font('Helvetica').fontSize(12).text(`- ${i + 1} -`, 0, doc.page.height - margin + 10, { width: doc.page.width, align: 'center', lineBreak: false });
      doc.page.margins.bottom = bottom;
    }
  });
}

/** A one-page PDF that needs a password to open. */
export async function lockedPdf(): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', userPassword: 'secret', ownerPassword: 'owner', pdfVersion: '1.7' });
  return toBytes(doc, () => {
    doc.fontSize(12).text('confidential');
  });
}

/** An A4 page with a drawing and no text, as a scan without OCR would be. */
export async function textlessPdf(): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: 0 });
  return toBytes(doc, () => {
    doc.rect(mm(28), mm(37), mm(156), mm(225)).fillColor('#DDDDDD').fill();
  });
}
