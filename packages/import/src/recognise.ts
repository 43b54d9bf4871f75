import { error, warning, type Diagnostic, type Lang } from '@gongwen/diagnostics';
import type { Attachment, Block, Numbering, Part, PartKind, Report } from '@gongwen/schema';
import { arabicRunsOn, buildTree, finishBody, firstSentenceEnd, isItem, readMarker, readPartHeading, type Flattened, type LevelMarkers } from './body.js';
import { t } from './messages.js';
import { parseChineseDate } from './numerals.js';
import type { SourceParagraph } from './paragraphs.js';
import { guessPartKind } from './part-kinds.js';

/** A YAML comment to write at a value of the data (`path` as in the report). */
export interface Note {
  path: (string | number)[];
  text: string;
}

/** What the importer needs to know of the style the report will render in. */
export interface StyleFacts {
  name: string;
  /** Kinds in the order the style prints them. */
  order?: readonly PartKind[];
  /** Kinds the style requires. */
  required?: readonly PartKind[];
  /** Default headings, with `{{year}}` / `{{nextYear}}` placeholders. */
  headings?: Partial<Record<PartKind, string>>;
  /** Numbering of items the data does not number (the style's `numbering.default`): not written where it applies. */
  defaultNumbering?: Numbering;
  /** The marker format of levels 1–4 (`cn-comma`, `cn-paren`, `arabic-dot`, `arabic-paren`). */
  markers?: Partial<Record<1 | 2 | 3 | 4, string>>;
}

/** What `styleFactsOf` reads of a style's manifest (as `loadStyle` of `@gongwen/compose` gives it). */
export interface ManifestFacts {
  parts: { order: readonly PartKind[]; required: readonly PartKind[]; headings: Partial<Record<PartKind, string>> };
  numbering: { default: Numbering; markers: Partial<Record<1 | 2 | 3 | 4, string>> };
}

/** The facts the importer needs of a loaded style: its part order and required parts, default headings and numbering. */
export function styleFactsOf(name: string, manifest: ManifestFacts): StyleFacts {
  const { parts, numbering } = manifest;
  return { name, order: parts.order, required: parts.required, headings: parts.headings, defaultNumbering: numbering.default, markers: numbering.markers };
}

export interface RecogniseOptions {
  lang?: Lang;
  /** `--style`: the style named by the user, with what the importer should know of it. */
  style?: string | StyleFacts;
  /** Styles that exist (with what the importer should know of them), to pick one from a province named in the report. */
  styles?: readonly (string | StyleFacts)[];
  /** Turns a paragraph into the location fields of a diagnostic. */
  where: (p: SourceParagraph) => Partial<Diagnostic>;
  /** How a paragraph is named in a message (`第 12 行`, `第 12 段`). */
  label: (p: SourceParagraph) => string;
}

export interface Recognised {
  report?: Report;
  notes: Note[];
  /** Comments for the top of the file. */
  preface: string[];
  diagnostics: Diagnostic[];
}

/** Lines a web page wraps a copy in: author/source/hits, 索引号 tables, breadcrumbs, share and print links. */
const BOILERPLATE: RegExp[] = [
  /(作者|来源|发布者|发布机构|编辑|责任编辑)\s*[:：].*(来源|点击|时间|日期|浏览|阅读)/,
  /(点击数|浏览次数|阅读次数|访问量|点击量)\s*[:：]?/,
  /^(索引号|发布日期|发文日期|发布时间|更新时间|发布机构|来源|文章来源|信息来源|主题分类|信息分类|文号|公开方式|公开范围|有效性|成文日期|生成日期|公开时限|所属机构|体裁分类|信息名称|内容概述|主题词)\s*[:：]/,
  /^(索引号|发布日期|发布机构|主题分类|信息分类|文号|成文日期|公开方式)$/,
  /^(当前位置|您当前的位置|您的位置|您所在的位置|您现在的位置|当前所在位置)\s*[:：]/,
  /^首页\s*[>»/＞]/,
  /^(分享到|打印本页|【打印】|\[打印\]|关闭窗口|【关闭】|\[关闭\]|【字体|字号[:：]|扫一扫)/,
  /^【\s*(大|中|小|打印|关闭)\s*】/,
  /^(上一篇|下一篇)\s*[:：]/,
];
/** Word-processor artifacts some text conversions leave in the text. */
const ARTIFACTS = /\[bookmark: [^\]]*\]/g;

