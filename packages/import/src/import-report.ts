import { error, hasErrors, type Diagnostic, type Lang, type Result } from '@gongwen/diagnostics';
import { loadReport, type Report } from '@gongwen/schema';
import { docxParagraphs, NotWordError } from './docx.js';
import { htmlParagraphs } from './html.js';
import { t } from './messages.js';
import { markdownParagraphs, textParagraphs, type SourceParagraph } from './paragraphs.js';
import { recogniseReport, type StyleFacts } from './recognise.js';
import { writeReportYaml } from './write-yaml.js';

/** The input formats read in the browser as well as in Node. `.doc` and `.wps` need LibreOffice (`@gongwen/import/node`). */
export type ImportFormat = 'docx' | 'txt' | 'md' | 'html';

export interface ImportOptions {
  /** Shown in diagnostics; its extension picks the format when `format` is not given. */
  filename?: string;
  format?: ImportFormat;
  lang?: Lang;
  /** The style to write in the data (`--style`), with what the importer should know of it; by default one is chosen from the report. */
  style?: string | StyleFacts;
  /** Names of the styles that exist, to choose from a province the report names. */
  styles?: readonly (string | StyleFacts)[];
  /** The `$schema` the YAML's first line points editors to. */
  schema?: string;
  /** Largest input accepted, in bytes (default 20 MiB: a DOCX with pictures). */
  maxBytes?: number;
}

export interface ImportResult extends Result {
  /** The report as a YAML data file, with comments on what was guessed. */
  yaml?: string;
  report?: Report;
  diagnostics: Diagnostic[];
}

const DEFAULT_SCHEMA = 'https://gongwen.dev/schema/report.schema.json';
const DEFAULT_MAX = 20 * 1024 * 1024;

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function formatOf(filename: string | undefined): ImportFormat | 'doc' | 'wps' | 'sheet' | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(filename ?? '')?.[1]?.toLowerCase();
  if (!ext) return undefined;
  if (ext === 'docx' || ext === 'docm' || ext === 'dotx') return 'docx';
  if (ext === 'doc' || ext === 'wps' || ext === 'wpt' || ext === 'rtf' || ext === 'odt') return ext === 'wps' ? 'wps' : 'doc';
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml' || ext === 'shtml') return 'html';
  if (ext === 'xls' || ext === 'xlsx' || ext === 'et' || ext === 'csv' || ext === 'ods') return 'sheet';
  if (ext === 'txt' || ext === 'text') return 'txt';
  return undefined;
}

/** Text of a text file: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030 (what Chinese Windows saves). */
function decodeText(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      return undefined;
    }
  }
}

/** Control characters other than tab, line feed, carriage return, form feed: a text file has none. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) controls++;
  }
  return controls > sample.length / 100 + 2;
}

/**
 * Reads an existing report — a DOCX, a plain text, Markdown or a web page — into report data:
 * the YAML a user edits (guesses marked in comments), the Report it holds, and diagnostics for
 * what could not be placed. No file access; works in a browser.
 */
