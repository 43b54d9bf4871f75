// What `render()` takes and gives, and the check of what a calling program passed.
import { error, say, type Diagnostic, type Lang, type Result } from '@gongwen/diagnostics';
import { fontRoles, type Document, type FontRole } from '@gongwen/model';
import { allFormats, type Format } from './formats.js';
import { loadStage, type FontSet, type Style } from './stages.js';
import type { StyleSearchOptions } from './styles.js';

/**
 * Bytes of a referenced file (a seal image), by its path as written in the report; `undefined`
 * when it cannot be read. A file larger than `maxBytes` is refused anyway, so a reader need not
 * read more than `maxBytes + 1` bytes of it.
 */
export type AssetReader = (ref: string, maxBytes: number) => Uint8Array | undefined;

export interface RenderOptions extends StyleSearchOptions {
  /** Shown in diagnostics and used to locate errors: `report.yaml`. */
  filename?: string;
  /** A style name (overrides the report's `style`) or a style already loaded with `loadStyle`. */
  style?: string | Style;
  /** What to produce; an empty list only validates and composes. */
  formats: readonly Format[];
  /** Fonts for PDF (and DOCX embedding); resolved once per process from the machine when omitted. */
  fonts?: FontSet;
  /** Font folders searched before the installed fonts, when `fonts` is not given. */
  fontDirs?: string[];
  /** Embed the fonts in the DOCX (the first of each role in `fonts`, or of this machine's fonts). */
  embedFonts?: boolean;
  /**
   * The font family names the DOCX asks for, per role (`{ body: '仿宋', heading2: '楷体' }` for
   * machines with the Windows fonts); by default the style's `fonts`, else the names a government
   * PC has (仿宋_GB2312 …).
   */
  fontNames?: Partial<Record<FontRole, string>>;
  /** Seal images by the path the report names them with, or a function that reads them. */
  assets?: Record<string, Uint8Array> | AssetReader;
  lang?: Lang;
  /** Every content finding of the lint rules is an error instead of a warning. */
  strict?: boolean;
  /**
   * Make the PDF even when a character has no glyph in any font (it prints as an empty box),
   * with a warning instead of the default error. Ignored under `strict`.
   */
  allowMissingGlyphs?: boolean;
  /** A report file larger than this many bytes is refused before it is read (default 1 MiB). */
  maxBytes?: number;
}

export interface RenderOutputs {
  pdf?: Uint8Array;
  docx?: Uint8Array;
  ofd?: Uint8Array;
  txt?: string;
  md?: string;
  html?: string;
}

export interface RenderResult extends Result {
  outputs: RenderOutputs;
  /** The composed document, when the report and style were good. */
  document?: Document;
}

/**
 * What a program calling `render()` got wrong in its options, as diagnostics naming the option
 * (`options/...`): a library called by other programs answers misuse with a message, never with a
 * TypeError from somewhere inside.
 */
