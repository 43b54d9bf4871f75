import { spawnSync } from 'node:child_process';
import { deflateSync } from 'node:zlib';
import { bin, repoDir } from '../cli-helpers.js';

export { examplesDir, gongwen, repoDir, tempDir } from '../cli-helpers.js';

/**
 * Runs the CLI and measures the processor time it used (user + system, from the shell's `time`):
 * the bound that matters for a refusal, which a busy machine's wall clock would blur.
 */
export function gongwenCpu(args: string[], cwd: string): { code: number | null; stderr: string; cpuSeconds: number } {
  const quoted = [process.execPath, bin, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('bash', ['-c', `TIMEFORMAT='%U %S'; time ( ${quoted} ; echo "exit=$?" >&2 )`], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', GONGWEN_LANG: '' },
    timeout: 600_000,
  });
  const lines = r.stderr.trimEnd().split('\n');
  const [user, system] = lines.pop()!.split(' ').map(Number);
  const code = Number(/exit=(\d+)/.exec(lines.pop() ?? '')?.[1] ?? NaN);
  return { code, stderr: lines.join('\n'), cpuSeconds: user! + system! };
}

export const runRepo = repoDir;

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** A PNG of `width`×`height` 1-bit grey pixels: a 20000×20000 one is 50 MB of rows deflated to a few dozen kB. */
export function greyPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([1, 0, 0, 0, 0], 8);
  const raw = Buffer.alloc((1 + Math.ceil(width / 8)) * height);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
