import { extname } from 'node:path';
import { error, toJsonReport, type Diagnostic, type Lang } from '@gongwen/diagnostics';
import { PoolFullError, TaskTimeoutError } from '@gongwen/pool';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { importFile } from 'gongwen';
import { say } from '../messages.js';
import { requestLang } from '../report-request.js';
import { RequestError } from '../request-error.js';
import type { ServerContext } from '../server.js';

/** What an import request carries: the document's bytes and the name that says its kind. */
interface ImportInput {
  bytes: Uint8Array;
  filename: string;
}

/** Extensions LibreOffice must turn into a .docx first (the importer's own list for Node). */
const needsConversion = new Set(['.doc', '.wps', '.wpt', '.dot', '.rtf', '.odt']);
const spreadsheet = /^\.(xls|xlsx|et|ods|csv)$/;

/** The extension a Content-Type names, for a raw body sent without `?filename=`. */
const extensionOfType: [RegExp, string][] = [
  [/^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document\b/i, '.docx'],
  [/^application\/msword\b/i, '.doc'],
  [/^text\/plain\b/i, '.txt'],
  [/^text\/markdown\b/i, '.md'],
  [/^text\/html\b/i, '.html'],
];

/**
 * The status of an import that gave no YAML: the file is too big (413), of a kind this service
 * does not read (415), or not a readable report (422).
 */
function statusOf(ruleId: string): number {
  if (ruleId === 'import/too-large') return 413;
  if (ruleId === 'import/binary' || ruleId === 'import/spreadsheet' || ruleId === 'import/needs-conversion' || ruleId === 'import/needs-libreoffice') return 415;
  return 422;
}

