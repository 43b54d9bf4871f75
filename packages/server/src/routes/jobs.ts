import type { FastifyInstance } from 'fastify';
import { isFormat, type Format } from 'gongwen';
import { attachment, mediaType } from '../content-types.js';
import { say } from '../messages.js';
import type { JobRequest, RenderQueue } from '../queue.js';
import { zipOutputs } from '../render-output.js';
import { decodeSeals, outputName, readReport, renderQuery, reportName, requestLang, type RenderQuery } from '../report-request.js';
import { RequestError } from '../request-error.js';
import type { ServerContext } from '../server.js';

const maxBatch = 10_000;

/** `POST /v1/jobs`, `GET /v1/jobs/:id`, `GET /v1/jobs/:id/result`: renders queued on Redis for `gongwen worker`. */
export function jobRoutes(ctx: ServerContext, queue: RenderQueue) {
  return async (app: FastifyInstance) => {
    app.post('/v1/jobs', { bodyLimit: ctx.options.jobsBodyLimit ?? 256 * 1024 * 1024 }, async (request, reply) => {
      const query = renderQuery(request, { formats: ['pdf'] });
      const batch = readBatch(request.body, request.headers['content-type'], query);
      const requests = batch ?? [{ ...(await readReport(request, query.lang)), ...options(query) }];
      const ids = await queue.submit(requests);
      return reply.code(202).send({ jobs: ids.map((id) => ({ id })) });
    });

    app.get('/v1/jobs/:id', async (request) => {
      const { id } = request.params as { id: string };
      const status = await queue.status(id);
      if (!status) throw notFound(requestLang(request), id);
      return status;
    });

    app.get('/v1/jobs/:id/result', async (request, reply) => {
      const lang = requestLang(request);
      const { id } = request.params as { id: string };
      const status = await queue.status(id);
      if (!status) throw notFound(lang, id);
      if (status.state !== 'completed' || !status.outputs) {
        throw new RequestError(409, 'job/not-done', say(lang, `任务 ${id} 的状态是 ${status.state}，还没有结果`, `job ${id} is ${status.state}: there is no result yet`), {
          hint: say(lang, `GET /v1/jobs/${id} 查看状态和诊断`, `GET /v1/jobs/${id} shows its state and diagnostics`),
        });
      }
      const asked = (request.query as Record<string, unknown>).format;
      const formats = status.outputs.map((o) => o.format);
      const name = reportName(undefined);
      if (typeof asked === 'string' && asked !== 'zip') {
        if (!isFormat(asked) || !formats.includes(asked)) {
          throw new RequestError(404, 'job/no-output', say(lang, `任务没有 ${asked} 输出（有 ${formats.join(', ')}）`, `the job made no ${asked} output (it made ${formats.join(', ')})`), { path: 'format' });
        }
        return send(reply, asked, await load(asked), name);
      }
      if (formats.length === 1 && asked !== 'zip') return send(reply, formats[0]!, await load(formats[0]!), name);
      const files = await Promise.all(formats.map(async (format) => ({ format, data: new Uint8Array(await load(format)) })));
      return reply.type(mediaType('zip')).header('Content-Disposition', attachment(outputName(name, 'zip'))).send(Buffer.from(zipOutputs(files, name)));

      async function load(format: Format): Promise<Buffer> {
        const data = await queue.result(id, format);
        if (!data) throw new RequestError(404, 'job/expired', say(lang, '结果已过期或已被删除', 'the result has expired or was removed'), { hint: say(lang, '重新提交同一份报告', 'submit the same report again') });
        return data;
      }
    });
  };
}

function send(reply: import('fastify').FastifyReply, format: Format, data: Buffer, name: string) {
  return reply.type(mediaType(format)).header('Content-Disposition', attachment(outputName(name, format))).send(data);
}

function notFound(lang: 'zh' | 'en', id: string): RequestError {
  return new RequestError(404, 'job/not-found', say(lang, `没有任务 ${id.slice(0, 64)}（或它已过期）`, `no job ${id.slice(0, 64)} (or it has expired)`), { path: 'id' });
}

function options(query: RenderQuery): Omit<JobRequest, 'source' | 'assets'> {
  return { formats: query.formats, ...(query.style !== undefined ? { style: query.style } : {}), strict: query.strict, embedFonts: query.embedFonts, lang: query.lang, filename: query.filename };
}

/** A JSON batch `{ "jobs": [{ report, seals?, format?, style?, filename? }] }`, or undefined for a single report. */
function readBatch(body: unknown, type: string | undefined, query: RenderQuery): JobRequest[] | undefined {
  if (!(body instanceof Uint8Array) || !/^application\/([\w.+-]*\+)?json\b/i.test(type ?? '')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(body));
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object' || !Object.hasOwn(parsed, 'jobs')) return undefined;
  const { lang } = query;
  const jobs = (parsed as { jobs: unknown }).jobs;
  if (!Array.isArray(jobs) || jobs.length === 0 || jobs.length > maxBatch) {
    throw new RequestError(422, 'request/jobs', say(lang, `jobs 应为 1 到 ${maxBatch} 份报告的列表`, `jobs must be a list of 1 to ${maxBatch} reports`), { path: 'jobs' });
  }
  return jobs.map((item: unknown, i): JobRequest => {
    const at = `jobs[${i}]`;
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw new RequestError(422, 'request/jobs', say(lang, `${at} 应为对象`, `${at} must be an object`), { path: at });
    const j = item as { report?: unknown; seals?: unknown; format?: unknown; style?: unknown; filename?: unknown };
    const source =
      typeof j.report === 'string' ? new TextEncoder().encode(j.report) : j.report && typeof j.report === 'object' && !Array.isArray(j.report) ? new TextEncoder().encode(JSON.stringify(j.report, null, 2)) : undefined;
    if (!source) throw new RequestError(422, 'request/report', say(lang, `${at}.report 应为报告对象或 YAML 文字`, `${at}.report must be the report as an object or as YAML text`), { path: `${at}.report` });
    let formats = query.formats;
    if (j.format !== undefined) {
      const list = typeof j.format === 'string' ? j.format.split(',').map((s) => s.trim()) : [];
      if (!list.length || !list.every(isFormat)) throw new RequestError(422, 'request/format', say(lang, `${at}.format 不是已知的格式`, `${at}.format is not a known format`), { path: `${at}.format` });
      formats = list as Format[];
    }
    if (j.style !== undefined && (typeof j.style !== 'string' || !/^[\w.-]{1,64}$/.test(j.style))) {
      throw new RequestError(422, 'request/style', say(lang, `${at}.style 不是样式名称`, `${at}.style is not a style name`), { path: `${at}.style` });
    }
    const style = typeof j.style === 'string' ? j.style : query.style;
    return {
      source,
      assets: decodeSeals(j.seals, lang),
      formats,
      ...(style !== undefined ? { style } : {}),
      strict: query.strict,
      embedFonts: query.embedFonts,
      lang,
      filename: typeof j.filename === 'string' ? reportName(j.filename) : query.filename,
    };
  });
}
