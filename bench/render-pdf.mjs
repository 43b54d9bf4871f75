#!/usr/bin/env node
// Render time and memory of @gongwen/render-pdf for a 7-page report (build first: `pnpm build`).
//   node bench/render-pdf.mjs            cold (fresh process, 3 runs) and warm (30 renders in one process)
//   node bench/render-pdf.mjs --once     one cold render, prints JSON (used for the cold runs)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const t0 = performance.now();
const { resolveFonts } = await import('../packages/fonts/dist/index.js');
const { renderPdf } = await import('../packages/render-pdf/dist/index.js');
const tImport = performance.now();

const sentence = '镇政府坚持以习近平法治思想为指导，深入贯彻落实党中央、国务院关于法治政府建设的决策部署，严格依法履行职能，全面推进依法行政，各项工作取得明显成效。';
const paragraph = (i) => ({ kind: 'paragraph', runs: [{ text: `${i}.${sentence.repeat(3)}` }] });
/** 7 pages of text (red header, headings of three levels, 14 paragraphs, signature) and the 版记 page. */
const doc = {
  meta: { title: '关于2024年度法治政府建设情况的报告', author: '某某镇人民政府', created: '2025-01-15' },
  header: { organs: ['某某镇人民政府'], suffix: '文件', documentNumber: '某政发〔2025〕3号' },
  title: ['某某镇人民政府', '关于2024年度法治政府建设情况的报告'],
  addressee: '县委全面依法治县委员会办公室：',
  body: [
    { kind: 'heading', level: 1, marker: '一、', text: '主要举措和成效' },
    { kind: 'heading', level: 2, marker: '（一）', text: '加强组织领导' },
    ...Array.from({ length: 7 }, (_, i) => paragraph(i + 1)),
    { kind: 'heading', level: 1, marker: '二、', text: '存在的不足和原因' },
    { kind: 'heading', level: 3, marker: '1.', text: '队伍建设有待加强' },
    ...Array.from({ length: 7 }, (_, i) => paragraph(i + 8)),
  ],
  signature: { organs: ['某某镇人民政府'], date: '2025年1月15日', seals: [] },
  endMatter: { copyTo: '抄送：县司法局。', printer: '某某镇党政办公室', printDate: '2025年1月15日印发' },
};

const fonts = resolveFonts().fonts;
const tFonts = performance.now();
const first = await renderPdf(doc, fonts);
const tFirst = performance.now();
const rssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

if (process.argv.includes('--once')) {
  console.log(JSON.stringify({ importMs: tImport - t0, fontsMs: tFonts - tImport, firstRenderMs: tFirst - tFonts, totalMs: tFirst - t0, peakRssMb: rssMb(), bytes: first.pdf.length }));
  process.exit(0);
}

const cold = [];
for (let i = 0; i < 3; i++) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--once'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  cold.push(JSON.parse(r.stdout));
}
const warm = [];
for (let i = 0; i < 30; i++) {
  const t = performance.now();
  await renderPdf(doc, fonts);
  warm.push(performance.now() - t);
}
warm.sort((a, b) => a - b);
const ms = (x) => `${x.toFixed(1)} ms`;
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pages = (Buffer.from(first.pdf).toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
console.log(`render-pdf: ${pages} pages, ${doc.body.length} blocks, ${first.pdf.length} bytes`);
console.log(`cold (new process, median of 3): import ${ms(med(cold.map((c) => c.importMs)))}, fonts ${ms(med(cold.map((c) => c.fontsMs)))}, first render ${ms(med(cold.map((c) => c.firstRenderMs)))}, total ${ms(med(cold.map((c) => c.totalMs)))}, peak RSS ${med(cold.map((c) => c.peakRssMb))} MB`);
console.log(`warm (30 renders): median ${ms(warm[15])}, p10 ${ms(warm[3])}, p90 ${ms(warm[27])}; peak RSS ${rssMb()} MB`);
