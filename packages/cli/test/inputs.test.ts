import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs, outputPath, parseShard, shardOf } from '../src/inputs.js';

function tree(files: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'gongwen-inputs-'));
  for (const f of files) {
    mkdirSync(join(root, f, '..'), { recursive: true });
    writeFileSync(join(root, f), 'year: 2021\n');
  }
  return root;
}

describe('expandInputs', () => {
  it('takes every YAML file under a directory, mirrors its tree, and skips other files', () => {
    const root = tree(['reports/a.yaml', 'reports/county/b.yml', 'reports/seeds/x.txt', 'reports/.cache/c.yaml']);
    const { files, missing } = expandInputs(['reports'], root);
    expect(missing).toEqual([]);
    expect(files.map((f) => f.rel)).toEqual(['a', 'county/b']);
    expect(outputPath(files[1]!, 'pdf', '/out')).toBe(join('/out', 'county', 'b.pdf'));
  });

  it('expands globs relative to their fixed prefix and lists each file once', () => {
    const root = tree(['data/2021/a.yaml', 'data/2022/b.yaml']);
    const { files } = expandInputs(['data/*/a.yaml', 'data/**/*.yaml', 'data/2021/a.yaml'], root);
    expect(files.map((f) => f.path)).toEqual([join('data', '2021', 'a.yaml'), join('data', '2022', 'b.yaml')]);
    expect(files.map((f) => f.rel)).toEqual(['2021/a', '2022/b']);
  });

  it('writes beside the input when no output folder is given', () => {
    const root = tree(['one.yaml']);
    const [f] = expandInputs(['one.yaml'], root).files;
    expect(outputPath(f!, 'docx', undefined)).toBe(join(root, 'one.docx'));
  });

  it('reports arguments that match nothing', () => {
    const root = tree(['a.yaml']);
    expect(expandInputs(['nope.yaml', 'none/*.yaml'], root).missing).toEqual(['nope.yaml', 'none/*.yaml']);
  });
});

describe('shards', () => {
  it('cover every input exactly once across k = 1..n', () => {
    const files = Array.from({ length: 500 }, (_, i) => ({ path: `reports/r${i}.yaml` }));
    for (const n of [1, 2, 3, 7, 16]) {
      const slices = Array.from({ length: n }, (_, k) => shardOf(files, { index: k + 1, count: n }));
      const all = slices.flat().map((f) => f.path).sort();
      expect(all).toEqual(files.map((f) => f.path).sort());
      if (n > 1) for (const s of slices) expect(s.length).toBeGreaterThan(500 / n / 2);
    }
  });

  it('parses k/n and refuses nonsense', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
    expect(typeof parseShard('0/8')).toBe('string');
    expect(typeof parseShard('9/8')).toBe('string');
    expect(typeof parseShard('two')).toBe('string');
  });
});

describe('symbolic links inside a folder', () => {
  it('are not followed: a loop lists each report once, and folders or files linked from outside are not taken', () => {
    const root = tree(['in/a.yaml', 'in/sub/s.yaml', 'outside/o.yaml']);
    symlinkSync('..', join(root, 'in', 'sub', 'loop'));
    symlinkSync(join(root, 'outside'), join(root, 'in', 'linked'));
    symlinkSync(join(root, 'outside', 'o.yaml'), join(root, 'in', 'o-link.yaml'));
    const { files } = expandInputs(['in'], root);
    expect(files.map((f) => f.rel)).toEqual(['a', 'sub/s']);
    expect(expandInputs(['in/**/*.yaml'], root).files.map((f) => f.rel)).toEqual(['a', 'sub/s']);
  });

  it('are read when named on the command line, and a report reached twice is rendered once', () => {
    const root = tree(['in/a.yaml']);
    symlinkSync(join(root, 'in', 'a.yaml'), join(root, 'alias.yaml'));
    expect(expandInputs(['alias.yaml'], root).files.map((f) => f.path)).toEqual(['alias.yaml']);
    expect(expandInputs(['in/a.yaml', 'alias.yaml', 'in'], root).files.map((f) => f.path)).toEqual([join('in', 'a.yaml')]);
  });
});
