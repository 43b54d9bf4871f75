import { error, type Diagnostic, type Result } from '@gongwen/diagnostics';
import { fontRoles, layout, type FontRole, type TableRules } from '@gongwen/model';
import type { Numbering, PartKind } from '@gongwen/schema';
import { yaml } from '@gongwen/schema';
import type { Node } from 'yaml';
import { t, type Lang } from './messages.js';
import { markerFormats, type MarkerFormat } from './numerals.js';

const { isMap, isScalar, isSeq, LineCounter, parseDocument } = yaml;

export const partKinds = [
  'study',
  'measures',
  'shortcomings',
  'leadership',
  'plans',
  'inspection',
  'highlights',
  'other',
  'custom',
] as const satisfies readonly PartKind[];

const fontRoleNames = Object.keys(fontRoles) as FontRole[];

/** Part kinds that a style must word by default (a custom part always brings its own heading). */
export type DefaultedPartKind = Exclude<PartKind, 'custom'>;
export const defaultedPartKinds = partKinds.filter((k): k is DefaultedPartKind => k !== 'custom');

/** Chinese names of the part kinds, for messages. */
export const partKindNames: Record<PartKind, string> = {
  study: '学习贯彻习近平法治思想的情况',
  measures: '主要举措和成效',
  shortcomings: '存在的不足和原因',
  leadership: '党政主要负责人履行推进法治建设第一责任人职责情况',
  plans: '下一年度主要安排',
  inspection: '督察自查问题及整改',
  highlights: '突出亮点',
  other: '其他需要报告的情况',
  custom: '自定义部分',
};

/** `templates/<name>/style.yaml`: what a regional style decides. */
export interface StyleManifest {
  name: string;
  /** The style this one extends: what the manifest does not say, and every template it does not have, come from there. */
  extends?: string;
  /** Where the variant comes from, e.g. 辽宁省. */
  region: string;
  /** One or two sentences for `gongwen styles`. */
  description: string;
  /** Default title lines; Handlebars with `year`, `nextYear`, `organ` (issuers joined), `host` (first issuer). */
  title: string[];
  header: { suffix: string };
  parts: {
    /** Kinds in the order this style prints them; kinds not listed keep their place after the part before them. */
    order: PartKind[];
    /** Kinds a report must have (as `kind` or in `includes`). */
    required: PartKind[];
    /** Default heading per kind; Handlebars with `year`, `nextYear`. */
    headings: Record<DefaultedPartKind, string>;
  };
  numbering: {
    /** How items are numbered when the data does not say. */
    default: Numbering;
    /** Marker format for levels 1–4 of `level` numbering. */
    markers: Record<1 | 2 | 3 | 4, MarkerFormat>;
    /** Arabic counters restart in each subsection or continue through a part. */
    arabic: 'restart' | 'continue';
  };
  punctuation: {
    /** Make half-width `,;:()?!` in Chinese context full-width. */
    fullwidth: boolean;
  };
  /**
   * Font family names written into a DOCX per role, where the region's offices use other names than the
   * layout spec's first choice (e.g. 仿宋 instead of 仿宋_GB2312). Roles not listed keep the spec's names.
   */
  fonts: Partial<Record<FontRole, string>>;
  /** How the report's tables are ruled when a table does not say: 三线表 or a full grid. */
  tables: { rules: TableRules };
}

export interface ManifestResult extends Result {
  manifest?: StyleManifest;
  diagnostics: Diagnostic[];
  /** Where a value of the manifest stands, for messages about it. */
  locate(path: (string | number)[]): { file: string; line: number; column: number };
}

const NUMBERINGS: readonly Numbering[] = ['level', 'ordinal', 'none'];

/** The style a manifest extends, and where it says so; `undefined` when it extends none (or is not YAML). */
export function manifestBase(text: string): { name: unknown; line: number; column: number } | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length || !isMap(doc.contents)) return undefined;
  const node = doc.get('extends', true) as Node | undefined;
  if (node === undefined) return undefined;
  const pos = lineCounter.linePos(node.range?.[0] ?? 0);
  return { name: isScalar(node) ? node.value : undefined, line: pos.line, column: pos.col };
}

/**
 * Reads and checks a style manifest; every problem is reported with the file, line and column.
 * With `base` (the manifest of the style it extends), whatever this one leaves out is the base's.
 */
