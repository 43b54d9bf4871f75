import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { bundledFontFiles } from '../scripts/bundled-fonts.mjs';
import { bundleEngine } from '../scripts/engine-bundle.mjs';
import { serveWorkbench, type WorkbenchServer } from '../index.js';

/** A folder served over HTTP with the engine bundle, the open fonts and an empty page. */
export async function serveEngine(): Promise<{ server: WorkbenchServer; close(): Promise<void> }> {
  const root = mkdtempSync(join(tmpdir(), 'gongwen-engine-'));
  await bundleEngine({ outdir: join(root, 'engine') });
  mkdirSync(join(root, 'fonts'));
  const { chains, paths } = bundledFontFiles();
  for (const p of paths) copyFileSync(p, join(root, 'fonts', basename(p)));
  writeFileSync(join(root, 'fonts', 'manifest.json'), JSON.stringify({ chains }));
  writeFileSync(join(root, 'index.html'), '<!doctype html><meta charset="utf-8"><title>engine</title>');
  const server = await serveWorkbench({ root });
  return {
    server,
    async close() {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export interface PageRender {
  pdf?: string;
  docx?: string;
  diagnostics: { severity: string; ruleId: string; message: string; line?: number }[];
}

/** Renders a report in the page through the engine worker, with the served fonts; outputs as base64. */
export async function renderInPage(page: Page, source: string, formats: string[]): Promise<PageRender> {
  return page.evaluate(
    async ({ source, formats }) => {
      const w = window as unknown as { engine?: Worker };
      let next = 1;
      const ask = (engine: Worker, message: Record<string, unknown>, transfer: Transferable[] = []) =>
        new Promise<any>((resolve, reject) => {
          const id = next++;
          const on = (e: MessageEvent) => {
            if (e.data.id !== id) return;
            engine.removeEventListener('message', on);
            if (e.data.error) reject(new Error(e.data.error));
            else resolve(e.data);
          };
          engine.addEventListener('message', on);
          engine.postMessage({ ...message, id }, transfer);
        });
      if (!w.engine) {
        w.engine = new Worker('/engine/engine.js', { type: 'module' });
        const { chains } = await (await fetch('/fonts/manifest.json')).json();
        const names = [...new Set(Object.values(chains as Record<string, string[]>).flat())];
        const files: Record<string, Uint8Array> = {};
        for (const n of names) files[n] = new Uint8Array(await (await fetch(`/fonts/${n}`)).arrayBuffer());
        await ask(w.engine, { type: 'fonts', fonts: { chains, files } });
      }
      const reply = await ask(w.engine, { type: 'render', source, filename: 'report.yaml', formats, lang: 'zh' });
      const b64 = (bytes?: Uint8Array) => {
        if (!bytes) return undefined;
        let s = '';
        for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return btoa(s);
      };
      return { pdf: b64(reply.pdf), docx: b64(reply.docx), diagnostics: reply.diagnostics };
    },
    { source, formats },
  );
}
