// The workbench's files and editor help end to end in Debian's Chromium: schema completion and
// hover, a lint quick fix, the HTML and OFD downloads, importing a dropped DOCX and a picked .txt,
// and working offline once loaded. Screenshots of each step go to artifacts/.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { resolveFonts } from '@gongwen/fonts/node';
import type { Diagnostic } from '@gongwen/diagnostics';
import { render } from 'gongwen';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWorkbench, workbenchDir, type WorkbenchServer } from '../index.js';
import { launchChromium } from './chromium.js';

const root = join(import.meta.dirname, '..');
const artifacts = join(root, 'artifacts');
const examples = join(root, '..', '..', 'examples');
const cli = join(root, '..', 'cli', 'bin', 'gongwen.js');
const schema = JSON.parse(readFileSync(join(root, '..', 'schema', 'report.schema.json'), 'utf8')) as { properties: Record<string, { description?: string }> };

let server: WorkbenchServer;
let chromium: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
const work = mkdtempSync(join(tmpdir(), 'gongwen-workbench-files-'));

const shot = (name: string) => page.screenshot({ path: join(artifacts, `${name}.png`) });
const renders = () => page.evaluate(() => Number(document.body.dataset.renders ?? 0));
const rendered = (before: number) =>
  page.waitForFunction((n) => Number(document.body.dataset.renders ?? 0) > n && document.body.dataset.state !== 'rendering', before, { timeout: 60_000 });
const source = async () => (await page.evaluate(() => localStorage.getItem('gongwen.source')))!;
/** Pages of one of our PDFs (pdfkit writes each page object plainly, not in object streams). */
const pageCount = (pdf: Uint8Array) => Buffer.from(pdf).toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
/**
 * What `gongwen import` writes for this file, with the `$schema` line the page writes (the CLI
 * points it at the schema file on this machine), and the import's findings about the file itself.
 */
function cliImport(file: string): { yaml: string; diagnostics: Diagnostic[] } {
  const out = mkdtempSync(join(work, 'import-'));
  // Run beside the file, so the file is named as the page names a dropped one: by its name.
  const run = spawnSync(process.execPath, [cli, 'import', basename(file), '--out', out, '--format', 'json'], { encoding: 'utf8', cwd: dirname(file) });
  const record = (JSON.parse(run.stdout) as { files: { output: string; diagnostics: Diagnostic[] }[] }).files[0]!;
  const yaml = readFileSync(join(dirname(file), record.output), 'utf8').replace(/^# yaml-language-server: \$schema=.*$/m, '# yaml-language-server: $schema=https://gongwen.dev/schema/report.schema.json');
  return { yaml, diagnostics: record.diagnostics.filter((d) => d.file === basename(file)) };
}
const nodeFonts = () => resolveFonts({ systemDirs: [], env: {} }).fonts;

async function gotoLine(text: string) {
  const line = page.locator('.cm-line', { hasText: text }).first();
  await line.scrollIntoViewIfNeeded();
  await line.click();
  await page.keyboard.press('End');
}

async function loaded() {
  await page.waitForFunction(() => document.body.dataset.loaded !== undefined, null, { timeout: 120_000 });
}

/** Drops a file on the page as a user dragging it from the desktop does. */
async function dropFile(name: string, bytes: Uint8Array) {
  const dataTransfer = await page.evaluateHandle(
    ({ name, base64 }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([data], name));
      return dt;
    },
    { name, base64: Buffer.from(bytes).toString('base64') },
  );
  await page.dispatchEvent('#editor', 'dragover', { dataTransfer });
  await page.dispatchEvent('#editor', 'drop', { dataTransfer });
}

beforeAll(async () => {
  if (!existsSync(join(workbenchDir, 'index.html'))) throw new Error('build the workbench first (pnpm --filter @gongwen/workbench build)');
  mkdirSync(artifacts, { recursive: true });
  server = await serveWorkbench();
  chromium = await launchChromium();
  page = await chromium.context.newPage();
  await page.goto(server.url);
  await loaded();
});
afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

