import { describe, expect, it } from 'vitest';
import { createServer } from '../src/index.js';
import { liaoning, national } from './helpers.js';

const yaml = { 'content-type': 'application/yaml' };
// A long report: the Liaoning example's parts eight times over.
const long = liaoning.replace(/^parts:\n([\s\S]*?)(?=^\S)/m, (_m, body: string) => `parts:\n${body.repeat(8)}`);

describe('limits', () => {
  it('a body over the limit is a 413 with a diagnostic', async () => {
    const server = await createServer({ threads: 1, bodyLimit: 4096, skipWarmUp: true });
    try {
      const res = await server.app.inject({ method: 'POST', url: '/v1/render', headers: yaml, payload: national });
      expect(res.statusCode).toBe(413);
      expect(res.json().files[0].diagnostics[0]).toMatchObject({ severity: 'error', ruleId: 'request/too-large', path: 'body' });
    } finally {
      await server.close();
    }
  });

  it('when every thread is busy and the waiting line is full, 429 with Retry-After; the rest are rendered', async () => {
    const server = await createServer({ threads: 1, maxQueue: 1, skipWarmUp: true });
    try {
      const replies = await Promise.all(Array.from({ length: 6 }, () => server.app.inject({ method: 'POST', url: '/v1/render?format=pdf', headers: yaml, payload: long })));
      const codes = replies.map((r) => r.statusCode);
      expect(codes.every((c) => c === 200 || c === 429)).toBe(true);
      expect(codes.filter((c) => c === 200).length).toBeGreaterThanOrEqual(2);
      const busy = replies.find((r) => r.statusCode === 429)!;
      expect(busy).toBeDefined();
      expect(busy.headers['retry-after']).toBe('1');
      expect(busy.json().files[0].diagnostics[0].ruleId).toBe('service/busy');
      const metrics = (await server.app.inject({ method: 'GET', url: '/metrics' })).payload;
      expect(metrics).toMatch(/gongwen_renders_total\{format="pdf",outcome="rejected"\} [1-9]/);
    } finally {
      await server.close();
    }
  });

  it('a render past its time limit is stopped and answered 503; the thread is replaced and renders again', async () => {
    // No PDF of this length is made in a millisecond, however fast the machine.
    const server = await createServer({ threads: 1, timeoutMs: 1, skipWarmUp: true });
    try {
      const res = await server.app.inject({ method: 'POST', url: '/v1/render?format=pdf', headers: yaml, payload: long });
      expect(res.statusCode).toBe(503);
      expect(res.json().files[0].diagnostics[0].ruleId).toBe('service/timeout');
      expect(res.headers['retry-after']).toBeDefined();
      const after = await server.pool.run({ source: new TextEncoder().encode(national), formats: ['txt'] });
      expect(after.outputs.txt).toContain('交发〔2022〕8号');
    } finally {
      await server.close();
    }
  });
});

describe('access', () => {
  it('with a token, a request without it or with a wrong one is a 401; health probes need none', async () => {
    const server = await createServer({ threads: 1, token: 's3cret-token', skipWarmUp: true });
    try {
      const none = await server.app.inject({ method: 'GET', url: '/v1/styles' });
      expect(none.statusCode).toBe(401);
      expect(none.headers['www-authenticate']).toBe('Bearer');
      expect(none.json().files[0].diagnostics[0]).toMatchObject({ ruleId: 'request/unauthorized', path: 'Authorization' });
      expect((await server.app.inject({ method: 'GET', url: '/v1/styles', headers: { authorization: 'Bearer s3cret-tokem' } })).statusCode).toBe(401);
      expect((await server.app.inject({ method: 'GET', url: '/v1/styles', headers: { authorization: 'Bearer s3cret-token' } })).statusCode).toBe(200);
      expect((await server.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('CORS is off unless origins are configured', async () => {
    const preflight = { method: 'OPTIONS' as const, url: '/v1/render', headers: { origin: 'https://oa.example.gov.cn', 'access-control-request-method': 'POST' } };
    const closed = await createServer({ threads: 1, skipWarmUp: true });
    const open = await createServer({ threads: 1, skipWarmUp: true, corsOrigins: ['https://oa.example.gov.cn'] });
    try {
      expect((await closed.app.inject(preflight)).headers['access-control-allow-origin']).toBeUndefined();
      expect((await open.app.inject(preflight)).headers['access-control-allow-origin']).toBe('https://oa.example.gov.cn');
    } finally {
      await closed.close();
      await open.close();
    }
  });

  it('serves over a real socket on loopback', async () => {
    const server = await createServer({ threads: 1 });
    try {
      await server.app.listen({ host: '127.0.0.1', port: 0 });
      const { port } = server.app.server.address() as { port: number };
      await server.ready;
      const res = await fetch(`http://127.0.0.1:${port}/v1/render?format=txt`, { method: 'POST', headers: yaml, body: national });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('交发〔2022〕8号');
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(await ready.json()).toMatchObject({ ready: true, threads: 1 });
    } finally {
      await server.close();
    }
  });
});
