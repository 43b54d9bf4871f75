/**
 * The library entry in a browser: bundled for the browser platform (a Node built-in would fail
 * the bundle) and run in Debian's Chromium, it imports a seed's text and a DOCX gongwen rendered
 * to the same data as in Node.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { renderDocx } from '@gongwen/render-docx';
import { describe, expect, it } from 'vitest';
import { importReport } from '../src/index.js';
import { compose, example, repoRoot, seedsDir } from './helpers.js';

const executablePath = '/usr/bin/chromium';
if (process.env.CI === 'true' && !existsSync(executablePath)) throw new Error('CI needs Debian chromium for the browser test');

describe.skipIf(!existsSync(executablePath))('importReport in Chromium', () => {
  it('bundles for the browser and imports text and DOCX bytes as Node does', async () => {
    const bundle = await build({
      entryPoints: [join(repoRoot, 'packages/import/src/index.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      globalName: 'gongwenImport',
      platform: 'browser',
      conditions: ['@gongwen/source'],
      logLevel: 'silent',
    });
    const code = bundle.outputFiles[0]!.text;
    expect(code).not.toMatch(/require\(["']node:/);

    const seed = readFileSync(join(seedsDir, '002_06cb966835ece50d.txt'), 'utf8');
    const { docx } = await renderDocx(compose(example('liaoning-zhuanghe-taipingling-2023.yaml')));
    const profile = mkdtempSync(join(tmpdir(), 'gongwen-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      offline: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.setContent('<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>import</title></head><body></body></html>');
      await page.addScriptTag({ content: code });
      const inBrowser = await page.evaluate(
        ({ seed, docx }) => {
          const lib = (globalThis as unknown as { gongwenImport: typeof import('../src/index.js') }).gongwenImport;
          const text = lib.importReport(seed, { filename: 'seed.txt' });
          const word = lib.importReport(new Uint8Array(docx), { filename: 'report.docx' });
          return { text: { yaml: text.yaml, errors: text.diagnostics.filter((d) => d.severity === 'error') }, word: { yaml: word.yaml, errors: word.diagnostics.filter((d) => d.severity === 'error') } };
        },
        { seed, docx: [...docx] },
      );
      expect(errors).toEqual([]);
      expect(inBrowser.text.errors).toEqual([]);
      expect(inBrowser.word.errors).toEqual([]);
      expect(inBrowser.text.yaml).toBe(importReport(seed, { filename: 'seed.txt' }).yaml);
      expect(inBrowser.word.yaml).toBe(importReport(docx, { filename: 'report.docx' }).yaml);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
