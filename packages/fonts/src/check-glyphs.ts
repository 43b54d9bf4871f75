import { error, say, warning, type Diagnostic, type Lang, type Result } from '@gongwen/diagnostics';
import { originAt, type Document, type FontRole } from '@gongwen/model';
import { documentTexts } from './document-texts.js';
import { hasGlyph, type FontSet, type LoadedFont } from './font-set.js';

/** A character its role's first font cannot draw. */
export interface GlyphIssue {
  char: string;
  /** `U+20BB7`. */
  codePoint: string;
  role: FontRole;
  /** Path into the Document of the text it occurs in (first occurrence). */
  path: string;
  /** Where in that text it stands (UTF-16 units). */
  offset: number;
  /** A few characters around it, to find it in the source. */
  context: string;
  /** The font further down the chain that draws it; absent when none can. */
  fallback?: LoadedFont;
}

export interface CheckGlyphsResult extends Result {
  issues: GlyphIssue[];
  /** One `render/missing-glyph` error (a warning under `allowMissing`) per character no font of its role can draw. */
  diagnostics: Diagnostic[];
}

export interface CheckGlyphsOptions {
  lang?: Lang;
  /**
   * The document may print a character no font draws (as an empty box): its diagnostic is a
   * warning. Otherwise an error, an official document must not print an empty box, whose hint
   * also names how to render anyway.
   */
  allowMissing?: boolean;
}

const roleNames: Record<Lang, Record<FontRole, string>> = {
  zh: { title: '标题', organMark: '发文机关标志', body: '正文', heading1: '一级标题', heading2: '二级标题', pageNumber: '页码' },
  en: { title: 'title', organMark: 'issuing organ mark', body: 'body', heading1: 'level-1 heading', heading2: 'level-2 heading', pageNumber: 'page number' },
};

/**
 * Checks every character of the document against its role's fonts before rendering, so a rare
 * character in a place or person name is drawn by a fallback font or reported — never an empty box.
 */
export function checkGlyphs(doc: Document, fonts: FontSet, options: CheckGlyphsOptions = {}): CheckGlyphsResult {
  const lang = options.lang ?? 'zh';
  const issues: GlyphIssue[] = [];
  const seen = new Set<string>();
  for (const { text, role, path } of documentTexts(doc)) {
    const chain = fonts[role];
    const primary = chain[0];
    let index = 0;
    for (const char of text) {
      const at = index;
      index += char.length;
      const cp = char.codePointAt(0)!;
      if (cp < 0x21 || (primary && hasGlyph(primary, cp))) continue;
      const key = `${role}:${char}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const fallback = chain.find((f) => hasGlyph(f, cp));
      const codePoint = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
      const context = text.slice(Math.max(0, at - 6), at + char.length + 6);
      issues.push({ char, codePoint, role, path, offset: at, context, ...(fallback ? { fallback } : {}) });
    }
  }
  const diagnostics = issues
    .filter((i) => !i.fallback)
    .map((i) => {
      // Where the character was written: the YAML value (or template line) its node came from.
      const origin = originAt(doc, i.path, i.offset);
      const where = origin
        ? {
            ...(origin.file !== undefined ? { file: origin.file } : {}),
            line: origin.line,
            ...(origin.column !== undefined ? { column: origin.column, endLine: origin.line, endColumn: origin.column + i.char.length } : {}),
          }
        : {};
      const message = say(
        lang,
        `没有字体能显示${roleNames.zh[i.role]}中的“${i.char}”（${i.codePoint}）：“${i.context}”`,
        `no font can draw “${i.char}” (${i.codePoint}) in the ${roleNames.en[i.role]}: “${i.context}”`,
      );
      const at = { ...where, path: origin?.path ?? i.path };
      if (options.allowMissing) return warning('render/missing-glyph', message, { ...at, hint: fontAdvice(i.char, lang) });
      const anyway = say(lang, '；或用 --allow-missing-glyphs（allowMissingGlyphs: true）照样生成，该字将印成空框', '; or render anyway with --allow-missing-glyphs (allowMissingGlyphs: true), which prints an empty box');
      return error('render/missing-glyph', message, { ...at, hint: fontAdvice(i.char, lang) + anyway });
    });
  return { issues, diagnostics };
}

/** Which fonts draw a character, by its Unicode block. */
function fontAdvice(char: string, lang: Lang): string {
  const cp = char.codePointAt(0)!;
  if (cp >= 0x20000 && cp <= 0x3ffff) {
    // The extension planes: Noto Sans CJK and the Windows fonts cover only a part of them.
    return say(
      lang,
      '此字属于中日韩扩展区（第二平面），Noto CJK 与 Windows 字体只收录其中一部分：请安装收录扩展 B 至 G 区的字体，如花园明朝 HanaMin（Debian 软件包 fonts-hanazono）或天珩全字库 TH-Tshyn，并用 --font-dir 或 GONGWEN_FONT_DIR 指定其目录',
      'this character is in a CJK extension plane, which Noto CJK and the Windows fonts cover only in part: install a font that covers Extensions B–G, such as HanaMin (花園明朝; Debian: fonts-hanazono) or TH-Tshyn (天珩全字库), and add its folder with --font-dir or GONGWEN_FONT_DIR',
    );
  }
  return say(
    lang,
    '请安装含有该字的字体（如支持 GB18030 的方正书宋、Noto Serif CJK SC），并用 --font-dir 或 GONGWEN_FONT_DIR 指定其目录',
    'install a font that has it (a GB18030 font such as 方正书宋 or Noto Serif CJK SC) and add its folder with --font-dir or GONGWEN_FONT_DIR',
  );
}
