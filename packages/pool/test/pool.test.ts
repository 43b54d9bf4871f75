import { readFileSync } from 'node:fs';
import { render } from 'gongwen';
import { describe, expect, it } from 'vitest';
import { compiledExecArgv } from '../src/pool.js';
import { createRenderPool, PoolFullError, TaskAbortedError, TaskTimeoutError, WorkerPool } from '../src/index.js';

const national = readFileSync(new URL('../../../examples/national-jiaokou-2021.yaml', import.meta.url));
const spinner = new URL('./fixtures/spin-worker.mjs', import.meta.url);

describe('createRenderPool', () => {
  it('renders on its threads the bytes the facade renders in this one, and bad input as diagnostics', async () => {
    const pool = createRenderPool({ threads: 2 });
    try {
      const [a, b] = await Promise.all([0, 1].map(() => pool.run({ source: new Uint8Array(national), filename: 'n.yaml', formats: ['pdf', 'txt'] })));
      const direct = await render(new Uint8Array(national), { filename: 'n.yaml', formats: ['pdf', 'txt'] });
      expect(Buffer.compare(Buffer.from(a!.outputs.pdf!), Buffer.from(direct.outputs.pdf!))).toBe(0);
      expect(Buffer.compare(Buffer.from(b!.outputs.pdf!), Buffer.from(direct.outputs.pdf!))).toBe(0);
      expect(a!.outputs.txt).toBe(direct.outputs.txt);
      const bad = await pool.run({ source: new TextEncoder().encode('style: national\nyear: [2021\n'), filename: 'bad.yaml', formats: ['pdf'] });
      expect(bad.outputs).toEqual({});
      expect(bad.diagnostics[0]).toMatchObject({ severity: 'error', ruleId: 'yaml/syntax', file: 'bad.yaml' });
    } finally {
      await pool.destroy();
    }
  });
});

describe('WorkerPool', () => {
  it('refuses a task when every thread is busy and the waiting line is full', async () => {
    const pool = new WorkerPool<number, number>({ worker: spinner, threads: 1, maxQueue: 1 });
    try {
      const running = [pool.run(300), pool.run(0)];
      expect(pool.full).toBe(true);
      await expect(pool.run(0)).rejects.toBeInstanceOf(PoolFullError);
      await Promise.all(running);
      expect(pool.full).toBe(false);
      expect(await pool.run(0)).toEqual(expect.any(Number));
    } finally {
      await pool.destroy();
    }
  });

  it('stops a task past its time limit on a fresh thread, and cancels one through its signal', async () => {
    const pool = new WorkerPool<number, number>({ worker: spinner, threads: 1 });
    try {
      const before = await pool.run(0);
      await expect(pool.run(60_000, { timeoutMs: 50 })).rejects.toBeInstanceOf(TaskTimeoutError);
      const after = await pool.run(0);
      expect(after).not.toBe(before);
      const stop = new AbortController();
      const cancelled = pool.run(60_000, { signal: stop.signal });
      stop.abort();
      await expect(cancelled).rejects.toBeInstanceOf(TaskAbortedError);
    } finally {
      await pool.destroy();
    }
  });

  it('starts threads without the export conditions that point packages at their sources', () => {
    expect(compiledExecArgv(['--conditions', '@gongwen/source', '--enable-source-maps', '--conditions=x', '-C', 'y', '--max-old-space-size=512'])).toEqual(['--enable-source-maps', '--max-old-space-size=512']);
  });
});