const ORGAN_END = /(人民政府|政府|委员会|党委|党工委|工作委员会|办事处|人民代表大会|人大|局|办公室|中心|司法所|管委会|管理委员会|法院|检察院)$/;
const DOC_NUMBER = /^(\S+?)[〔［[（(【]\s*(\d{4})\s*[〕］\]）)】]\s*第?\s*(\d+)\s*号$/;
const SIGNER = /签\s*发\s*人\s*[:：]\s*(.+)$/;
/**
 * Places that tell the province of a style: the province, its prefecture-level cities and its
 * county-level cities; for Ningxia, small enough to list whole, every county and district too.
 */
const PROVINCES: [RegExp, string][] = [
  [/广东|广州|深圳|珠海|汕头|佛山|韶关|湛江|肇庆|江门|茂名|惠州|梅州|汕尾|河源|阳江|清远|东莞|中山|潮州|揭阳|云浮|乐昌|南雄|台山|开平|鹤山|恩平|廉江|雷州|吴川|高州|化州|信宜|四会|兴宁|陆丰|阳春|英德|连州|普宁|罗定/, 'guangdong'],
  [/宁夏|银川|石嘴山|吴忠|固原|中卫|兴庆区|西夏区|金凤区|永宁县|贺兰县|灵武|大武口|惠农区|平罗|利通区|红寺堡|盐池|同心县|青铜峡|原州区|西吉|隆德|泾源|彭阳|沙坡头|中宁|海原/, 'ningxia'],
  [/辽宁|沈阳|大连|鞍山|抚顺|本溪|丹东|锦州|营口|阜新|辽阳|盘锦|铁岭|葫芦岛|新民市|瓦房店|庄河|海城市|东港市|凤城|凌海|北镇|盖州|大石桥|灯塔市|调兵山|开原|北票|凌源|兴城/, 'liaoning'],
  [/陕西|西安|铜川|宝鸡|咸阳|渭南|延安|汉中|榆林|安康|商洛|兴平|彬州|韩城|华阴|子长|神木|旬阳/, 'shaanxi'],
];
const BUNDLED_STYLES = ['national', 'guangdong', 'ningxia', 'liaoning', 'shaanxi'];
const MARKER_TYPES: Record<string, LevelMarkers[2]> = { 'cn-paren': 'sub', 'arabic-dot': 'arabic', 'arabic-paren': 'aparen' };

const isOrganName = (s: string) => s.length <= 40 && !/[，。；！？,;!?：:]/.test(s) && ORGAN_END.test(s);
const hasSentencePunctuation = (s: string) => /[，。；！？,;!?]/.test(s);

/**
 * Reads a report's structure from its paragraphs: 版头, title, addressee, preamble, the parts and
 * their numbered subsections, closing, signature and date, 附注, 版记. Every paragraph lands
 * somewhere in the data, or becomes a diagnostic and a plain paragraph.
 */