export async function checkRenderOptions(source: unknown, options: unknown): Promise<Diagnostic[]> {
  const lang: Lang = isObject(options) && options.lang === 'en' ? 'en' : 'zh';
  const found: Diagnostic[] = [];
  const bad = (name: string, zh: string, english: string, hint?: [string, string]) =>
    found.push(
      error(`options/${name === 'source' ? 'source' : 'invalid'}`, say(lang, `render()：${zh}`, `render(): ${english}`), {
        path: name,
        ...(hint ? { hint: say(lang, hint[0], hint[1]) } : {}),
      }),
    );

  if (typeof source !== 'string' && !(source instanceof Uint8Array)) {
    bad('source', `报告应为 YAML 文本（string）或其字节（Uint8Array），收到 ${kind(source)}`, `the report must be YAML text (a string) or its bytes (a Uint8Array), got ${kind(source)}`);
  }
  if (!isObject(options)) {
    bad('options', `第二个参数应为选项对象，如 { formats: ['pdf'] }，收到 ${kind(options)}`, `the second argument must be an options object such as { formats: ['pdf'] }, got ${kind(options)}`);
    return found;
  }
  const o = options;
  const choices = allFormats.join(', ');
  if (!Array.isArray(o.formats)) {
    bad('formats', `formats 应为格式列表（${choices}），收到 ${kind(o.formats)}`, `formats must be a list of formats (${choices}), got ${kind(o.formats)}`, [
      '只校验不出文件时写 formats: []。',
      'pass formats: [] to validate without producing files',
    ]);
  } else {
    o.formats.forEach((f, i) => {
      if (!(allFormats as readonly unknown[]).includes(f)) bad(`formats[${i}]`, `没有 ${show(f)} 这种格式（可选 ${choices}）`, `unknown format ${show(f)} (choose from ${choices})`);
    });
  }
  optional(o, 'filename', 'string');
  optional(o, 'lang', 'string');
  if (typeof o.lang === 'string' && o.lang !== 'zh' && o.lang !== 'en') bad('lang', `lang 只能是 'zh' 或 'en'，收到 ${show(o.lang)}`, `lang must be 'zh' or 'en', got ${show(o.lang)}`);
  for (const name of ['embedFonts', 'strict', 'allowMissingGlyphs'] as const) optional(o, name, 'boolean');
  for (const name of ['styleDirs', 'fontDirs'] as const) {
    const v = o[name];
    if (v !== undefined && !(Array.isArray(v) && v.every((d) => typeof d === 'string'))) bad(name, `${name} 应为文件夹路径（string）的列表，收到 ${kind(v)}`, `${name} must be a list of folder paths (strings), got ${kind(v)}`);
  }
  if (o.maxBytes !== undefined && !(typeof o.maxBytes === 'number' && Number.isSafeInteger(o.maxBytes) && o.maxBytes > 0)) {
    bad('maxBytes', `maxBytes 应为正整数（字节数），收到 ${show(o.maxBytes)}`, `maxBytes must be a positive whole number of bytes, got ${show(o.maxBytes)}`);
  }
  const style = o.style;
  // The shapes of a loaded style and of a font set are their packages' to know.
  if (style !== undefined && typeof style !== 'string' && !(await loadStage('compose')).isStyle(style)) {
    bad('style', `style 应为样式名称或 loadStyle 载入的样式，收到 ${kind(style)}`, `style must be a style name or a style loaded with loadStyle, got ${kind(style)}`);
  }
  const assets = o.assets;
  if (assets !== undefined && typeof assets !== 'function' && !(isObject(assets) && Object.values(assets).every((b) => b instanceof Uint8Array))) {
    bad('assets', `assets 应为“路径 → Uint8Array”的对象或读取函数，收到 ${kind(assets)}`, `assets must be an object of path → Uint8Array, or a function that reads them, got ${kind(assets)}`);
  }
  const names = o.fontNames;
  if (names !== undefined && !(isObject(names) && Object.entries(names).every(([role, n]) => role in fontRoles && (n === undefined || typeof n === 'string')))) {
    bad('fontNames', `fontNames 应为“字体角色 → 字体名称”的对象（角色：${Object.keys(fontRoles).join('、')}）`, `fontNames must map font roles (${Object.keys(fontRoles).join(', ')}) to family names`);
  }
  if (o.fonts !== undefined && !(await loadStage('fonts')).isFontSet(o.fonts)) {
    bad('fonts', 'fonts 应为 resolveFonts() 或 defaultFonts() 返回的字体集', 'fonts must be a font set as resolveFonts() or defaultFonts() return it');
  }
  return found;

  function optional(obj: Record<string, unknown>, name: string, type: 'string' | 'boolean') {
    const v = obj[name];
    if (v !== undefined && typeof v !== type) bad(name, `${name} 应为 ${type}，收到 ${kind(v)}`, `${name} must be a ${type}, got ${kind(v)}`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Uint8Array) return 'a Uint8Array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${show(value)}`;
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'symbol' || typeof value === 'function') return typeof value;
  try {
    return String(value);
  } catch {
    return typeof value;
  }
}
