import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examplesDir, gongwen, gongwenCpu, tempDir } from './helpers.js';

function reportDir(): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'r.yaml'), readFileSync(join(examplesDir, 'national-jiaokou-2021.yaml')));
  return dir;
}

describe('output folders that cannot be made', () => {
  for (const out of ['/proc/x', '/proc/self/x/y', '/dev/null/x', '/sys/gongwen-out']) {
    it(`--out ${out} fails at once with io/out-dir`, () => {
      const dir = reportDir();
      const r = gongwenCpu(['render', 'r.yaml', '--format', 'txt', '--out', out], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^${out.replace(/\//g, '\\/')}: 错误: 无法创建输出目录 .*\\[io/out-dir\\]`, 'm'));
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
      // A refusal, not a loop: about what starting Node costs.
      expect(r.cpuSeconds).toBeLessThan(3);
    });
  }

  it('--out naming a file fails the same way, in English with --lang en', () => {
    const dir = reportDir();
    writeFileSync(join(dir, 'taken'), 'a file');
    const r = gongwen(['render', 'r.yaml', '--format', 'txt', '--out', 'taken', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^taken: error: cannot create the output folder .*ENOTDIR.*\[io\/out-dir\]/m);
  });

  it('a folder of the mirrored tree blocked by a file fails that report with io/write, and the batch goes on', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in', 'county'), { recursive: true });
    const base = readFileSync(join(examplesDir, 'national-jiaokou-2021.yaml'));
    writeFileSync(join(dir, 'in', 'a.yaml'), base);
    writeFileSync(join(dir, 'in', 'county', 'b.yaml'), base);
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'county'), 'a file where a folder should be');
    const r = gongwen(['render', 'in', '--format', 'txt', '--out', 'out', '--jobs', '1'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^in\/county\/b\.yaml: 错误: 无法写入 .*\[io\/write\]/m);
    expect(existsSync(join(dir, 'out', 'a.txt'))).toBe(true);
  });

  it('a run that renders nothing leaves no empty output folder behind', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), 'style: national\nyear: [2021\n');
    expect(gongwen(['render', 'bad.yaml', '--format', 'txt', '--out', 'deep/out'], { cwd: dir }).code).toBe(1);
    expect(readdirSync(dir)).toEqual(['bad.yaml']);
  });
});
