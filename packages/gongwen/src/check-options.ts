import { error, say, type Diagnostic, type Lang } from '@gongwen/diagnostics';
import { fontRoles } from '@gongwen/model';
import { allFormats } from './formats.js';

/**
 * What a program calling `render()` got wrong in its options, as diagnostics naming the option
 * (`options/...`): a library called by other programs answers misuse with a message, never with a
 * TypeError from somewhere inside.
 */
export function checkRenderOptions(source: unknown, options: unknown): Diagnostic[] {
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
  if (style !== undefined && typeof style !== 'string' && !(isObject(style) && typeof style.render === 'function' && isObject(style.manifest) && typeof style.name === 'string')) {
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
  if (o.fonts !== undefined && !isFontSet(o.fonts)) {
    bad('fonts', 'fonts 应为 resolveFonts() 或 defaultFonts() 返回的字体集', 'fonts must be a font set as resolveFonts() or defaultFonts() return it');
  }
  return found;

  function optional(obj: Record<string, unknown>, name: string, type: 'string' | 'boolean') {
    const v = obj[name];
    if (v !== undefined && typeof v !== type) bad(name, `${name} 应为 ${type}，收到 ${kind(v)}`, `${name} must be a ${type}, got ${kind(v)}`);
  }
}

function isFontSet(value: unknown): boolean {
  if (!isObject(value)) return false;
  return Object.keys(fontRoles).every((role) => {
    const list = value[role];
    return Array.isArray(list) && list.every((f) => isObject(f) && f.bytes instanceof Uint8Array && isObject(f.font) && typeof f.id === 'string');
  });
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
