import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { render } from 'gongwen';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type GongwenServer } from '../src/index.js';
import { nationalWithSeal, sealPng } from './helpers.js';

// The clients README shows for other languages, run as a user would run them against a real socket.
const clients = fileURLToPath(new URL('../clients/', import.meta.url));
const onPath = (name: string) => (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, name)));
const inCi = /^(1|true)$/i.test(process.env.CI ?? '');
const token = 'client-test-token';

function run(cmd: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(cmd, args, { cwd, env: { ...process.env, GONGWEN_TOKEN: token }, timeout: 300_000 }, (e, stdout, stderr) =>
      done({ code: e ? (typeof e.code === 'number' ? e.code : 1) : 0, stdout, stderr }),
    );
  });
}

let server: GongwenServer;
let base: string;
let dir: string;
let expected: Uint8Array;

beforeAll(async () => {
  server = await createServer({ threads: 1, token });
  await server.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(server.app.server.address() as { port: number }).port}`;
  dir = mkdtempSync(join(tmpdir(), 'gongwen-clients-'));
  writeFileSync(join(dir, 'report.yaml'), nationalWithSeal);
  writeFileSync(join(dir, 'seal.png'), sealPng);
  // A report whose 发文字号 year is not a year: the service answers 422 at its line.
  writeFileSync(join(dir, 'bad.yaml'), nationalWithSeal.replace(/^year: .*$/m, 'year: 二〇二一'));
  expected = (await render(nationalWithSeal, { filename: 'report.yaml', formats: ['pdf'], assets: { 'seal.png': sealPng } })).outputs.pdf!;
}, 300_000);

afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const languages = [
  { name: 'Java (JDK only)', tool: 'java', args: (out: string, report = 'report.yaml') => [join(clients, 'GongwenClient.java'), base, report, out, '--seal', 'seal.png=seal.png'] },
  { name: 'Python (standard library only)', tool: 'python3', args: (out: string, report = 'report.yaml') => [join(clients, 'gongwen_client.py'), base, report, out, '--seal', 'seal.png=seal.png'] },
];

describe.each(languages)('the $name client in clients/', ({ tool, args }) => {
  const present = onPath(tool);
  it.skipIf(!present && !inCi)(`renders a report with its seal to the PDF gongwen renders, through the token`, async () => {
    const r = await run(tool, args('out.pdf'), dir);
    expect(r.code, r.stderr).toBe(0);
    expect(Buffer.compare(readFileSync(join(dir, 'out.pdf')), Buffer.from(expected))).toBe(0);
  });

  it.skipIf(!present && !inCi)('exits 1 on a report the service refuses, with its diagnostics', async () => {
    const r = await run(tool, args('bad.pdf', 'bad.yaml'), dir);
    expect(r.code).toBe(1);
    // Java prints the service's JSON as it came, Python one line a diagnostic: both at line 12, column 7.
    expect(r.stderr).toContain('schema/type');
    expect(r.stderr).toMatch(/"line":12,"column":7|report\.yaml:12:7 /);
    expect(existsSync(join(dir, 'bad.pdf'))).toBe(false);
  });
});
