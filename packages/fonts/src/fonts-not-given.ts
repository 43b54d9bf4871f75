import { error, say, type Diagnostic, type Lang } from '@gongwen/diagnostics';

/**
 * Where there are no font folders to search (a browser, a worker), a PDF, an OFD or a DOCX with
 * embedded fonts can only use the fonts the caller passes: the message when it passed none.
 */
export function fontsNotGiven(lang?: Lang): Diagnostic {
  return error('fonts/missing', say(lang, '生成 PDF 需要字体，但没有提供', 'no fonts given for the PDF'), {
    hint: say(lang, '请读入字体文件（loadFont），并以 fontSetOf 组成 `fonts` 传入', 'load font files (loadFont) and pass them as `fonts` (fontSetOf)'),
  });
}
