import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathAt, SchemaHelp, type SchemaNode } from '../src/schema-help.js';

const schema = new SchemaHelp(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'schema', 'report.schema.json'), 'utf8')) as SchemaNode);
const liaoning = readFileSync(join(import.meta.dirname, '..', '..', '..', 'examples', 'liaoning-zhuanghe-taipingling-2023.yaml'), 'utf8').split('\n');
const lineOf = (text: string) => liaoning.findIndex((l) => l === text);

describe('completion and hover from the report schema', () => {
  it('offers the top-level keys at the root, with their descriptions', () => {
    const keys = schema.keys(pathAt(['ye'], 0, 2).path);
    expect(keys.map((k) => k.key)).toEqual(expect.arrayContaining(['style', 'year', 'issuers', 'parts', 'signature']));
    expect(keys.find((k) => k.key === 'year')?.description).toContain('报告所涉年度');
  });

  it('finds the path of a line inside a list of parts, and offers that object’s keys', () => {
    const at = pathAt(liaoning, lineOf('    numbering: level'), 4);
    expect(at.path).toEqual([{ key: 'parts' }, { item: true }]);
    expect(at.key).toBe('numbering');
    expect(schema.keys(at.path).map((k) => k.key)).toEqual(expect.arrayContaining(['kind', 'heading', 'numbering', 'body']));
  });

  it('follows nested lists down to a section’s body', () => {
    const at = pathAt(liaoning, lineOf('        body:'), 8);
    expect(at.path).toEqual([{ key: 'parts' }, { item: true }, { key: 'body' }, { item: true }]);
    expect(schema.keys(at.path).map((k) => k.key)).toEqual(expect.arrayContaining(['heading', 'body']));
  });

  it('offers the values an enum allows and describes a key on hover', () => {
    const at = pathAt(liaoning, lineOf('  - kind: measures'), 4);
    expect(at.path).toEqual([{ key: 'parts' }, { item: true }]);
    expect(schema.values([...at.path, { key: 'kind' }])).toEqual(expect.arrayContaining(['measures', 'shortcomings', 'plans']));
    expect(schema.description([{ key: 'issuers' }])).toContain('发文机关');
  });
});
