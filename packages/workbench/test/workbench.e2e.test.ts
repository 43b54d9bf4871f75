// The workbench end to end in Debian's Chromium: the built page served from a local server, used
// as an author and a template maintainer use it. Screenshots of each step go to artifacts/.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveFonts } from '@gongwen/fonts/node';
import { render } from 'gongwen';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWorkbench, workbenchDir, type WorkbenchServer } from '../index.js';
import { launchChromium } from './chromium.js';

const root = join(import.meta.dirname, '..');
const artifacts = join(root, 'artifacts');
const examples = join(root, '..', '..', 'examples');
const liaoning = readFileSync(join(examples, 'liaoning-zhuanghe-taipingling-2023.yaml'), 'utf8');

let server: WorkbenchServer;
let chromium: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;

const shot = (name: string) => page.screenshot({ path: join(artifacts, `${name}.png`) });
const renders = () => page.evaluate(() => Number(document.body.dataset.renders ?? 0));
/** Waits until the page has rendered again after `before` renders, and the state settled. */
const rendered = (before: number) =>
  page.waitForFunction((n) => Number(document.body.dataset.renders ?? 0) > n && document.body.dataset.state !== 'rendering', before, { timeout: 60_000 });
/**
 * A picture of page 1 once the preview is still: a render that a keystroke set off after the one
 * awaited replaces the canvases, so a picture taken meanwhile is taken again of the new ones.
 */
async function firstPageShot(): Promise<Buffer> {
  for (let attempt = 1; ; attempt++) {
    await page.waitForFunction(() => document.body.dataset.state !== 'rendering', undefined, { timeout: 60_000 });
    try {
      return await page.locator('#preview canvas.page').first().screenshot();
    } catch (e) {
      if (attempt >= 5 || !String(e).includes('not attached')) throw e;
    }
  }
}
const editorText = () => page.evaluate(() => (document.querySelector('.cm-content') as HTMLElement & { cmView?: unknown }).innerText);
const nodeFonts = () => resolveFonts({ systemDirs: [], env: {} }).fonts;

/** Puts the cursor at the end of the editor line that reads exactly `text`. */
async function gotoLine(text: string) {
  const line = page.locator('.cm-line', { hasText: text }).first();
  await line.scrollIntoViewIfNeeded();
  await line.click();
  await page.keyboard.press('End');
}

beforeAll(async () => {
  if (!existsSync(join(workbenchDir, 'index.html'))) throw new Error('build the workbench first (pnpm --filter @gongwen/workbench build)');
  mkdirSync(artifacts, { recursive: true });
  server = await serveWorkbench();
  chromium = await launchChromium();
  page = await chromium.context.newPage();
});
afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

