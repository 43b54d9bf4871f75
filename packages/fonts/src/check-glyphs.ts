import { error, type Diagnostic, type Lang } from '@gongwen/diagnostics';
import type { Document, FontRole } from '@gongwen/model';
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
  /** A few characters around it, to find it in the source. */
  context: string;
  /** The font further down the chain that draws it; absent when none can. */
  fallback?: LoadedFont;
}

export interface CheckGlyphsResult {
  issues: GlyphIssue[];
  /** One `render/missing-glyph` error per character no font of its role can draw. */
  diagnostics: Diagnostic[];
}

const roleNames: Record<Lang, Record<FontRole, string>> = {
  zh: { title: '标题', organMark: '发文机关标志', body: '正文', heading1: '一级标题', heading2: '二级标题', pageNumber: '页码' },
  en: { title: 'title', organMark: 'issuing organ mark', body: 'body', heading1: 'level-1 heading', heading2: 'level-2 heading', pageNumber: 'page number' },
};

/**
 * Checks every character of the document against its role's fonts before rendering, so a rare
 * character in a place or person name is drawn by a fallback font or reported — never an empty box.
 */
export function checkGlyphs(doc: Document, fonts: FontSet, options: { lang?: Lang } = {}): CheckGlyphsResult {
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
      issues.push({ char, codePoint, role, path, context, ...(fallback ? { fallback } : {}) });
    }
  }
  const diagnostics = issues
    .filter((i) => !i.fallback)
    .map((i) =>
      error(
        'render/missing-glyph',
        lang === 'en'
          ? `no font can draw “${i.char}” (${i.codePoint}) in the ${roleNames.en[i.role]}: “${i.context}”`
          : `没有字体能显示${roleNames.zh[i.role]}中的“${i.char}”（${i.codePoint}）：“${i.context}”`,
        {
          path: i.path,
          hint:
            lang === 'en'
              ? 'install a font that has it (e.g. a GB18030 font) and add its folder with --font-dir or GONGWEN_FONT_DIR'
              : '请安装含有该字的字体（如支持 GB18030 的字体），并用 --font-dir 或 GONGWEN_FONT_DIR 指定其目录',
        },
      ),
    );
  return { issues, diagnostics };
}
