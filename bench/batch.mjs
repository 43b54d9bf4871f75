#!/usr/bin/env node
// End-to-end benchmark of the facade and the CLI (build first: `pnpm build`). Not a test.
//   node bench/batch.mjs                    warm renders, cold CLI, a batch of 200 with 1 and 2 workers
//   node bench/batch.mjs --count 1000       a bigger batch
//   node bench/batch.mjs --flat 10000       also a long batch, sampling memory as it goes
//   node bench/batch.mjs --against ../old   also the cold CLI of another (built) checkout, run
//                                           turn about with this one: this machine's speed drifts
//                                           by a fifth within minutes, a ratio does not
// Prints a table and writes bench/results/batch.json.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'packages/cli/dist/bin.js');
const { values: args } = parseArgs({ options: { count: { type: 'string', default: '200' }, flat: { type: 'string' }, against: { type: 'string' }, keep: { type: 'boolean' }, 'batch-only': { type: 'boolean' }, rounds: { type: 'string', default: '1' } } });
const count = Number(args.count);
const rounds = Number(args.rounds);
const work = mkdtempSync(join(tmpdir(), 'gongwen-bench-'));
const YAML = createRequire(join(root, 'packages/schema/package.json'))('yaml');

// ── Reports: the examples with other organs, years and lengths (2 to 20 pages) ──────────────
const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.yaml')).sort();
const townships = ['青石镇', '白河乡', '东岭街道', '石门镇', '长兴乡', '南湖镇', '北山乡', '西沟镇', '红旗乡', '新华镇'];
const ownNames = { 'guangdong': '乌塘镇', 'liaoning': '太平岭满族乡', 'national': '交口乡', 'ningxia': '李俊乡', 'shaanxi': '法镇' };
/** Deterministic pseudo-random numbers, so every run benchmarks the same reports. */
let seed = 42;
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);

function variant(i) {
  const file = examples[i % examples.length];
  const style = file.split('-')[0];
  const year = 2019 + Math.floor(rand() * 6);
  let text = readFileSync(join(root, 'examples', file), 'utf8');
  const own = ownNames[style];
  if (own) text = text.replaceAll(own, townships[Math.floor(rand() * townships.length)]);
  const data = YAML.parse(text);
  const shift = year - data.year;
  const years = (s) => s.replace(/(20\d\d)年/g, (_, y) => `${Number(y) + shift}年`);
  data.year = year;
  if (data.signature?.date) data.signature.date = data.signature.date.replace(/^\d{4}/, String(year + 1));
  if (data.printing?.date) data.printing.date = data.printing.date.replace(/^\d{4}/, String(year + 1));
  if (data.documentNumber) data.documentNumber = data.documentNumber.replace(/〔\d{4}〕/, `〔${year + 1}〕`);
  delete data.figures; // their labels name the original year's cases
  // Length: scale every part's body (the examples run 2 to 7 pages) to aim at 2–20 pages.
  const factor = 0.3 + rand() * 2.3;
  for (const part of data.parts) {
    const body = part.body;
    const n = Math.max(1, Math.round(body.length * factor));
    part.body = Array.from({ length: n }, (_, k) => body[k % body.length]);
  }
  return years(YAML.stringify(data, { lineWidth: 0 }));
}

function makeBatch(n, dir) {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) writeFileSync(join(dir, `r${String(i).padStart(5, '0')}.yaml`), variant(i));
  return dir;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => Math.round(x * 10) / 10;
const results = { machine: { cpus: (await import('node:os')).availableParallelism(), node: process.version } };

// ── Cold single-report CLI (PDF + DOCX) ──────────────────────────────────────────────────────
// First, while this process is small: spawning from a process with a large heap takes longer.
if (!args['batch-only']) {
  const one = join(work, 'one.yaml');
  writeFileSync(one, readFileSync(join(root, 'examples/liaoning-zhuanghe-taipingling-2023.yaml')));
  const sides = [['this', bin], ...(args.against ? [['against', join(args.against, 'packages/cli/dist/bin.js')]] : [])];
  const times = Object.fromEntries(sides.map(([name]) => [name, []]));
  for (let i = 0; i < 9; i++) {
    for (const [name, cli] of sides) {
      const t = performance.now();
      const r = spawnSync(process.execPath, [cli, 'render', one, '--out', join(work, `cold-${name}`), '--quiet']);
      times[name].push(performance.now() - t);
      if (r.status !== 0) throw new Error(`cold render (${name}) failed: ${r.stderr}`);
    }
  }
  results.coldCliPdfDocx = { medianMs: ms(median(times.this)), minMs: ms(Math.min(...times.this)) };
  if (args.against) results.coldCliPdfDocx.against = { dir: args.against, medianMs: ms(median(times.against)), minMs: ms(Math.min(...times.against)) };
}

