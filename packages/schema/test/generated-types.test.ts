import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script without type declarations
import { generateTypes } from '../scripts/generate-types.mjs';
import { reportSchema } from '../src/index.js';

const onDisk = () => readFileSync(new URL('../src/report.generated.ts', import.meta.url), 'utf8');

describe('report.schema.json and the types generated from it', () => {
  it('src/report.generated.ts is up to date (run `pnpm --filter @gongwen/schema generate`)', async () => {
    expect(onDisk()).toBe(await generateTypes());
  });

  it('would notice a change to the schema', async () => {
    const changed = structuredClone(reportSchema) as { properties: Record<string, unknown> };
    changed.properties.remark = { type: 'string' };
    const fresh: string = await generateTypes(changed);
    expect(fresh).toContain('remark?: string;');
    expect(onDisk()).not.toBe(fresh);
  });

  it('is a valid draft 2020-12 schema', () => {
    const ajv = new Ajv2020({ strict: true, strictRequired: false });
    expect(ajv.validateSchema(reportSchema), JSON.stringify(ajv.errors)).toBe(true);
    expect(reportSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });
});
