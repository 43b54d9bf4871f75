#!/usr/bin/env node
// Speed of gongwen installed from its packed tarballs with plain npm (scripts/pack-install.mjs),
// against the workspace it was packed from: the same code must run at the same speed (build first).
//   node bench/packed-install.mjs                 packs and installs into a temporary folder, 10 rounds
//   node bench/packed-install.mjs --app <folder>  uses a folder pack-install.mjs made before
//   node bench/packed-install.mjs --rounds 20
//   node bench/packed-install.mjs --control       also runs the workspace a second time each round, as a
//                                                 third column: the spread of identical runs, to read the ratio against
// Each round runs both, in turn (the order swapped every round): a cold `gongwen render` of the
// Liaoning example (PDF + DOCX; wall and CPU time of the process) and, in a fresh process each,
// 30 warm `render()` calls per format (CPU time; the median of renders 11–30).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const option = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : process.argv[i + 1];
};
const rounds = Number(option('--rounds', 10));
const control = process.argv.includes('--control');
let app = option('--app');
if (!app) {
  app = mkdtempSync(join(tmpdir(), 'gongwen-packed-bench-'));
  const packed = spawnSync(process.execPath, [join(root, 'scripts', 'pack-install.mjs'), app], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (packed.status !== 0) process.exit(1);
}
const report = join(root, 'examples', 'liaoning-zhuanghe-taipingling-2023.yaml');

const installs = {
  workspace: { cli: join(root, 'packages', 'cli', 'bin', 'gongwen.js'), facade: join(root, 'packages', 'gongwen', 'dist', 'index.js') },
  packed: { cli: join(app, 'node_modules', '@gongwen', 'cli', 'bin', 'gongwen.js'), facade: join(app, 'node_modules', 'gongwen', 'dist', 'index.js') },
};
// The same workspace once more: its ratio to the first is what noise alone gives.
if (control) installs['workspace again'] = installs.workspace;

/** Wall and CPU time (ms) of one cold `gongwen render`, from the shell's `time`. */
function cold({ cli }) {
  const out = mkdtempSync(join(tmpdir(), 'gongwen-bench-out-'));
  const r = spawnSync('bash', ['-c', `TIMEFORMAT='%R %U %S'; time "${process.execPath}" "${cli}" render "${report}" --out "${out}" >/dev/null`], { encoding: 'utf8' });
  rmSync(out, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(r.stderr);
  const [wall, user, system] = r.stderr.trim().split(/\s+/).slice(-3).map(Number);
  return { wall: wall * 1000, cpu: (user + system) * 1000 };
}

const warmScript = (facade) => `
import { readFileSync } from 'node:fs';
const { render } = await import(${JSON.stringify(pathToFileURL(facade).href)});
const source = readFileSync(${JSON.stringify(report)}, 'utf8');
const out = {};
for (const format of ['pdf', 'docx']) {
  const cpu = [];
  for (let i = 0; i < 30; i++) {
    const start = process.cpuUsage();
    const result = await render(source, { filename: 'report.yaml', formats: [format] });
    if (!result.outputs?.[format]) throw new Error('no ' + format);
    const used = process.cpuUsage(start);
    cpu.push((used.user + used.system) / 1000);
  }
  out[format] = cpu.slice(10).sort((a, b) => a - b)[10];
}
console.log(JSON.stringify(out));`;

/** CPU time (ms) of a warm PDF and DOCX render, in a fresh process. */
function warm({ facade }) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', warmScript(facade)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

const samples = Object.fromEntries(Object.keys(installs).map((name) => [name, { coldWall: [], coldCpu: [], warmPdf: [], warmDocx: [] }]));
const load = [];
for (let round = 0; round < rounds; round++) {
  const names = Object.keys(installs);
  const order = round % 2 ? [...names].reverse() : names;
  for (const name of order) {
    const c = cold(installs[name]);
    const w = warm(installs[name]);
    samples[name].coldWall.push(c.wall);
    samples[name].coldCpu.push(c.cpu);
    samples[name].warmPdf.push(w.pdf);
    samples[name].warmDocx.push(w.docx);
  }
  load.push(loadavg()[0]);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = {
  coldWall: 'cold `gongwen render` (PDF + DOCX), wall',
  coldCpu: 'cold `gongwen render` (PDF + DOCX), CPU',
  warmPdf: 'warm PDF render, CPU',
  warmDocx: 'warm DOCX render, CPU',
};
console.log(`| measure (median of ${rounds}) | workspace | packed install | packed / workspace |${control ? ' workspace again / workspace |' : ''}`);
console.log(`|---|---|---|---|${control ? '---|' : ''}`);
for (const [key, label] of Object.entries(rows)) {
  const w = median(samples.workspace[key]);
  const p = median(samples.packed[key]);
  const again = control ? ` ${(median(samples['workspace again'][key]) / w).toFixed(3)} |` : '';
  console.log(`| ${label} | ${w.toFixed(1)} ms | ${p.toFixed(1)} ms | ${(p / w).toFixed(3)} |${again}`);
}
console.log(`load average (1 min) after each round: ${load.map((l) => l.toFixed(1)).join(' ')}; ${cpus().length} cores, Node ${process.version}`);
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'packed-install.json'), `${JSON.stringify({ rounds, cores: cpus().length, node: process.version, load, samples }, null, 2)}\n`);
