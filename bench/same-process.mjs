#!/usr/bin/env node
// Two built checkouts of gongwen in one process, their renders alternating (this one, the other,
// the other, this one, …): both see the same machine from moment to moment, which separate
// processes on a busy machine do not. Not a test. Build both first.
//   node bench/same-process.mjs --against ../main                 warm DOCX, 80 renders each
//   node bench/same-process.mjs --against ../main --format pdf    warm PDF
// Every render is a new document (the Liaoning example with another township's name, as
// bench/peers.mjs makes them). Prints the medians of renders 21–N, wall and CPU (user+sys of the
// whole process: garbage one build leaves may be collected during the other's render, so a ratio
// moves by about a tenth from run to run).
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({ options: { against: { type: 'string' }, format: { type: 'string', default: 'docx' }, renders: { type: 'string', default: '80' } } });
if (!args.against) {
  process.stderr.write('usage: same-process.mjs --against DIR [--format docx|pdf|pdf,docx] [--renders N]\n');
  process.exit(2);
}
const root = new URL('..', import.meta.url).pathname;
const sides = [
  ['this', (await import(join(root, 'packages/gongwen/dist/index.js'))).render],
  [args.against, (await import(join(args.against, 'packages/gongwen/dist/index.js'))).render],
];
const source = readFileSync(join(root, 'examples/liaoning-zhuanghe-taipingling-2023.yaml'), 'utf8');
const names = [...'甲乙丙丁戊庚辛壬癸鹤鸣鹿溪枫桦椿楠柏榆杉桐槐柳梓楸梧桂檀樟荷莲菊兰蕙芷蘅芸萱葵藜薇蓉苇蒲荻菖艾蔚茗蕾'];
const variant = (i) => source.replaceAll('太平岭满族乡', `${names[i % names.length]}${names[(7 * i + 3) % names.length]}镇`);
const formats = args.format.split(',');
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const loadAtStart = loadavg()[0];
const times = sides.map(() => []);
for (let i = 0; i < Number(args.renders); i++) {
  for (const s of i % 2 ? [1, 0] : [0, 1]) {
    const c = cpuMs();
    const t = performance.now();
    const r = await sides[s][1](variant(i), { formats });
    times[s].push({ wallMs: performance.now() - t, cpuMs: cpuMs() - c });
    if (r.diagnostics.some((d) => d.severity === 'error')) throw new Error(r.diagnostics[0].message);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const late = (s, k) => median(times[s].slice(20).map((t) => t[k]));
for (const [s, [name]] of sides.entries()) console.log(`${name.padEnd(12)} ${args.format}: wall ${late(s, 'wallMs').toFixed(1)} ms, CPU ${late(s, 'cpuMs').toFixed(1)} ms`);
console.log(`this / ${args.against}: wall ${(late(0, 'wallMs') / late(1, 'wallMs')).toFixed(2)}, CPU ${(late(0, 'cpuMs') / late(1, 'cpuMs')).toFixed(2)}   (load ${loadAtStart.toFixed(1)} → ${loadavg()[0].toFixed(1)})`);
