#!/usr/bin/env node
// Load on `gongwen serve` over loopback with autocannon: the 7-page Liaoning example as PDF, at 1, 8
// and 32 connections, RSS of the server sampled through the run. Then 1,000 queued jobs through
// 2 local workers on a real redis-server. Build first (`pnpm build`). Not a test: it asserts nothing.
//
// Each step records the machine's load average and how long `node -e 0` takes at that moment: on a
// shared machine those say more about a figure than the figure itself. Every HTTP step and every queue
// run is followed at once by the CLI batch (`gongwen render --jobs 2` on as many copies as the step
// answered): the ratios come from two measurements a minute apart, never from runs at different loads.
// CPU time per report is recorded on both sides (the server's process, the load generator's, the
// workers' and redis's; the batch's own), since on a loaded machine a side with more threads also
// gets a larger share of the cores.
//
//   node bench/serve.mjs [--seconds 60] [--jobs 1000] [--two-turns] [--skip-queue] [--skip-http]
//                        [--threads N] [--connections 1,8,32] [--warm-seconds S] [--skip-batch] [--out name]
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const repo = fileURLToPath(new URL('..', import.meta.url));
const bin = join(repo, 'packages/cli/dist/bin.js');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const seconds = opt('seconds', 60);
const jobCount = opt('jobs', 1000);
const threads = opt('threads', 0);
// Unmeasured load before each step: what is left of the tail once every thread's code is hot.
const warmSeconds = opt('warm-seconds', 0);
const connectionList = (args.includes('--connections') ? args[args.indexOf('--connections') + 1] : '1,8,32').split(',').map(Number);
const liaoning = readFileSync(join(repo, 'examples/liaoning-zhuanghe-taipingling-2023.yaml'));

const freePort = () => new Promise((done) => { const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => done(port)); }); });
/** CPU milliseconds a live process has used so far. */
const cpuOf = (pid) => { try { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) * 10; } catch { return 0; } };
/** CPU milliseconds of this process's finished children (the batch runs as one). */
const childrenCpu = () => { const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' '); return (Number(f[13]) + Number(f[14])) * 10; };
const rssOf = (pid) => { try { return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024; } catch { return 0; } };
const mib = (b) => Math.round(b / 1048576);
/** The machine at this moment: 1-minute load average and the wall time of an empty Node process. */
function machineNow() {
  const t0 = performance.now();
  execFileSync(process.execPath, ['-e', '0']);
  return { load1: Math.round(loadavg()[0] * 10) / 10, nodeStartMs: Math.round(performance.now() - t0) };
}

function start(cmd, argv, ready) {
  const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((done, fail) => {
    let out = '';
    const on = (c) => { out += c.toString(); const m = ready.exec(out); if (m) done({ child, match: m }); };
    child.stdout.on('data', on);
    child.stderr.on('data', on);
    child.once('exit', (code) => fail(new Error(`${cmd} exited ${code}: ${out}`)));
  });
}

const results = { machine: { cores: cpus().length, node: process.version, startedAt: new Date().toISOString() }, seconds, threads: threads || 'one per core', http: [], queue: [] };
if (!args.includes('--skip-http')) {
const { child: serve, match } = await start(process.execPath, [bin, 'serve', '--port', '0', '--max-queue', '64', ...(threads ? ['--threads', String(threads)] : [])], /(http:\/\/127\.0\.0\.1:\d+)/);
const base = match[1];
while (!(await fetch(`${base}/readyz`).then((r) => r.ok, () => false))) await new Promise((r) => setTimeout(r, 200));

for (const connections of connectionList) {
  if (warmSeconds) await autocannon({ url: `${base}/v1/render?format=pdf`, method: 'POST', headers: { 'content-type': 'application/yaml' }, body: liaoning, connections, duration: warmSeconds });
  const before = machineNow();
  const samples = [];
  const timer = setInterval(() => samples.push(rssOf(serve.pid)), 1000);
  const serverCpu0 = cpuOf(serve.pid);
  const loadgenCpu0 = process.cpuUsage();
  const r = await autocannon({ url: `${base}/v1/render?format=pdf`, method: 'POST', headers: { 'content-type': 'application/yaml' }, body: liaoning, connections, duration: seconds });
  clearInterval(timer);
  const serverCpu = cpuOf(serve.pid) - serverCpu0;
  const loadgen = process.cpuUsage(loadgenCpu0);
  const tenth = Math.max(1, Math.floor(samples.length / 10));
  const row = {
    connections,
    threads: threads || cpus().length,
    warmSeconds,
    requests: r.requests.total,
    rps: Math.round(r.requests.average * 10) / 10,
    p50ms: r.latency.p50,
    p99ms: r.latency.p99,
    ok: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    rssStartMiB: mib(samples.slice(0, tenth).reduce((a, b) => Math.max(a, b), 0)),
    rssEndMiB: mib(samples.slice(-tenth).reduce((a, b) => Math.max(a, b), 0)),
    serverCpuMsPerRequest: Math.round((serverCpu / r.requests.total) * 10) / 10,
    loadGeneratorCpuMsPerRequest: Math.round(((loadgen.user + loadgen.system) / 1000 / r.requests.total) * 10) / 10,
    before,
    after: machineNow(),
  };
  if (!args.includes('--skip-batch')) {
    const text = liaoning.toString();
    const copies = Array.from({ length: Math.max(100, r.requests.total) }, (_, i) => `${text}\n# copy ${i}\n`);
    row.batch = cliBatch(copies);
    row.ratio = Math.round((row.rps / row.batch.reportsPerSecond) * 100) / 100;
  }
  results.http.push(row);
  console.log(JSON.stringify(row));
}
const statuses = await (await fetch(`${base}/metrics`)).text();
results.renderOutcomes = statuses.split('\n').filter((l) => l.startsWith('gongwen_renders_total'));
serve.kill('SIGTERM');
}

