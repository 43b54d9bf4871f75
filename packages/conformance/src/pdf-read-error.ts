/** Why a file could not be read as a PDF. */
export type PdfReadErrorCode = 'not-pdf' | 'damaged' | 'encrypted';

const messages: Record<PdfReadErrorCode, { zh: string; en: string; hint: { zh: string; en: string } }> = {
  'not-pdf': {
    zh: '不是 PDF 文件（文件开头没有 “%PDF-” 标记）',
    en: 'not a PDF file (it does not start with “%PDF-”)',
    hint: { zh: '请检查传入的是 PDF 而不是 DOCX、图片或文本', en: 'pass a PDF, not a DOCX, an image or text' },
  },
  damaged: {
    zh: 'PDF 文件已损坏，无法读取',
    en: 'the PDF is damaged and cannot be read',
    hint: { zh: '请重新导出该 PDF', en: 'export the PDF again' },
  },
  encrypted: {
    zh: 'PDF 文件有密码保护，无法读取',
    en: 'the PDF is password-protected and cannot be read',
    hint: { zh: '请提供未加密的 PDF', en: 'provide an unencrypted PDF' },
  },
};

/**
 * Thrown for input that is not a readable PDF. Its message is meant for the user as it is;
 * callers print `message` (or `messageIn(lang)`), never the stack.
 */
export class PdfReadError extends Error {
  override readonly name = 'PdfReadError';
  readonly code: PdfReadErrorCode;
  readonly detail: string | undefined;

  constructor(code: PdfReadErrorCode, options: { detail?: string; lang?: 'zh' | 'en' } = {}) {
    const text = PdfReadError.text(code, options.lang ?? 'zh', options.detail);
    super(text);
    this.code = code;
    this.detail = options.detail;
  }

  messageIn(lang: 'zh' | 'en'): string {
    return PdfReadError.text(this.code, lang, this.detail);
  }

  hintIn(lang: 'zh' | 'en'): string {
    return messages[this.code].hint[lang];
  }

  private static text(code: PdfReadErrorCode, lang: 'zh' | 'en', detail: string | undefined): string {
    const m = messages[code][lang];
    return detail ? `${m}: ${detail}` : m;
  }
}
