import type { Diagnostic, Result } from '@gongwen/diagnostics';
import { layout, type FontRole, type TableRules } from '@gongwen/model';
import { loadStyleManifest, loadYaml, type Numbering, type PartKind } from '@gongwen/schema';
import type { Lang } from './messages.js';
import type { MarkerFormat } from './numerals.js';

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

/** The style a manifest extends, and where it says so; `undefined` when it extends none (or is not YAML). */
export function manifestBase(text: string): { name: unknown; line: number; column: number } | undefined {
  const { data, locate } = loadYaml(text);
  if (!data || typeof data !== 'object' || Array.isArray(data) || !('extends' in data)) return undefined;
  const at = locate(['extends']) ?? { line: 1, column: 1 };
  return { name: (data as { extends: unknown }).extends, line: at.line, column: at.column };
}

/**
 * Reads and checks a style manifest against style.schema.json (through @gongwen/schema, with the
 * messages of a report); every problem is reported with the file, line and column. With `base`
 * (the manifest of the style it extends), whatever this one leaves out is the base's.
 */
export function parseManifest(text: string, file: string, lang: Lang = 'zh', base?: StyleManifest): ManifestResult {
  const loaded = loadStyleManifest(text, { filename: file, lang });
  const locate = (path: (string | number)[]) => {
    for (let p = path; ; p = p.slice(0, -1)) {
      const at = loaded.locate(p);
      if (at) return { file, line: at.line, column: at.column };
      if (p.length === 0) return { file, line: 1, column: 1 };
    }
  };
  const data = loaded.manifest;
  if (!data) return { diagnostics: loaded.diagnostics, locate };

  const title = data.title === undefined ? (base?.title ?? []) : Array.isArray(data.title) ? data.title : [data.title];
  // The schema requires every default heading of a style that extends none; one that extends fills the rest from its base.
  const headings = { ...base?.parts.headings, ...data.parts?.headings } as Record<DefaultedPartKind, string>;
  const markers = { ...(base?.numbering.markers ?? { 1: 'cn-comma', 2: 'cn-paren', 3: 'arabic-dot', 4: 'arabic-paren' }) } as Record<1 | 2 | 3 | 4, MarkerFormat>;
  for (const [level, format] of Object.entries(data.numbering?.markers ?? {})) markers[Number(level) as 1 | 2 | 3 | 4] = format as MarkerFormat;
  const manifest: StyleManifest = {
    name: data.name,
    ...(data.extends !== undefined ? { extends: data.extends } : {}),
    region: data.region ?? base?.region ?? '',
    description: data.description,
    title,
    header: { suffix: data.header?.suffix ?? base?.header.suffix ?? '文件' },
    parts: {
      order: (data.parts?.order ?? base?.parts.order ?? []) as PartKind[],
      required: (data.parts?.required ?? base?.parts.required ?? []) as PartKind[],
      headings,
    },
    numbering: {
      default: (data.numbering?.default ?? base?.numbering.default ?? 'level') as Numbering,
      markers,
      arabic: (data.numbering?.arabic ?? base?.numbering.arabic ?? 'restart') as 'restart' | 'continue',
    },
    punctuation: { fullwidth: data.punctuation?.fullwidth ?? base?.punctuation.fullwidth ?? true },
    fonts: { ...base?.fonts, ...(data.fonts as Partial<Record<FontRole, string>> | undefined) },
    tables: { rules: (data.tables?.rules ?? base?.tables.rules ?? layout.table.defaultRules) as TableRules },
  };
  return { manifest, diagnostics: loaded.diagnostics, locate };
}
