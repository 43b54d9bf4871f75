import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import { openApiDocument } from '../openapi.js';
import type { ServerContext } from '../server.js';

const reportSchema = readFileSync(createRequire(import.meta.url).resolve('@gongwen/schema/report.schema.json'), 'utf8');

/** Health, readiness, metrics and the API's description. */
export function opsRoutes(ctx: ServerContext) {
  return async (app: FastifyInstance) => {
    app.get('/healthz', async () => ({ ok: true }));
    app.get('/readyz', async (_request, reply) => {
      const state = ctx.ready();
      return reply.code(state.ready ? 200 : 503).send({ ready: state.ready, threads: ctx.pool.threads, ...(state.error ? { error: state.error } : {}) });
    });
    app.get('/metrics', async (_request, reply) => reply.type(ctx.metrics.registry.contentType).send(await ctx.metrics.registry.metrics()));
    const document = JSON.stringify(openApiDocument({ jobs: ctx.options.queue !== undefined }));
    app.get('/openapi.json', async (_request, reply) => reply.type('application/json; charset=utf-8').send(document));
    app.get('/report.schema.json', async (_request, reply) => reply.type('application/schema+json; charset=utf-8').send(reportSchema));
  };
}
