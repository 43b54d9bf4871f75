import { error, say, type Diagnostic, type Lang } from '@gongwen/diagnostics';
import type { ErrorObject } from 'ajv/dist/2020.js';
import localizeEnModule from 'ajv-i18n/localize/en/index.js';
import localizeZhModule from 'ajv-i18n/localize/zh/index.js';
import { isMap, type Document, type LineCounter, type Node } from 'yaml';
import { formatPath, pointerToPath, valueAt } from './data-path.js';
import { didYouMean } from './did-you-mean.js';
import { findNode, hasSpan, offsetsToRange, pointAt, rangeOf, type SourceRange } from './locate.js';
import { asciiColonMessage } from './yaml-errors.js';
import { reportSchema, resolveRef, type JsonSchema } from './report-schema.js';
import { schemaErrors } from './run-validator.js';
import { styleSchema } from './style-schema.js';
import * as styleValidators from './style-validators.generated.js';
import {
  dateMessage,
  enumMessage,
  foundType,
  jsonType,
  minItemsMessage,
  placesOf,
  reportPlaceNames,
  patternMessage,
  rangeMessage,
  requiredMessage,
  typeMatches,
  typeMessage,
  unknownKeyMessage,
} from './schema-messages.js';

// CommonJS seen from ESM: the function is either the module itself or its `default`.
const interop = <T>(m: unknown): T => ((m as { default?: T }).default ?? m) as T;
const localize: Record<Lang, (errors: ErrorObject[]) => void> = {
  zh: interop(localizeZhModule),
  en: interop(localizeEnModule),
};

/** Past this many, more messages only bury the first ones (a wrong indent can misplace hundreds of keys). */
const maxIssues = 200;
/** Once this many raw errors are in, the rest of the report is not checked: only the count would grow. */
const errorBudget = 10_000;

/** A data format checked by a JSON Schema: the schema, how to run it, and what its messages call things. */
export interface DataFormat {
  root: JsonSchema & { $defs?: object; properties?: object };
  errors(data: unknown, options: { budget: number }): { errors: ErrorObject[]; complete: boolean };
  /** The schema objects whose messages are worded specially, by name. */
  named: Map<unknown, string>;
  /** Where each kind of mapping stands, by `$defs` name ('' for the top level), for a misplaced key. */
  places: Record<string, { zh: string; en: string }>;
  /** The message for data that is not a mapping at all. */
  notAMapping(found: string, lang: Lang): string;
}

/** The report format, report.schema.json. */
export const reportFormat: DataFormat = {
  root: reportSchema,
  errors: schemaErrors,
  named: new Map<unknown, string>([
    [reportSchema.properties.style, 'style'],
    [reportSchema.$defs.Header.properties.copyNumber, 'copyNumber'],
    [reportSchema.$defs.SealRef, 'SealRef'],
    [reportSchema.$defs.Text, 'Text'],
    [reportSchema.$defs.Section.then, 'Section.then'],
    [reportSchema.$defs.Part.then, 'Part.then'],
    [reportSchema.$defs.Section, 'Section'],
  ]),
  places: reportPlaceNames,
  notAMapping: (found, lang) =>
    say(lang, `报告应是由键（style、year、issuers、parts……）组成的映射，实际是${found}`, `a report is a mapping of keys (style, year, issuers, parts…), found ${found}`),
};

const styleValidate = (styleValidators as unknown as { style: { (data: unknown): boolean; errors?: ErrorObject[] | null } }).style;

/** A style's manifest, style.schema.json. */
export const styleFormat: DataFormat = {
  root: styleSchema,
  errors: (data) => ({ errors: styleValidate(data) ? [] : [...(styleValidate.errors ?? [])], complete: true }),
  named: new Map<unknown, string>([
    [styleSchema.$defs.StyleName, 'style'],
    [styleSchema.$defs.Text, 'Text'],
    [styleSchema.then.properties.parts.properties.headings, 'headings'],
  ]),
  places: {
    '': { zh: 'style.yaml 的顶层', en: 'the top level of style.yaml' },
    Parts: { zh: 'parts', en: 'parts' },
    Headings: { zh: 'parts.headings', en: 'parts.headings' },
  },
  notAMapping: (found, lang) =>
    say(
      lang,
      `style.yaml 应是由键（name、region、description、title、parts……）组成的映射，实际是${found}`,
      `style.yaml is a mapping of keys (name, region, description, title, parts…), found ${found}`,
    ),
};

