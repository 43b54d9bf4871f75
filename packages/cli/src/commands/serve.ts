import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { usageErrors } from '../args.js';
import type { Context } from '../context.js';
import { exitCodes } from '../exit-codes.js';
import { say } from '../messages.js';
import { UsageError } from '../usage-error.js';

/** A whole number option, or a usage error naming it. */
export function countOption(value: string | undefined, name: string, lang: Context['lang'], min = 1): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(say(lang, `--${name} 应为不小于 ${min} 的整数（收到“${value}”）`, `--${name} expects a whole number ≥ ${min} (got "${value}")`));
  return n;
}

/** Resolves when the process is asked to stop (SIGTERM from an orchestrator, Ctrl+C). */
export function stopSignal(): Promise<string> {
  return new Promise((done) => {
    process.once('SIGTERM', () => done('SIGTERM'));
    process.once('SIGINT', () => done('SIGINT'));
  });
}

export async function serveCommand(args: string[], ctx: Context): Promise<number> {
  const { values } = usageErrors(() =>
    parseArgs({
      args,
      options: {
        host: { type: 'string' },
        port: { type: 'string', short: 'p' },
        threads: { type: 'string', short: 'j' },
        'max-queue': { type: 'string' },
        timeout: { type: 'string' },
        'body-limit': { type: 'string' },
        token: { type: 'string' },
        cors: { type: 'string', multiple: true },
        queue: { type: 'string' },
        results: { type: 'string' },
        ttl: { type: 'string' },
        attempts: { type: 'string' },
        backoff: { type: 'string' },
        'styles-dir': { type: 'string', multiple: true },
        'font-dir': { type: 'string', multiple: true },
        libreoffice: { type: 'boolean' },
      },
    }),
  );
  const { lang } = ctx;
  const port = countOption(values.port, 'port', lang, 0) ?? 8080;
  const host = values.host ?? '127.0.0.1';
  const token = values.token ?? process.env.GONGWEN_TOKEN ?? undefined;
  if (values.results && !values.queue) throw new UsageError(say(lang, '--results 需要与 --queue 同用', '--results needs --queue'));
  if (values.queue && !/^rediss?:\/\//.test(values.queue)) throw new UsageError(say(lang, `--queue 应为 redis://主机:端口（收到“${values.queue}”）`, `--queue expects redis://host:port (got "${values.queue}")`));
  const { createServer, RenderQueue } = await import('@gongwen/server');
  const styleDirs = values['styles-dir']?.map((d) => resolve(ctx.cwd, d));
  const fontDirs = values['font-dir']?.map((d) => resolve(ctx.cwd, d));
  const ttl = countOption(values.ttl, 'ttl', lang);
  const attempts = countOption(values.attempts, 'attempts', lang);
  const backoffMs = countOption(values.backoff, 'backoff', lang, 0);
  if ((attempts !== undefined || backoffMs !== undefined) && !values.queue) throw new UsageError(say(lang, '--attempts 和 --backoff 需要与 --queue 同用', '--attempts and --backoff need --queue'));
  const queue = values.queue
    ? new RenderQueue({ url: values.queue, ...(values.results ? { resultsDir: resolve(ctx.cwd, values.results) } : {}), ...(ttl ? { ttlSeconds: ttl } : {}), ...(attempts ? { attempts } : {}), ...(backoffMs !== undefined ? { backoffMs } : {}), styleDirs, fontDirs })
    : undefined;
  const server = await createServer({
    threads: countOption(values.threads, 'threads', lang),
    maxQueue: countOption(values['max-queue'], 'max-queue', lang, 0),
    timeoutMs: countOption(values.timeout, 'timeout', lang),
    bodyLimit: countOption(values['body-limit'], 'body-limit', lang),
    ...(token ? { token } : {}),
    ...(values.cors?.length ? { corsOrigins: values.cors.flatMap((c) => c.split(',')).filter(Boolean) } : {}),
    styleDirs,
    fontDirs,
    ...(queue ? { queue } : {}),
    ...(values.libreoffice ? { convertWithLibreOffice: true } : {}),
  });
  const stopping = stopSignal();
  const address = await server.app.listen({ host, port });
  process.stderr.write(`${say(lang, `gongwen 服务已启动：${address}`, `gongwen is serving on ${address}`)}${queue ? ` (queue ${values.queue})` : ''}\n`);
  if (queue) {
    const n = server.pool.threads;
    process.stderr.write(`${say(lang, `POST /v1/render 在本进程的 ${n} 个线程上同步渲染；成批的报告请提交到 POST /v1/jobs`, `POST /v1/render renders here, on ${n} thread(s) of this process; send batches to POST /v1/jobs`)}\n`);
  }
  server.ready.then(() => process.stderr.write(`${say(lang, '字体和样式已在每个线程载入', 'fonts and styles are loaded on every thread')}\n`));
  const signal = await stopping;
  process.stderr.write(`${say(lang, `收到 ${signal}：不再接受请求，正在完成进行中的请求`, `${signal}: no new requests; finishing those in flight`)}\n`);
  await server.close();
  return exitCodes.ok;
}
