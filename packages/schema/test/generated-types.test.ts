import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script without type declarations
import { generateTypes } from '../scripts/generate-types.mjs';

it('src/report.generated.ts is up to date with report.schema.json (run `pnpm --filter @gongwen/schema generate`)', async () => {
  const onDisk = readFileSync(new URL('../src/report.generated.ts', import.meta.url), 'utf8');
  const fresh: string = await generateTypes();
  expect(onDisk).toBe(fresh);
});
