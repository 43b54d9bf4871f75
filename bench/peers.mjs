#!/usr/bin/env node
// gongwen against its peers on the same report (build first: `pnpm build`). Not a test.
//   node bench/peers.mjs                      cold processes and warm renders, turn about
//   node bench/peers.mjs --rounds 11          more cold rounds (default 9) and warm processes (3)
//   node bench/peers.mjs --against ../main    also another built checkout of gongwen, turn about
// The peers: typst.ts (Typst's compiler, native code, as a Node addon) laying out the Liaoning
// example's composed text through bench/peers/report.typ with the same four fonts, and
// docxtemplater filling a ready template made from gongwen's own DOCX of it. Every render is a
// new document (another township's name in it). Each side runs in its own process
// (bench/peers/child.mjs), the sides alternating round by round; times are medians, CPU is
// user+sys of the whole process. Prints a table and writes bench/results/peers.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = new URL('..', import.meta.url).pathname;
const child = join(root, 'bench/peers/child.mjs');
const { values: args } = parseArgs({ options: { rounds: { type: 'string', default: '9' }, warm: { type: 'string', default: '3' }, renders: { type: 'string', default: '40' }, against: { type: 'string' }, only: { type: 'string' } } });
const rounds = Number(args.rounds);
const work = mkdtempSync(join(tmpdir(), 'gongwen-peers-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => Math.round(x * 10) / 10;
const loadAtStart = loadavg().map((x) => Math.round(x * 100) / 100);

/** User+sys time of this process's finished children, in ms (clock ticks of 10 ms). */
function childrenCpuMs() {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10; // cutime, cstime
}
/** Runs a command to its end; wall and CPU time. */
function timed(argv) {
  const c = childrenCpuMs();
  const t = performance.now();
  const r = spawnSync(process.execPath, argv, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wallMs = performance.now() - t;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed: ${r.stderr}`);
  return { wallMs, cpuMs: childrenCpuMs() - c, stdout: r.stdout };
}
/** Turns a list so that round r starts at another side. */
const rotate = (xs, r) => xs.map((_, i) => xs[(i + r) % xs.length]);

const checkouts = [['gongwen', root], ...(args.against ? [['against', args.against]] : [])];
{
  const r = spawnSync(process.execPath, [child, '--side', 'setup', '--work', work], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
}
const one = join(work, 'one.yaml');
const peerChild = (side) => [child, '--side', side, '--work', work, '--renders', '1'];

// ── Cold: `node` + one render, the process timed from outside ────────────────────────────────
const coldSides = [
  ['node -e 0', ['-e', '0']],
  ...checkouts.flatMap(([name, dir]) => [
    [`${name} render one.yaml (PDF+DOCX)`, [join(dir, 'packages/cli/dist/bin.js'), 'render', one, '--out', join(work, `cold-${name}`), '--quiet']],
    [`${name} render one.yaml --format pdf`, [join(dir, 'packages/cli/dist/bin.js'), 'render', one, '--format', 'pdf', '--out', join(work, `cold-${name}`), '--quiet']],
  ]),
  ['typst.ts PDF', peerChild('typst-pdf')],
  ['docxtemplater DOCX', peerChild('docxtemplater-docx')],
].filter(([name]) => !args.only || name.includes(args.only) || name === 'node -e 0');
const cold = Object.fromEntries(coldSides.map(([name]) => [name, []]));
for (let r = 0; r < rounds; r++) for (const [name, argv] of rotate(coldSides, r)) cold[name].push(timed(argv));

// ── Warm: one process per side, 40 new documents; the median of renders 21–40 ────────────────
const warmSides = [
  ...checkouts.flatMap(([name, dir]) => [
    [`${name} PDF`, [child, '--side', 'gongwen-pdf', '--root', dir]],
    [`${name} DOCX`, [child, '--side', 'gongwen-docx', '--root', dir]],
  ]),
  ['typst.ts PDF', [child, '--side', 'typst-pdf']],
  ['docxtemplater DOCX', [child, '--side', 'docxtemplater-docx']],
].filter(([name]) => !args.only || name.includes(args.only));
const warm = Object.fromEntries(warmSides.map(([name]) => [name, []]));
for (let r = 0; r < Number(args.warm); r++) {
  for (const [name, argv] of rotate(warmSides, r)) {
    const out = JSON.parse(timed([...argv, '--work', work, '--renders', args.renders]).stdout);
    const late = out.times.slice(20);
    warm[name].push({ wallMs: median(late.map((t) => t.wallMs)), cpuMs: median(late.map((t) => t.cpuMs)), firstMs: out.times[0].wallMs, maxRssMiB: out.maxRssMiB });
  }
}

// ── Report ───────────────────────────────────────────────────────────────────────────────────
const summary = (runs) => ({ wallMs: ms(median(runs.map((x) => x.wallMs))), cpuMs: ms(median(runs.map((x) => x.cpuMs))), minWallMs: ms(Math.min(...runs.map((x) => x.wallMs))), runs: runs.length });
const results = {
  date: new Date().toISOString(),
  machine: { cpus: availableParallelism(), node: process.version, loadAverage: { start: loadAtStart, end: loadavg().map((x) => Math.round(x * 100) / 100) } },
  cold: Object.fromEntries(Object.entries(cold).map(([k, v]) => [k, summary(v)])),
  warm: Object.fromEntries(Object.entries(warm).map(([k, v]) => [k, { ...summary(v), maxRssMiB: Math.max(...v.map((x) => x.maxRssMiB)) }])),
};
const ratio = (a, b) => (a && b ? `${(a.wallMs / b.wallMs).toFixed(2)} (CPU ${(a.cpuMs / b.cpuMs).toFixed(2)})` : '');
const rows = [['measure', 'wall ms (CPU ms)', 'ratio to the peer']];
const line = (label, x, peer) => x && rows.push([label, `${x.wallMs} (${x.cpuMs})`, peer ? ratio(x, peer) : '']);
const c = results.cold;
const w = results.warm;
line('cold node -e 0', c['node -e 0']);
line('cold typst.ts PDF (node + one compile)', c['typst.ts PDF']);
line('cold docxtemplater DOCX (node + one fill)', c['docxtemplater DOCX']);
for (const [name] of checkouts) {
  line(`cold ${name} PDF+DOCX / typst.ts PDF`, c[`${name} render one.yaml (PDF+DOCX)`], c['typst.ts PDF']);
  line(`cold ${name} PDF / typst.ts PDF`, c[`${name} render one.yaml --format pdf`], c['typst.ts PDF']);
}
line('warm typst.ts PDF', w['typst.ts PDF']);
line('warm docxtemplater DOCX', w['docxtemplater DOCX']);
for (const [name] of checkouts) {
  line(`warm ${name} PDF / typst.ts`, w[`${name} PDF`], w['typst.ts PDF']);
  line(`warm ${name} DOCX / docxtemplater`, w[`${name} DOCX`], w['docxtemplater DOCX']);
}
if (args.against) {
  line('cold PDF+DOCX, this / against', c['gongwen render one.yaml (PDF+DOCX)'], c['against render one.yaml (PDF+DOCX)']);
  line('cold PDF, this / against', c['gongwen render one.yaml --format pdf'], c['against render one.yaml --format pdf']);
  line('warm PDF, this / against', w['gongwen PDF'], w['against PDF']);
  line('warm DOCX, this / against', w['gongwen DOCX'], w['against DOCX']);
}
const width = [0, 1].map((i) => Math.max(...rows.map((r) => r[i].length)));
console.log(`${results.date}  ${results.machine.cpus} cores  Node ${process.version}  load ${loadAtStart.join(' ')} → ${results.machine.loadAverage.end.join(' ')}  (${rounds} cold rounds, ${args.warm} warm processes of ${args.renders} renders)`);
for (const r of rows) console.log(`${r[0].padEnd(width[0])}  ${r[1].padEnd(width[1])}  ${r[2]}`);
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/peers.json'), `${JSON.stringify(results, null, 2)}\n`);
rmSync(work, { recursive: true, force: true });
