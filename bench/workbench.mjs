#!/usr/bin/env node
// The workbench in Debian's Chromium, served from a local server (build first: pnpm build):
//   first load — navigation to the pages of the 7-page Liaoning example drawn (engine, fonts, render);
//                cold (fresh profile: fonts fetched) and warm (fonts from IndexedDB, files from cache);
//   keystroke to new pages — one character typed into the title, to the preview's pages replaced, and
//                to the render done (pdf.js document closed, counters written), with the page's own
//                split of that render (engine in the worker, render start to done).
// With each run it records how busy the machine was: the load average and how long `node -e 0`
// takes, before and after.
// Asserts nothing; prints a table and appends the run to bench/results/workbench.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../packages/workbench/package.json', import.meta.url));
const { chromium } = require('playwright-core');
const { serveWorkbench } = await import('../packages/workbench/index.js');

/** How busy the machine is: 1-minute load average and the wall time of starting Node and doing nothing. */
function busy() {
  const started = process.hrtime.bigint();
  spawnSync(process.execPath, ['-e', '0']);
  return { load1: Number(loadavg()[0].toFixed(1)), nodeStartMs: Math.round(Number(process.hrtime.bigint() - started) / 1e6) };
}
const before = busy();
const keystrokes = Number(process.argv[process.argv.indexOf('--keys') + 1]) || 20;
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const server = await serveWorkbench();
const profile = mkdtempSync(join(tmpdir(), 'gongwen-bench-'));
const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1440, height: 900 }, args });

async function load(page) {
  const started = Date.now();
  await page.goto(server.url);
  await page.waitForFunction(() => document.body.dataset.loaded !== undefined, null, { timeout: 300_000 });
  return { wall: Date.now() - started, inPage: await page.evaluate(() => Number(document.body.dataset.loaded)) };
}

const page = await context.newPage();
await page.evaluate(() => localStorage.clear()).catch(() => {});
const cold = await load(page);
const warm = [];
for (let i = 0; i < 5; i++) warm.push(await load(page));

// Keystroke to new pages, measured inside the page from the key's input event: to the preview's
// pages replaced (all at once, once drawn), and to the render done (the page's counters written).
await page.evaluate(() => {
  const w = window;
  w.__times = [];
  w.__all = [];
  // A typed CJK character arrives as text input (no keydown): start the clock at whichever comes first.
  const start = () => (w.__t0 ??= performance.now());
  for (const type of ['keydown', 'beforeinput', 'input']) document.addEventListener(type, start, true);
  new MutationObserver(() => {
    if (w.__t0 !== undefined) w.__first ??= performance.now() - w.__t0;
  }).observe(document.getElementById('preview'), { childList: true });
  new MutationObserver(() => {
    if (w.__t0 === undefined || w.__first === undefined) return;
    w.__all.push(performance.now() - w.__t0);
    w.__times.push(w.__first);
    w.__t0 = undefined;
    w.__first = undefined;
  }).observe(document.body, { attributes: true, attributeFilter: ['data-renders'] });
});
const title = page.locator('.cm-line', { hasText: 'title: 太平岭满族乡2023年法治政府建设情况报告' }).first();
await title.click();
await page.keyboard.press('End');
const timings = [];
for (let i = 0; i < keystrokes; i++) {
  const before = await page.evaluate(() => window.__times.length);
  await page.keyboard.type(i % 2 ? '乙' : '甲');
  await page.waitForFunction((n) => window.__times.length > n, before, { timeout: 60_000 });
  await page.waitForFunction(() => document.body.dataset.state !== 'rendering', null, { timeout: 60_000 });
  // The page's own split of that render: "engine ms / render start to pages drawn ms".
  timings.push(await page.locator('#timing').textContent());
  await page.waitForTimeout(150);
}
const times = await page.evaluate(() => window.__times);
const allTimes = await page.evaluate(() => window.__all);
// "engine / total" of the render each keystroke started (the page writes it just after drawing).
const parts = timings.map((t) => (/(\d+) ms \/ (\d+) ms/.exec(t) ?? []).slice(1).map(Number));
const engineMs = parts.map((p) => p[0]).filter((n) => n !== undefined);
const toPagesMs = parts.map((p) => p[1]).filter((n) => n !== undefined);
await context.close();
rmSync(profile, { recursive: true, force: true });
await server.close();

const after = busy();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [
  ['first load, cold (fonts fetched)', `${cold.inPage} ms`, '≤ 3000 ms'],
  ['first load, warm (median of 5)', `${median(warm.map((w) => w.inPage))} ms`, '≤ 3000 ms'],
  [`keystroke to new pages (median of ${times.length})`, `${Math.round(median(times))} ms`, '≤ 300 ms'],
  ['keystroke to new pages (slowest)', `${Math.round(Math.max(...times))} ms`, ''],
  ['keystroke to render done (median)', `${Math.round(median(allTimes))} ms`, ''],
  ['  of which: engine render in the worker (median)', `${median(engineMs)} ms`, ''],
  ['  render start to done, in the page (median)', `${median(toPagesMs)} ms`, ''],
];
rows.push(['load average (1 min), before / after', `${before.load1} / ${after.load1}`, ''], ['`node -e 0`, before / after', `${before.nodeStartMs} / ${after.nodeStartMs} ms`, '']);
for (const r of rows) console.log(`${r[0].padEnd(52)} ${r[1].padStart(9)}   ${r[2]}`);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
const resultsFile = new URL('./results/workbench.json', import.meta.url);
const previous = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : [];
const run = { at: new Date().toISOString(), cores: cpus().length, node: process.version, before, after, cold, warm, keystrokeMs: times.map((t) => Math.round(t)), keystrokeMedianMs: Math.round(median(times)), renderDoneMs: allTimes.map((t) => Math.round(t)), renderDoneMedianMs: Math.round(median(allTimes)), engineMs, toPagesMs };
writeFileSync(resultsFile, JSON.stringify([...(Array.isArray(previous) ? previous : []), run], null, 2));
