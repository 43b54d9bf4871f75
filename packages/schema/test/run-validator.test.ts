import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { parse } from 'yaml';
import { reportSchema } from '../src/index.js';
import { schemaErrors } from '../src/run-validator.js';

const addFormats = ((addFormatsModule as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020, f: string[]) => void;
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
addFormats(ajv, ['date']);
const onePass = ajv.compile(reportSchema);

const examples = new URL('../../../examples/', import.meta.url);
const seeds = [
  readFileSync(new URL('./fixtures/valid/full.yaml', import.meta.url), 'utf8'),
  ...readdirSync(examples)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => readFileSync(new URL(f, examples), 'utf8')),
];
const valueLine = /^(\s*(?:- )?[\w$]+:)\s*(.*)$/;
const values = [
  '1',
  '""',
  '[]',
  '{}',
  'null',
  '[1, { lead: a, heading: b }]',
  '{ body: [3] }',
  '{ kind: custom, body: [] }',
  '2022-02-30',
  '{ heading: h, body: [{ txt: 1 }] }',
];

it('checking the report in pieces finds exactly what one pass finds', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...seeds),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom(...values)), { minLength: 1, maxLength: 5 }),
      (src, edits) => {
        const ls = src.split('\n');
        const lines = ls.map((l, i) => (valueLine.test(l) ? i : -1)).filter((i) => i >= 0);
        for (const [which, value] of edits) {
          const i = lines[which % lines.length]!;
          ls[i] = ls[i]!.replace(valueLine, (_, key: string) => `${key} ${value}`);
        }
        const data: unknown = parse(ls.join('\n'), { logLevel: 'silent' });
        const at = (pointer: string) =>
          pointer
            .split('/')
            .slice(1)
            .reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], data);
        // One pass also says that a body item whose nested body is wrong is "not text" and fails its
        // union; the messages drop both for objects, so they are left out of the comparison.
        // Likewise it says such an item is not a table (no `table` key; a section's keys are not
        // a table's), which the messages drop for every item without a `table` key.
        const sectionKeys = ['heading', 'lead', 'text', 'numbering', 'runIn', 'body'];
        const notATable = (e: ErrorObject) => {
          const v = at(e.instancePath);
          if (!v || typeof v !== 'object' || 'table' in v) return false;
          return (e.keyword === 'required' && e.params.missingProperty === 'table') || (e.keyword === 'additionalProperties' && sectionKeys.includes(e.params.additionalProperty as string));
        };
        const noise = (e: ErrorObject) =>
          ((e.keyword === 'anyOf' || (e.keyword === 'type' && e.params.type === 'string')) && typeof at(e.instancePath) === 'object') || notATable(e);
        const key = (e: ErrorObject) => `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`;
        onePass(data);
        const expected = (onePass.errors ?? [])
          .filter((e) => !noise(e))
          .map(key)
          .sort();
        expect(
          schemaErrors(data).errors
            .filter((e) => !noise(e))
            .map(key)
            .sort(),
        ).toEqual(expected);
      },
    ),
    { numRuns: 1000 },
  );
});