describe('the workbench’s files and editor help in Chromium', () => {
  it('completes keys from the report schema and shows a key’s description on hover', async () => {
    await gotoLine('title: 太平岭满族乡2023年法治政府建设情况报告');
    await page.keyboard.press('Enter');
    await page.keyboard.type('addr');
    const completion = page.locator('.cm-tooltip-autocomplete');
    await completion.waitFor({ timeout: 30_000 });
    const labels = await completion.locator('li').allTextContents();
    expect(labels.some((l) => l.startsWith('addressee'))).toBe(true);
    await shot('f1-completion');
    await page.keyboard.press('Enter');
    expect(await page.locator('.cm-activeLine').textContent()).toBe('addressee: ');
    // Back to the example as it was (undo the completion and the typing).
    const original = readFileSync(join(examples, 'liaoning-zhuanghe-taipingling-2023.yaml'), 'utf8');
    for (let i = 0; i < 10 && (await source()) !== original; i++) await page.keyboard.press('Control+z');
    expect(await source()).toBe(original);

    const key = page.locator('.cm-line', { hasText: /^year: 2023$/ }).first();
    const box = (await key.boundingBox())!;
    await page.mouse.move(box.x + 12, box.y + box.height / 2);
    const hover = page.locator('.schema-hover');
    await hover.waitFor({ timeout: 30_000 });
    expect(await hover.textContent()).toBe(`year：${schema.properties.year!.description}`);
    await shot('f2-hover');
    await page.mouse.move(0, 0);
  });

  it('a lint quick fix changes the text as `gongwen lint --fix` does', async () => {
    let before = await renders();
    await gotoLine('title: 太平岭满族乡2023年法治政府建设情况报告');
    await page.keyboard.type('(修订稿)');
    await rendered(before);
    const slip = await source();
    const squiggle = page.locator('.cm-line', { hasText: '(修订稿)' }).locator('.cm-lintRange-warning').first();
    await expect.poll(() => squiggle.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await squiggle.hover();
    const action = page.locator('.cm-tooltip-lint .cm-diagnosticAction', { hasText: '修正' }).first();
    await action.waitFor({ timeout: 30_000 });
    await shot('f3-quick-fix');
    before = await renders();
    await action.click();
    await rendered(before);

    const file = join(work, 'report.yaml');
    writeFileSync(file, slip);
    spawnSync(process.execPath, [cli, 'lint', '--fix', file], { encoding: 'utf8' });
    const fixedByCli = readFileSync(file, 'utf8');
    expect(fixedByCli).not.toBe(slip);
    expect(await source()).toBe(fixedByCli);
    expect(await page.locator('.cm-line', { hasText: '（修订稿）' }).locator('.cm-lintRange-warning').count()).toBe(0);
    await shot('f4-fixed');
  });

  it('downloads HTML byte-identical to `gongwen render --format html`, and OFD identical to Node’s render', async () => {
    const text = await source();
    const [htmlDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#download-html').click()]);
    const [ofdDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#download-ofd').click()]);
    expect(htmlDownload.suggestedFilename()).toBe('report.html');
    expect(ofdDownload.suggestedFilename()).toBe('report.ofd');
    const html = readFileSync((await htmlDownload.path())!);
    const ofd = readFileSync((await ofdDownload.path())!);
    writeFileSync(join(artifacts, 'report.html'), html);
    writeFileSync(join(artifacts, 'report.ofd'), ofd);

    const file = join(work, 'report.yaml');
    writeFileSync(file, text);
    const out = join(work, 'out');
    execFileSync(process.execPath, [cli, 'render', file, '--format', 'html', '--out', out, '--quiet']);
    expect(html.equals(readFileSync(join(out, 'report.html')))).toBe(true);
    expect(html.toString('utf8')).toContain('太平岭满族乡2023年法治政府建设情况报告（修订稿）');
    // The OFD is laid out with the fonts the page was served; Node renders with the same files.
    const inNode = await render(text, { filename: 'report.yaml', formats: ['ofd'], fonts: nodeFonts() });
    expect(ofd.equals(Buffer.from(inNode.outputs.ofd!))).toBe(true);
  });

  it('imports a dropped DOCX: the YAML gongwen import makes of it, and its pages', async () => {
    const example = 'shaanxi-nanzheng-fazhen-2022';
    const made = await render(readFileSync(join(examples, `${example}.yaml`), 'utf8'), { filename: `${example}.yaml`, formats: ['docx', 'pdf'], fonts: nodeFonts() });
    const docx = made.outputs.docx!;
    const docxFile = join(work, `${example}.docx`);
    writeFileSync(docxFile, docx);
    writeFileSync(join(artifacts, `${example}.docx`), docx);
    const expected = cliImport(docxFile);
    expect(expected.diagnostics).toEqual([]);
    expect(expected.yaml).toContain('style: shaanxi');

    const before = await renders();
    await dropFile(`${example}.docx`, docx);
    await rendered(before);
    expect(await source()).toBe(expected.yaml);
    expect(await page.locator('.cm-content').textContent()).toContain('法镇');
    expect(await page.locator('#import-notes strong').textContent()).toBe(`导入自 ${example}.docx：没有需要说明的`);
    await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 60_000 });
    // The imported data renders as many pages as the original in the same style.
    const pages = Number(await page.evaluate(() => document.body.dataset.pages));
    const back = await render(expected.yaml, { filename: `${example}.yaml`, formats: ['pdf'], fonts: nodeFonts() });
    expect(pages).toBe(pageCount(back.outputs.pdf!));
    expect(pages).toBe(pageCount(made.outputs.pdf!));
    expect(await page.locator('#preview canvas.page').count()).toBe(pages);
    await shot('f5-docx-imported');
  });

  it('imports a .txt opened from the file picker, and shows what the import could not place', async () => {
    const txt = [
      '太平镇人民政府关于2023年法治政府建设情况的报告',
      '',
      '县人民政府：',
      '　　2023年，我镇坚持以习近平新时代中国特色社会主义思想为指导，扎实推进法治政府建设。现将有关情况报告如下。',
      '一、主要举措和成效',
      '　　一是加强组织领导。镇党委、镇政府把法治政府建设列入重要议事日程。',
      '　　二是推进依法决策。重大行政决策全部经过合法性审查。',
      '二、存在的不足',
      '三、2024年工作计划',
      '　　我镇将继续深入推进法治政府建设，不断提高依法行政水平。',
      '　　特此报告。',
      '',
      '太平镇人民政府',
      '2024年1月8日',
      '',
    ].join('\n');
    const file = join(work, '太平镇2023.txt');
    writeFileSync(file, txt);
    const expected = cliImport(file);
    const warnings = expected.diagnostics.filter((d) => d.severity === 'warning');
    expect(warnings.length).toBeGreaterThan(0);

    const before = await renders();
    await page.locator('#yaml-file').setInputFiles(file);
    await rendered(before);
    expect(await source()).toBe(expected.yaml);
    const notes = await page.locator('#import-notes li.warning').allTextContents();
    expect(notes).toEqual(warnings.map((d) => expect.stringContaining(`太平镇2023.txt:${d.line}:${d.column ?? '-'} ${d.message}`)));
    expect(Number(await page.evaluate(() => document.body.dataset.pages))).toBeGreaterThan(0);
    await shot('f6-txt-imported');
  });

  it('works offline once loaded: reloaded with the network cut, it renders the pages again', async () => {
    await page.waitForFunction(() => document.body.dataset.offline === 'ready', null, { timeout: 60_000 });
    const text = await source();
    const pages = await page.evaluate(() => document.body.dataset.pages);
    await chromium.context.setOffline(true);
    try {
      // Nothing answers from the server now.
      expect(await page.evaluate((url) => fetch(url, { cache: 'no-store' }).then(() => 'online', () => 'offline'), `${server.url}nothing-here`)).toBe('offline');
      await page.reload();
      await loaded();
      await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 60_000 });
      expect(await source()).toBe(text);
      expect(await page.evaluate(() => document.body.dataset.pages)).toBe(pages);
      expect(await page.locator('#preview canvas.page').count()).toBe(Number(pages));
      const before = await renders();
      await gotoLine('title: 太平镇人民政府关于2023年法治政府建设情况的报告');
      await page.keyboard.type('（离线）');
      await rendered(before);
      expect(await page.evaluate(() => document.body.dataset.state)).toBe('ready');
      await shot('f7-offline');
    } finally {
      await chromium.context.setOffline(false);
    }
  });
});
