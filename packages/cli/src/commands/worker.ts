import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { usageErrors } from '../args.js';
import type { Context } from '../context.js';
import { exitCodes } from '../exit-codes.js';
import { say } from '../messages.js';
import { UsageError } from '../usage-error.js';
import { countOption, stopSignal } from './serve.js';

export async function workerCommand(args: string[], ctx: Context): Promise<number> {
  const { values } = usageErrors(() =>
    parseArgs({
      args,
      options: {
        queue: { type: 'string' },
        threads: { type: 'string', short: 'j' },
        results: { type: 'string' },
        ttl: { type: 'string' },
        timeout: { type: 'string' },
        'lock-duration': { type: 'string' },
        'stalled-interval': { type: 'string' },
        'styles-dir': { type: 'string', multiple: true },
        'font-dir': { type: 'string', multiple: true },
        json: { type: 'boolean' },
      },
    }),
  );
  const { lang } = ctx;
  const url = values.queue ?? process.env.GONGWEN_QUEUE;
  if (!url || !/^rediss?:\/\//.test(url)) throw new UsageError(say(lang, 'worker 需要 --queue redis://主机:端口', 'worker needs --queue redis://host:port'));
  const { startQueueWorker } = await import('@gongwen/server');
  const ttl = countOption(values.ttl, 'ttl', lang);
  const worker = startQueueWorker({
    url,
    threads: countOption(values.threads, 'threads', lang) ?? 1,
    ...(values.results ? { resultsDir: resolve(ctx.cwd, values.results) } : {}),
    ...(ttl ? { ttlSeconds: ttl } : {}),
    timeoutMs: countOption(values.timeout, 'timeout', lang),
    lockDuration: countOption(values['lock-duration'], 'lock-duration', lang),
    stalledInterval: countOption(values['stalled-interval'], 'stalled-interval', lang),
    styleDirs: values['styles-dir']?.map((d) => resolve(ctx.cwd, d)),
    fontDirs: values['font-dir']?.map((d) => resolve(ctx.cwd, d)),
    onJob: (e) => {
      process.stdout.write(values.json ? `${JSON.stringify({ ...e, pid: process.pid })}\n` : `${e.state} ${e.id} (${say(lang, `第 ${e.attempts} 次`, `attempt ${e.attempts}`)})\n`);
    },
  });
  process.stderr.write(`${say(lang, `gongwen worker 已连接 ${url}，${worker.pool.threads} 个线程`, `gongwen worker on ${url} with ${worker.pool.threads} threads`)}\n`);
  const signal = await stopSignal();
  process.stderr.write(`${say(lang, `收到 ${signal}：完成手头的任务后退出`, `${signal}: finishing the jobs in hand, then stopping`)}\n`);
  await worker.close();
  return exitCodes.ok;
}