if (!args.includes('--skip-queue')) {
  const text = liaoning.toString();
  const copies = Array.from({ length: jobCount }, (_, i) => `${text}\n# copy ${i}\n`);
  for (const turn of [1, 2]) {
    const queue = await queueRun(copies);
    console.log(JSON.stringify({ turn, queue }));
    const batch = cliBatch(copies);
    console.log(JSON.stringify({ turn, batch }));
    results.queue.push({ turn, queue, batch, ratio: Math.round((queue.jobsPerSecond / batch.reportsPerSecond) * 100) / 100 });
    if (!args.includes('--two-turns')) break;
  }
}

/** 1,000 jobs through `serve --queue` and two `gongwen worker` processes on a fresh redis-server. */
async function queueRun(copies) {
  const before = machineNow();
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-bench-redis-'));
  const port = await freePort();
  const { child: redis } = await start('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', ''], /Ready to accept connections/);
  const url = `redis://127.0.0.1:${port}`;
  const { child: qserve, match: qm } = await start(process.execPath, [bin, 'serve', '--port', '0', '--threads', '1', '--queue', url], /(http:\/\/127\.0\.0\.1:\d+)/);
  const qbase = qm[1];
  const workers = await Promise.all([0, 1].map(() => start(process.execPath, [bin, 'worker', '--queue', url, '--threads', '1', '--json'], /worker/)));
  const jobs = copies.map((report) => ({ report, format: 'pdf' }));
  const pids = [redis.pid, qserve.pid, ...workers.map((w) => w.child.pid)];
  const cpu0 = pids.reduce((a, pid) => a + cpuOf(pid), 0);
  const t0 = performance.now();
  const res = await fetch(`${qbase}/v1/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jobs }) });
  const ids = (await res.json()).jobs.map((j) => j.id);
  const submitted = performance.now() - t0;
  let done = 0;
  let failed = 0;
  for (;;) {
    const m = await (await fetch(`${qbase}/metrics`)).text();
    failed = Number(/gongwen_jobs\{state="failed"\} (\d+)/.exec(m)?.[1] ?? 0);
    done = Number(/gongwen_jobs\{state="completed"\} (\d+)/.exec(m)?.[1] ?? 0) + failed;
    if (done >= ids.length) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const s = (performance.now() - t0) / 1000;
  const cpu = pids.reduce((a, pid) => a + cpuOf(pid), 0) - cpu0;
  for (const w of workers) w.child.kill('SIGTERM');
  qserve.kill('SIGTERM');
  redis.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1000));
  rmSync(dir, { recursive: true, force: true });
  return { jobs: ids.length, failed, workers: 2, submitMs: Math.round(submitted), seconds: Math.round(s * 10) / 10, jobsPerSecond: Math.round((ids.length / s) * 100) / 100, cpuMsPerJob: Math.round((cpu / ids.length) * 10) / 10, before, after: machineNow() };
}

/** The same copies rendered by `gongwen render --jobs 2 --format pdf`, right after. */
function cliBatch(copies) {
  const before = machineNow();
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-bench-batch-'));
  mkdirSync(join(dir, 'in'));
  copies.forEach((c, i) => writeFileSync(join(dir, 'in', `r${String(i).padStart(4, '0')}.yaml`), c));
  const cpu0 = childrenCpu();
  const t0 = performance.now();
  try {
    execFileSync(process.execPath, [bin, 'render', join(dir, 'in'), '--out', join(dir, 'out'), '--format', 'pdf', '--jobs', '2', '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    // A report that failed is reported, not fatal: the other figures of the run still stand.
    console.error(`the CLI batch exited ${e.status}: ${String(e.stderr).slice(-2000)}`);
  }
  const s = (performance.now() - t0) / 1000;
  const cpu = childrenCpu() - cpu0;
  rmSync(dir, { recursive: true, force: true });
  return { reports: copies.length, jobs: 2, seconds: Math.round(s * 10) / 10, reportsPerSecond: Math.round((copies.length / s) * 100) / 100, cpuMsPerReport: Math.round((cpu / copies.length) * 10) / 10, before, after: machineNow() };
}

mkdirSync(join(repo, 'bench/results'), { recursive: true });
writeFileSync(join(repo, `bench/results/${args.includes('--out') ? args[args.indexOf('--out') + 1] : 'serve'}.json`), `${JSON.stringify(results, null, 2)}\n`);
