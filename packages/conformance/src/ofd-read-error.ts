/** Why a file could not be read as an OFD (or, for `checkFile`, as either format). */
export type OfdReadErrorCode = 'not-ofd' | 'damaged' | 'unknown-kind';

const messages: Record<OfdReadErrorCode, { zh: string; en: string; hint: { zh: string; en: string } }> = {
  'not-ofd': {
    zh: '不是 OFD 文件（不是含 OFD.xml 的 zip 包）',
    en: 'not an OFD file (not a zip package holding OFD.xml)',
    hint: { zh: '请检查传入的是 OFD 而不是 DOCX、图片或文本', en: 'pass an OFD, not a DOCX, an image or text' },
  },
  damaged: {
    zh: 'OFD 文件已损坏，无法读取',
    en: 'the OFD is damaged and cannot be read',
    hint: { zh: '请重新导出该 OFD', en: 'export the OFD again' },
  },
  'unknown-kind': {
    zh: '既不是 PDF 也不是 OFD 文件（开头没有 “%PDF-”，也不是 zip 包）',
    en: 'neither a PDF nor an OFD file (no “%PDF-” at the start, and not a zip package)',
    hint: { zh: '请传入 gongwen 或其他软件导出的 PDF 或 OFD', en: 'pass a PDF or an OFD exported by gongwen or another program' },
  },
};

/**
 * Thrown for input that is not a readable OFD. Its message is meant for the user as it is;
 * callers print `message` (or `messageIn(lang)`), never the stack.
 */
export class OfdReadError extends Error {
  override readonly name = 'OfdReadError';
  readonly code: OfdReadErrorCode;
  readonly detail: string | undefined;

  constructor(code: OfdReadErrorCode, options: { detail?: string; lang?: 'zh' | 'en' } = {}) {
    super(OfdReadError.text(code, options.lang ?? 'zh', options.detail));
    this.code = code;
    this.detail = options.detail;
  }

  messageIn(lang: 'zh' | 'en'): string {
    return OfdReadError.text(this.code, lang, this.detail);
  }

  hintIn(lang: 'zh' | 'en'): string {
    return messages[this.code].hint[lang];
  }

  private static text(code: OfdReadErrorCode, lang: 'zh' | 'en', detail: string | undefined): string {
    const m = messages[code][lang];
    return detail ? `${m}: ${detail}` : m;
  }
}
