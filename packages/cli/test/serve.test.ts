import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, copyExamples, gongwen } from './cli-helpers.js';

const liaoningFile = 'liaoning-zhuanghe-taipingling-2023.yaml';

/** Starts `gongwen serve` on a free loopback port; resolves with its address once it listens. */
function startServe(args: string[]) {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const address = new Promise<string>((done, fail) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
      if (m) done(m[1]!);
    });
    child.once('exit', () => fail(new Error(`serve exited: ${stderr}`)));
  });
  return { child, address, exited, stderr: () => stderr };
}

describe('gongwen serve', () => {
  it('answers the same PDF bytes as gongwen render, and on SIGTERM finishes the request in flight, then exits 0', async () => {
    const dir = copyExamples();
    const rendered = gongwen(['render', join(dir, liaoningFile), '--format', 'pdf', '--out', join(dir, 'out')]);
    expect(rendered.code).toBe(0);
    const expected = readFileSync(join(dir, 'out', liaoningFile.replace(/\.yaml$/, '.pdf')));

    const serve = startServe(['--threads', '1']);
    const base = await serve.address;
    const yaml = readFileSync(join(dir, liaoningFile));
    const first = await fetch(`${base}/v1/render?format=pdf`, { method: 'POST', headers: { 'content-type': 'application/yaml' }, body: yaml });
    expect(first.status).toBe(200);
    expect(Buffer.compare(Buffer.from(await first.arrayBuffer()), expected)).toBe(0);

    // A long report in flight when the signal comes: it is answered in full.
    const long = yaml.toString().replace(/^parts:\n([\s\S]*?)(?=^\S)/m, (_m, body: string) => `parts:\n${body.repeat(3)}`);
    const inFlight = fetch(`${base}/v1/render?format=pdf`, { method: 'POST', headers: { 'content-type': 'application/yaml' }, body: long });
    for (;;) {
      const metrics = await (await fetch(`${base}/metrics`)).text();
      if (/^gongwen_pool_busy_workers 1$/m.test(metrics)) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    serve.child.kill('SIGTERM');
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    const pdf = Buffer.from(await answer.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toContain('%%EOF');
    expect(await serve.exited).toBe(0);
    expect(serve.stderr()).toContain('SIGTERM');
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });

  it('refuses a malformed option with a usage error', () => {
    const r = gongwen(['serve', '--port', 'eighty']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--port');
    const w = gongwen(['worker']);
    expect(w.code).toBe(2);
    expect(w.stderr).toContain('--queue');
  });
});
