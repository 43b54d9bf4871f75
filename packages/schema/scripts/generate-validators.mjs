// Compiles report.schema.json and style.schema.json with AJV once, at build time, into plain
// validation functions, so a fresh process only loads them instead of compiling the schemas (about
// 100 ms on every cold start). `pnpm --filter @gongwen/schema generate` rewrites
// src/validators.generated.ts and src/style-validators.generated.ts; a test fails when one is stale. The options must stay those the validators were always compiled with: `allErrors`
// finds every problem, `verbose` keeps each error's schema objects, which the messages read.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Ajv2020 } = require('ajv/dist/2020.js');
const standaloneCode = require('ajv/dist/standalone').default;
const { _ } = require('ajv');
const addFormats = require('ajv-formats');

/** Each data format: its schema file, the generated module, how that module imports the schema, and the definitions validated on their own (see run-validator.ts), by export name. */
export const formats = {
  report: {
    schema: 'report.schema.json',
    out: 'validators.generated.ts',
    name: 'reportSchema',
    module: './report-schema.js',
    entryPoints: { report: '', part: 'Part', attachment: 'Attachment', block: 'Block' },
  },
  style: {
    schema: 'style.schema.json',
    out: 'style-validators.generated.ts',
    name: 'styleSchema',
    module: './style-schema.js',
    entryPoints: { style: '' },
  },
};

const read = (file) => JSON.parse(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8'));

export function generateValidators(schema = read(formats.report.schema), format = formats.report) {
  const { entryPoints, name: schemaName } = format;
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictRequired: false,
    verbose: true,
    code: { source: true, esm: true, formats: _`require("ajv-formats/dist/formats.js").fullFormats` },
  });
  addFormats(ajv, ['date']);
  ajv.addSchema(schema);
  const refs = Object.fromEntries(Object.entries(entryPoints).map(([name, def]) => [name, def ? `${schema.$id}#/$defs/${def}` : schema.$id]));
  let code = standaloneCode(ajv, refs);

  // The schema objects errors point to are the very objects of reportSchema, as when compiling at
  // run time: the messages recognise some of them by identity.
  const pointers = [[JSON.stringify(schema), schemaName]];
  for (const [name, def] of Object.entries(schema.$defs ?? {})) pointers.push([JSON.stringify(def), `${schemaName}.$defs[${JSON.stringify(name)}]`]);
  code = code.replace(/const (schema\d+) = /g, (m) => `\u0000${m}`);
  code = code
    .split('\u0000')
    .map((piece) => {
      const m = /^const (schema\d+) = /.exec(piece);
      if (!m) return piece;
      const end = jsonEnd(piece, m[0].length);
      const json = piece.slice(m[0].length, end);
      const found = pointers.filter(([text]) => text === JSON.stringify(JSON.parse(json)));
      if (found.length !== 1) throw new Error(`generate-validators: cannot tell which part of the schema ${m[1]} is`);
      return `const ${m[1]} = ${found[0][1]}${piece.slice(end)}`;
    })
    .join('');

  // ESM imports for the helpers AJV's code requires.
  const imports = new Map();
  code = code.replace(/require\("([^"]+)"\)/g, (_m, spec) => {
    const file = spec.endsWith('.js') ? spec : `${spec}.js`;
    if (!imports.has(file)) imports.set(file, `dep${imports.size}`);
    return imports.get(file);
  });
  code = code.replace(/^"use strict";/, '');
  return [
    `/* Generated from ${format.schema} by scripts/generate-validators.mjs. Do not edit. */`,
    '// @ts-nocheck',
    ...[...imports].map(([file, id]) => `import * as ${id}Module from '${file}';`),
    `import { ${schemaName} } from '${format.module}';`,
    '// What require() would give: Node and bundlers differ in what a CommonJS module\'s default import is.',
    'const commonJs = (ns) => (ns.default && ns.default.__esModule ? ns.default : ns);',
    ...[...imports].map(([, id]) => `const ${id} = commonJs(${id}Module);`),
    code,
    '',
  ].join('\n');
}

/** Where the JSON value that starts at `start` ends. */
function jsonEnd(text, start) {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  throw new Error('generate-validators: unterminated schema literal');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const format of Object.values(formats)) writeFileSync(new URL(`../src/${format.out}`, import.meta.url), generateValidators(read(format.schema), format));
}
