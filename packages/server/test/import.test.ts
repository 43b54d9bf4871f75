import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strToU8, zipSync } from 'fflate';
import { importFile, render, validate } from 'gongwen';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type GongwenServer } from '../src/index.js';
import { eventually, examplesDir, liaoning, national, sealPng } from './helpers.js';

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const seed = readFileSync(new URL('seeds/000_8acbd6d25866d45d.txt', examplesDir));

let server: GongwenServer;
let liaoningDocx: Buffer;

beforeAll(async () => {
  // A small body limit, so an oversized upload is cheap to send; a zip bomb stays well under it.
  server = await createServer({ threads: 1, skipWarmUp: true, bodyLimit: 2 * 1024 * 1024 });
  const rendered = await render(liaoning, { filename: 'liaoning.yaml', formats: ['docx'] });
  liaoningDocx = Buffer.from(rendered.outputs.docx!);
});
afterAll(() => server.close());

function multipart(name: string, filename: string, type: string, data: Uint8Array) {
  const boundary = 'gongwen-import-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload };
}

/** What `gongwen import --format json` prints for the file, with the YAML it writes: the facade's import, then validate. */
async function asTheCommandDoes(bytes: Uint8Array, filename: string, output: string) {
  const imported = await importFile(bytes, { filename });
  const checked = await validate(imported.yaml!, { filename: output });
  return { yaml: imported.yaml!, diagnostics: [...imported.diagnostics, ...checked.diagnostics.map((d) => ({ ...d, file: d.file ?? output }))] };
}

/** A zip bomb that lies: word/document.xml holds 80 MiB but its headers say 1,000 bytes. */
function lyingBomb(): Uint8Array {
  const zip = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': new Uint8Array(80 * 1024 * 1024) }, { level: 9 });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const name = 'word/document.xml';
  for (let i = 0; i + 46 < zip.byteLength; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && Buffer.from(zip.subarray(i + 30, i + 30 + name.length)).toString() === name) view.setUint32(i + 22, 1000, true);
    if (sig === 0x02014b50 && Buffer.from(zip.subarray(i + 46, i + 46 + name.length)).toString() === name) view.setUint32(i + 24, 1000, true);
  }
  return zip;
}

