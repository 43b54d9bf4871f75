import { toJsonReport } from '@gongwen/diagnostics';
import { PoolFullError, TaskTimeoutError } from '@gongwen/pool';
import type { FastifyInstance } from 'fastify';
import { lint, listStyles } from 'gongwen';
import { say } from '../messages.js';
import { readReport, renderQuery } from '../report-request.js';
import { RequestError } from '../request-error.js';
import type { ServerContext } from '../server.js';

/** `POST /v1/validate`, `POST /v1/lint` and `GET /v1/styles`: the JSON `gongwen validate|lint|styles --format json` prints. */
export function checkRoutes(ctx: ServerContext) {
  return async (app: FastifyInstance) => {
    app.post('/v1/validate', async (request) => {
      const query = renderQuery(request, { formats: [] });
      const input = await readReport(request, query.lang);
      try {
        // A render with no formats, on the same threads: YAML, schema, style, templates, seals.
        const result = await ctx.pool.run(
          { source: input.source, assets: input.assets, filename: query.filename, formats: [], ...(query.style !== undefined ? { style: query.style } : {}), strict: query.strict, lang: query.lang, styleDirs: ctx.options.styleDirs },
          { timeoutMs: ctx.options.timeoutMs },
        );
        ctx.metrics.countDiagnostics(result.diagnostics);
        return toJsonReport([{ path: query.filename, diagnostics: result.diagnostics }]);
      } catch (e) {
        if (e instanceof PoolFullError) throw new RequestError(429, 'service/busy', say(query.lang, '所有线程都忙，等待队列已满', 'every thread is busy and the waiting line is full'), { headers: { 'Retry-After': '1' } });
        if (e instanceof TaskTimeoutError) throw new RequestError(503, 'service/timeout', say(query.lang, '检查超时，已停止', 'the check took too long and was stopped'), { headers: { 'Retry-After': '5' } });
        throw e;
      }
    });

    app.post('/v1/lint', async (request) => {
      const query = renderQuery(request, { formats: [] });
      const fixValue = (request.query as Record<string, unknown>).fix;
      const fix = fixValue === '' || fixValue === 'true' || fixValue === '1';
      const input = await readReport(request, query.lang);
      const result = await lint(input.source, { filename: query.filename, ...(query.style !== undefined ? { style: query.style } : {}), styleDirs: ctx.options.styleDirs, lang: query.lang, fix });
      const diagnostics = result.diagnostics.map((d) => (d.file ? d : { ...d, file: query.filename }));
      ctx.metrics.countDiagnostics(diagnostics);
      return { ...toJsonReport([{ path: query.filename, diagnostics }]), ...(result.fixed !== undefined ? { fixed: result.fixed } : {}) };
    });

    app.get('/v1/styles', async () =>
      // Where a style lives on the server's disk is not the caller's business: the rest is what `gongwen styles --format json` prints.
      listStyles({ styleDirs: ctx.options.styleDirs }).map(({ name, region, description }) => ({ name, ...(region !== undefined ? { region } : {}), ...(description !== undefined ? { description } : {}) })),
    );
  };
}