describe('the workbench in Chromium', () => {
  it('loads with the Liaoning example, its 7 pages and the GB/T 9704 check', async () => {
    await page.goto(server.url);
    await page.waitForFunction(() => document.body.dataset.loaded !== undefined, null, { timeout: 120_000 });
    expect(await page.locator('#preview canvas.page').count()).toBe(7);
    await page.waitForFunction(() => document.body.dataset.conformant !== undefined, null, { timeout: 60_000 });
    expect(await page.locator('#rules li.fail').count()).toBe(0);
    expect(await page.locator('#rules li.pass').count()).toBeGreaterThan(10);
    await page.locator('#conformance summary').click();
    await shot('1-loaded');
  });

  it('shows a mistake as a squiggle on its line with the message the CLI gives, and the fix updates the pages', async () => {
    const firstPage = await firstPageShot();
    let before = await renders();
    await gotoLine('year: 2023');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('二〇二三');
    await rendered(before);
    const squiggle = page.locator('.cm-lintRange-error').first();
    await expect.poll(() => squiggle.count()).toBeGreaterThan(0);
    // The squiggle sits on line 11, the year line.
    const squiggleLine = await squiggle.evaluate((el) => el.closest('.cm-line')?.textContent);
    expect(squiggleLine).toBe('year: 二〇二三');
    const source = await page.evaluate(() => localStorage.getItem('gongwen.source'));
    const expected = await render(source!, { filename: 'report.yaml', formats: [], fonts: nodeFonts() });
    const first = expected.diagnostics.find((d) => d.severity === 'error')!;
    expect(first.line).toBe(11);
    await squiggle.hover();
    const tooltip = page.locator('.cm-tooltip-lint');
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toContain(first.message);
    expect(await page.locator('#problems li.error').first().textContent()).toContain(`report.yaml:11:${first.column}`);
    expect(await page.evaluate(() => document.body.dataset.state)).toBe('errors');
    await shot('2-mistake');

    before = await renders();
    await gotoLine('year: 二〇二三');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('2023');
    await gotoLine('title: 太平岭满族乡2023年法治政府建设情况报告');
    await page.keyboard.type('（修订稿）');
    await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 60_000 });
    await rendered(before);
    expect(await page.locator('.cm-lintRange-error').count()).toBe(0);
    const updated = await firstPageShot();
    expect(updated.equals(firstPage)).toBe(false);
    await shot('3-fixed');
  });

  it('downloads the PDF and DOCX with the same bytes gongwen renders in Node from the same text and fonts', async () => {
    const source = await page.evaluate(() => localStorage.getItem('gongwen.source'));
    expect(source).toContain('（修订稿）');
    const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#download-pdf').click()]);
    const [docxDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#download-docx').click()]);
    const pdf = readFileSync((await pdfDownload.path())!);
    const docx = readFileSync((await docxDownload.path())!);
    writeFileSync(join(artifacts, pdfDownload.suggestedFilename()), pdf);
    writeFileSync(join(artifacts, docxDownload.suggestedFilename()), docx);
    const inNode = await render(source!, { filename: 'report.yaml', formats: ['pdf', 'docx'], fonts: nodeFonts() });
    expect(pdfDownload.suggestedFilename()).toBe('report.pdf');
    expect(pdf.equals(Buffer.from(inNode.outputs.pdf!))).toBe(true);
    expect(docx.equals(Buffer.from(inNode.outputs.docx!))).toBe(true);
  });

  it('switching style changes the headings as the style says', async () => {
    // The report without its own part headings, so each style's wording shows.
    const plain = liaoning.replace(/^ {4}heading: .*\n/gm, '');
    const file = join(artifacts, 'plain-headings.yaml');
    writeFileSync(file, plain);
    let before = await renders();
    await page.locator('#yaml-file').setInputFiles(file);
    await rendered(before);
    for (const style of ['guangdong', 'national']) {
      before = await renders();
      await page.locator('#style').selectOption(style);
      await rendered(before);
      const shown = JSON.parse((await page.evaluate(() => document.body.dataset.headings))!) as string[];
      const inNode = await render(plain, { filename: 'plain-headings.yaml', style, formats: [] });
      const expected = inNode.document!.body.flatMap((b) => (b.kind === 'heading' && b.level <= 2 ? [b.marker + b.text] : []));
      expect(shown).toEqual(expected);
      await shot(`4-style-${style}`);
    }
    const guangdong = await render(plain, { style: 'guangdong', formats: [] });
    const national = await render(plain, { style: 'national', formats: [] });
    const level1 = (r: typeof national) => r.document!.body.filter((b) => b.kind === 'heading' && b.level === 1).map((b) => (b.kind === 'heading' ? b.text : ''));
    expect(level1(guangdong)).not.toEqual(level1(national));
    expect(level1(guangdong)).toContain('工作成效及措施');
  });

  it('in maintainer mode, editing a template re-renders all five examples as thumbnails', async () => {
    await page.locator('#maintainer').check();
    await page.waitForFunction(() => Number(document.body.dataset.thumbnails ?? 0) >= 1, null, { timeout: 120_000 });
    expect(await page.locator('#thumbnails figure.thumb').count()).toBe(5);
    const thumbsBefore = await page.locator('#thumbnails').screenshot();
    const shownBefore = await page.locator('#thumbnails figure.thumb').first().getAttribute('data-headings');
    await shot('5-maintainer');
    await page.locator('#tabs button[data-tab="document.hbs"]').click();
    let thumbs = await page.evaluate(() => Number(document.body.dataset.thumbnails ?? 0));
    await gotoLine('<h level="1" marker="{{marker}}">{{heading}}</h>');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('（维护者改）');
    await page.waitForFunction((n) => Number(document.body.dataset.thumbnails ?? 0) > n, thumbs, { timeout: 120_000 });
    // Each keystroke re-renders; the thumbnails settle on the whole edit.
    const cards = () => page.locator('#thumbnails figure.thumb').evaluateAll((els) => els.map((el) => JSON.parse((el as HTMLElement).dataset.headings ?? '[]') as string[]));
    // An example that lacks a part this style requires shows why instead of pages.
    const failed = await page.locator('#thumbnails figure.thumb').evaluateAll((els) => els.map((el) => el.classList.contains('failed')));
    const marked = async () => (await cards()).map((hs) => hs.some((h) => h.endsWith('（维护者改）')));
    await expect.poll(marked, { timeout: 120_000 }).toEqual(failed.map((f) => !f));
    expect(failed.filter((f) => !f).length).toBeGreaterThanOrEqual(4);
    expect(await page.locator('#thumbnails figure.thumb.failed figcaption').allTextContents()).toEqual(failed.filter(Boolean).map(() => expect.stringContaining('✗')));
    expect(await page.locator('#thumbnails figure.thumb').first().getAttribute('data-headings')).not.toBe(shownBefore);
    expect((await page.locator('#thumbnails').screenshot()).equals(thumbsBefore)).toBe(false);
    await shot('6-template-edited');

    // A template mistake is shown in the template, on its line.
    const before = await renders();
    await gotoLine('{{#each closing}}');
    await page.keyboard.press('Enter');
    await page.keyboard.type('{{nosuchhelper closing}}');
    await rendered(before);
    const squiggle = page.locator('.template-editor .cm-lintRange-error').first();
    await expect.poll(() => squiggle.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await squiggle.evaluate((el) => el.closest('.cm-line')?.textContent)).toContain('nosuchhelper');
    expect(await page.locator('#problems li.error').first().textContent()).toMatch(/^document\.hbs:\d+:/);
    await shot('7-template-error');
  });
});