describe('POST /v1/import', () => {
  it('reads the DOCX gongwen renders of an example back to its YAML, as gongwen import --format json does', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/v1/import?filename=liaoning.docx', headers: { 'content-type': docxType }, payload: liaoningDocx });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const expected = await asTheCommandDoes(liaoningDocx, 'liaoning.docx', 'liaoning.yaml');
    expect(body.yaml).toBe(expected.yaml);
    expect(body.files).toEqual([{ path: 'liaoning.docx', output: 'liaoning.yaml', diagnostics: expected.diagnostics }]);
    expect(body.ok).toBe(true);
    // The YAML renders the same words as the report the DOCX was made from.
    const again = await render(body.yaml, { filename: 'liaoning.yaml', formats: ['txt'] });
    const first = await render(liaoning, { filename: 'liaoning.yaml', formats: ['txt'] });
    expect(again.outputs.txt).toBe(first.outputs.txt);
    expect(again.outputs.txt).toContain('太平岭');
  });

  it('takes a raw body named only by its Content-Type', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/v1/import', headers: { 'content-type': docxType }, payload: liaoningDocx });
    expect(res.statusCode).toBe(200);
    expect(res.json().files[0]).toMatchObject({ path: 'report.docx', output: 'report.yaml' });
  });

  it('reads a published report’s plain text sent as a multipart file', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/v1/import', ...multipart('file', '法镇2022.txt', 'text/plain', seed) });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const expected = await asTheCommandDoes(new Uint8Array(seed), '法镇2022.txt', '法镇2022.yaml');
    expect(body.yaml).toBe(expected.yaml);
    expect(body.files[0]).toEqual({ path: '法镇2022.txt', output: '法镇2022.yaml', diagnostics: expected.diagnostics });
    expect((await validate(body.yaml, { filename: 'x.yaml' })).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('answers a broken .docx 422 with the import’s diagnostic, in English when asked, no stack trace', async () => {
    const broken = liaoningDocx.subarray(0, Math.floor(liaoningDocx.byteLength / 2));
    const res = await server.app.inject({ method: 'POST', url: '/v1/import?filename=broken.docx&lang=en', headers: { 'content-type': docxType }, payload: broken });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.ok).toBe(false);
    expect(body.yaml).toBeUndefined();
    expect(body.files[0].diagnostics[0]).toMatchObject({ ruleId: 'import/not-docx', severity: 'error', file: 'broken.docx' });
    expect(body.files[0].diagnostics[0].message).toMatch(/not a valid \.docx/);
    expect(res.payload).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it('answers a zip bomb 413 without unpacking it, and one whose headers lie without growing', async () => {
    const bomb = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': new Uint8Array(80 * 1024 * 1024) }, { level: 9 });
    const res = await server.app.inject({ method: 'POST', url: '/v1/import?filename=bomb.docx', payload: Buffer.from(bomb) });
    expect(res.statusCode).toBe(413);
    expect(res.json().files[0].diagnostics[0].ruleId).toBe('import/too-large');

    const liar = lyingBomb();
    const before = process.memoryUsage().rss;
    const lie = await server.app.inject({ method: 'POST', url: '/v1/import?filename=liar.docx', payload: Buffer.from(liar) });
    expect(lie.statusCode).toBeGreaterThanOrEqual(400);
    expect(lie.statusCode).toBeLessThan(500);
    expect(lie.json().ok).toBe(false);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('answers a body over the limit 413', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/v1/import?filename=big.txt', headers: { 'content-type': 'text/plain' }, payload: Buffer.alloc(3 * 1024 * 1024, 0x41) });
    expect(res.statusCode).toBe(413);
    expect(res.json().files[0].diagnostics[0].ruleId).toBe('request/too-large');
  });

  it('answers files it does not read 415: an image, a spreadsheet, and a .doc while LibreOffice is not allowed', async () => {
    const png = await server.app.inject({ method: 'POST', url: '/v1/import?filename=seal.png', payload: sealPng });
    expect(png.statusCode).toBe(415);
    expect(png.json().files[0].diagnostics[0].ruleId).toBe('import/binary');

    const xlsx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') });
    const sheet = await server.app.inject({ method: 'POST', url: '/v1/import?filename=table.xlsx', payload: Buffer.from(xlsx) });
    expect(sheet.statusCode).toBe(415);
    expect(sheet.json().files[0].diagnostics[0].ruleId).toBe('import/spreadsheet');

    // An OLE compound file (old Word) by its magic bytes: refused before anything touches the disk.
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    const doc = await server.app.inject({ method: 'POST', url: '/v1/import?filename=old.doc', payload: ole });
    expect(doc.statusCode).toBe(415);
    expect(doc.json().files[0].diagnostics[0]).toMatchObject({ ruleId: 'import/needs-conversion', file: 'old.doc' });
    const unnamed = await server.app.inject({ method: 'POST', url: '/v1/import', payload: ole });
    expect(unnamed.statusCode).toBe(415);
  });

  it('answers text that is not a report 422 at its line, and an empty body 422', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/v1/import?filename=note.txt', headers: { 'content-type': 'text/plain' }, payload: '今天天气很好。\n我们去公园。\n' });
    expect(res.statusCode).toBe(422);
    expect(res.json().files[0].diagnostics[0]).toMatchObject({ ruleId: 'import/not-a-report', line: 1 });
    const empty = await server.app.inject({ method: 'POST', url: '/v1/import?filename=empty.txt', headers: { 'content-type': 'text/plain' } });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().files[0].diagnostics[0].ruleId).toBe('request/empty');
  });

  it('writes the style asked for, and refuses a style name that is not one', async () => {
    const asked = await server.app.inject({ method: 'POST', url: '/v1/import?filename=jiaokou.txt&style=national', headers: { 'content-type': 'text/plain' }, payload: (await render(national, { formats: ['txt'] })).outputs.txt! });
    expect(asked.statusCode).toBe(200);
    expect(asked.json().yaml).toMatch(/^style: national$/m);
    const bad = await server.app.inject({ method: 'POST', url: '/v1/import?style=../x', headers: { 'content-type': 'text/plain' }, payload: seed });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().files[0].diagnostics[0].path).toBe('style');
  });

  it('is described in the OpenAPI document and counted in the metrics', async () => {
    const doc = (await server.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(Object.keys(doc.paths['/v1/import'].post.responses)).toEqual(expect.arrayContaining(['200', '413', '415', '422']));
    const metrics = (await server.app.inject({ method: 'GET', url: '/metrics' })).payload;
    expect(metrics).toMatch(/gongwen_imports_total\{outcome="ok"\} [1-9]/);
    expect(metrics).toMatch(/gongwen_imports_total\{outcome="refused"\} [1-9]/);
  });

  it('converts a .doc with LibreOffice when the service is started to allow it, one conversion a render thread (429 past that)', async () => {
    // A real .doc: LibreOffice saves the example's DOCX as Word 97–2003, as a township's copy would be.
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-server-doc-'));
    const converting = await createServer({ threads: 1, skipWarmUp: true, convertWithLibreOffice: true });
    try {
      writeFileSync(join(dir, 'liaoning.docx'), liaoningDocx);
      await promisify(execFile)('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'doc', '--outdir', dir, join(dir, 'liaoning.docx')], { timeout: 600_000 });
      const doc = readFileSync(join(dir, 'liaoning.doc'));
      expect([...doc.subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
      const send = () => converting.app.inject({ method: 'POST', url: '/v1/import?filename=liaoning.doc', headers: { 'content-type': 'application/msword' }, payload: doc });
      const first = send();
      // One render thread allows one LibreOffice at a time: a second .doc while the first converts waits its turn outside.
      await eventually(async () => /gongwen_import_conversions_active 1\b/.test((await converting.app.inject({ method: 'GET', url: '/metrics' })).payload), 'the first conversion to start');
      const busy = await send();
      expect(busy.statusCode).toBe(429);
      expect(busy.headers['retry-after']).toBe('5');
      expect(busy.json().files[0].diagnostics[0]).toMatchObject({ ruleId: 'service/busy' });
      const res = await first;
      expect(res.statusCode).toBe(200);
      expect((await converting.app.inject({ method: 'GET', url: '/metrics' })).payload).toMatch(/gongwen_import_conversions_active 0\b/);
      const body = res.json();
      expect(body.files[0]).toMatchObject({ path: 'liaoning.doc', output: 'liaoning.yaml' });
      const again = await render(body.yaml, { filename: 'liaoning.yaml', formats: ['txt'] });
      expect(again.outputs.txt).toBe((await render(liaoning, { filename: 'liaoning.yaml', formats: ['txt'] })).outputs.txt);
    } finally {
      await converting.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
