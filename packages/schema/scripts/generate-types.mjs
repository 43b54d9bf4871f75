// Derives the TypeScript types from report.schema.json, the single source of truth.
// `pnpm --filter @gongwen/schema generate` rewrites src/report.generated.ts; a test fails when it is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { compile } from 'json-schema-to-typescript';

const schemaUrl = new URL('../report.schema.json', import.meta.url);
const outUrl = new URL('../src/report.generated.ts', import.meta.url);

export async function generateTypes(schema = JSON.parse(readFileSync(schemaUrl, 'utf8'))) {
  return compile(schema, 'Report', {
    bannerComment: '/* Generated from report.schema.json by scripts/generate-types.mjs. Do not edit. */',
    additionalProperties: false,
    unreachableDefinitions: false,
    // Bounds on array sizes are checked by the validator; the types stay plain arrays.
    maxItems: -1,
    strictIndexSignatures: true,
    format: true,
    style: { singleQuote: true, printWidth: 120 },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(outUrl, await generateTypes());
}
