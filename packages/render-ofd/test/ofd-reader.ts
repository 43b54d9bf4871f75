import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { text, unpack } from './documents.js';
import { find, parseXml } from '@gongwen/test-kit/xml';

/*
 * ofd.js (npm, the pure-JavaScript reader: SVG per page) rendering an OFD in Debian's Chromium.
 * This ofd.js draws text with CSS fonts looked up by the Font's FamilyName (its own table maps
 * 仿宋_GB2312 to FangSong, 黑体 to SimHei, …) and ignores embedded font files, like the readers
 * that resolve fonts by name. The page therefore installs each font the OFD embeds under the
 * names the reader asks for — as a machine with those fonts installed would have them — which
 * also has Chromium's font sanitiser check every embedded subset.
 */

const require = createRequire(import.meta.url);
const readerScript = require.resolve('ofd.js/lib/ofd.umd.min.js');

/** The CSS families ofd.js asks for, per standard family name (from its FONT_FAMILY table). */
const readerFamilies: Record<string, string[]> = {
  '仿宋_GB2312': ['FangSong'],
  '黑体': ['SimHei'],
  '楷体_GB2312': ['楷体'],
  '宋体': ['SimSun'],
};

/**
 * Pixels per mm the reader draws at (ofd.js's page scale); PDF pages are rasterised to match.
 * ofd.js scales an ImageObject's CTM by a fixed 0.2642 mm per pixel (96 dpi) whatever the page
 * scale, so only at that scale does it draw pictures at their size: the comparison uses it.
 */
export const pxPerMm = 1 / 0.2642;

export interface ReaderPage {
  png: Buffer;
  /** Text lines as the reader drew them: its SVG text elements grouped by baseline, top to bottom. */
  lines: string[];
}

export async function openBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'gongwen-ofd-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Every page of `ofd` as ofd.js renders it: a screenshot at `pxPerMm` and the text it drew. */
export async function readWithOfdJs(context: BrowserContext, ofd: Uint8Array): Promise<ReaderPage[]> {
  const parts = unpack(ofd);
  const faces: string[] = [];
  for (const font of find(parseXml(text(parts.get('Doc_0/PublicRes.xml'))), 'ofd:Font')) {
    const file = find(font, 'ofd:FontFile')[0]?.text;
    if (!file) continue;
    const data = Buffer.from(parts.get(`Doc_0/Res/${file}`)!).toString('base64');
    for (const family of [font.attrs.FamilyName!, ...(readerFamilies[font.attrs.FamilyName!] ?? [])]) {
      faces.push(`@font-face{font-family:"${family}";src:url(data:font/ttf;base64,${data}) format("truetype");}`);
    }
  }
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.setViewportSize({ width: Math.ceil(210 * pxPerMm), height: Math.ceil(297 * pxPerMm) });
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${faces.join('\n')}
      body{margin:0;background:#fff} #pages>div{margin:0!important}</style></head><body><div id="pages"></div></body></html>`);
    await page.addScriptTag({ content: readFileSync(readerScript, 'utf8') });
    const count = await page.evaluate(
      async ({ b64, scale }) => {
        const bin = atob(b64);
        const bytes = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
        const reader = (window as unknown as { ofd: Record<string, (...a: unknown[]) => unknown> }).ofd;
        const divs = await new Promise<HTMLElement[]>((resolve, reject) =>
          reader.parseOfdDocument!({
            ofd: bytes.buffer,
            success(res: unknown[]) {
              reader.setPageScale!(scale);
              resolve(reader.renderOfdByScale!(res[0]) as HTMLElement[]);
            },
            fail(e: unknown) {
              reject(new Error(String(e)));
            },
          }),
        );
        const container = document.getElementById('pages')!;
        for (const d of divs) container.appendChild(d);
        await document.fonts.ready;
        return divs.length;
      },
      { b64: Buffer.from(ofd).toString('base64'), scale: pxPerMm },
    );
    if (errors.length) throw new Error(`ofd.js: ${errors.join('; ')}`);
    const failedFaces = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'error').map((f) => f.family));
    if (failedFaces.length) throw new Error(`Chromium rejected the embedded fonts ${failedFaces.join(', ')}`);
    const pages: ReaderPage[] = [];
    for (let i = 0; i < count; i++) {
      const div = page.locator('#pages > div').nth(i);
      const png = await div.screenshot();
      const lines = await div.evaluate((el) => {
        const rows: { y: number; items: { x: number; t: string }[] }[] = [];
        const origin = el.getBoundingClientRect();
        for (const t of el.querySelectorAll('text')) {
          const svg = t.ownerSVGElement!.getBoundingClientRect();
          const y = svg.top - origin.top + Number(t.getAttribute('y'));
          const x = svg.left - origin.left + Number(t.getAttribute('x'));
          const row = rows.find((r) => Math.abs(r.y - y) < 0.8);
          if (row) row.items.push({ x, t: t.textContent ?? '' });
          else rows.push({ y, items: [{ x, t: t.textContent ?? '' }] });
        }
        return rows
          .sort((a, b) => a.y - b.y)
          .map((r) => r.items.sort((a, b) => a.x - b.x).map((i) => i.t).join('').trim())
          .filter(Boolean);
      });
      pages.push({ png, lines });
    }
    return pages;
  } finally {
    await page.close();
  }
}

