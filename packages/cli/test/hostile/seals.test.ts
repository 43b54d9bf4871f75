import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examplesDir, gongwen, gongwenCpu, greyPng, repoDir, tempDir } from './helpers.js';

const base = readFileSync(join(examplesDir, 'national-jiaokou-2021.yaml'), 'utf8').replace(/^(signature:\n)/m, '$1  seals: [seal.png]\n');
const line = base.split('\n').findIndex((l) => l.includes('seals: [seal.png]')) + 1;
const column = base.split('\n')[line - 1]!.indexOf('seal.png') + 1;
const goodSeal = readFileSync(join(repoDir, 'packages/render-pdf/test/fixtures/seal.png'));

function reports(count: number, seal: Uint8Array | ((path: string) => void)): string {
  const dir = tempDir();
  for (let i = 0; i < count; i++) {
    const sub = join(dir, 'in', `r${i}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, 'r.yaml'), base);
    if (typeof seal === 'function') seal(join(sub, 'seal.png'));
    else writeFileSync(join(sub, 'seal.png'), seal);
  }
  return dir;
}

describe('gongwen render with hostile seal images', () => {
  it('refuses a PNG bomb at the seal line:col, without decoding it, even with --jobs 2 on a batch of them', () => {
    const dir = reports(4, greyPng(20000, 20000));
    const r = gongwenCpu(['render', 'in', '--format', 'pdf,docx', '--out', 'out', '--jobs', '2'], dir);
    expect(r.code).toBe(1);
    for (let i = 0; i < 4; i++) {
      expect(r.stderr).toMatch(new RegExp(`^in/r${i}/r\\.yaml:${line}:${column}: 错误: 印章图片 seal\\.png 有 20000×20000 像素.*\\[seal/too-large\\]`, 'm'));
    }
    expect(r.stderr).not.toMatch(/internal|内部错误/);
    // Decoding one would take gigabytes and tens of seconds; refusing four takes what starting the workers does.
    expect(r.cpuSeconds).toBeLessThan(20);
    expect(existsSync(join(dir, 'out', 'r0', 'r.pdf'))).toBe(false);
  });

  it('refuses a truncated PNG with --format docx alone, instead of embedding it', () => {
    const dir = reports(1, goodSeal.subarray(0, goodSeal.length - 20));
    const r = gongwen(['render', 'in', '--format', 'docx', '--out', 'out'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^in/r0/r\\.yaml:${line}:${column}: 错误: 印章图片 seal\\.png 已损坏.*\\[seal/corrupt\\]`, 'm'));
    expect(r.stderr).not.toContain('internal/exception');
    expect(existsSync(join(dir, 'out', 'r0', 'r.docx'))).toBe(false);
  });

  it('refuses a broken JPEG (a real one, cut in half) with a position, not an internal error', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'page.pdf'), '');
    expect(gongwen(['render', join(examplesDir, 'national-jiaokou-2021.yaml'), '--format', 'pdf', '--out', dir]).code).toBe(0);
    execFileSync('pdftoppm', ['-jpeg', '-r', '12', '-f', '1', '-l', '1', '-singlefile', join(dir, 'national-jiaokou-2021.pdf'), join(dir, 'page')]);
    const jpeg = readFileSync(join(dir, 'page.jpg'));
    const batch = reports(1, jpeg.subarray(0, jpeg.length >> 1));
    const r = gongwen(['render', 'in', '--format', 'pdf', '--out', 'out', '--lang', 'en'], { cwd: batch });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^in/r0/r\\.yaml:${line}:${column}: error: the seal image seal\\.png is damaged.*\\[seal/corrupt\\]`, 'm'));
  });

  it('refuses a seal file over the byte limit without reading it whole', () => {
    // A sparse 2 GiB file: reading it would take gigabytes of memory.
    const dir = reports(1, (path) => {
      writeFileSync(path, goodSeal);
      truncateSync(path, 2 * 1024 ** 3);
    });
    const r = gongwenCpu(['render', 'in', '--format', 'txt', '--out', 'out'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/印章图片 seal\.png 超过 8 MiB.*\[seal\/too-large\]/);
    expect(r.cpuSeconds).toBeLessThan(5);
  });

  it('does not hang on a seal that is a FIFO', () => {
    const dir = reports(1, (path) => execFileSync('mkfifo', [path]));
    const r = gongwen(['render', 'in', '--format', 'txt', '--out', 'out'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\[asset\/missing\]/);
  });
});
