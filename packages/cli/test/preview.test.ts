// `gongwen preview`: the built workbench served with one report, in Debian's Chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, examplesDir, gongwen, tempDir } from './cli-helpers.js';

const dir = tempDir('gongwen-preview-');
const report = join(dir, 'taipingling.yaml');
copyFileSync(join(examplesDir, 'liaoning-zhuanghe-taipingling-2023.yaml'), report);

let server: ChildProcess;
let url: string;
let profile: string;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = spawn(process.execPath, [bin, 'preview', report, '--port', '0'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve(m[1]!);
    });
    server.on('exit', (code) => reject(new Error(`gongwen preview exited with ${code}: ${out}`)));
  });
  profile = mkdtempSync(join(tmpdir(), 'gongwen-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    acceptDownloads: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  server?.kill('SIGTERM');
  rmSync(profile, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

describe('gongwen preview <report.yaml>', () => {
  it('opens the file and downloads the PDF and DOCX gongwen render writes on this machine', async () => {
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.loaded !== undefined && document.body.dataset.state === 'ready', null, { timeout: 120_000 });
    expect(await page.locator('.cm-content').textContent()).toContain('太平岭满族乡2023年法治政府建设情况报告');
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.locator('#download-pdf').click()]);
    const [docx] = await Promise.all([page.waitForEvent('download'), page.locator('#download-docx').click()]);
    expect(pdf.suggestedFilename()).toBe('taipingling.pdf');
    const out = join(dir, 'out');
    expect(gongwen(['render', report, '--out', out, '--format', 'pdf,docx', '-q']).code).toBe(0);
    expect(readFileSync((await pdf.path())!).equals(readFileSync(join(out, 'taipingling.pdf')))).toBe(true);
    expect(readFileSync((await docx.path())!).equals(readFileSync(join(out, 'taipingling.docx')))).toBe(true);
  });

  it('reloads the report when it changes on disk', async () => {
    const before = await page.evaluate(() => Number(document.body.dataset.renders));
    writeFileSync(report, readFileSync(report, 'utf8').replace('title: 太平岭满族乡2023年法治政府建设情况报告', 'title: 太平岭满族乡2023年法治政府建设情况报告（外部编辑器改）'));
    await page.waitForFunction((n) => Number(document.body.dataset.renders) > n && document.body.dataset.state === 'ready', before, { timeout: 60_000 });
    expect(await page.locator('.cm-content').textContent()).toContain('（外部编辑器改）');
  });

  it('explains a missing file instead of serving nothing', () => {
    const r = gongwen(['preview', join(dir, 'nope.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('找不到报告文件');
  });
});
