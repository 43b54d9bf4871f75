import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { render } from 'gongwen';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { eventually, liaoning } from './helpers.js';
import { freePort } from './redis-server.js';

// No container runtime runs here, so the deploy files are run as far as a machine without one can:
// the Dockerfile's own `pnpm deploy` step and its ENTRYPOINT, CMD and HEALTHCHECK; the compose file's
// redis, serve and worker commands; the Kubernetes worker's args and the indexed Job's shard command.
// Each command is read from its file, with only host names, ports and mount paths replaced.
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const deploy = join(repo, 'deploy');
const exec = promisify(execFile);

interface Dockerfile {
  deployArgs: string[];
  entrypoint: string[];
  cmd: string[];
  healthcheck: string;
}

/** The instructions this test runs, from the Dockerfile's text (continuation lines joined). */
function readDockerfile(): Dockerfile {
  const lines = readFileSync(join(deploy, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ').split('\n');
  const json = (keyword: string) => JSON.parse(lines.find((l) => l.startsWith(`${keyword} [`))!.slice(keyword.length + 1)) as string[];
  const step = lines.flatMap((l) => (l.startsWith('RUN ') ? l.slice(4).split('&&') : [])).find((s) => /\bdeploy\b/.test(s))!;
  return {
    deployArgs: step.trim().split(/\s+/).slice(2), // after `node scripts/pnpm.mjs`
    entrypoint: json('ENTRYPOINT'),
    cmd: json('CMD'),
    healthcheck: lines.find((l) => l.startsWith('HEALTHCHECK CMD '))!.slice('HEALTHCHECK CMD '.length),
  };
}

/** Splits a shell command the way `sh` would for the simple quoting the files use. */
function words(command: string): string[] {
  return [...command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

const children: ChildProcess[] = [];
function start(cmd: string, args: string[], env: Record<string, string> = {}, ready?: RegExp): Promise<ChildProcess> {
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  if (!ready) return Promise.resolve(child);
  return new Promise((done, fail) => {
    let out = '';
    const on = (c: Buffer) => {
      out += c.toString();
      if (ready.test(out)) done(child);
    };
    child.stdout!.on('data', on);
    child.stderr!.on('data', on);
    child.once('exit', (code) => fail(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${out}`)));
  });
}

const docker = readDockerfile();
let work: string;
let opt: string;
/** A path inside the image, as it is in the copy `pnpm deploy` made here. */
const inImage = (p: string) => p.replace('/opt/gongwen', opt);

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'gongwen-deploy-'));
  opt = join(work, 'opt-gongwen');
  const args = docker.deployArgs.map((a) => (a === '/opt/gongwen' ? opt : a));
  expect(args).toContain(opt);
  await exec(process.execPath, [join(repo, 'scripts/pnpm.mjs'), ...args], { cwd: repo, timeout: 600_000 });
}, 600_000);

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('deploy/', () => {
  it("Dockerfile: the image's gongwen, from its own deploy step, serves the same PDF as the workspace and passes its health check", async () => {
    const port = await freePort();
    const [node, ...entry] = docker.entrypoint;
    expect(node).toBe('node');
    const cmd = docker.cmd.map((a) => (a === '8080' ? String(port) : a));
    const token = 'deploy-test';
    await start(process.execPath, [...entry.map(inImage), ...cmd], { GONGWEN_TOKEN: token }, /http:\/\//);
    const health = words(docker.healthcheck.replace('8080', String(port)));
    expect(health[0]).toBe('node');
    await eventually(async () => (await exec(process.execPath, health.slice(1)).then(() => true, () => false)) || undefined, 'the health check to pass');
    await eventually(async () => (await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false)) || undefined, 'the service to be ready');
    const res = await fetch(`http://127.0.0.1:${port}/v1/render?format=pdf`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/yaml' }, body: liaoning });
    expect(res.status).toBe(200);
    const expected = (await render(liaoning, { filename: 'report.yaml', formats: ['pdf'] })).outputs.pdf!;
    expect(Buffer.compare(Buffer.from(await res.arrayBuffer()), Buffer.from(expected))).toBe(0);
  });

  it('compose.yaml and kubernetes/workers.yaml: redis, serve --queue and the workers, as written, render a job to the same bytes', async () => {
    const compose = parse(readFileSync(join(deploy, 'compose.yaml'), 'utf8'));
    const k8sWorker = parse(readFileSync(join(deploy, 'kubernetes/workers.yaml'), 'utf8').split(/^---$/m)[0]!).spec.template.spec.containers[0];
    const redisPort = await freePort();
    const httpPort = await freePort();
    const redisUrl = `redis://127.0.0.1:${redisPort}`;
    const local = (args: string[]) => args.map((a) => a.replace('redis://redis:6379', redisUrl).replace(/^8080$/, String(httpPort)));
    const [redisBin, ...redisArgs] = compose.services.redis.command as string[];
    mkdirSync(join(work, 'redis'));
    await start(redisBin!, [...redisArgs, '--port', String(redisPort), '--bind', '127.0.0.1', '--dir', join(work, 'redis')], {}, /Ready to accept connections/);
    const gongwen = [inImage('/opt/gongwen/bin/gongwen.js')];
    const token = 'compose-test';
    await start(process.execPath, [...gongwen, ...local(compose.services.serve.command)], { GONGWEN_TOKEN: token }, /http:\/\//);
    // One worker as compose starts it, one as the Kubernetes Deployment does.
    await start(process.execPath, [...gongwen, ...local(compose.services.worker.command)]);
    await start(process.execPath, [...gongwen, ...local(k8sWorker.args)]);
    const base = `http://127.0.0.1:${httpPort}`;
    const auth = { authorization: `Bearer ${token}` };
    const submitted = await fetch(`${base}/v1/jobs?format=docx`, { method: 'POST', headers: { ...auth, 'content-type': 'application/yaml' }, body: liaoning });
    expect(submitted.status).toBe(202);
    const [{ id }] = (await submitted.json()).jobs;
    const done = await eventually(async () => {
      const s = await (await fetch(`${base}/v1/jobs/${id}`, { headers: auth })).json();
      return s.state === 'completed' || s.state === 'failed' ? s : undefined;
    }, 'the job to finish');
    expect(done.state).toBe('completed');
    const result = Buffer.from(await (await fetch(`${base}/v1/jobs/${id}/result`, { headers: auth })).arrayBuffer());
    const expected = (await render(liaoning, { filename: 'report.yaml', formats: ['docx'] })).outputs.docx!;
    expect(Buffer.compare(result, Buffer.from(expected))).toBe(0);
  });

  it("kubernetes/render-shards.yaml: the indexed Job's pods render every report once between them", async () => {
    const job = parse(readFileSync(join(deploy, 'kubernetes/render-shards.yaml'), 'utf8'));
    const container = job.spec.template.spec.containers[0];
    const mount = container.volumeMounts[0].mountPath as string;
    const data = join(work, 'data');
    mkdirSync(join(data, 'reports'), { recursive: true });
    const examples = readdirSync(join(repo, 'examples')).filter((f) => f.endsWith('.yaml'));
    for (const f of examples) cpSync(join(repo, 'examples', f), join(data, 'reports', f));
    const script = inImage(container.args[0] as string).replaceAll(mount, data).replace(/^exec node /, `exec ${process.execPath} `);
    const outputs: string[] = [];
    for (let index = 0; index < job.spec.completions; index++) {
      const pod = await exec(container.command[0], [...container.command.slice(1), script], { env: { ...process.env, JOB_COMPLETION_INDEX: String(index) }, timeout: 600_000 });
      outputs.push(pod.stdout + pod.stderr);
    }
    const rendered = readdirSync(join(data, 'out')).filter((f) => f.endsWith('.pdf'));
    expect(rendered.sort()).toEqual(examples.map((f) => f.replace(/\.yaml$/, '.pdf')).sort());
    // Each report in exactly one pod's slice.
    for (const f of examples) expect(outputs.filter((o) => o.includes(`${f} →`)).length, f).toBe(1);
  });
});
