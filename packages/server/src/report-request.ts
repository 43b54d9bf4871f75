import type { Lang } from '@gongwen/diagnostics';
import type { FastifyRequest } from 'fastify';
import { allFormats, isFormat, type Format } from 'gongwen';
import { say } from './messages.js';
import { RequestError } from './request-error.js';

/** A report as a request carries it: the YAML (or JSON) bytes and the seal images it names. */
export interface ReportInput {
  source: Uint8Array;
  assets: Record<string, Uint8Array>;
}

/** What the query string of a render (or a job) asks for. */
export interface RenderQuery {
  formats: Format[];
  /** Answer with one zip archive: asked for with `zip`, or implied by several formats. */
  zip: boolean;
  style?: string;
  strict: boolean;
  embedFonts: boolean;
  lang: Lang;
  /** The report's name, shown in diagnostics and giving the names of the outputs. */
  filename: string;
}

type Query = Record<string, string | string[] | undefined>;

const maxSeals = 16;

/** `?lang=en`, else the first language of Accept-Language, else Chinese. */
export function requestLang(request: FastifyRequest): Lang {
  const q = (request.query as Query | undefined)?.lang;
  const asked = typeof q === 'string' ? q : undefined;
  if (asked === 'en' || asked === 'zh') return asked;
  const accept = request.headers['accept-language'];
  return typeof accept === 'string' && /^\s*en\b/i.test(accept) ? 'en' : 'zh';
}

function single(query: Query, name: string, lang: Lang): string | undefined {
  const v = query[name];
  if (Array.isArray(v)) throw new RequestError(422, 'request/query', say(lang, `查询参数 ${name} 只能给一次`, `the query parameter ${name} may be given once`), { path: name });
  return v;
}

function flag(query: Query, name: string, lang: Lang): boolean {
  const v = single(query, name, lang);
  if (v === undefined || v === 'false' || v === '0') return false;
  if (v === '' || v === 'true' || v === '1') return true;
  throw new RequestError(422, 'request/query', say(lang, `${name} 应为 true 或 false（收到“${v}”）`, `${name} expects true or false (got "${v}")`), { path: name });
}

/** The options of a render, from the query string; anything unknown or malformed is a 422 naming the parameter. */
export function renderQuery(request: FastifyRequest, defaults: { formats: Format[] }): RenderQuery {
  const query = (request.query ?? {}) as Query;
  const lang = requestLang(request);
  const langValue = single(query, 'lang', lang);
  if (langValue !== undefined && langValue !== 'zh' && langValue !== 'en') {
    throw new RequestError(422, 'request/query', say(lang, `lang 只能是 zh 或 en（收到“${langValue}”）`, `lang expects zh or en (got "${langValue}")`), { path: 'lang' });
  }
  const formatValue = single(query, 'format', lang);
  let formats = defaults.formats;
  let zip = false;
  if (formatValue !== undefined) {
    const list = [...new Set(formatValue.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean))];
    zip = list.includes('zip');
    const named = list.filter((f) => f !== 'zip');
    for (const f of named) {
      if (!isFormat(f)) {
        throw new RequestError(422, 'request/format', say(lang, `没有“${f}”这种格式`, `unknown format "${f}"`), {
          path: 'format',
          hint: say(lang, `可选 ${[...allFormats, 'zip'].join(', ')}`, `choose from ${[...allFormats, 'zip'].join(', ')}`),
        });
      }
    }
    formats = named.length ? (named as Format[]) : zip ? ['pdf', 'docx'] : defaults.formats;
  }
  zip ||= formats.length > 1;
  const style = single(query, 'style', lang);
  if (style !== undefined && !/^[\w.-]{1,64}$/.test(style)) {
    throw new RequestError(422, 'request/style', say(lang, `样式名称“${style.slice(0, 64)}”不合法`, `"${style.slice(0, 64)}" is not a style name`), {
      path: 'style',
      hint: say(lang, '样式名称只含字母、数字、点、下划线和连字符；GET /v1/styles 列出可用的样式', 'a style name holds letters, digits, dots, underscores and hyphens; GET /v1/styles lists them'),
    });
  }
  return {
    formats,
    zip,
    ...(style !== undefined ? { style } : {}),
    strict: flag(query, 'strict', lang),
    embedFonts: flag(query, 'embedFonts', lang),
    lang,
    filename: reportName(single(query, 'filename', lang)),
  };
}

