import { hasErrors, toJsonReport } from '@gongwen/diagnostics';
import { PoolFullError, TaskTimeoutError, type RenderTaskResult } from '@gongwen/pool';
import type { FastifyInstance } from 'fastify';
import type { Format } from 'gongwen';
import { attachment, mediaType } from '../content-types.js';
import { say } from '../messages.js';
import { outputBytes, zipOutputs } from '../render-output.js';
import { outputName, readReport, renderQuery } from '../report-request.js';
import { RequestError } from '../request-error.js';
import type { ServerContext } from '../server.js';

/** `POST /v1/render`: the report in, the document out — the same bytes `gongwen render` writes. */
export function renderRoutes(ctx: ServerContext) {
  return async (app: FastifyInstance) => {
    app.post('/v1/render', async (request, reply) => {
      const query = renderQuery(request, { formats: ['pdf'] });
      const { lang } = query;
      const label = query.zip ? 'zip' : query.formats[0]!;
      const input = await readReport(request, lang);
      const stopTimer = ctx.metrics.renderSeconds.startTimer({ format: label });
      let result: RenderTaskResult;
      try {
        result = await ctx.pool.run(
          {
            source: input.source,
            assets: input.assets,
            filename: query.filename,
            formats: query.formats,
            ...(query.style !== undefined ? { style: query.style } : {}),
            strict: query.strict,
            embedFonts: query.embedFonts,
            lang,
            styleDirs: ctx.options.styleDirs,
            fontDirs: ctx.options.fontDirs,
          },
          { timeoutMs: ctx.options.timeoutMs },
        );
      } catch (e) {
        if (e instanceof PoolFullError) {
          ctx.metrics.renders.inc({ format: label, outcome: 'rejected' });
          throw new RequestError(429, 'service/busy', say(lang, '所有渲染线程都忙，等待队列已满', 'every render thread is busy and the waiting line is full'), {
            hint: say(lang, '稍后重试（见 Retry-After）', 'try again shortly (see Retry-After)'),
            headers: { 'Retry-After': '1' },
          });
        }
        if (e instanceof TaskTimeoutError) {
          ctx.metrics.renders.inc({ format: label, outcome: 'timeout' });
          throw new RequestError(503, 'service/timeout', say(lang, `渲染超过 ${ctx.options.timeoutMs} 毫秒，已停止`, `the render took longer than ${ctx.options.timeoutMs} ms and was stopped`), {
            hint: say(lang, '报告可能过长；可分成几份，或请运维调大 --timeout', 'the report may be very long: split it, or ask the operator for a longer --timeout'),
            headers: { 'Retry-After': '5' },
          });
        }
        ctx.metrics.renders.inc({ format: label, outcome: 'error' });
        throw e;
      } finally {
        stopTimer();
      }
      ctx.metrics.countDiagnostics(result.diagnostics);
      if (hasErrors(result.diagnostics)) {
        ctx.metrics.renders.inc({ format: label, outcome: 'invalid' });
        return reply.code(422).send(toJsonReport([{ path: query.filename, diagnostics: result.diagnostics }]));
      }
      const files = query.formats.flatMap((format: Format) => {
        const data = outputBytes(result.outputs, format);
        return data ? [{ format, data }] : [];
      });
      ctx.metrics.renders.inc({ format: label, outcome: 'ok' });
      const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
      reply.header('Gongwen-Warnings', String(warnings)).header('X-Content-Type-Options', 'nosniff');
      if (query.zip) {
        return reply
          .type(mediaType('zip'))
          .header('Content-Disposition', attachment(outputName(query.filename, 'zip')))
          .send(Buffer.from(zipOutputs(files, query.filename)));
      }
      const [file] = files;
      if (!file) throw new Error(`the renderer returned no ${query.formats[0]} output`);
      return reply.type(mediaType(file.format)).header('Content-Disposition', attachment(outputName(query.filename, file.format))).send(Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength));
    });
  };
}
