import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleTemps, self, staleAfterMs, tempPrefix, writeFileAtomic, type TempOwner } from '../../src/atomic-write.js';
import { tempDir } from './helpers.js';

const host = hostname().replace(/[^A-Za-z0-9_-]/g, '_');

function leftover(dir: string, owner: TempOwner, name: string, ageMs = 0): string {
  const file = `${tempPrefix}${owner.host}.${owner.pid}.${owner.run}.0~${name}`;
  writeFileSync(join(dir, file), 'half a PDF');
  const t = (Date.now() - ageMs) / 1000;
  utimesSync(join(dir, file), t, t);
  return file;
}

describe('temporary files', () => {
  it('are named after the machine, the process and a random id of its run', () => {
    const dir = tempDir();
    expect(self).toMatchObject({ host, pid: process.pid });
    expect(self.run).toMatch(/^[0-9a-f]{12}$/);
    // A write that fails after its temp file was made leaves nothing behind, and shows the name.
    mkdirSync(join(dir, 'target.pdf'));
    mkdirSync(join(dir, 'target.pdf', 'keeps-it-non-empty'));
    expect(() => writeFileAtomic(join(dir, 'target.pdf'), 'x')).toThrow();
    expect(readdirSync(dir)).toEqual(['target.pdf']);
  });

  it('left by an earlier life of this PID are removed at once (PID 1 in a container is always alive)', () => {
    const dir = tempDir();
    const pid1: TempOwner = { host, pid: 1, run: 'aaaaaaaaaaaa' };
    const earlier = leftover(dir, { ...pid1, run: 'bbbbbbbbbbbb' }, 'a.pdf');
    const mine = leftover(dir, pid1, 'b.pdf');
    expect(removeStaleTemps([dir], pid1)).toBe(1);
    expect(readdirSync(dir)).toEqual([mine]);
    expect(readdirSync(dir)).not.toContain(earlier);
  });

  it('of a dead process on this machine are removed at once; of a live one only once they are old', () => {
    const dir = tempDir();
    const dead = leftover(dir, { host, pid: 2 ** 22 + 12345, run: 'cccccccccccc' }, 'a.pdf');
    const liveFresh = leftover(dir, { host, pid: process.ppid, run: 'dddddddddddd' }, 'b.pdf');
    const liveOld = leftover(dir, { host, pid: process.ppid, run: 'eeeeeeeeeeee' }, 'c.pdf', staleAfterMs + 60_000);
    expect(removeStaleTemps([dir], self)).toBe(2);
    expect(readdirSync(dir)).toEqual([liveFresh]);
    expect([dead, liveOld].some((f) => readdirSync(dir).includes(f))).toBe(false);
  });

  it('of another machine on a shared volume are left while fresh (its PIDs say nothing here) and removed once old', () => {
    const dir = tempDir();
    const other = { host: 'render-node-7', pid: process.pid, run: 'ffffffffffff' };
    const fresh = leftover(dir, other, 'a.pdf', 60_000);
    const old = leftover(dir, other, 'b.pdf', staleAfterMs + 60_000);
    writeFileSync(join(dir, 'report.pdf'), 'a user file');
    writeFileSync(join(dir, '.gongwen-manifest.json'), '{}');
    expect(removeStaleTemps([dir], self)).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['.gongwen-manifest.json', fresh, 'report.pdf'].sort());
    expect(readdirSync(dir)).not.toContain(old);
  });
});