/**
 * Compares two page images in Chromium's canvas. Two rasterisers never agree pixel for pixel on
 * glyph edges (anti-aliasing, hinting, snapping a stroke to whole pixels), so the measure is the ink
 * of each image that has no ink within one pixel in the other: `unmatched`, as a share of all ink.
 * A line moved by a quarter of a millimetre, a missing or different glyph, a missing rule shows.
 */
export async function comparePngs(context: BrowserContext, a: Buffer, b: Buffer): Promise<{ unmatched: number; inkA: number; inkB: number; width: number; height: number }> {
  const page = await context.newPage();
  try {
    return await page.evaluate(
      async ({ a, b }) => {
        const load = async (b64: string) => {
          const img = new Image();
          img.src = `data:image/png;base64,${b64}`;
          await img.decode();
          return img;
        };
        const [ia, ib] = [await load(a), await load(b)];
        const width = Math.min(ia.naturalWidth, ib.naturalWidth);
        const height = Math.min(ia.naturalHeight, ib.naturalHeight);
        const grey = (img: HTMLImageElement) => {
          const canvas = document.createElement('canvas');
          canvas.width = width;
          canvas.height = height;
          const ctx = canvas.getContext('2d')!;
          ctx.drawImage(img, 0, 0);
          const p = ctx.getImageData(0, 0, width, height).data;
          const g = new Uint8Array(width * height);
          for (let i = 0; i < g.length; i++) g[i] = (p[i * 4]! + p[i * 4 + 1]! + p[i * 4 + 2]!) / 3;
          return g;
        };
        const [ga, gb] = [grey(ia), grey(ib)];
        // Ink is a pixel darker than mid-grey; its match is any pixel a little lighter within one pixel.
        const unmatchedIn = (x: Uint8Array, y: Uint8Array): [number, number] => {
          let ink = 0;
          let miss = 0;
          for (let r = 1; r < height - 1; r++) {
            for (let c = 1; c < width - 1; c++) {
              const i = r * width + c;
              if (x[i]! >= 128) continue;
              ink++;
              let found = false;
              for (let dr = -1; dr <= 1 && !found; dr++) for (let dc = -1; dc <= 1 && !found; dc++) found = y[i + dr * width + dc]! < 160;
              if (!found) miss++;
            }
          }
          return [ink, miss];
        };
        const [inkA, missA] = unmatchedIn(ga, gb);
        const [inkB, missB] = unmatchedIn(gb, ga);
        const n = width * height;
        return { unmatched: (missA + missB) / Math.max(1, inkA + inkB), inkA: inkA / n, inkB: inkB / n, width, height };
      },
      { a: a.toString('base64'), b: b.toString('base64') },
    );
  } finally {
    await page.close();
  }
}