export interface ValidateContext {
  /** The parsed source, to point at; without it diagnostics carry the data path only. */
  source?: { doc: Document; lineCounter: LineCounter };
  file?: string;
  lang: Lang;
}

/** Where in the source an issue points; `colon`: the colon after a mapping's first key. */
type Anchor = 'value' | 'key' | 'parent' | 'colon';

interface Issue {
  ruleId: string;
  /** The data path the message is about. */
  path: (string | number)[];
  /** Where to point, when that is not `path` itself (a missing key is pointed at through its mapping). */
  at?: (string | number)[];
  anchor: Anchor;
  message: string;
  hint?: string;
}

/** Validates loaded data against the report schema; every violation becomes one positioned diagnostic. */
export function validateData(data: unknown, ctx: ValidateContext): Diagnostic[] {
  return checkData(reportFormat, data, ctx);
}

/** Validates loaded data against a format's schema; every violation becomes one positioned diagnostic. */
export function checkData(format: DataFormat, data: unknown, ctx: ValidateContext): Diagnostic[] {
  const { errors, complete } = format.errors(data, { budget: errorBudget });
  if (errors.length === 0) return [];
  const issues = withPastedColons(toIssues(format, errors, complete, data, ctx.lang), data, ctx.lang);
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const path = formatPath(issue.path);
    let range: SourceRange | undefined;
    if (ctx.source) {
      const located = place({ ...issue, path: issue.at ?? issue.path }, ctx.source);
      // A key that is not text (`? [a, b]`) cannot be found by name; yaml/key-type has reported it already.
      if (!located && issue.ruleId === 'schema/unknown-key') continue;
      range = located ?? pointAt(1, 1);
    }
    const key = `${issue.ruleId}|${range ? `${range.line}:${range.column}` : path}|${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(
      error(issue.ruleId, issue.message, {
        ...(ctx.file !== undefined ? { file: ctx.file } : {}),
        ...range,
        ...(path ? { path } : {}),
        ...(issue.hint ? { hint: issue.hint } : {}),
      }),
    );
  }
  return diagnostics;
}

/** Every schema object inside a definition (not following `$ref`s), to tell which branch an error comes from. */
function schemaObjects(root: unknown, into = new Set<unknown>()): Set<unknown> {
  if (root && typeof root === 'object') {
    into.add(root);
    for (const v of Object.values(root)) schemaObjects(v, into);
  }
  return into;
}
const defs = (reportSchema as { $defs: Record<string, unknown> }).$defs;
const blockSchema = defs.Block;
const tableSchemas = schemaObjects(defs.TableRow, schemaObjects(defs.Table));
const sectionSchemas = schemaObjects(defs.Section);

interface RawError extends ErrorObject {
  parentSchema?: JsonSchema;
}

function toIssues(format: DataFormat, rawErrors: readonly ErrorObject[], complete: boolean, data: unknown, lang: Lang): Issue[] {
  const errors = rawErrors as RawError[];
  const dropped = new Set<RawError>();
  // Unions that no branch fits, with the types their branches accept.
  const unfit = new Map<RawError, string[]>();
  const byPath = new Map<string, RawError[]>();
  for (const e of errors) {
    const list = byPath.get(e.instancePath);
    if (list) list.push(e);
    else byPath.set(e.instancePath, [e]);
  }

  // Unions (`anyOf`/`oneOf`) whose branches are told apart by type: report only the branch that
  // fits the value's type, or one type error naming every accepted type when none does.
  for (const union of errors) {
    if (union.keyword !== 'anyOf' && union.keyword !== 'oneOf') continue;
    // `verbose` gives the value each error is about.
    const actual = jsonType(union.data);
    const { anyFits, types } = unionFit(union.schema, actual, format.root);
    for (const e of byPath.get(union.instancePath) ?? []) {
      if (e === union) continue;
      const t = e.parentSchema?.type;
      if (!anyFits || (t !== undefined && !typeMatches(actual, t))) dropped.add(e);
    }
    if (!anyFits) unfit.set(union, types);
  }

  // A body block is a table exactly when it has a `table` key: the errors of the other kind's
  // branch (at the block or below it) are not about what the author wrote.
  for (const union of errors) {
    if (union.keyword !== 'anyOf' || union.parentSchema !== blockSchema) continue;
    if (!union.data || typeof union.data !== 'object' || Array.isArray(union.data)) continue;
    const other = 'table' in (union.data as object) ? sectionSchemas : tableSchemas;
    const at = union.instancePath;
    for (const e of errors) {
      if (e !== union && (e.instancePath === at || e.instancePath.startsWith(`${at}/`)) && e.parentSchema && other.has(e.parentSchema)) dropped.add(e);
    }
  }

  // A malformed date fails both its pattern and its format, an empty text both its length and its
  // pattern: one message each is enough.
  const formatAt = new Set(errors.filter((e) => e.keyword === 'format' || e.keyword === 'minLength').map((e) => e.instancePath));

  const issues: Issue[] = [];
  let untold = 0;
  let firstUntold: RawError | undefined;
  for (const e of errors) {
    if (dropped.has(e)) continue;
    if (e.keyword === 'if') continue;
    const expected = unfit.get(e);
    if ((e.keyword === 'anyOf' || e.keyword === 'oneOf') && !expected) continue;
    if (e.keyword === 'pattern' && formatAt.has(e.instancePath)) continue;
    if (issues.length >= maxIssues) {
      firstUntold ??= e;
      untold++;
      continue;
    }
    const issue = expected ? unionTypeIssue(e, expected, data, lang) : toIssue(format, e, data, lang);
    if (issue) issues.push(issue);
  }
  if (firstUntold) {
    // Placed where the first unlisted problem is, so that it reads last among the listed ones.
    issues.push({
      ruleId: 'schema/too-many',
      path: pointerToPath(firstUntold.instancePath, data),
      anchor: 'value',
      message: complete
        ? say(lang, `另有 ${untold} 处问题未列出`, `${untold} more problems are not listed`)
        : say(lang, `另有至少 ${untold} 处问题未列出`, `at least ${untold} more problems are not listed`),
      hint: say(lang, '先改正以上各处，再重新检查。', 'fix the ones above and load the file again'),
    });
  }
  return issues;
}

const unionFits = new Map<unknown, Map<string, { anyFits: boolean; types: string[] }>>();

/** Whether any branch of a union accepts a value of this type, and the types its branches accept; the schema has few unions, so this is kept. */
function unionFit(branchList: unknown, actual: string, root: DataFormat['root']): { anyFits: boolean; types: string[] } {
  let byType = unionFits.get(branchList);
  if (!byType) unionFits.set(branchList, (byType = new Map()));
  let fit = byType.get(actual);
  if (!fit) {
    const branches = ((branchList as JsonSchema[] | undefined) ?? []).map((b) => resolveRef(b, root));
    fit = {
      anyFits: branches.some((b) => b?.type === undefined || typeMatches(actual, b.type)),
      types: branches.flatMap((b) => (b?.type === undefined ? [] : Array.isArray(b.type) ? b.type : [b.type])) as string[],
    };
    byType.set(actual, fit);
  }
  return fit;
}

function unionTypeIssue(e: RawError, expected: string[], data: unknown, lang: Lang): Issue {
  const path = pointerToPath(e.instancePath, data);
  const { message, hint } = typeMessage(expected, valueAt(data, path), lang);
  return { ruleId: 'schema/type', path, anchor: 'value', message, ...(hint ? { hint } : {}) };
}

function toIssue(format: DataFormat, e: RawError, data: unknown, lang: Lang): Issue | undefined {
  const path = pointerToPath(e.instancePath, data);
  const value = valueAt(data, path);
  const params = e.params as Record<string, unknown>;
  const parent = e.parentSchema;
  const field = parent ? format.named.get(parent) : undefined;
  const en = lang === 'en';
  switch (e.keyword) {
    case 'type': {
      const expected = (Array.isArray(params.type) ? params.type : String(params.type).split(',')) as string[];
      if (path.length === 0) {
        return {
          ruleId: 'schema/type',
          path,
          anchor: 'value',
          message: format.notAMapping(foundType(value, lang), lang),
        };
      }
      return { ruleId: 'schema/type', path, anchor: 'value', ...typeMessage(expected, value, lang) };
    }
    case 'required': {
      const missing = String(params.missingProperty);
      if (field === 'headings') {
        return {
          ruleId: 'schema/required',
          path: [...path, missing],
          at: path,
          anchor: 'parent',
          message: say(lang, `parts.headings 缺少 ${missing} 的默认标题`, `parts.headings has no default heading for ${missing}`),
          hint: say(
            lang,
            '任何报告都须能用本样式排版：为每种部分写上默认标题，或继承（extends）一个已有的样式。',
            'every report must render in every style: word each part kind, or extend a style that does',
          ),
        };
      }
      if (field === 'Section.then' && value && typeof value === 'object' && 'body' in value) {
        return {
          ruleId: 'schema/required',
          path,
          anchor: 'parent',
          message: say(lang, '这个条目下面有内容（body），自己却没有文字', 'an item has items under it (body) but no text of its own'),
          hint: say(
            lang,
            '给它写上 lead:（或 text:）——引领句下面可以带下级条目，排在它后面；单独成行的小标题写 heading:。',
            'give it a lead (or text): a lead can carry items under it, printed after it; or a heading, for a subheading on its own line',
          ),
        };
      }
      if (field === 'Section.then') {
        return {
          ruleId: 'schema/required',
          path,
          anchor: 'parent',
          message: say(lang, '条目至少要写 heading、lead 或 text 之一', 'an item needs a heading, a lead or a text'),
          hint: say(lang, 'heading 是单独成行的小标题；lead 加 text 是编号的条目。', 'heading: a subheading on its own line; lead + text: a numbered item'),
        };
      }
      if (field === 'Part.then') {
        return {
          ruleId: 'schema/required',
          path: [...path, 'heading'],
          at: path,
          anchor: 'parent',
          message: say(lang, 'kind 为 custom 的部分必须写 heading', 'a part of kind "custom" needs a heading'),
          hint: say(lang, 'heading 是不含编号的部分标题，如 其他需要报告的情况。', 'the heading is the part title without its number, e.g. 其他需要报告的情况'),
        };
      }
      const property = (parent?.properties as Record<string, JsonSchema> | undefined)?.[missing];
      const description = [property?.description, resolveRef(property, format.root)?.description].find((d) => typeof d === 'string');
      return {
        ruleId: 'schema/required',
        path: [...path, missing],
        at: path,
        anchor: 'parent',
        message: requiredMessage(missing, lang),
        // The schema describes its fields in Chinese; English messages leave that out.
        ...(description && !en ? { hint: `${missing}: ${description}` } : {}),
      };
    }
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys((parent?.properties as object | undefined) ?? {});
      const belongs = placesOf(key, allowed, format.root.$defs as Record<string, { properties?: object }>, format.root, lang, format.places);
      const { message, hint } = unknownKeyMessage(key, didYouMean(key, allowed), allowed, lang, belongs);
      return { ruleId: 'schema/unknown-key', path: [...path, key], anchor: 'key', message, hint };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]) ?? [];
      const suggestion = typeof value === 'string' ? didYouMean(value, allowed.map(String)) : undefined;
      return { ruleId: 'schema/enum', path, anchor: 'value', ...enumMessage(value, allowed, suggestion, lang) };
    }
    case 'pattern':
      return { ruleId: 'schema/pattern', path, anchor: 'value', ...patternMessage(field, value, String(params.pattern), lang) };
    case 'format':
      return { ruleId: 'schema/format', path, anchor: 'value', ...dateMessage(value, lang) };
    case 'minItems':
      return { ruleId: 'schema/min-items', path, anchor: 'value', message: minItemsMessage(Number(params.limit), lang) };
    case 'minLength':
    case 'maxLength':
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'maxItems':
      return { ruleId: 'schema/range', path, anchor: 'value', message: rangeMessage(e.keyword, Number(params.limit), value, lang) };
    case 'not':
      if (field === 'Section') {
        return {
          ruleId: 'schema/conflict',
          path,
          anchor: 'parent',
          message: say(lang, '同一条目不能既写 heading 又写 lead', 'an item has either a heading or a lead, not both'),
          hint: say(
            lang,
            'heading 是单独成行的小标题，lead 是与正文同段的引领句；需要两者时，把编号条目放进小标题的 body 里。',
            'heading is a subheading on its own line; lead opens a numbered paragraph. Put numbered items in the body of a heading item.',
          ),
        };
      }
      break;
  }
  // Anything else: the localised AJV message, still positioned.
  const copy = { ...e };
  localize[lang]([copy]);
  return {
    ruleId: `schema/${e.keyword.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
    path,
    anchor: 'value',
    message: copy.message ?? e.keyword,
  };
}

