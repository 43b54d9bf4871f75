import { unzipSync } from 'fflate';
import { render } from 'gongwen';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type GongwenServer } from '../src/index.js';
import { liaoning, national, nationalWithSeal, sealPng } from './helpers.js';

let server: GongwenServer;
const yaml = { 'content-type': 'application/yaml' };

beforeAll(async () => {
  server = await createServer({ threads: 2 });
  await server.ready;
});
afterAll(() => server.close());

describe('POST /v1/render', () => {
  it('answers the PDF the facade renders, byte for byte, named after the report', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/v1/render?format=pdf&filename=liaoning.yaml', headers: yaml, payload: liaoning });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('filename="liaoning.pdf"');
    const direct = await render(liaoning, { filename: 'liaoning.yaml', formats: ['pdf'] });
    expect(Buffer.compare(res.rawPayload, Buffer.from(direct.outputs.pdf!))).toBe(0);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('answers DOCX and text with their content types', async () => {
    const docx = await server.app.inject({ method: 'POST', url: '/v1/render?format=docx', headers: yaml, payload: national });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const txt = await server.app.inject({ method: 'POST', url: '/v1/render?format=txt', headers: yaml, payload: national });
    expect(txt.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(txt.payload).toContain('交发〔2022〕8号');
  });

  it('gives every format asked for in one zip archive, the same bytes as rendering each', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/v1/render?format=pdf,docx,txt&filename=jiaokou.yaml', headers: yaml, payload: national });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(res.rawPayload));
    expect(Object.keys(files).sort()).toEqual(['jiaokou.docx', 'jiaokou.pdf', 'jiaokou.txt']);
    const direct = await render(national, { filename: 'jiaokou.yaml', formats: ['pdf', 'docx', 'txt'] });
    expect(Buffer.compare(Buffer.from(files['jiaokou.pdf']!), Buffer.from(direct.outputs.pdf!))).toBe(0);
    expect(Buffer.compare(Buffer.from(files['jiaokou.docx']!), Buffer.from(direct.outputs.docx!))).toBe(0);
    const again = await server.app.inject({ method: 'POST', url: '/v1/render?format=zip&filename=jiaokou.yaml', headers: yaml, payload: national });
    expect(Object.keys(unzipSync(new Uint8Array(again.rawPayload))).sort()).toEqual(['jiaokou.docx', 'jiaokou.pdf']);
  });

  it('takes the same report as JSON, and as JSON with the seal in base64', async () => {
    const { parse } = await import('yaml');
    const asJson = JSON.stringify(parse(national));
    const res = await server.app.inject({ method: 'POST', url: '/v1/render?format=txt', headers: { 'content-type': 'application/json' }, payload: asJson });
    expect(res.statusCode).toBe(200);
    const fromYaml = await server.app.inject({ method: 'POST', url: '/v1/render?format=txt', headers: yaml, payload: national });
    expect(res.payload).toBe(fromYaml.payload);
    const sealed = await server.app.inject({
      method: 'POST',
      url: '/v1/render?format=pdf',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ report: nationalWithSeal, seals: { 'seal.png': sealPng.toString('base64') } }),
    });
    expect(sealed.statusCode).toBe(200);
    const direct = await render(nationalWithSeal, { filename: 'report.yaml', formats: ['pdf'], assets: { 'seal.png': new Uint8Array(sealPng) } });
    expect(Buffer.compare(sealed.rawPayload, Buffer.from(direct.outputs.pdf!))).toBe(0);
  });

  it('takes the report and its seal as multipart parts', async () => {
    const boundary = 'gongwen-test-boundary';
    const part = (name: string, type: string, data: Buffer) =>
      Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`), data, Buffer.from('\r\n')]);
    const payload = Buffer.concat([part('report', 'application/yaml', Buffer.from(nationalWithSeal)), part('seal.png', 'image/png', sealPng), Buffer.from(`--${boundary}--\r\n`)]);
    const res = await server.app.inject({ method: 'POST', url: '/v1/render?format=pdf', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    expect(res.statusCode).toBe(200);
    const direct = await render(nationalWithSeal, { filename: 'report.yaml', formats: ['pdf'], assets: { 'seal.png': new Uint8Array(sealPng) } });
    expect(Buffer.compare(res.rawPayload, Buffer.from(direct.outputs.pdf!))).toBe(0);
  });

  it('never reads the server’s disk for a seal: a path the request did not bring is a 422 at the reference', async () => {
    // A seal the request did not bring is never looked for on the server.
    const source = national.replace(/^(signature:\n)/m, '$1  seals: [package.png]\n');
    const res = await server.app.inject({ method: 'POST', url: '/v1/render?filename=n.yaml', headers: yaml, payload: source });
    expect(res.statusCode).toBe(422);
    expect(res.json().files[0].diagnostics).toEqual([expect.objectContaining({ ruleId: 'asset/missing', path: 'signature.seals[0]', file: 'n.yaml' })]);
  });
});

describe('bad input gets a 4xx with diagnostics, never a 500 or a stack trace', () => {
  it('bad YAML: 422 at line:col', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/v1/render?filename=bad.yaml', headers: yaml, payload: 'style: national\nyear: [2021\n' });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.ok).toBe(false);
    const [d] = body.files[0].diagnostics;
    expect(d).toMatchObject({ severity: 'error', file: 'bad.yaml' });
    expect(d.line).toBeGreaterThanOrEqual(2);
    expect(res.payload).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it('a schema error, in English when asked', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/v1/render?lang=en', headers: yaml, payload: national.replace(/^year: 2021$/m, 'year: twenty') });
    expect(res.statusCode).toBe(422);
    const d = res.json().files[0].diagnostics.find((x: { ruleId: string }) => x.ruleId.startsWith('schema/'));
    expect(d).toMatchObject({ path: 'year', line: expect.any(Number) });
    expect(d.message).toMatch(/[a-z]/);
    expect(d.message).not.toMatch(/[\u4e00-\u9fff]{3}/);
  });

  it('unknown format, style or flag: 422 naming the query parameter', async () => {
    for (const [query, path] of [
      ['format=gif', 'format'],
      ['style=../x', 'style'],
      ['strict=maybe', 'strict'],
      ['lang=fr', 'lang'],
    ]) {
      const res = await server.app.inject({ method: 'POST', url: `/v1/render?${query}`, headers: yaml, payload: national });
      expect(res.statusCode, query).toBe(422);
      expect(res.json().files[0].diagnostics[0]).toMatchObject({ severity: 'error', path });
    }
  });

  it('an empty body, binary junk, a broken JSON: 422', async () => {
    expect((await server.app.inject({ method: 'POST', url: '/v1/render', headers: yaml, payload: '' })).statusCode).toBe(422);
    const junk = await server.app.inject({ method: 'POST', url: '/v1/render', headers: { 'content-type': 'application/octet-stream' }, payload: Buffer.from([0xff, 0xfe, 0, 1, 2, 0x80]) });
    expect(junk.statusCode).toBe(422);
    const broken = await server.app.inject({ method: 'POST', url: '/v1/render', headers: { 'content-type': 'application/json' }, payload: '{"style": "national", "year": ' });
    expect(broken.statusCode).toBe(422);
    expect(broken.json().files[0].diagnostics[0].line).toBe(1);
  });

  it('an unknown endpoint: a JSON 404', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/v1/nothing' });
    expect(res.statusCode).toBe(404);
    expect(res.json().files[0].diagnostics[0].ruleId).toBe('request/not-found');
  });
});

describe('POST /v1/validate, POST /v1/lint, GET /v1/styles', () => {
  it('validate answers the JSON of `gongwen validate --format json`', async () => {
    const good = await server.app.inject({ method: 'POST', url: '/v1/validate?filename=jiaokou.yaml', headers: yaml, payload: national });
    expect(good.statusCode).toBe(200);
    expect(good.json()).toMatchObject({ ok: true, files: [{ path: 'jiaokou.yaml' }] });
    const bad = await server.app.inject({ method: 'POST', url: '/v1/validate', headers: yaml, payload: 'style: national\n' });
    expect(bad.json()).toMatchObject({ ok: false, files: [{ path: 'report.yaml', diagnostics: expect.arrayContaining([expect.objectContaining({ ruleId: 'schema/required' })]) }] });
  });

  it('lint with fix returns the fixed YAML', async () => {
    const plain = await server.app.inject({ method: 'POST', url: '/v1/lint', headers: yaml, payload: national });
    expect(plain.statusCode).toBe(200);
    const findings = plain.json().files[0].diagnostics;
    expect(findings.length).toBeGreaterThan(0);
    const fixed = await server.app.inject({ method: 'POST', url: '/v1/lint?fix=true', headers: yaml, payload: national });
    const body = fixed.json();
    expect(typeof body.fixed).toBe('string');
    expect(body.fixed).not.toBe(national);
    expect(body.files[0].diagnostics.length).toBeLessThan(findings.length);
  });

  it('styles lists the bundled styles without the server’s folders', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/v1/styles' });
    const styles = res.json() as { name: string; dir?: string }[];
    expect(styles.map((s) => s.name)).toEqual(expect.arrayContaining(['national', 'liaoning', 'guangdong', 'ningxia', 'shaanxi']));
    expect(styles.every((s) => s.dir === undefined)).toBe(true);
  });
});
