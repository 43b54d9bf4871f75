import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveFonts } from '@gongwen/fonts/node';
import { render } from 'gongwen';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.js';
import { renderInPage, serveEngine } from './engine-page.js';

const examples = join(import.meta.dirname, '..', '..', '..', 'examples');
let served: Awaited<ReturnType<typeof serveEngine>>;
let chromium: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;

beforeAll(async () => {
  served = await serveEngine();
  chromium = await launchChromium();
  page = await chromium.context.newPage();
  await page.goto(served.server.url);
});
afterAll(async () => {
  await chromium?.close();
  await served?.close();
});

describe('the engine bundle in Chromium', () => {
  // What `gongwen render` picks on a machine without Chinese fonts installed: the open fonts from npm.
  const nodeFonts = () => resolveFonts({ systemDirs: [], env: {} }).fonts;

  for (const name of ['liaoning-zhuanghe-taipingling-2023', 'national-jiaokou-2021']) {
    it(`renders ${name} to the same PDF and DOCX bytes as Node`, async () => {
      const source = readFileSync(join(examples, `${name}.yaml`), 'utf8');
      const inPage = await renderInPage(page, source, ['pdf', 'docx']);
      const inNode = await render(source, { filename: 'report.yaml', formats: ['pdf', 'docx'], fonts: nodeFonts() });
      expect(inPage.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const pdf = Buffer.from(inPage.pdf!, 'base64');
      const docx = Buffer.from(inPage.docx!, 'base64');
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(50_000);
      expect(pdf.equals(Buffer.from(inNode.outputs.pdf!))).toBe(true);
      expect(docx.equals(Buffer.from(inNode.outputs.docx!))).toBe(true);
    });
  }

  it('reports a schema mistake at its line, in the same words as Node', async () => {
    const source = readFileSync(join(examples, 'liaoning-zhuanghe-taipingling-2023.yaml'), 'utf8').replace(/^year: .*$/m, 'year: 二〇二三');
    const inPage = await renderInPage(page, source, ['pdf']);
    const inNode = await render(source, { filename: 'report.yaml', formats: ['pdf'], fonts: nodeFonts() });
    expect(inPage.diagnostics.length).toBeGreaterThan(0);
    expect(inPage.diagnostics).toEqual(JSON.parse(JSON.stringify(inNode.diagnostics)));
    expect(inPage.pdf).toBeUndefined();
  });
});