// ── Warm renders in one process ──────────────────────────────────────────────────────────────
// 40 renders per format: "first" is the median of renders 2–6 (fonts and modules loaded, code not
// yet optimised by V8), "warm" the median of renders 21–40, as in a service or a batch worker.
if (!args['batch-only']) {
  const { render } = await import(join(root, 'packages/gongwen/dist/index.js'));
  const source = readFileSync(join(root, 'examples/liaoning-zhuanghe-taipingling-2023.yaml'), 'utf8');
  const warm = {};
  for (const formats of [[], ['txt'], ['pdf'], ['docx'], ['pdf', 'docx']]) {
    const label = formats.join('+') || 'compose only';
    const times = [];
    for (let i = 0; i < 40; i++) {
      const t = performance.now();
      const r = await render(source, { formats });
      times.push(performance.now() - t);
      if (r.diagnostics.some((d) => d.severity === 'error')) throw new Error(r.diagnostics[0].message);
    }
    warm[label] = { firstMs: ms(median(times.slice(1, 6))), medianMs: ms(median(times.slice(20))), minMs: ms(Math.min(...times)) };
  }
  results.warmLiaoning = warm;
}

// ── Batches ──────────────────────────────────────────────────────────────────────────────────
/** User+sys time of this process's finished children, in ms (clock ticks of 10 ms). */
function childrenCpuMs() {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10; // cutime, cstime
}

/**
 * Runs the CLI on a folder, sampling its memory (worker threads share the process). Its CPU time
 * (user+sys, all threads) over the wall time is the cores it kept busy: one worker thread keeps
 * more than one core busy, V8 compiling and collecting garbage on threads of its own.
 */
function runBatch(input, jobs, out, cli = bin) {
  return new Promise((resolve, reject) => {
    const cpu0 = childrenCpuMs();
    const t = performance.now();
    const child = spawn(process.execPath, [cli, 'render', input, '--out', out, '--jobs', String(jobs), '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const samples = [];
    let done = 0;
    let buffered = '';
    let summary;
    child.stdout.on('data', (chunk) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const l of lines) {
        const rec = JSON.parse(l);
        if (rec.summary) summary = rec.summary;
        else done++;
      }
    });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    const timer = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
        samples.push({ done, at: performance.now(), cpuMs: (Number(stat[11]) + Number(stat[12])) * 10, rssMiB: Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024, peakMiB: Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024 });
      } catch {}
    }, 100);
    child.on('exit', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - t) / 1000;
      const cpuSeconds = (childrenCpuMs() - cpu0) / 1000;
      if (!summary) return reject(new Error(`batch failed (${code}): ${stderr.slice(0, 500)}`));
      // Steady state: from a quarter of the reports done to nine tenths, without the start-up (modules,
      // fonts, styles; each worker thread has its own) and the last reports' tail.
      const from = samples.find((x) => x.done >= 0.25 * summary.rendered);
      const to = [...samples].reverse().find((x) => x.done <= 0.9 * summary.rendered);
      const steady = from && to && to.done > from.done ? { reportsPerSecond: ms(((to.done - from.done) * 1000) / (to.at - from.at)), cpuMsPerReport: ms((to.cpuMs - from.cpuMs) / (to.done - from.done)) } : undefined;
      resolve({ jobs, reports: summary.rendered, steady, failed: summary.failed, seconds: ms(seconds), reportsPerSecond: ms(summary.rendered / seconds), cpuMsPerReport: ms((1000 * cpuSeconds) / summary.rendered), coresBusy: Math.round((100 * cpuSeconds) / seconds) / 100, peakRssMiB: Math.round(Math.max(0, ...samples.map((s) => s.peakMiB))), samples });
    });
  });
}

