import { createHash, timingSafeEqual } from 'node:crypto';
import { availableParallelism } from 'node:os';
import cors from '@fastify/cors';
import multipart from '@fastify/multipart';
import { toJsonReport, type Lang } from '@gongwen/diagnostics';
import { createRenderPool, type RenderPool } from '@gongwen/pool';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import { say } from './messages.js';
import { ServerMetrics } from './metrics.js';
import type { RenderQueue } from './queue.js';
import { reportName, requestLang } from './report-request.js';
import { RequestError } from './request-error.js';
import { jobRoutes } from './routes/jobs.js';
import { checkRoutes } from './routes/checks.js';
import { importRoutes } from './routes/import.js';
import { opsRoutes } from './routes/ops.js';
import { renderRoutes } from './routes/render.js';
import { warmUp } from './warm-up.js';

export interface ServerOptions {
  /**
   * Worker threads rendering `/v1/render`, `/v1/validate` and imports in this process; by default
   * one per core, or one with a queue (its workers do the batch rendering).
   */
  threads?: number;
  /** Renders allowed to wait for a thread; past that the answer is 429. Default: 4 per thread. */
  maxQueue?: number;
  /** A render running longer is stopped and answered 503. Default 60 s. */
  timeoutMs?: number;
  /** The largest request body, in bytes (413 past it). Default 10 MiB. */
  bodyLimit?: number;
  /** The largest body of `POST /v1/jobs`, which may carry a batch. Default 256 MiB. */
  jobsBodyLimit?: number;
  /** Requests must carry `Authorization: Bearer <token>` (health probes excepted). */
  token?: string;
  /** Origins allowed to call from a browser; CORS is off when omitted. */
  corsOrigins?: string[];
  styleDirs?: string[];
  fontDirs?: string[];
  /** Accept jobs on this queue (`POST /v1/jobs`), rendered by `gongwen worker` processes. */
  queue?: RenderQueue;
  /**
   * Let `POST /v1/import` convert .doc, .wps, .rtf and .odt with LibreOffice (a soffice process per
   * file, in a private temporary folder). Off by default: those files are answered 415.
   */
  convertWithLibreOffice?: boolean;
  /** Skip rendering on every thread before answering ready (tests that never render a PDF). */
  skipWarmUp?: boolean;
}

/** What the routes share. */
export interface ServerContext {
  pool: RenderPool;
  metrics: ServerMetrics;
  options: Required<Pick<ServerOptions, 'timeoutMs'>> & ServerOptions;
  ready: () => { ready: boolean; error?: string };
}

export interface GongwenServer {
  app: FastifyInstance;
  pool: RenderPool;
  /** Settles when every thread has loaded its fonts and styles (or failed to). */
  ready: Promise<void>;
  /** Stops taking requests, lets those in flight finish, then stops the threads and the queue connection. */
  close(): Promise<void>;
}

const routeOf = (request: FastifyRequest) => request.routeOptions.url ?? 'unmatched';