/** A file name for diagnostics and outputs: the last path segment only, printable, short. */
export function reportName(value: string | undefined): string {
  const base = (value ?? '').split(/[\\/]/).pop() ?? '';
  const clean = [...base.replace(/[\u0000-\u001f\u007f"]/g, '')].slice(0, 100).join('').trim();
  return clean && clean !== '.' && clean !== '..' ? clean : 'report.yaml';
}

/** The output's name: the report's name with the format's extension. */
export function outputName(filename: string, format: string): string {
  return `${filename.replace(/\.(ya?ml|json)$/i, '')}.${format}`;
}

/**
 * Reads the report from the body. YAML (or any text) is the report itself; JSON is either the
 * report itself or `{ "report": <object or YAML text>, "seals": { "<path>": "<base64>" } }`;
 * multipart has a `report` part and one part per seal, named by the path the report uses.
 */
export async function readReport(request: FastifyRequest, lang: Lang): Promise<ReportInput> {
  if (request.isMultipart()) return readMultipart(request, lang);
  const body = request.body;
  if (!(body instanceof Uint8Array) || body.byteLength === 0) {
    throw new RequestError(422, 'request/empty', say(lang, '请求体为空：应为报告的 YAML 或 JSON', 'the request body is empty: send the report as YAML or JSON'), {
      path: 'body',
      hint: say(lang, "例如 curl --data-binary @report.yaml -H 'Content-Type: application/yaml'", "e.g. curl --data-binary @report.yaml -H 'Content-Type: application/yaml'"),
    });
  }
  const type = request.headers['content-type'] ?? '';
  if (/^application\/([\w.+-]*\+)?json\b/i.test(type)) return fromJson(body, lang);
  return { source: body, assets: {} };
}

function fromJson(body: Uint8Array, lang: Lang): ReportInput {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(body));
  } catch {
    // Not JSON after all: the YAML reader (JSON is YAML) reports where it breaks, at line:col.
    return { source: body, assets: {} };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || !Object.hasOwn(parsed, 'report')) return { source: body, assets: {} };
  const wrapper = parsed as { report: unknown; seals?: unknown };
  const report = wrapper.report;
  const source =
    typeof report === 'string' ? new TextEncoder().encode(report) : report && typeof report === 'object' && !Array.isArray(report) ? new TextEncoder().encode(JSON.stringify(report, null, 2)) : undefined;
  if (!source) throw new RequestError(422, 'request/report', say(lang, 'report 应为报告对象或 YAML 文字', 'report must be the report as an object or as YAML text'), { path: 'report' });
  return { source, assets: decodeSeals(wrapper.seals, lang) };
}

/** `seals` of a JSON request: seal images in base64, by the path the report names them with. */
export function decodeSeals(seals: unknown, lang: Lang): Record<string, Uint8Array> {
  if (seals === undefined || seals === null) return {};
  if (typeof seals !== 'object' || Array.isArray(seals)) throw new RequestError(422, 'request/seals', say(lang, 'seals 应为“路径: base64”的对象', 'seals must map each path to base64 image data'), { path: 'seals' });
  const entries = Object.entries(seals as Record<string, unknown>);
  if (entries.length > maxSeals) throw new RequestError(422, 'request/seals', say(lang, `印章图片最多 ${maxSeals} 个`, `at most ${maxSeals} seal images`), { path: 'seals' });
  const assets: Record<string, Uint8Array> = Object.create(null) as Record<string, Uint8Array>;
  for (const [ref, data] of entries) {
    if (typeof data !== 'string' || !/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(data)) {
      throw new RequestError(422, 'request/seals', say(lang, `印章图片“${ref}”不是 base64 数据`, `the seal image "${ref}" is not base64 data`), { path: `seals.${ref}` });
    }
    assets[ref] = new Uint8Array(Buffer.from(data, 'base64'));
  }
  return assets;
}

async function readMultipart(request: FastifyRequest, lang: Lang): Promise<ReportInput> {
  let source: Uint8Array | undefined;
  const assets: Record<string, Uint8Array> = Object.create(null) as Record<string, Uint8Array>;
  let count = 0;
  for await (const part of request.parts()) {
    const data = part.type === 'file' ? new Uint8Array(await part.toBuffer()) : new TextEncoder().encode(String(part.value));
    if (part.fieldname === 'report') source = data;
    else {
      if (++count > maxSeals) throw new RequestError(422, 'request/seals', say(lang, `印章图片最多 ${maxSeals} 个`, `at most ${maxSeals} seal images`), { path: part.fieldname });
      assets[part.fieldname] = data;
    }
  }
  if (!source) {
    throw new RequestError(422, 'request/report', say(lang, '缺少名为 report 的部分', 'the multipart body has no part named report'), {
      path: 'report',
      hint: say(lang, '例如 curl -F report=@report.yaml -F seal.png=@seal.png', 'e.g. curl -F report=@report.yaml -F seal.png=@seal.png'),
    });
  }
  return { source, assets };
}