const input = makeBatch(count, join(work, 'in'));
// 1 and 2 workers turn about, `--rounds` times (and the other checkout's CLI, with --against); the medians are kept.
const batchRuns = { 1: [], 2: [], 'against 1': [], 'against 2': [] };
const againstBin = args.against && join(args.against, 'packages/cli/dist/bin.js');
for (let round = 0; round < rounds; round++) {
  for (const jobs of round % 2 ? [2, 1] : [1, 2]) {
    const { samples, ...r } = await runBatch(input, jobs, join(work, `out-${jobs}`));
    batchRuns[jobs].push(r);
    if (againstBin) {
      const { samples: _, ...a } = await runBatch(input, jobs, join(work, `against-${jobs}`), againstBin);
      batchRuns[`against ${jobs}`].push(a);
    }
  }
}
const middle = (runs) => Object.fromEntries(Object.keys(runs[0]).map((k) => [k, typeof runs[0][k] === 'number' ? median(runs.map((r) => r[k])) : runs[0][k] && typeof runs[0][k] === 'object' ? middle(runs.map((r) => r[k])) : runs[0][k]]));
results.batch = [middle(batchRuns[1]), middle(batchRuns[2])];
if (againstBin) results.batchAgainst = [middle(batchRuns['against 1']), { ...middle(batchRuns['against 2']) }];
results.batchScaling = { rateRatio: ms(results.batch[1].reportsPerSecond / results.batch[0].reportsPerSecond), perRound: batchRuns[1].map((r, i) => ms(batchRuns[2][i].reportsPerSecond / r.reportsPerSecond)), cpuPerReportRatio: ms(results.batch[1].cpuMsPerReport / results.batch[0].cpuMsPerReport) };
const [steady1, steady2] = results.batch.map((b) => b.steady);
if (steady1 && steady2) results.batchScaling.steady = { rateRatio: ms(steady2.reportsPerSecond / steady1.reportsPerSecond), cpuPerReportRatio: ms(steady2.cpuMsPerReport / steady1.cpuMsPerReport) };
{
  const pdfs = readdirSync(join(work, 'out-2')).filter((f) => f.endsWith('.pdf'));
  const pages = pdfs.map((f) => (readFileSync(join(work, 'out-2', f), 'latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length);
  results.batchPages = { min: Math.min(...pages), median: median(pages), max: Math.max(...pages) };
}

if (args.flat) {
  const n = Number(args.flat);
  const big = makeBatch(n, join(work, 'flat-in'));
  const r = await runBatch(big, 2, join(work, 'flat-out'));
  const at = (f) => r.samples.find((s) => s.done >= n * f) ?? r.samples.at(-1);
  results.flat = { reports: r.reports, seconds: r.seconds, reportsPerSecond: r.reportsPerSecond, rssMiBAt: { '10%': Math.round(at(0.1).rssMiB), '50%': Math.round(at(0.5).rssMiB), '90%': Math.round(at(0.9).rssMiB) }, peakRssMiB: r.peakRssMiB };
}

/** The rate and CPU a report from a quarter of the batch done to nine tenths (start-up left out). */
const steadyText = (b) => (b.steady ? `; steady state ${b.steady.reportsPerSecond}/s, ${b.steady.cpuMsPerReport} ms CPU a report` : '');

// ── Report ──────────────────────────────────────────────────────────────────────────────────
const rows = [
  [`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`, '', ''],
  ...(results.warmLiaoning ? [
  ['warm Liaoning compose only', `${results.warmLiaoning['compose only'].medianMs} ms (first renders ${results.warmLiaoning['compose only'].firstMs})`, ''],
  ['warm Liaoning PDF (7 pages)', `${results.warmLiaoning.pdf.medianMs} ms (first renders ${results.warmLiaoning.pdf.firstMs})`, '< 20 ms'],
  ['warm Liaoning DOCX', `${results.warmLiaoning.docx.medianMs} ms (first renders ${results.warmLiaoning.docx.firstMs})`, '< 10 ms'],
  ...(results.coldCliPdfDocx ? [['cold CLI render one.yaml (PDF+DOCX)', `${results.coldCliPdfDocx.medianMs} ms`, '< 300 ms']] : []),
  ]: []),
  ...(results.coldCliPdfDocx?.against ? [[`  the same, ${args.against}`, `${results.coldCliPdfDocx.against.medianMs} ms (this one: ${Math.round((100 * results.coldCliPdfDocx.medianMs) / results.coldCliPdfDocx.against.medianMs)} %)`, '']] : []),
  ...results.batch.map((b) => [`batch ${b.reports} reports, ${b.jobs} worker(s)`, `${b.seconds} s, ${b.reportsPerSecond}/s, ${b.cpuMsPerReport} ms CPU a report, ${b.coresBusy} cores busy, peak ${b.peakRssMiB} MiB${steadyText(b)}`, `1000 in < 20 s, < 1 GiB`]),
  ...(results.batchAgainst ?? []).map((b) => [`  ${args.against}, ${b.jobs} worker(s)`, `${b.seconds} s, ${b.reportsPerSecond}/s, ${b.cpuMsPerReport} ms CPU a report, ${b.coresBusy} cores busy, peak ${b.peakRssMiB} MiB${steadyText(b)}`, '']),
  ['  2 workers / 1', `${results.batchScaling.rateRatio}× the rate (rounds: ${results.batchScaling.perRound.join(', ')}), ${results.batchScaling.cpuPerReportRatio}× the CPU a report${results.batchScaling.steady ? `; steady state ${results.batchScaling.steady.rateRatio}× the rate, ${results.batchScaling.steady.cpuPerReportRatio}× the CPU` : ''}`, '≥ 1.85×'],
  ['batch pages per report', `${results.batchPages.min}–${results.batchPages.max} (median ${results.batchPages.median})`, '2–20'],
  ...(results.flat ? [[`${results.flat.reports} reports, 2 workers`, `${results.flat.reportsPerSecond}/s; RSS ${Object.entries(results.flat.rssMiBAt).map(([k, v]) => `${k}: ${v}`).join(', ')} MiB`, 'flat memory']] : []),
];
const w = [0, 1].map((i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(`${r[0].padEnd(w[0])}  ${r[1].padEnd(w[1])}  ${r[2]}`);
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/batch.json'), `${JSON.stringify(results, null, 2)}\n`);
if (!args.keep) rmSync(work, { recursive: true, force: true });
else console.log(`inputs and outputs kept in ${work}`);