/** Builds the service (not yet listening): `app.listen({ host, port })` starts it. */
export async function createServer(options: ServerOptions = {}): Promise<GongwenServer> {
  const queue = options.queue;
  const threads = options.threads ?? (queue ? 1 : availableParallelism());
  const pool = createRenderPool({ threads, maxQueue: options.maxQueue ?? threads * 4 });
  const metrics = new ServerMetrics(() => ({ busy: pool.busy, queued: pool.queued, threads: pool.threads }), queue ? () => queue.counts() : undefined);
  let readiness: { ready: boolean; error?: string } = { ready: false };
  const ready = (options.skipWarmUp ? Promise.resolve() : warmUp(pool, options)).then(
    () => void (readiness = { ready: true }),
    (e: unknown) => void (readiness = { ready: false, error: (e as Error).message }),
  );
  const context: ServerContext = { pool, metrics, options: { timeoutMs: 60_000, ...options }, ready: () => readiness };

  const app = Fastify({ logger: false, bodyLimit: options.bodyLimit ?? 10 * 1024 * 1024, return503OnClosing: true, forceCloseConnections: 'idle' });
  // Every body is read as bytes: the schema reads YAML and JSON itself, with positions, and names a wrong encoding.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  await app.register(multipart, { limits: { fileSize: options.bodyLimit ?? 10 * 1024 * 1024, files: 17, fields: 4, parts: 20 } });
  if (options.corsOrigins?.length) await app.register(cors, { origin: options.corsOrigins });

  if (options.token) {
    const expected = digest(options.token);
    app.addHook('onRequest', async (request, reply) => {
      if (request.url === '/healthz' || request.url === '/readyz') return;
      const header = request.headers.authorization ?? '';
      const given = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim() ?? '';
      // Both sides hashed to the same length, so the comparison takes the same time whatever was sent.
      if (!timingSafeEqual(digest(given), expected)) {
        const lang = requestLang(request);
        reply.header('WWW-Authenticate', 'Bearer');
        throw new RequestError(401, 'request/unauthorized', say(lang, '缺少或错误的访问令牌', 'a missing or wrong access token'), {
          path: 'Authorization',
          hint: say(lang, '在请求头中加入 Authorization: Bearer <令牌>', 'send the header Authorization: Bearer <token>'),
        });
      }
    });
  }
  app.addHook('onResponse', async (request, reply) => {
    metrics.requests.inc({ route: routeOf(request), status: String(reply.statusCode) });
  });

  app.setErrorHandler((err: FastifyError | RequestError, request, reply) => {
    const lang = requestLang(request);
    const path = reportName((request.query as Record<string, string | undefined> | undefined)?.filename);
    if (err instanceof RequestError) {
      return reply.code(err.statusCode).headers(err.headers).send(toJsonReport([{ path, diagnostics: [err.diagnostic] }]));
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const known = requestProblem(status, lang);
      const diagnostic = new RequestError(status, known.ruleId, known.message ?? err.message, { path: 'body', ...(known.hint ? { hint: known.hint } : {}) }).diagnostic;
      return reply.code(status).send(toJsonReport([{ path, diagnostics: [diagnostic] }]));
    }
    // A bug, not bad input: say so, with no stack trace.
    const diagnostic = new RequestError(500, 'internal/exception', say(lang, `服务内部错误：${err.message.split('\n')[0]}`, `internal error: ${err.message.split('\n')[0]}`), {
      hint: say(lang, '这是 gongwen 的缺陷，请附上请求报告', 'this is a bug in gongwen; please report it with the request'),
    }).diagnostic;
    return reply.code(500).send(toJsonReport([{ path, diagnostics: [diagnostic] }]));
  });
  app.setNotFoundHandler((request, reply) => {
    const lang = requestLang(request);
    const diagnostic = new RequestError(404, 'request/not-found', say(lang, `没有 ${request.method} ${request.url.split('?')[0]} 这个接口`, `no such endpoint: ${request.method} ${request.url.split('?')[0]}`), {
      hint: say(lang, '接口见 GET /openapi.json', 'see GET /openapi.json for the endpoints'),
    }).diagnostic;
    return reply.code(404).send(toJsonReport([{ path: 'request', diagnostics: [diagnostic] }]));
  });

  await app.register(renderRoutes(context));
  await app.register(checkRoutes(context));
  await app.register(importRoutes(context));
  await app.register(opsRoutes(context));
  if (queue) await app.register(jobRoutes(context, queue));

  return {
    app,
    pool,
    ready,
    async close() {
      await app.close();
      await pool.destroy();
      await queue?.close();
    },
  };
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

function requestProblem(status: number, lang: Lang): { ruleId: string; message?: string; hint?: string } {
  if (status === 413) {
    return {
      ruleId: 'request/too-large',
      message: say(lang, '请求体超过了服务允许的大小', 'the request body is larger than this service accepts'),
      hint: say(lang, '压缩印章图片，或分开提交；上限由 gongwen serve --body-limit 设置', 'make the seal images smaller or send fewer at once; the limit is gongwen serve --body-limit'),
    };
  }
  if (status === 415) return { ruleId: 'request/media-type', message: say(lang, '不支持的请求类型', 'unsupported content type') };
  if (status === 401) return { ruleId: 'request/unauthorized' };
  return { ruleId: 'request/malformed' };
}
