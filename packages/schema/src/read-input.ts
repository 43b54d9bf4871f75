import { error, say, type Diagnostic, type Lang } from '@gongwen/diagnostics';
import { pointAt, type SourceRange } from './locate.js';

/** Reports are a few dozen kilobytes; anything this large is a mistake or an attack. */
// A real report is 10–40 kB; at 1 MiB even adversarial YAML still parses in well under a second.
export const defaultMaxBytes = 1024 * 1024;

export interface ReadInputOptions {
  filename?: string;
  lang?: Lang;
  maxBytes?: number;
}

export type ReadInputResult = { text: string; diagnostics: [] } | { text?: undefined; diagnostics: Diagnostic[] };

/**
 * Turns raw input into text that is safe to hand to the YAML parser: refuses oversized, binary,
 * non-UTF-8 and empty input before any parsing happens, so hostile files cost almost nothing.
 */
export function readInput(input: string | Uint8Array, options: ReadInputOptions = {}): ReadInputResult {
  const lang = options.lang ?? 'zh';
  const file = options.filename;
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  const fail = (d: Diagnostic): ReadInputResult => ({ diagnostics: [d] });

  const size = typeof input === 'string' ? utf8Length(input, maxBytes) : input.byteLength;
  if (size > maxBytes) {
    return fail(
      error(
        'input/too-large',
        say(lang, `文件太大（${mib(size)}），上限是 ${mib(maxBytes)}`, `file is too large (${mib(size)}); the limit is ${mib(maxBytes)}`),
        {
          file,
          ...pointAt(1, 1),
          hint: say(
            lang,
            `一份年度报告的数据通常只有几十 KB；请检查是否选错了文件。确需更大的文件时，命令行加 --max-bytes ${Math.ceil(Math.max(size, maxBytes * 2) / 1024 / 1024)}MiB，程序里传 maxBytes 选项。`,
            `the data of an annual report is usually a few dozen KB; check that this is the right file. If it really is, pass --max-bytes ${Math.ceil(Math.max(size, maxBytes * 2) / 1024 / 1024)}MiB on the command line, or the maxBytes option in a program`,
          ),
        },
      ),
    );
  }

  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    if (startsWithUtf16Bom(input)) {
      return fail(
        error('input/encoding', say(lang, '文件是 UTF-16 编码，应为 UTF-8', 'file is UTF-16 encoded; UTF-8 is expected'), {
          file,
          ...pointAt(1, 1),
          hint: say(lang, '请用编辑器把文件另存为 UTF-8 编码。', 'save the file as UTF-8 in your editor'),
        }),
      );
    }
    const nul = input.indexOf(0);
    if (nul >= 0) return fail(binaryDiagnostic(lang, file, positionOfByte(input, nul)));
    const bad = firstInvalidUtf8(input);
    if (bad >= 0) {
      const gbk = decodesAs('gb18030', input);
      return fail(
        error(
          'input/encoding',
          gbk
            ? say(lang, '文件不是 UTF-8 编码（看起来是 GBK/GB18030）', 'file is not UTF-8 (it looks like GBK/GB18030)')
            : say(lang, '文件不是有效的 UTF-8 文本', 'file is not valid UTF-8 text'),
          {
            file,
            ...positionOfByte(input, bad),
            hint: say(lang, '请用编辑器把文件另存为 UTF-8 编码。', 'save the file as UTF-8 in your editor'),
          },
        ),
      );
    }
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(input);
  }

  // Text handed in as a string can hold halves of surrogate pairs, which no file encoding can.
  const broken = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(text);
  if (broken) {
    return fail(
      error(
        'input/encoding',
        say(lang, '文字里有无效的 Unicode 字符（孤立的代理项）', 'the text holds an invalid Unicode character (a lone surrogate)'),
        {
          file,
          ...positionOfChar(text, broken.index),
          hint: say(lang, '请检查生成这段文字的程序。', 'check the program that produced the text'),
        },
      ),
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // A lone CR ends a line in old Mac files; the parser only knows LF and CRLF. Same length, same offsets.
  if (text.includes('\r')) text = text.replace(/\r(?!\n)/g, '\n');
  const nulAt = text.indexOf('\u0000');
  if (nulAt >= 0) return fail(binaryDiagnostic(lang, file, positionOfChar(text, nulAt)));
  if (!/\S/.test(text)) {
    return fail(
      error('input/empty', say(lang, '文件是空的', 'file is empty'), {
        file,
        ...pointAt(1, 1),
        hint: say(lang, '至少要写 style、year、issuers 和 parts。', 'write at least style, year, issuers and parts'),
      }),
    );
  }
  return { text, diagnostics: [] };
}

function binaryDiagnostic(lang: Lang, file: string | undefined, at: SourceRange): Diagnostic {
  return error(
    'input/binary',
    say(lang, '这是二进制文件，不是 YAML 文本（含有 NUL 字节）', 'this is a binary file, not YAML text (it contains NUL bytes)'),
    {
      file,
      ...at,
      hint: say(lang, '请选择报告的 .yaml 数据文件。', 'choose the .yaml data file of the report'),
    },
  );
}

function mib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/** UTF-8 byte length of a string; exact only when it could matter (a character takes at most 3 bytes per UTF-16 unit). */
function utf8Length(s: string, limit: number): number {
  return s.length * 3 <= limit ? s.length : new TextEncoder().encode(s).byteLength;
}

function startsWithUtf16Bom(b: Uint8Array): boolean {
  return b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff));
}

function decodesAs(encoding: string, bytes: Uint8Array): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629), or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** 1-based line and column of a byte offset in UTF-8-ish bytes, columns counted in UTF-16 units as everywhere else. */
function positionOfByte(b: Uint8Array, offset: number): SourceRange {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset; i++) {
    const c = b[i]!;
    if (c === 0x0a) {
      line++;
      column = 1;
    } else if ((c & 0xc0) !== 0x80) column += c >= 0xf0 ? 2 : 1;
  }
  return pointAt(line, column);
}

function positionOfChar(s: string, offset: number): SourceRange {
  let line = 1;
  let start = 0;
  for (let i = s.indexOf('\n'); i >= 0 && i < offset; i = s.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return pointAt(line, offset - start + 1);
}