/**
 * Text pasted from the web ends in an ASCII colon (`- 存在以下问题: 一是……`), and YAML reads it as a
 * mapping of one Chinese key: every problem inside such a mapping is that one slip, said once, at
 * the colon.
 */
function withPastedColons(issues: Issue[], data: unknown, lang: Lang): Issue[] {
  const out: Issue[] = [];
  const said = new Set<string>();
  for (const issue of issues) {
    const at = pastedColonAt(data, issue.path);
    if (!at) {
      out.push(issue);
      continue;
    }
    const key = formatPath(at);
    if (said.has(key)) continue;
    said.add(key);
    out.push({ ruleId: 'yaml/ascii-colon', path: at, anchor: 'colon', ...asciiColonMessage(lang) });
  }
  return out;
}

/** The path of a mapping along `path` that is pasted text: one key, not a key of ours (it is Chinese), holding text or nothing. */
function pastedColonAt(data: unknown, path: readonly (string | number)[]): (string | number)[] | undefined {
  for (let n = 1; n <= path.length; n++) {
    const value = valueAt(data, path.slice(0, n));
    if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
    const entries = Object.entries(value);
    if (entries.length !== 1) continue;
    const [key, inner] = entries[0]!;
    if (/[^\x00-\x7f]/.test(key) && (inner === null || typeof inner !== 'object')) return path.slice(0, n);
  }
  return undefined;
}

