import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { render } from 'gongwen';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, interruptedMessage, RenderQueue, type GongwenServer } from '../src/index.js';
import { eventually, liaoning, national } from './helpers.js';
import { RedisServer } from './redis-server.js';

const workerScript = fileURLToPath(new URL('./fixtures/worker-process.mjs', import.meta.url));

interface WorkerLine {
  id: string;
  state: 'active' | 'completed' | 'failed' | 'retrying';
  pid: number;
  /** When the worker process saw it (its clock, ms). */
  at: number;
  attempts?: number;
  reason?: string;
}

/** The queue's retry policy here: not the defaults, so the test sees the configured numbers at work. */
const retry = { attempts: 3, backoffMs: 2500 };

/** A `startQueueWorker` process with short locks, so a killed worker's job comes back in seconds. */
function startWorker(url: string, threads = 1) {
  const child: ChildProcess = spawn(process.execPath, [workerScript, url, String(threads), '3000', '1000'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: WorkerLine[] = [];
  let buffered = '';
  child.stdout!.on('data', (c: Buffer) => {
    buffered += c.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop()!;
    for (const p of parts) if (p.trim()) lines.push(JSON.parse(p) as WorkerLine);
  });
  const exited = new Promise((done) => child.once('exit', done));
  return {
    child,
    lines,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

let redis: RedisServer;
let server: GongwenServer;
let queue: RenderQueue;

beforeAll(async () => {
  redis = new RedisServer();
  await redis.start();
  queue = new RenderQueue({ url: redis.url, ...retry });
  server = await createServer({ threads: 1, skipWarmUp: true, queue });
});
afterAll(async () => {
  await server?.close();
  await redis?.stop();
});

const submit = async (jobs: { report: string; format?: string }[]) => {
  const res = await server.app.inject({ method: 'POST', url: '/v1/jobs', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ jobs }) });
  expect(res.statusCode).toBe(202);
  return (res.json().jobs as { id: string }[]).map((j) => j.id);
};
const status = async (id: string) => (await server.app.inject({ method: 'GET', url: `/v1/jobs/${id}` })).json();
const allDone = (ids: string[]) => eventually(async () => (await Promise.all(ids.map(status))).every((s) => s.state === 'completed' || s.state === 'failed'), `${ids.length} jobs`);
/** A distinct input per number: the same report with a comment naming its copy. */
const copy = (source: string, n: number, tag: string) => `${source}\n# ${tag} ${n}\n`;

describe('queue workers on a real redis-server', () => {
  it('two workers share 200 jobs and every job is done exactly once; the same report twice is the same job', async () => {
    const a = startWorker(redis.url);
    const b = startWorker(redis.url);
    try {
      const reports = Array.from({ length: 200 }, (_, i) => ({ report: copy(national, i, 'share'), format: 'txt' }));
      const ids = await submit(reports);
      expect(new Set(ids).size).toBe(200);
      expect(await submit(reports.slice(0, 3))).toEqual(ids.slice(0, 3));
      await allDone(ids);
      const completed = [...a.lines, ...b.lines].filter((l) => l.state === 'completed');
      expect(completed.length).toBe(200);
      expect(new Set(completed.map((l) => l.id))).toEqual(new Set(ids));
      expect(a.lines.some((l) => l.state === 'completed')).toBe(true);
      expect(b.lines.some((l) => l.state === 'completed')).toBe(true);
      const res = await server.app.inject({ method: 'GET', url: `/v1/jobs/${ids[7]}/result` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(res.payload).toBe((await render(copy(national, 7, 'share'), { filename: 'report.yaml', formats: ['txt'] })).outputs.txt);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it('a worker killed with SIGKILL mid-job loses nothing: another worker retries it after the configured backoff, byte-identical to a clean run', async () => {
    const long = liaoning.replace(/^parts:\n([\s\S]*?)(?=^\S)/m, (_m, body: string) => `parts:\n${body.repeat(6)}`);
    const a = startWorker(redis.url);
    let b: ReturnType<typeof startWorker> | undefined;
    try {
      const [id] = await submit([{ report: long, format: 'pdf' }]);
      await eventually(async () => a.lines.some((l) => l.id === id && l.state === 'active'), 'the job to start');
      a.child.kill('SIGKILL');
      b = startWorker(redis.url);
      const done = await eventually(async () => {
        const s = await status(id!);
        return s.state === 'completed' && s;
      }, 'the job to be rendered again');
      // Redis may say completed a moment before the worker's line about it reaches this process.
      await eventually(async () => b!.lines.some((l) => l.id === id && l.state === 'completed'), 'the other worker to say it completed the job');
      expect(a.lines.some((l) => l.id === id && l.state === 'completed')).toBe(false);
      // The killed run counts as the first failed attempt: the other worker, on taking the job
      // back, backs off as configured (2,500 ms before the second attempt) and then renders it.
      const mine = b.lines.filter((l) => l.id === id);
      expect(mine.map((l) => l.state)).toEqual(['active', 'retrying', 'active', 'completed']);
      expect(mine[1]).toMatchObject({ attempts: 1, reason: interruptedMessage });
      expect(mine[2]!.at - mine[0]!.at).toBeGreaterThanOrEqual(retry.backoffMs);
      expect(done.attempts).toBe(3);
      expect(done.outputs[0]).toMatchObject({ format: 'pdf' });
      const res = await server.app.inject({ method: 'GET', url: `/v1/jobs/${id}/result` });
      const clean = await render(long, { filename: 'report.yaml', formats: ['pdf'] });
      expect(Buffer.compare(res.rawPayload, Buffer.from(clean.outputs.pdf!))).toBe(0);
    } finally {
      await a.stop();
      await b?.stop();
    }
  });

  it('redis-server killed and restarted mid-batch (append-only file on) loses no job', async () => {
    const a = startWorker(redis.url);
    const b = startWorker(redis.url);
    try {
      const ids = await submit(Array.from({ length: 40 }, (_, i) => ({ report: copy(national, i, 'restart'), format: 'txt' })));
      await eventually(async () => [...a.lines, ...b.lines].filter((l) => l.state === 'completed').length >= 3 && true, 'a few jobs to finish');
      await redis.kill();
      await redis.start();
      await allDone(ids);
      const states = await Promise.all(ids.map(status));
      expect(states.map((s) => s.state)).toEqual(ids.map(() => 'completed'));
      for (const id of ids) expect((await server.app.inject({ method: 'GET', url: `/v1/jobs/${id}/result` })).statusCode).toBe(200);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it('a poisoned job (bad YAML) ends failed with its diagnostics, at once, while the rest complete', async () => {
    const a = startWorker(redis.url);
    try {
      const good = Array.from({ length: 10 }, (_, i) => ({ report: copy(national, i, 'poison'), format: 'txt' }));
      const ids = await submit([...good.slice(0, 5), { report: 'style: national\nyear: [2021\n', format: 'txt' }, ...good.slice(5)]);
      await allDone(ids);
      const states = await Promise.all(ids.map(status));
      const bad = states[5];
      expect(bad.state).toBe('failed');
      expect(bad.attempts).toBe(1);
      expect(bad.diagnostics[0]).toMatchObject({ severity: 'error', ruleId: 'yaml/syntax', line: 2 });
      expect(states.filter((s) => s.state === 'completed').length).toBe(10);
      const result = await server.app.inject({ method: 'GET', url: `/v1/jobs/${ids[5]}/result` });
      expect(result.statusCode).toBe(409);
      expect((await server.app.inject({ method: 'GET', url: '/v1/jobs/nonsense' })).statusCode).toBe(404);
    } finally {
      await a.stop();
    }
  });

  it('with a queue, /v1/render still answers the document itself, on one thread of the service by default, and queues nothing', async () => {
    const own = new RenderQueue({ url: redis.url, name: 'gongwen-render-direct' });
    const direct = await createServer({ skipWarmUp: true, queue: own });
    try {
      expect(direct.pool.threads).toBe(1);
      const before = await own.counts();
      const res = await direct.app.inject({ method: 'POST', url: '/v1/render?format=txt', headers: { 'content-type': 'application/yaml' }, payload: national });
      expect(res.statusCode).toBe(200);
      expect(res.payload).toBe((await render(national, { filename: 'report.yaml', formats: ['txt'] })).outputs.txt);
      expect(await own.counts()).toEqual(before);
    } finally {
      await direct.close();
    }
  });
});
