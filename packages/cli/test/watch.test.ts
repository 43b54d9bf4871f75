import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { examplesDir, gongwen, startGongwen, tempDir } from './cli-helpers.js';



/** Waits for a condition; the limit only stops a hung test (a busy machine may be slow). */
async function until(check: () => boolean, ms = 300_000): Promise<void> {
  for (const start = Date.now(); Date.now() - start < ms; await sleep(50)) if (check()) return;
  throw new Error('timed out');
}

describe('gongwen render --watch', () => {
  it('keeps seeing a report in a watched folder that is saved by rename (sed -i) again and again', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    const input = join(dir, 'in', 'r.yaml');
    writeFileSync(input, readFileSync(join(examplesDir, 'national-jiaokou-2021.yaml'), 'utf8'));
    const out = join(dir, 'out', 'r.txt');
    const child = startGongwen(['render', 'in', '--format', 'txt', '--out', 'out', '--watch'], dir);
    try {
      await until(() => existsSync(out));
      for (const n of [1, 2, 3]) {
        await sleep(200);
        // sed -i writes a new file and renames it over the old one, as most editors save.
        execFileSync('sed', ['-i', '-E', `s/2021年度(（第[0-9]稿）)?，/2021年度（第${n}稿），/`, input]);
        await until(() => readFileSync(out, 'utf8').includes(`（第${n}稿）`));
      }
    } finally {
      child.kill('SIGINT');
    }
  });

  it('stops at the first Ctrl+C, with exit code 0', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in', 'county'), { recursive: true });
    writeFileSync(join(dir, 'in', 'county', 'r.yaml'), readFileSync(join(examplesDir, 'national-jiaokou-2021.yaml'), 'utf8'));
    const child = startGongwen(['render', 'in', '--format', 'txt', '--out', 'out', '--watch'], dir);
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    await until(() => existsSync(join(dir, 'out', 'county', 'r.txt')));
    await sleep(200);
    child.kill('SIGINT');
    // One signal only: if the watchers kept the process alive, this would never resolve.
    expect(await exited).toBe(0);
  });

  it('re-renders a report when its YAML changes', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    const input = join(dir, 'in', 'r.yaml');
    const base = readFileSync(join(examplesDir, 'national-jiaokou-2021.yaml'), 'utf8');
    writeFileSync(input, base);
    const out = join(dir, 'out', 'r.txt');
    const child = startGongwen(['render', 'in/r.yaml', '--format', 'txt', '--out', 'out', '--watch'], dir);
    try {
      await until(() => existsSync(out));
      expect(readFileSync(out, 'utf8')).not.toContain('（已修订）');
      await sleep(200);
      writeFileSync(input, base.replace('2021年度，', '2021年度（已修订），'));
      await until(() => readFileSync(out, 'utf8').includes('（已修订）'));
    } finally {
      child.kill('SIGINT');
    }
  });

  it('renders a report added to a watched folder', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in', 'county'), { recursive: true });
    const base = readFileSync(join(examplesDir, 'national-jiaokou-2021.yaml'), 'utf8');
    writeFileSync(join(dir, 'in', 'a.yaml'), base);
    const child = startGongwen(['render', 'in', '--format', 'txt', '--out', 'out', '--watch'], dir);
    try {
      await until(() => existsSync(join(dir, 'out', 'a.txt')));
      await sleep(200);
      writeFileSync(join(dir, 'in', 'county', 'b.yaml'), base);
      await until(() => existsSync(join(dir, 'out', 'county', 'b.txt')));
    } finally {
      child.kill('SIGINT');
    }
  });

  it("re-renders when its style's files change", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    expect(gongwen(['styles', 'new', 'mine', '--from', 'national', '--dir', join(dir, 'styles')]).code).toBe(0);
    const manifest = join(dir, 'styles', 'mine', 'style.yaml');
    // Without a title in the data, the style's default title is printed.
    const base = readFileSync(join(examplesDir, 'national-jiaokou-2021.yaml'), 'utf8').replace(/^title: .*\n/m, '');
    writeFileSync(join(dir, 'in', 'r.yaml'), base);
    const out = join(dir, 'out', 'r.txt');
    const child = startGongwen(['render', 'in/r.yaml', '--format', 'txt', '--out', 'out', '--style', 'mine', '--styles-dir', 'styles', '--watch'], dir);
    try {
      await until(() => existsSync(out));
      expect(readFileSync(out, 'utf8')).toContain('年度法治政府建设情况的报告');
      await sleep(200);
      writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('年度法治政府建设情况的报告', '年度法治政府建设工作报告'));
      await until(() => readFileSync(out, 'utf8').includes('年度法治政府建设工作报告'));
    } finally {
      child.kill('SIGINT');
    }
  });
});