function place(issue: Issue, source: { doc: Document; lineCounter: LineCounter }): SourceRange | undefined {
  const { doc, lineCounter } = source;
  if (issue.anchor === 'colon') {
    const found = findNode(doc, issue.path);
    const first = isMap(found?.node) ? (found!.node as { items: { key: unknown }[] }).items[0]?.key : undefined;
    const end = (first as Node | undefined)?.range?.[1];
    if (end !== undefined) return offsetsToRange(end, end + 1, lineCounter);
    return place({ ...issue, anchor: 'value' }, source);
  }
  if (issue.anchor === 'key') {
    const found = findNode(doc, issue.path);
    return rangeOf(found?.key ?? found?.node, lineCounter);
  }
  const found = findNode(doc, issue.path);
  if (!found) return issue.path.length > 0 ? place({ ...issue, path: issue.path.slice(0, -1), anchor: 'value' }, source) : undefined;
  if (issue.anchor === 'parent') {
    // A missing key belongs to a mapping: point at the key that holds it, or at its first key.
    if (found.key) return rangeOf(found.key, lineCounter);
    const node = found.node;
    if (isMap(node) && node.items.length > 0) {
      const firstKey = node.items[0]!.key as Node | null;
      if (firstKey) return rangeOf(firstKey, lineCounter);
    }
    return rangeOf(node, lineCounter);
  }
  return hasSpan(found.node) ? rangeOf(found.node, lineCounter) : rangeOf(found.key ?? found.node, lineCounter);
}