export function parseManifest(text: string, file: string, lang: Lang = 'zh', base?: StyleManifest): ManifestResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const diagnostics: Diagnostic[] = [];
  for (const e of doc.errors) {
    const pos = lineCounter.linePos(e.pos[0]);
    diagnostics.push(error('style/yaml', e.message.split('\n')[0] ?? e.message, { file, line: pos.line, column: pos.col }));
  }
  const at = (node: Node | null | undefined) => {
    const range = node?.range;
    if (!range) return { file, line: 1, column: 1 };
    const start = lineCounter.linePos(range[0]);
    const end = lineCounter.linePos(range[1]);
    return { file, line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
  };
  const get = (path: (string | number)[]) => doc.getIn(path, true) as Node | undefined;
  const locate = (path: (string | number)[]) => {
    let p = path;
    while (p.length > 0 && get(p) === undefined) p = p.slice(0, -1);
    const { line, column } = at(p.length ? get(p) : doc.contents);
    return { file, line, column };
  };
  if (diagnostics.length) return { diagnostics, locate };
  const parentOf = (path: (string | number)[]) => (path.length > 1 ? get(path.slice(0, -1)) : doc.contents) as Node | undefined;
  const fail = (path: (string | number)[], zh: string, en: string, node = get(path) ?? parentOf(path)) => {
    diagnostics.push(error('style/manifest', t(lang, zh, en), { ...at(node), path: path.join('.') }));
  };

  const str = (path: (string | number)[], required = true): string | undefined => {
    const node = get(path);
    if (node === undefined) {
      if (required) fail(path, `缺少 ${path.join('.')}`, `${path.join('.')} is missing`);
      return undefined;
    }
    if (!isScalar(node) || typeof node.value !== 'string') {
      fail(path, `${path.join('.')} 应为文字`, `${path.join('.')} must be text`);
      return undefined;
    }
    return node.value;
  };
  const oneOf = <T extends string>(path: (string | number)[], allowed: readonly T[], fallback?: T): T | undefined => {
    const node = get(path);
    if (node === undefined && fallback !== undefined) return fallback;
    const value = str(path);
    if (value === undefined) return undefined;
    if (!allowed.includes(value as T)) {
      fail(path, `${path.join('.')} 应为 ${allowed.join('、')} 之一，而不是“${value}”`, `${path.join('.')} must be one of ${allowed.join(', ')}, not "${value}"`);
      return undefined;
    }
    return value as T;
  };
  const kindList = (path: (string | number)[]): PartKind[] => {
    const node = get(path);
    if (node === undefined) return [];
    if (!isSeq(node)) {
      fail(path, `${path.join('.')} 应为列表`, `${path.join('.')} must be a list`);
      return [];
    }
    return node.items.map((_, i) => oneOf([...path, i], partKinds)).filter((k): k is PartKind => k !== undefined);
  };

  if (!isMap(doc.contents)) {
    fail([], 'style.yaml 应为键值映射', 'style.yaml must be a mapping', doc.contents ?? undefined);
    return { diagnostics, locate };
  }

  // A misspelt key would silently fall back to a default; say so instead.
  const knownKeys: Record<string, readonly string[]> = {
    '': ['name', 'extends', 'region', 'description', 'title', 'header', 'parts', 'numbering', 'punctuation', 'fonts', 'tables'],
    header: ['suffix'],
    parts: ['order', 'required', 'headings'],
    numbering: ['default', 'markers', 'arabic'],
    punctuation: ['fullwidth'],
    fonts: fontRoleNames,
    tables: ['rules'],
  };
  for (const [section, keys] of Object.entries(knownKeys)) {
    const node = section ? get([section]) : doc.contents;
    if (!isMap(node)) continue;
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!keys.includes(key)) {
        const where = section ? `${section}.${key}` : key;
        diagnostics.push(
          error('style/manifest', t(lang, `未知的清单项 ${where}`, `unknown manifest key ${where}`), {
            ...at(pair.key as Node),
            hint: t(lang, `${section || '顶层'}可用：${keys.join('、')}。`, `Known ${section ? `under ${section}` : 'at the top level'}: ${keys.join(', ')}.`),
          }),
        );
      }
    }
  }

  const name = str(['name']);
  const extendsName = get(['extends']) === undefined ? undefined : str(['extends']);
  const region = get(['region']) === undefined && base ? base.region : str(['region']);
  const description = str(['description']);

  const titleNode = get(['title']);
  let title: string[] = [];
  if (titleNode === undefined && base) title = base.title;
  else if (titleNode === undefined) fail(['title'], '缺少 title（默认标题的各行）', 'title (the default title lines) is missing');
  else if (isScalar(titleNode)) title = [str(['title']) ?? ''];
  else if (isSeq(titleNode)) title = titleNode.items.map((_, i) => str(['title', i]) ?? '');
  else fail(['title'], 'title 应为文字或文字列表', 'title must be text or a list of text lines');

  const suffix = get(['header', 'suffix']) === undefined ? (base?.header.suffix ?? '文件') : (str(['header', 'suffix']) ?? '');

  const headings = {} as Record<DefaultedPartKind, string>;
  const headingsNode = get(['parts', 'headings']);
  if (headingsNode !== undefined && !isMap(headingsNode)) fail(['parts', 'headings'], 'parts.headings 应为键值映射', 'parts.headings must be a mapping');
  else {
    for (const kind of defaultedPartKinds) {
      const value = str(['parts', 'headings', kind], false) ?? (get(['parts', 'headings', kind]) === undefined ? base?.parts.headings[kind] : undefined);
      if (value === undefined) {
        if (get(['parts', 'headings', kind]) === undefined) {
          fail(['parts', 'headings', kind], `parts.headings 缺少 ${kind}（${partKindNames[kind]}）的默认标题：任何报告都须能用本样式排版`, `parts.headings has no default heading for ${kind} (${partKindNames[kind]}): every report must render in every style`, headingsNode);
        }
      } else headings[kind] = value;
    }
    if (isMap(headingsNode)) {
      for (const pair of headingsNode.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        if (!(defaultedPartKinds as readonly string[]).includes(key)) {
          diagnostics.push(error('style/manifest', t(lang, `parts.headings 中的“${key}”不是部分类型（${defaultedPartKinds.join('、')}）`, `"${key}" in parts.headings is not a part kind (${defaultedPartKinds.join(', ')})`), at(pair.key as Node)));
        }
      }
    }
  }

  const markers = {} as Record<1 | 2 | 3 | 4, MarkerFormat>;
  const defaults: Record<1 | 2 | 3 | 4, MarkerFormat> = base?.numbering.markers ?? { 1: 'cn-comma', 2: 'cn-paren', 3: 'arabic-dot', 4: 'arabic-paren' };
  for (const level of [1, 2, 3, 4] as const) {
    markers[level] = oneOf(['numbering', 'markers', level], markerFormats, defaults[level]) ?? defaults[level];
  }

  const fullwidthNode = get(['punctuation', 'fullwidth']);
  let fullwidth = base?.punctuation.fullwidth ?? true;
  if (fullwidthNode !== undefined) {
    if (isScalar(fullwidthNode) && typeof fullwidthNode.value === 'boolean') fullwidth = fullwidthNode.value;
    else fail(['punctuation', 'fullwidth'], 'punctuation.fullwidth 应为 true 或 false', 'punctuation.fullwidth must be true or false');
  }

  const fonts: Partial<Record<FontRole, string>> = { ...base?.fonts };
  const fontsNode = get(['fonts']);
  if (fontsNode !== undefined && !isMap(fontsNode)) fail(['fonts'], 'fonts 应为键值映射（字体角色: 字体名）', 'fonts must be a mapping (font role: family name)');
  for (const role of fontRoleNames) {
    const family = isMap(fontsNode) ? str(['fonts', role], false) : undefined;
    if (family !== undefined) fonts[role] = family;
  }

  const kinds = (path: (string | number)[], inherited: PartKind[] | undefined) => (get(path) === undefined && inherited ? inherited : kindList(path));
  const manifest: StyleManifest = {
    name: name ?? '',
    ...(extendsName !== undefined ? { extends: extendsName } : {}),
    region: region ?? '',
    description: description ?? '',
    title,
    header: { suffix },
    parts: { order: kinds(['parts', 'order'], base?.parts.order), required: kinds(['parts', 'required'], base?.parts.required), headings },
    numbering: {
      default: oneOf(['numbering', 'default'], NUMBERINGS, base?.numbering.default ?? 'level') ?? 'level',
      markers,
      arabic: oneOf(['numbering', 'arabic'], ['restart', 'continue'] as const, base?.numbering.arabic ?? 'restart') ?? 'restart',
    },
    punctuation: { fullwidth },
    fonts,
    tables: { rules: oneOf(['tables', 'rules'], ['three-line', 'grid'] as const, base?.tables.rules ?? layout.table.defaultRules) ?? layout.table.defaultRules },
  };
  return diagnostics.length ? { diagnostics, locate } : { manifest, diagnostics, locate };
}