/** The document's name: the last path segment, printable, short; `report` plus the Content-Type's extension when none is given. */
function documentName(value: string | undefined, contentType: string | undefined): string {
  const base = (value ?? '').split(/[\\/]/).pop() ?? '';
  const clean = [...base.replace(/[\u0000-\u001f\u007f"]/g, '')].slice(0, 100).join('').trim();
  if (clean && clean !== '.' && clean !== '..') return clean;
  const ext = extensionOfType.find(([type]) => type.test(contentType ?? ''))?.[1] ?? '';
  return `report${ext}`;
}

const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

async function readDocument(request: FastifyRequest, lang: Lang): Promise<ImportInput> {
  const query = (request.query ?? {}) as Record<string, string | string[] | undefined>;
  const named = typeof query.filename === 'string' ? query.filename : undefined;
  if (request.isMultipart()) {
    // The first file part is the document.
    const part = await request.file();
    if (part) return { bytes: new Uint8Array(await part.toBuffer()), filename: documentName(named ?? part.filename, part.mimetype) };
    throw new RequestError(422, 'request/report', say(lang, '表单中没有文件', 'the multipart body holds no file'), {
      path: 'file',
      hint: say(lang, '例如 curl -F file=@报告.docx', 'e.g. curl -F file=@report.docx'),
    });
  }
  const body = request.body;
  if (!(body instanceof Uint8Array) || body.byteLength === 0) {
    throw new RequestError(422, 'request/empty', say(lang, '请求体为空：应为报告的 .docx 或文本', 'the request body is empty: send the report as .docx or text'), {
      path: 'body',
      hint: say(lang, '例如 curl --data-binary @报告.docx "…/v1/import?filename=报告.docx"', 'e.g. curl --data-binary @report.docx ".../v1/import?filename=report.docx"'),
    });
  }
  return { bytes: body, filename: documentName(named, request.headers['content-type']) };
}

/**
 * `POST /v1/import`: an existing report (.docx, text, Markdown, a web page; .doc and .wps only when
 * the service was started with LibreOffice conversion allowed) → its YAML, with the import's
 * findings and what validation says of the YAML: `gongwen import --format json`, plus `yaml`.
 */
export function importRoutes(ctx: ServerContext) {
  let converting = 0;
  return async (app: FastifyInstance) => {
    app.post('/v1/import', async (request, reply) => {
      const lang = requestLang(request);
      const query = (request.query ?? {}) as Record<string, string | string[] | undefined>;
      const style = typeof query.style === 'string' ? query.style : undefined;
      if (style !== undefined && !/^[\w.-]{1,64}$/.test(style)) {
        throw new RequestError(422, 'request/style', say(lang, `样式名称“${style.slice(0, 64)}”不合法`, `"${style.slice(0, 64)}" is not a style name`), { path: 'style' });
      }
      const input = await readDocument(request, lang);
      const ext = extname(input.filename).toLowerCase();
      const converts = !spreadsheet.test(ext) && (needsConversion.has(ext) || isOle(input.bytes));
      const refuse = (status: number, diagnostics: Diagnostic[]) => {
        ctx.metrics.imports.inc({ outcome: status === 413 || status === 415 ? 'refused' : 'invalid' });
        ctx.metrics.countDiagnostics(diagnostics);
        return reply.code(status).send(toJsonReport([{ path: input.filename, diagnostics }]));
      };
      if (converts && !ctx.options.convertWithLibreOffice) {
        return refuse(415, [
          error('import/needs-conversion', say(lang, `这个服务不转换 ${ext || '.doc'} 文件`, `this service does not convert ${ext || '.doc'} files`), {
            file: input.filename,
            hint: say(lang, '在 Word/WPS 中“另存为”.docx 后再导入；或由运维以 gongwen serve --libreoffice 启动服务', 'save it as .docx in Word/WPS and import that, or ask the operator to start gongwen serve --libreoffice'),
          }),
        ]);
      }
      // LibreOffice is a process per file: no more conversions at once than render threads.
      if (converts && converting >= ctx.pool.threads) {
        throw new RequestError(429, 'service/busy', say(lang, '转换进程都忙', 'every conversion is busy'), { hint: say(lang, '稍后重试（见 Retry-After）', 'try again shortly (see Retry-After)'), headers: { 'Retry-After': '5' } });
      }
      if (converts) {
        converting++;
        ctx.metrics.conversions.inc();
      }
      let imported;
      try {
        imported = await importFile(input.bytes, { filename: input.filename, ...(style !== undefined ? { style } : {}), styleDirs: ctx.options.styleDirs, lang });
      } finally {
        if (converts) {
          converting--;
          ctx.metrics.conversions.dec();
        }
      }
      const found = imported.diagnostics.map((d) => (d.file ? d : { ...d, file: input.filename }));
      if (!imported.yaml) return refuse(statusOf(found.find((d) => d.severity === 'error')?.ruleId ?? ''), found);

      // What `gongwen validate` says of the YAML, checked on the render threads as /v1/validate does.
      const output = `${input.filename.replace(/\.[^.]*$/, '') || 'report'}.yaml`;
      let checked: Diagnostic[];
      try {
        const result = await ctx.pool.run({ source: new TextEncoder().encode(imported.yaml), assets: {}, filename: output, formats: [], lang, styleDirs: ctx.options.styleDirs }, { timeoutMs: ctx.options.timeoutMs });
        checked = result.diagnostics.map((d) => (d.file ? d : { ...d, file: output }));
      } catch (e) {
        if (e instanceof PoolFullError) throw new RequestError(429, 'service/busy', say(lang, '所有线程都忙，等待队列已满', 'every thread is busy and the waiting line is full'), { headers: { 'Retry-After': '1' } });
        if (e instanceof TaskTimeoutError) throw new RequestError(503, 'service/timeout', say(lang, '检查超时，已停止', 'the check took too long and was stopped'), { headers: { 'Retry-After': '5' } });
        throw e;
      }
      const diagnostics = [...found, ...checked];
      ctx.metrics.imports.inc({ outcome: 'ok' });
      ctx.metrics.countDiagnostics(diagnostics);
      const json = toJsonReport([{ path: input.filename, diagnostics }]);
      return { ...json, files: json.files.map((f) => ({ ...f, output })), yaml: imported.yaml };
    });
  };
}