export function recogniseReport(input: readonly SourceParagraph[], options: RecogniseOptions): Recognised {
  const { lang } = options;
  const notes: Note[] = [];
  const preface: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const note = (path: (string | number)[], zh: string, en: string) => notes.push({ path, text: t(lang, zh, en) });

  // Web boilerplate and artifacts out, said so.
  const paragraphs: SourceParagraph[] = [];
  for (const p of input) {
    const text = p.text.replace(ARTIFACTS, '').trim();
    // A rule drawn with characters (the 版头 and 版记 lines of a plain-text copy) is layout, not text.
    if (/^[─━—\-_=＝~～·•*]{6,}$/.test(text)) continue;
    if (!text) {
      preface.push(t(lang, `已略去${options.label(p)}的文字处理软件残留标记 ${p.text}`, `left out the word-processor artifact at ${options.label(p)}: ${p.text}`));
      continue;
    }
    if (BOILERPLATE.some((r) => r.test(text)) && !readPartHeading(text) && text.length < 120) {
      preface.push(t(lang, `已略去${options.label(p)}的网页附加信息：${text}`, `left out web-page boilerplate at ${options.label(p)}: ${text}`));
      continue;
    }
    paragraphs.push(text === p.text ? p : { ...p, text });
  }
  if (!paragraphs.length) {
    diagnostics.push(error('import/empty', t(lang, '文件中没有文字', 'the file has no text'), { hint: t(lang, '请选择报告的 Word 文件（.docx）或文本文件。', 'Choose the report’s Word file (.docx) or a text file.') }));
    return { notes, preface, diagnostics };
  }

  // The parts: `一、` headings numbered 1, 2, 3 … in order.
  const partStarts: number[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const h = readPartHeading(paragraphs[i]!.text);
    if (h && h.n === partStarts.length + 1) partStarts.push(i);
  }
  if (!partStarts.length) {
    const first = paragraphs[0]!;
    diagnostics.push(
      error('import/not-a-report', t(lang, '这不像一份报告：没有找到“一、”开头的部分标题', 'this does not look like a report: no part heading starting with 一、 was found'), {
        ...options.where(first),
        hint: t(lang, '年度报告的正文分为“一、……”“二、……”等部分；请检查文件是否选对，或先在原文中补上部分标题。', 'An annual report is divided into parts 一、… 二、…; check that this is the right file, or add the part headings to the original first.'),
      }),
    );
    return { notes, preface, diagnostics };
  }

  // The data as it is gathered; arrays are checked non-empty where the schema wants them when the report is assembled.
  const report: Draft = { parts: [] };

  // ---- Front matter: 版头, title, addressee, preamble.
  const front = paragraphs.slice(0, partStarts[0]);
  const header: NonNullable<Report['header']> = {};
  const headerOrgans: string[] = [];
  let at = 0;
  let documentNumberWritten: string | undefined;
  const consumeHeader = (p: SourceParagraph): boolean => {
    const s = p.text;
    if (/^\d{6}$/.test(s)) return (header.copyNumber = s), true;
    if (/^(绝密|机密|秘密)(\s*★.*)?$/.test(s)) return (header.secrecy = s), true;
    if (/^(特急|加急|特提|平急)$/.test(s)) return (header.urgency = s as NonNullable<Report['header']>['urgency']), true;
    const signer = SIGNER.exec(s);
    const numberPart = signer ? s.slice(0, signer.index).trim() : s;
    const dn = DOC_NUMBER.exec(numberPart);
    if (dn || (signer && !numberPart)) {
      if (dn) {
        report.documentNumber = `${dn[1]}〔${dn[2]}〕${Number(dn[3])}号`;
        documentNumberWritten = numberPart;
      }
      if (signer) report.signers = signer[1]!.split(/[\s\u3000、，,]+/).filter(Boolean);
      return true;
    }
    return false;
  };
  while (at < front.length && consumeHeader(front[at]!)) at++;
  // Organ lines of the red header (when the copy has a document number, before or after them).
  const organLine = (s: string) => isOrganName(s.replace(/文件$/, '')) && !/报告/.test(s);
  if (report.documentNumber || front.slice(at).some((p) => DOC_NUMBER.test(p.text.replace(SIGNER, '').trim()))) {
    // A 发文字号 after organ lines closes the 版头: an organ's name after it opens the title (a title
    // broken as 7.3.1 says: `甲乡人民政府` / `关于……的报告`). A web copy may put the number first.
    let closed = false;
    while (at < front.length && !(closed && organLine(front[at]!.text)) && (organLine(front[at]!.text) || consumeHeader(front[at]!))) {
      const s = front[at]!.text;
      if (!organLine(s)) closed = headerOrgans.length > 0 && report.documentNumber !== undefined;
      if (organLine(s) && !consumeHeader(front[at]!)) {
        if (s.endsWith('文件')) header.suffix = '文件';
        headerOrgans.push(s.replace(/文件$/, ''));
      }
      at++;
    }
    if (headerOrgans.length && header.suffix === undefined) header.suffix = '';
  }
  if (documentNumberWritten && documentNumberWritten !== report.documentNumber) {
    note(['documentNumber'], `原文写作“${documentNumberWritten}”，已按 GB/T 9704 写成六角括号〔〕、不加“第”`, `written “${documentNumberWritten}” in the copy; GB/T 9704 wants 〔〕 and no 第`);
  }

  // Title: the lines before the addressee (or the first sentence-like paragraph) that name a report.
  const isAddressee = (s: string) => /[：:]$/.test(s) && s.length <= 60 && !/[，。；,;]/.test(s) && !/如下[：:]$/.test(s);
  const titleLines: SourceParagraph[] = [];
  for (let i = at; i < front.length && titleLines.length < 4; i++) {
    const s = front[i]!.text;
    if (isAddressee(s) || hasSentencePunctuation(s) || s.length > 60) break;
    titleLines.push(front[i]!);
  }
  // A web page repeats its title above the copy's own (often two-line) title: the repeat is page chrome.
  if (titleLines.length > 2 && titleLines[0]!.text === titleLines.slice(1).map((p) => p.text).join('')) {
    preface.push(t(lang, `已略去${options.label(titleLines[0]!)}网页重复的标题：${titleLines[0]!.text}`, `left out the web page’s repeated title at ${options.label(titleLines[0]!)}: ${titleLines[0]!.text}`));
    titleLines.shift();
    at++;
  }
  if (titleLines.length && titleLines.some((p) => /报告|情况|总结|工作/.test(p.text))) {
    // A title ends with the line that names the report; what follows it is not title.
    const last = titleLines.map((p) => /报告|情况|总结/.test(p.text)).lastIndexOf(true);
    const lines = titleLines.slice(0, last >= 0 ? last + 1 : titleLines.length);
    report.title = lines.length === 1 ? lines[0]!.text : lines.map((p) => p.text);
    if (lines.length > 1) note(['title'], `推断：原文前 ${lines.length} 行是标题`, `guessed: the copy’s first ${lines.length} lines are the title`);
    at += lines.length;
  }
  if (at < front.length && isAddressee(front[at]!.text)) {
    report.addressee = front[at]!.text;
    at++;
  }
  const preamble = front.slice(at).map((p) => p.text);
  if (preamble.length) report.preamble = preamble;

  // ---- Tail: 版记, 附注, signature and date, 附件说明, closing — read from the end.
  const lastPartStart = partStarts[partStarts.length - 1]!;
  let end = paragraphs.length;
  const tailParas = () => paragraphs.slice(lastPartStart + 1, end);
  const back = (): SourceParagraph | undefined => (end > lastPartStart + 1 ? paragraphs[end - 1] : undefined);
  const printed = /^(.+?)[\s\u3000]*((?:\d{4}|[〇零一二三四五六七八九O]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日)\s*印发$/.exec(back()?.text ?? '');
  if (printed) {
    const date = parseChineseDate(printed[2]!);
    if (date) {
      report.printing = { organ: printed[1]!.trim(), date };
      end--;
    }
  }
  const copy = /^抄\s*送\s*[:：]\s*(.+?)。?$/.exec(back()?.text ?? '');
  if (copy) {
    report.copyTo = copy[1]!.split(/[，,、]/).map((s) => s.trim()).filter(Boolean);
    end--;
  }
  // Attachments printed after the signature: `附件` / `附件1` on its own line, then the title.
  const attachments: Attachment[] = [];
  for (let i = end - 1; i > lastPartStart; i--) {
    if (!/^附件\s*\d*$/.test(paragraphs[i]!.text)) continue;
    const rest = paragraphs.slice(i + 1, end);
    if (!rest.length) continue;
    // Only after a date or an attachment note (附件：…): a 附件 line inside the body is text.
    if (!paragraphs.slice(lastPartStart, i).some((p) => dateAtEnd(p.text) || /^附\s*件\s*[:：]/.test(p.text))) break;
    attachments.unshift({ title: rest[0]!.text, ...(rest.length > 1 ? { body: rest.slice(1).map((p) => p.text) } : {}) });
    end = i;
  }
  // 附注 after the date: `（此件公开发布）`.
  const noteLines: string[] = [];
  while (back() && /^[（(][^（()）]+[）)]$/.test(back()!.text) && end - 2 > lastPartStart && dateAtEnd(paragraphs[end - 2]!.text)) {
    noteLines.unshift(back()!.text);
    end--;
  }
  if (noteLines.length) report.notes = noteLines;
  // 成文日期, alone or after the organ on the same line, and the 署名 lines above it.
  const dateLine = back();
  const dated = dateLine ? dateAtEnd(dateLine.text) : undefined;
  if (dateLine && dated) {
    end--;
    const organs: string[] = [];
    if (dated.before) {
      if (isOrganName(dated.before)) organs.push(dated.before);
      else organs.push(...dated.before.split(/[\s\u3000]{2,}/).filter(isOrganName));
    }
    while (!dated.before && back() && isOrganName(back()!.text) && organs.length < 4) {
      organs.unshift(back()!.text);
      end--;
    }
    report.signature = { ...(organs.length ? { organs } : {}), date: dated.iso };
    if (!/^\d{4}年\d{1,2}月\d{1,2}日$/.test(dated.written)) note(['signature', 'date'], `原文写作“${dated.written}”`, `written “${dated.written}” in the copy`);
  }
  // 附件说明 before the signature.
  const attachmentNote: string[] = [];
  for (let i = end - 1; i > lastPartStart; i--) {
    const m = /^附\s*件\s*[:：]\s*(.*)$/.exec(paragraphs[i]!.text);
    if (!m) continue;
    const names = [m[1]!, ...paragraphs.slice(i + 1, end).map((p) => p.text)].map((s) => s.replace(/^\d+[.．、]\s*/, '').trim()).filter(Boolean);
    if (names.length && names.every((s) => !/[。；]/.test(s))) {
      attachmentNote.push(...names);
      end = i;
    }
    break;
  }
  if (attachmentNote.length) {
    attachmentNote.forEach((title, i) => {
      const after = attachments[i];
      if (after && after.title === title) return;
      attachments.splice(i, 0, { title });
    });
  }
  if (attachments.length) report.attachments = attachments;
  // Closing: 特此报告。 and the like.
  const closing: string[] = [];
  while (back() && /^(特此报告|以上报告|特此|妥否|请审阅|请予审议)/.test(back()!.text) && back()!.text.length <= 30) {
    closing.unshift(back()!.text);
    end--;
  }
  void tailParas;

  // ---- Year.
  const titleText = report.title === undefined ? '' : Array.isArray(report.title) ? report.title.join('') : report.title;
  const yearOf = (s: string) => /((?:19|20)\d{2})\s*年/.exec(s)?.[1];
  let year: number | undefined;
  let yearNote: [string, string] | undefined;
  const fromTitle = yearOf(titleText);
  if (fromTitle) year = Number(fromTitle);
  else {
    const reportSentence = preamble.find((s) => /报告如下|汇报如下|情况如下/.test(s));
    const fromPreamble = reportSentence && /((?:19|20)\d{2})\s*年(?:度)?[^，。]*?(?:工作|情况|建设)/.exec(reportSentence.slice(Math.max(0, reportSentence.search(/现将|现就|特将/))))?.[1];
    const fromAny = fromPreamble ?? yearOf(preamble.join('')) ?? yearOf(paragraphs.slice(partStarts[0]).map((p) => p.text).join(''));
    if (fromAny) {
      year = Number(fromAny);
      yearNote = [`推断：年度取自原文中的“${fromAny}年”`, `guessed: the year is the “${fromAny}年” of the copy`];
    } else if (report.signature) {
      year = Number(report.signature.date.slice(0, 4)) - 1;
      yearNote = ['推断：年度为成文日期的上一年', 'guessed: the year before the date of writing'];
    }
  }
  if (year === undefined || year < 2000 || year > 2100) {
    diagnostics.push(
      error('import/no-year', t(lang, '找不到报告所涉的年度', 'cannot tell which year the report covers'), {
        ...options.where(paragraphs[0]!),
        hint: t(lang, '在标题中写明年度（如“2023年法治政府建设情况报告”）后再导入。', 'Put the year in the title (e.g. 2023年法治政府建设情况报告) and import again.'),
      }),
    );
    return { notes, preface, diagnostics };
  }

  // ---- Issuers.
  let issuers: string[] = headerOrgans.length ? headerOrgans : (report.signature?.organs ?? []);
  let issuerNote: [string, string] | undefined;
  if (!issuers.length) {
    const titleOrgan = /^(.+?(?:人民政府|政府|党委|委员会|党工委|办事处|局|办公室))(?=关于|\d{4}|$)/.exec(Array.isArray(report.title) ? report.title[0]! : titleText);
    if (titleOrgan) {
      issuers = [titleOrgan[1]!];
      issuerNote = ['推断：发文机关取自标题', 'guessed: the issuer is taken from the title'];
    } else {
      const place = titleText ? (/^(.{2,12}?(?:乡|镇|街道|县|区|市))(?=\d{4}|关于)/.exec(titleText) ?? /^\d{4}年度?(.{2,12}?(?:乡|镇|街道|县|区))(?=法治|关于)/.exec(titleText))?.[1] : undefined;
      // The organ the preamble opens with (2025年，大中街道在…), or a place in a document's name (《李俊乡…》).
      const opening = /^(?:\d{4}年(?:度|以来)?[，,]\s*)?(?:在[^，,]{0,30}[，,]\s*)?(?![我本全该])(\p{Script=Han}{2,10}?(?:街道办事处|街道|乡|镇))(?=党委|党工委|政府|在|坚持|以|深入|认真|紧紧|全面|始终|严格|学习|贯彻|落实|围绕|按照|紧扣|扎实|持续|不断)/u.exec(preamble[0] ?? '')?.[1];
      const named = place ?? opening ?? /《(?:\d{4}年度?)?(\p{Script=Han}{2,10}?(?:乡|镇|街道))[^《》]*》/u.exec(paragraphs.map((p) => p.text).join(''))?.[1];
      const county = typeof report.addressee === 'string' ? /^(.{2,8}?[县区市])(?:人民政府|委员会|政府)/.exec(report.addressee.replace(/^中共/, ''))?.[1] : undefined;
      if (named) {
        // A place named in the text (not the title) is prefixed with the county of the addressee.
        const prefix = !place && !opening && county && !named.startsWith(county) && !/[县区市]$/.test(named) ? county : '';
        issuers = [`${prefix}${named}${/街道$/.test(named) ? '办事处' : /(办事处|人民政府)$/.test(named) ? '' : '人民政府'}`];
        issuerNote = [`推断：原文未写发文机关，按${place ? '标题' : '文中'}的“${named}”${prefix ? `和主送机关“${report.addressee}”` : ''}拟定，请核对`, `guessed: the copy names no issuer; made from “${named}” in the ${place ? 'title' : 'text'}${prefix ? ` and the addressee “${report.addressee}”` : ''}; please check`];
      } else {
        issuers = ['发文机关'];
        issuerNote = ['原文未写发文机关：请填写', 'the copy names no issuer: fill it in'];
        diagnostics.push(warning('import/no-issuer', t(lang, '原文没有写发文机关，数据中暂写“发文机关”', 'the copy names no issuer; the data says 发文机关 for now'), { path: 'issuers[0].name', hint: t(lang, '在 issuers 中写上发文机关全称。', 'Write the issuing organ’s full name under issuers.') }));
      }
    }
  }

  // ---- Style: --style, else a province the issuer or addressee names, else national.
  const known: StyleFacts[] = (options.styles ?? BUNDLED_STYLES).map((f) => (typeof f === 'string' ? { name: f } : f));
  const available = known.map((f) => f.name);
  let style = typeof options.style === 'string' ? options.style : options.style?.name;
  let styleNote: [string, string] | undefined;
  if (!style) {
    const named = [...issuers, ...(Array.isArray(report.addressee) ? report.addressee : report.addressee ? [report.addressee] : []), titleText].join(' ');
    const found = PROVINCES.find(([r, name]) => r.test(named) && available.includes(name));
    if (found) {
      const word = found[0].exec(named)![0];
      style = found[1];
      styleNote = [`推断：报告提到“${word}”，用该省的样式 ${style}`, `guessed: the report names ${word}, so the style of that province, ${style}`];
    } else {
      style = 'national';
      styleNote = ['发文机关和主送机关未提到有样式的省份，用全国通用的 national 样式', 'neither issuer nor addressee names a province with a style, so the national style'];
    }
  }
  const chosen = style;
  const styleFacts: StyleFacts = (typeof options.style === 'object' ? options.style : undefined) ?? known.find((f) => f.name === chosen) ?? { name: style };

  // ---- Parts.
  const markers: LevelMarkers = {
    2: MARKER_TYPES[styleFacts.markers?.[2] ?? 'cn-paren'],
    3: MARKER_TYPES[styleFacts.markers?.[3] ?? 'arabic-dot'],
    4: MARKER_TYPES[styleFacts.markers?.[4] ?? 'arabic-paren'],
  };
  const flattened: Flattened[] = [];
  const partRanges = partStarts.map((start, i) => [start, i + 1 < partStarts.length ? partStarts[i + 1]! : end] as const);
  partRanges.forEach(([start, stop], index) => {
    const headingPara = paragraphs[start]!;
    let heading = readPartHeading(headingPara.text)!.heading;
    const bodyParas = paragraphs.slice(start + 1, stop);
    // A part heading run on into its text (`一、…。正文`): the heading is the first sentence.
    const cut = firstSentenceEnd(heading);
    if (cut > 0 && cut < heading.length) {
      bodyParas.unshift({ ...headingPara, text: heading.slice(cut) });
      heading = heading.slice(0, cut);
      diagnostics.push(warning('import/run-in-part', t(lang, `${options.label(headingPara)}的部分标题后接排了正文，已把正文另起一段`, `${options.label(headingPara)}: text runs on after the part heading; it is now a paragraph of its own`), options.where(headingPara)));
    }
    const guess = guessPartKind(heading, year);
    let kind = guess.kind;
    const path = ['parts', index];
    if (kind === 'custom' && index === 0 && !partRanges.length) kind = 'custom';
    const tree = buildTree(bodyParas);
    const continueArabic = arabicRunsOn(tree);
    const finished = finishBody(tree, 1, { markers, continueArabic, counters: new Map(), flattened });
    const part: Part = { kind, ...(guess.includes ? { includes: guess.includes } : {}), heading, ...(finished.numbering ? { numbering: finished.numbering } : {}), ...(continueArabic ? { arabicNumbering: 'continue' as const } : {}), body: finished.body };
    // An unnumbered closing paragraph after the last part's run-in items is the report's closing.
    if (index === partRanges.length - 1) {
      const trailing: string[] = [];
      const lastItem = tree.map((n, i) => (isItem(n) ? i : -1)).filter((i) => i >= 0).pop();
      if (lastItem !== undefined && (tree[lastItem] as { heading?: string }).heading === undefined) {
        while (part.body.length > 1 && typeof part.body[part.body.length - 1] === 'string' && tree.length - trailing.length - 1 > lastItem) {
          trailing.unshift(part.body.pop() as string);
        }
      }
      if (trailing.length) {
        closing.unshift(...trailing);
        notes.push({ path: ['closing', 0], text: t(lang, '推断：最后一部分条目之后的不编号段落是全文的结束语', 'guessed: the unnumbered paragraphs after the last part’s items close the whole report') });
      }
    }
    if (!part.body.length) {
      diagnostics.push(warning('import/empty-part', t(lang, `${options.label(headingPara)}的部分“${heading}”没有正文`, `${options.label(headingPara)}: the part “${heading}” has no text`), options.where(headingPara)));
      part.body = [heading];
      note([...path, 'body', 0], '原文此部分没有正文：暂用标题文字占位，请补写或删去', 'the copy has no text in this part: its heading stands in, write the text or delete it');
    }
    const defaultHeading = styleFacts.headings?.[kind]?.replace(/\{\{\s*year\s*\}\}/g, String(year)).replace(/\{\{\s*nextYear\s*\}\}/g, String(year + 1));
    const sameWords = defaultHeading !== undefined && defaultHeading === heading;
    if (sameWords) delete part.heading;
    if (styleFacts.defaultNumbering) dropDefaultNumbering(part, styleFacts.defaultNumbering);
    report.parts.push(part);
    if (kind === 'custom') note([...path, 'kind'], '标题未对应到法定部分，作为自定义部分', 'the heading matches no statutory part, so a custom part');
    else note([...path, 'kind'], `推断：标题中有“${guess.because}”${sameWords ? `；标题“${heading}”与样式的措辞相同，由样式写出` : ''}`, `guessed from “${guess.because}” in the heading${sameWords ? `; the heading “${heading}” is the style’s own wording, so the style writes it` : ''}`);
  });
  if (closing.length) report.closing = closing;
  for (const f of flattened) {
    const why = {
      sequence: ['编号不连续或重复', 'the numbers skip or repeat'],
      depth: ['编号的层级与样式不符', 'the marker does not belong at this level of the style'],
      mixed: ['同一层混用了不同的编号', 'different markers are mixed at one level'],
    }[f.reason];
    diagnostics.push(
      warning('import/numbering-kept', t(lang, `${options.label(f.source)}起${why[0]}：这些段落按原文保留编号，作为不编号的段落`, `${options.label(f.source)} on: ${why[1]}; these paragraphs keep the copy’s own numbers as unnumbered paragraphs`), {
        ...options.where(f.source),
        hint: t(lang, '如需由样式编号，请在 YAML 中把它们改写为条目（lead/text）。', 'To have the style number them, rewrite them as items (lead/text) in the YAML.'),
      }),
    );
  }

  // Statutory parts the style requires: look for them in the text of a part that covers them.
  const present = new Set<PartKind>(report.parts.flatMap((p) => [p.kind, ...(p.includes ?? [])]));
  for (const kind of styleFacts.required ?? []) {
    if (present.has(kind)) continue;
    const words: Partial<Record<PartKind, RegExp>> = { leadership: /第一责任人|主要负责人|主要责任人/, study: /习近平法治思想/, measures: /举措|措施|成效/, shortcomings: /不足|问题/, plans: /下一步|下一年度|明年/ };
    const pattern = words[kind];
    const host = pattern && report.parts.findIndex((p) => pattern.test(JSON.stringify(p.body)));
    if (pattern && host !== undefined && host >= 0) {
      const p = report.parts[host]!;
      p.includes = [...(p.includes ?? []), kind];
      note(['parts', host, 'includes'], `推断：样式要求的“${kind}”部分写在这一部分的正文中（文中提到“${pattern.exec(JSON.stringify(p.body))![0]}”）`, `guessed: the “${kind}” part the style requires is written inside this part (it mentions “${pattern.exec(JSON.stringify(p.body))![0]}”)`);
    }
  }
  // A style that orders parts differently will print them in its order: say so.
  if (styleFacts.order?.length) {
    const ranks = report.parts.map((p) => Math.min(...[p.kind, ...(p.includes ?? [])].map((k) => styleFacts.order!.indexOf(k)).filter((r) => r >= 0), Infinity));
    const known = ranks.filter((r) => r !== Infinity);
    if (known.some((r, i) => i > 0 && r < known[i - 1]!)) {
      diagnostics.push(warning('import/part-order', t(lang, `样式“${style}”按自己的顺序排列各部分，与原文的顺序不同`, `the style “${style}” prints the parts in its own order, which differs from the copy’s`), { path: 'parts', hint: t(lang, '换一个样式，或把顺序不同的部分改为 kind: custom。', 'Choose another style, or make the parts that move kind: custom.') }));
    }
  }

  const result = {
    style,
    year,
    issuers: issuers.map((name) => ({ name })),
    ...(report.documentNumber ? { documentNumber: report.documentNumber } : {}),
    ...(report.signers ? { signers: report.signers } : {}),
    ...(Object.keys(header).length || headerOrgans.length ? { header: { ...header } } : {}),
    ...(report.title !== undefined ? { title: report.title } : {}),
    ...(report.addressee !== undefined ? { addressee: report.addressee } : {}),
    ...(report.preamble ? { preamble: report.preamble } : {}),
    parts: report.parts,
    ...(report.closing ? { closing: report.closing } : {}),
    ...(report.attachments ? { attachments: report.attachments } : {}),
    ...(report.signature ? { signature: report.signature } : {}),
    ...(report.notes ? { notes: report.notes } : {}),
    ...(report.copyTo ? { copyTo: report.copyTo } : {}),
    ...(report.printing ? { printing: report.printing } : {}),
  } as Report;
  if (styleNote) notes.push({ path: ['style'], text: t(lang, ...styleNote) });
  if (yearNote) notes.push({ path: ['year'], text: t(lang, ...yearNote) });
  if (issuerNote) notes.push({ path: ['issuers', 0, 'name'], text: t(lang, ...issuerNote) });
  if (!result.title) preface.push(t(lang, '原文没有标题：由样式按发文机关和年度组成', 'the copy has no title: the style composes one from the issuer and year'));
  if (!result.signature) preface.push(t(lang, '原文没有署名和成文日期：如需要，请补上 signature（date 写作 2024-01-15）', 'the copy has no signature or date: add signature (date as 2024-01-15) if needed'));
  return { report: result, notes, preface, diagnostics };
}

/** Leaves out `numbering` where it is what the style does anyway, so the data says only what is particular. */
function dropDefaultNumbering(node: { numbering?: Numbering; body?: Block[] }, fallback: Numbering): void {
  if (node.numbering === fallback) delete node.numbering;
  for (const b of node.body ?? []) if (typeof b !== 'string' && !('table' in b)) dropDefaultNumbering(b, fallback);
}

interface Draft {
  documentNumber?: string;
  signers?: string[];
  title?: string | string[];
  addressee?: string;
  preamble?: string[];
  parts: Part[];
  closing?: string[];
  attachments?: Attachment[];
  signature?: { organs?: string[]; date: string };
  notes?: string[];
  copyTo?: string[];
  printing?: { organ: string; date: string };
}

/** A date at the end of a line (alone, or after the 署名 on the same line). */
function dateAtEnd(text: string): { iso: string; written: string; before: string } | undefined {
  const m = /^(.*?)[\s\u3000]*((?:\d{4}|[〇零一二三四五六七八九O]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日|\d{4}[-./]\d{1,2}[-./]\d{1,2})$/.exec(text);
  if (!m) return undefined;
  const before = m[1]!.trim();
  if (before && !isOrganName(before) && !before.split(/[\s\u3000]{2,}/).every(isOrganName)) return undefined;
  const iso = parseChineseDate(m[2]!);
  return iso ? { iso, written: m[2]!, before } : undefined;
}

export { readMarker };