export function importReport(input: string | Uint8Array, options: ImportOptions = {}): ImportResult {
  const lang = options.lang;
  const file = options.filename;
  const fail = (ruleId: string, zh: string, en: string, hintZh: string, hintEn: string, extra: Partial<Diagnostic> = {}): ImportResult => ({
    diagnostics: [error(ruleId, t(lang, zh, en), { ...(file ? { file } : {}), hint: t(lang, hintZh, hintEn), ...extra })],
  });
  const byName = formatOf(file);
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > (options.maxBytes ?? DEFAULT_MAX)) return fail('import/too-large', `文件太大（${size} 字节）`, `the file is too large (${size} bytes)`, '一份报告的文件通常不到几 MB；请检查是否选错了文件。', 'A report’s file is usually under a few MB; check that this is the right file.');
  if (size === 0) return fail('import/empty', '文件是空的', 'the file is empty', '请选择报告的 Word 文件（.docx）或文本文件。', 'Choose the report’s Word file (.docx) or a text file.');

  let paragraphs: SourceParagraph[];
  let format: ImportFormat;
  const autoNumbered: number[] = [];
  if (typeof input !== 'string' && startsWith(input, OLE)) {
    return byName === 'sheet'
      ? fail('import/spreadsheet', '这是一个电子表格，不是报告', 'this is a spreadsheet, not a report', '请导入报告的 Word 文件或文本。', 'Import the report’s Word file or text.')
      : fail('import/needs-conversion', '这是旧版 Word/WPS 文件（.doc/.wps），需先转换为 .docx', 'this is an old Word/WPS file (.doc/.wps), which must be converted to .docx first', '在装有 LibreOffice（soffice）的机器上用命令行 gongwen import 导入，或在 Word/WPS 中“另存为”.docx 后再导入。', 'Import it with the gongwen import command on a machine with LibreOffice (soffice), or save it as .docx in Word/WPS first.');
  }
  if ((options.format ?? (byName === 'sheet' ? undefined : byName)) === 'docx' || (typeof input !== 'string' && startsWith(input, ZIP))) {
    if (typeof input === 'string') return fail('import/not-docx', '.docx 文件应以字节读入，而不是文本', 'a .docx file must be passed as bytes, not text', '读文件时不要指定文字编码。', 'Read the file without a text encoding.');
    try {
      const read = docxParagraphs(input);
      paragraphs = read.paragraphs;
      autoNumbered.push(...read.autoNumbered);
      format = 'docx';
    } catch (e) {
      if (!(e instanceof NotWordError)) throw e;
      if (e.reason === 'spreadsheet') return fail('import/spreadsheet', '这是一个电子表格（.xlsx），不是报告', 'this is a spreadsheet (.xlsx), not a report', '请导入报告的 Word 文件或文本。', 'Import the report’s Word file or text.');
      if (e.reason === 'too-large') return fail('import/too-large', '这个 .docx 解压后的正文大得不像一份报告', 'this .docx unpacks to far more text than a report has', '请检查是否选错了文件。', 'Check that this is the right file.');
      if (e.reason === 'presentation') return fail('import/not-a-report', '这是一个演示文稿（.pptx），不是报告', 'this is a presentation (.pptx), not a report', '请导入报告的 Word 文件或文本。', 'Import the report’s Word file or text.');
      return fail('import/not-docx', '文件不是有效的 .docx（Word 文档）', 'the file is not a valid .docx (Word document)', '在 Word/WPS 中打开并另存为 .docx 后再导入。', 'Open it in Word/WPS and save it as .docx, then import again.');
    }
  } else {
    if (byName === 'sheet') return fail('import/spreadsheet', '这是一个电子表格，不是报告', 'this is a spreadsheet, not a report', '请导入报告的 Word 文件或文本。', 'Import the report’s Word file or text.');
    const text = typeof input === 'string' ? input : decodeText(input);
    if (text === undefined || looksBinary(text)) return fail('import/binary', '文件不是文字，也不是 Word 文档（可能是图片或其他二进制文件）', 'the file is neither text nor a Word document (perhaps an image or another binary file)', '请导入报告的 .docx、.doc、.wps、.txt、.md 或 .html 文件。', 'Import the report as .docx, .doc, .wps, .txt, .md or .html.', { line: 1, column: 1 });
    format = options.format ?? (byName === 'md' || byName === 'html' || byName === 'txt' ? byName : /^\s*<(!doctype\s+html|html|body|div|p)[\s>]/i.test(text) ? 'html' : 'txt');
    paragraphs = format === 'html' ? htmlParagraphs(text) : format === 'md' ? markdownParagraphs(text) : textParagraphs(text);
    if (format === 'txt' && /^[^\n]*(,[^\n,]*){3,}\n([^\n]*,){3,}/.test(text) && !/[。]/.test(text)) {
      return fail('import/spreadsheet', '这像是一个表格（CSV），不是报告', 'this looks like a table (CSV), not a report', '请导入报告的 Word 文件或文本。', 'Import the report’s Word file or text.');
    }
  }

  const where = (p: SourceParagraph): Partial<Diagnostic> => ({ ...(file ? { file } : {}), ...(p.line !== undefined ? { line: p.line, column: p.column ?? 1 } : {}) });
  const label = (p: SourceParagraph) => (p.paragraph !== undefined ? t(lang, `第 ${p.paragraph} 段`, `paragraph ${p.paragraph}`) : p.line !== undefined ? t(lang, `第 ${p.line} 行`, `line ${p.line}`) : '');
  const recognised = recogniseReport(paragraphs, { lang, style: options.style, styles: options.styles, where, label });
  const diagnostics = recognised.diagnostics.map((d) => (file && !d.file ? { ...d, file } : d));
  for (const n of autoNumbered) {
    diagnostics.push(
      error('import/auto-numbering', t(lang, `第 ${n} 段使用了 Word 的自动编号，编号不在文字中`, `paragraph ${n} uses Word’s automatic numbering; its number is not in the text`), {
        ...(file ? { file } : {}),
        severity: 'warning',
        hint: t(lang, '在 Word 中把自动编号转换为文本（WPS：“文本工具”→“转换为文本编号”），或导入后检查此处的结构。', 'Convert the automatic numbering to text in Word first, or check the structure here after importing.'),
      }),
    );
  }
  if (!recognised.report || hasErrors(diagnostics)) return { diagnostics };

  const yaml = writeReportYaml(recognised.report, {
    schema: options.schema ?? DEFAULT_SCHEMA,
    preface: [t(lang, `由 gongwen import 从 ${file ?? format} 导入；“推断”的注释说明导入时的猜测，请核对。`, `imported by gongwen import from ${file ?? format}; comments saying “guessed” mark what the import guessed: please check them.`), ...recognised.preface],
    notes: recognised.notes,
  });
  // The file must load as the data it was made from: a check that what was written is what was meant.
  const loaded = loadReport(yaml, { filename: file, lang });
  if (!loaded.report || hasErrors(loaded.diagnostics)) return { diagnostics: [...diagnostics, ...loaded.diagnostics] };
  return { yaml, report: loaded.report, diagnostics };
}
