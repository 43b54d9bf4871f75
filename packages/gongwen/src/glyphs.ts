import type { Diagnostic, Lang } from '@gongwen/diagnostics';

interface GlyphCheck {
  diagnostics: Diagnostic[];
  issues: { char: string; context: string; codePoint?: string; fallback?: unknown }[];
}

type Locate = (path: (string | number)[]) => { line: number; column: number } | undefined;

export interface LocateGlyphsOptions {
  /** The YAML text of the report. */
  source: string;
  filename?: string;
  /** The report data, to find the value each character was written in. */
  report: unknown;
  locate: Locate;
  /** Errors (the default: an official document must not print an empty box), else warnings. */
  asError: boolean;
  lang?: Lang;
}

/**
 * Missing-glyph diagnostics come from the composed document, which has no source positions;
 * point each at the data value its character was written in (`parts[0].body[2]`) and at the
 * character's own line and column in the YAML, and say which font the user can install.
 */
export function locateGlyphs(check: GlyphCheck, options: LocateGlyphsOptions): Diagnostic[] {
  const { source, filename, report, locate } = options;
  const en = options.lang === 'en';
  const missing = check.issues.filter((i) => !i.fallback);
  return check.diagnostics.map((d, n) => {
    if (d.ruleId !== 'render/missing-glyph') return d;
    const severity = options.asError ? 'error' : 'warning';
    const issue = missing[n];
    if (!issue) return { ...d, severity };
    const dataPath = findInData(report, issue.char);
    const at = dataPath ? charPosition(source, locate(dataPath), issue.char) : undefined;
    const hint = `${fontAdvice(issue.char, en)}${
      options.asError
        ? en
          ? '; or render anyway with --allow-missing-glyphs (allowMissingGlyphs: true), which prints an empty box'
          : '；或用 --allow-missing-glyphs（allowMissingGlyphs: true）照样生成，该字将印成空框'
        : ''
    }`;
    return {
      ...d,
      severity,
      hint,
      file: d.file ?? filename,
      ...(dataPath ? { path: formatPath(dataPath) } : {}),
      ...(at ?? (dataPath ? locate(dataPath) : undefined) ?? locateChar(source, issue.char, issue.context)),
    };
  });
}

/** Which fonts draw a character, by its Unicode block. */
function fontAdvice(char: string, en: boolean): string {
  const cp = char.codePointAt(0)!;
  if (cp >= 0x20000 && cp <= 0x3ffff) {
    // The extension planes: Noto Sans CJK and the Windows fonts cover only a part of them.
    return en
      ? 'this character is in a CJK extension plane, which Noto CJK and the Windows fonts cover only in part: install a font that covers Extensions B–G, such as HanaMin (花園明朝; Debian: fonts-hanazono) or TH-Tshyn (天珩全字库), and add its folder with --font-dir or GONGWEN_FONT_DIR'
      : '此字属于中日韩扩展区（第二平面），Noto CJK 与 Windows 字体只收录其中一部分：请安装收录扩展 B 至 G 区的字体，如花园明朝 HanaMin（Debian 软件包 fonts-hanazono）或天珩全字库 TH-Tshyn，并用 --font-dir 或 GONGWEN_FONT_DIR 指定其目录';
  }
  return en
    ? 'install a font that has it (a GB18030 font such as 方正书宋 or Noto Serif CJK SC) and add its folder with --font-dir or GONGWEN_FONT_DIR'
    : '请安装含有该字的字体（如支持 GB18030 的方正书宋、Noto Serif CJK SC），并用 --font-dir 或 GONGWEN_FONT_DIR 指定其目录';
}

/** The path of the first string value of the data, in document order, holding `char`. */
function findInData(data: unknown, char: string, path: (string | number)[] = []): (string | number)[] | undefined {
  if (typeof data === 'string') return data.includes(char) ? path : undefined;
  if (data === null || typeof data !== 'object') return undefined;
  const entries: [string | number, unknown][] = Array.isArray(data) ? data.map((v, i) => [i, v]) : Object.entries(data);
  for (const [k, v] of entries) {
    const found = findInData(v, char, [...path, k]);
    if (found) return found;
  }
  return undefined;
}

/** The character's own line and column, searched from the start of the value that holds it. */
function charPosition(text: string, start: { line: number; column: number } | undefined, char: string) {
  if (!start) return undefined;
  let offset = 0;
  for (let line = 1; line < start.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return undefined;
    offset = next + 1;
  }
  const found = text.indexOf(char, offset + start.column - 1);
  return found >= 0 ? positionOf(text, found, char.length) : undefined;
}

function locateChar(text: string, char: string, context: string) {
  const inContext = text.indexOf(context);
  const offset = inContext >= 0 ? inContext + context.indexOf(char) : text.indexOf(char);
  return offset >= 0 ? positionOf(text, offset, char.length) : undefined;
}

/** 1-based line and column (in UTF-16 units, as YAML positions are) of the first occurrence of `needle`. */
export function locateText(text: string, needle: string): { line: number; column: number; endLine: number; endColumn: number } | undefined {
  const i = text.indexOf(needle);
  return i < 0 ? undefined : positionOf(text, i, needle.length);
}

function positionOf(text: string, offset: number, length: number) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column, endLine: line, endColumn: column + length };
}

/** `parts[0].body[2]`, as the schema's diagnostics name a place in the data. */
function formatPath(path: readonly (string | number)[]): string {
  return path.map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : i ? `.${seg}` : seg)).join('');
}
