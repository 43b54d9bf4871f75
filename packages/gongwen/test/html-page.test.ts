/**
 * The web page in a real browser: Debian's Chromium, driven by playwright-core, opens each
 * example's HTML at a phone's width. Its visible text is the PDF's text (read back with
 * pdftotext), nothing spills sideways, the signature stands right; a screenshot of each page is
 * kept in test-output/ and attached to the test.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTables, measurePdf } from '@gongwen/conformance';
import { render } from 'gongwen';

const examplesDir = fileURLToPath(new URL('../../../examples/', import.meta.url));
const outDir = fileURLToPath(new URL('../test-output/', import.meta.url));
const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const executablePath = '/usr/bin/chromium';
const haveChromium = existsSync(executablePath);
const havePdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (process.env.CI === 'true' && (!haveChromium || !havePdftotext)) throw new Error('CI needs Debian chromium and poppler-utils for the web-page test');

let context: BrowserContext;
let profile: string;

beforeAll(async () => {
  if (!haveChromium) return;
  profile = mkdtempSync(join(tmpdir(), 'gongwen-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    // A phone: 390 CSS pixels wide.
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    offline: true,
  });
});

afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Text without whitespace and without the PDF's page numbers (— 1 —), which a web page has not. */
const plain = (text: string) => text.replace(/—\s*\d+\s*—/g, '').replace(/\s+/g, '');

/**
 * The PDF's text as the page has it: a table's header rows, which the PDF repeats on every page
 * the table runs onto (found by the GB/T 9704 checker), once.
 */
async function pdfTextOnce(pdf: Uint8Array, text: string): Promise<string> {
  let out = plain(text);
  let from = 0;
  for (const line of findTables(await measurePdf(pdf)).flatMap((t) => t.repeatedHeader)) {
    const header = plain(line.text);
    const first = out.indexOf(header);
    const again = out.indexOf(header, Math.max(first + header.length, from));
    expect(again, `the repeated header ${header}`).toBeGreaterThan(first);
    out = out.slice(0, again) + out.slice(again + header.length);
    from = again;
  }
  return out;
}

describe.skipIf(!haveChromium || !havePdftotext).each(examples)('%s', (file) => {
  it('opens in Chromium on a phone with the PDF’s text, no sideways scrolling, the signature right', async ({ annotate }) => {
    const source = readFileSync(join(examplesDir, file), 'utf8');
    const { outputs, diagnostics } = await render(source, { filename: file, formats: ['pdf', 'html'] });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const work = mkdtempSync(join(tmpdir(), 'gongwen-html-'));
    let pdfText: string;
    try {
      writeFileSync(join(work, 'r.pdf'), outputs.pdf!);
      pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', join(work, 'r.pdf'), '-'], { encoding: 'utf8' });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    const page = await context.newPage();
    try {
      await page.setContent(outputs.html!, { waitUntil: 'load' });
      const seen = await page.evaluate(() => {
        const signature = document.querySelector('.signature p');
        return {
          text: document.body.innerText,
          lang: document.documentElement.lang,
          h1: document.querySelector('h1')?.textContent ?? '',
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          signatureAlign: signature ? getComputedStyle(signature).textAlign : 'none',
          bodyPx: parseFloat(getComputedStyle(document.querySelector('main p') ?? document.body).fontSize),
        };
      });
      expect(seen.lang).toBe('zh-CN');
      expect(plain(seen.text)).toBe(await pdfTextOnce(outputs.pdf!, pdfText));
      expect(seen.overflow).toBeLessThanOrEqual(0);
      expect(seen.signatureAlign).toBe('right');
      expect(seen.bodyPx).toBeGreaterThanOrEqual(16);
      mkdirSync(outDir, { recursive: true });
      const shot = join(outDir, `${file.replace(/\.yaml$/, '')}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      await annotate(`screenshot of the page at 390 px: ${shot}`, { path: shot, contentType: 'image/png' });
    } finally {
      await page.close();
    }
  });
});
