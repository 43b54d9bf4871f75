import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { examplesDir, gongwen, startGongwen, tempDir } from './cli-helpers.js';


const format = 'pdf';

function reports(dir: string, count: number, marker: string): void {
  const base = readFileSync(join(examplesDir, 'liaoning-zhuanghe-taipingling-2023.yaml'), 'utf8');
  mkdirSync(join(dir, 'in'), { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(join(dir, 'in', `r${String(i).padStart(2, '0')}.yaml`), base.replace('2023年，', `2023年（${marker}${i}），`));
}

const snapshot = (dir: string) => new Map(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f))]));

describe('atomic replace', () => {
  it('leaves every output either the old file or the new one when the run is killed mid-batch', async () => {
    const dir = tempDir();
    const count = format === 'pdf' ? 12 : 300;
    reports(dir, count, '旧');
    expect(gongwen(['render', 'in', '--format', format, '--out', 'out', '--quiet'], { cwd: dir }).code).toBe(0);
    const old = snapshot(join(dir, 'out'));
    reports(dir, count, '新');
    expect(gongwen(['render', 'in', '--format', format, '--out', 'expected', '--quiet'], { cwd: dir }).code).toBe(0);
    const fresh = snapshot(join(dir, 'expected'));

    const child = startGongwen(['render', 'in', '--format', format, '--out', 'out', '--jobs', '2', '--quiet'], dir);
    const exited = new Promise((done) => child.once('exit', done));
    // Kill it as soon as the first new output lands, while the others are being written.
    for (let t = 0; t < 2000; t++) {
      const now = readdirSync(join(dir, 'out')).filter((f) => !f.startsWith('.'));
      if (now.some((f) => !readFileSync(join(dir, 'out', f)).equals(old.get(f)!))) break;
      await sleep(2);
    }
    child.kill('SIGKILL');
    await exited;

    let replaced = 0;
    for (const [name, before] of old) {
      const now = readFileSync(join(dir, 'out', name));
      const isOld = now.equals(before);
      const isNew = now.equals(fresh.get(name)!);
      expect(isOld || isNew, `${name} is torn`).toBe(true);
      if (isNew) replaced++;
    }
    expect(replaced).toBeGreaterThan(0);
    expect(replaced).toBeLessThan(count);

    // The next run finishes the job and clears what the killed one left behind.
    expect(gongwen(['render', 'in', '--format', format, '--out', 'out', '--quiet'], { cwd: dir }).code).toBe(0);
    expect(readdirSync(join(dir, 'out')).filter((f) => f.startsWith('.'))).toEqual([]);
    for (const [name, after] of fresh) expect(readFileSync(join(dir, 'out', name)).equals(after), name).toBe(true);
  });

  it('refuses a seal image that leaves the report folder, even through a symbolic link', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'secret.png'), 'not for reports');
    symlinkSync(join(dir, 'secret.png'), join(dir, 'in', 'seal.png'));
    const base = readFileSync(join(examplesDir, 'national-jiaokou-2021.yaml'), 'utf8');
    writeFileSync(join(dir, 'in', 'r.yaml'), base.replace(/^(signature:\n)/m, '$1  seals: [seal.png, seal.png]\n'));
    const r = gongwen(['render', 'in/r.yaml', '--format', 'txt', '--out', 'out'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^in\/r\.yaml:\d+:\d+: 错误: 无法读取印章图片“seal\.png” .*\[asset\/missing\]/m);
  });
});
