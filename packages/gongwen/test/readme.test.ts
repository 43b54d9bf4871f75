import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const pkg = fileURLToPath(new URL('..', import.meta.url));

describe('README', () => {
  it('runs the embedding example as written, against the built package', () => {
    const readme = readFileSync(join(pkg, 'README.md'), 'utf8');
    const code = /```js\n([\s\S]*?)```/.exec(readme)![1]!;
    expect(code.split('\n').filter(Boolean).length).toBeLessThanOrEqual(10);
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-readme-'));
    mkdirSync(join(dir, 'node_modules', '@gongwen'), { recursive: true });
    symlinkSync(pkg, join(dir, 'node_modules', 'gongwen'));
    symlinkSync(join(pkg, '..', 'diagnostics'), join(dir, 'node_modules', '@gongwen', 'diagnostics'));
    copyFileSync(join(pkg, '..', '..', 'examples', 'national-jiaokou-2021.yaml'), join(dir, 'report.yaml'));
    writeFileSync(join(dir, 'seal.png'), '');
    writeFileSync(join(dir, 'example.mjs'), code);
    const r = spawnSync(process.execPath, ['example.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'report.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(join(dir, 'report.docx')).subarray(0, 2).toString()).toBe('PK');
  });
});
