import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script without type declarations
import { formats, generateValidators } from '../scripts/generate-validators.mjs';
import { reportSchema } from '../src/report-schema.js';
import { schemaErrors } from '../src/run-validator.js';

const onDisk = () => readFileSync(new URL('../src/validators.generated.ts', import.meta.url), 'utf8');

describe('the validators compiled from report.schema.json at build time', () => {
  it('src/validators.generated.ts is up to date (run `pnpm --filter @gongwen/schema generate`)', () => {
    expect(onDisk()).toBe(generateValidators());
  });

  it('src/style-validators.generated.ts is up to date with style.schema.json', () => {
    const styleSchema = JSON.parse(readFileSync(new URL('../style.schema.json', import.meta.url), 'utf8'));
    expect(readFileSync(new URL('../src/style-validators.generated.ts', import.meta.url), 'utf8')).toBe(generateValidators(styleSchema, formats.style));
  });

  it('would notice a change to the schema', () => {
    const changed = structuredClone(reportSchema) as { properties: Record<string, { maximum?: number }> };
    changed.properties.year!.maximum = 2099;
    const fresh: string = generateValidators(changed);
    expect(fresh).toContain('2099');
    expect(onDisk()).not.toBe(fresh);
  });

  it('point errors at the objects of reportSchema itself, which the messages recognise', () => {
    const { errors } = schemaErrors({ style: 'National', year: 2021, issuers: [{ name: '某镇人民政府' }], parts: [] });
    const pattern = errors.find((e) => e.instancePath === '/style');
    expect(pattern?.keyword).toBe('pattern');
    expect(pattern?.parentSchema).toBe(reportSchema.properties.style);
  });
});
