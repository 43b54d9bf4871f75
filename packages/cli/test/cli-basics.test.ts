import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from 'gongwen';
import { bin, copyExamples, gongwen, repoDir, tempDir } from './cli-helpers.js';



describe('gongwen --help', () => {
  it('lists the commands and exits 0, in Chinese by default and in English with --lang en', () => {
    const zh = gongwen(['--help']);
    expect(zh.code).toBe(0);
    for (const c of ['validate', 'render', 'check', 'styles', 'fonts']) expect(zh.stdout).toContain(c);
    expect(zh.stdout).toContain('用法');
    const en = gongwen(['--help', '--lang', 'en']);
    expect(en.stdout).toContain('Usage: gongwen <command>');
    expect(gongwen(['render', '--help', '--lang', 'en']).stdout).toContain('--shard <k/n>');
  });

  it('exits 2 with one line and a --help hint on a usage error, never a stack trace', () => {
    for (const args of [['render', 'x.yaml', '--bogus'], ['frobnicate'], ['render'], ['render', 'x.yaml', '--shard', '3/2'], ['render', 'x.yaml', '--format', 'gif']]) {
      const r = gongwen(args, { env: { GONGWEN_LANG: 'en' } });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^gongwen: .+\nsee gongwen (\w+ )?--help\n$/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('an internal error', () => {
  it('prints one line and how to report it, exits 70, and shows the stack only with GONGWEN_DEBUG=1', () => {
    // Simulate a bug: a Node API the CLI relies on throws.
    const run = (debug: string) =>
      spawnSync(process.execPath, ['--import', 'data:text/javascript,process.cwd=()=>{throw new Error("boom")}', bin, 'validate', 'x.yaml'], {
        encoding: 'utf8',
        env: { ...process.env, GONGWEN_DEBUG: debug },
      });
    const plain = run('');
    expect(plain.status).toBe(70);
    expect(plain.stderr).toMatch(/^gongwen: internal error: boom\n.*GONGWEN_DEBUG=1/);
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    expect(run('1').stderr).toMatch(/\n\s+at /);
  });
});

describe('gongwen validate', () => {
  it('passes every example', () => {
    const r = gongwen(['validate', 'examples']);
    expect(r.stderr.split('\n').filter((l) => l.includes('错误'))).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('prints each problem as path:line:col: and exits 1', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'syntax.yaml'), 'style: national\nyear: [2021\n');
    writeFileSync(join(dir, 'type.yaml'), readFileSync(join(copyExamples(), 'national-jiaokou-2021.yaml'), 'utf8').replace(/^year: 2021$/m, 'year: 二〇二一'));
    const r = gongwen(['validate', 'syntax.yaml', 'type.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^syntax\.yaml:\d+:\d+: 错误: /m);
    const yearLine = readFileSync(join(dir, 'type.yaml'), 'utf8').split('\n').findIndex((l) => l.startsWith('year:')) + 1;
    expect(r.stderr).toMatch(new RegExp(`^type\\.yaml:${yearLine}:\\d+: 错误: .*\\[schema/`, 'm'));
    expect(r.stderr).toContain('^');
  });

  it('prints { ok, files: [{ path, diagnostics }] } with --format json, in English with --lang en', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), 'style: national\nyear: [2021\n');
    const r = gongwen(['validate', 'bad.yaml', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { ok: boolean; files: { path: string; diagnostics: { severity: string; ruleId: string; line: number; message: string }[] }[] };
    expect(report.ok).toBe(false);
    expect(report.files).toHaveLength(1);
    expect(report.files[0]!.path).toBe('bad.yaml');
    expect(report.files[0]!.diagnostics[0]).toMatchObject({ severity: 'error', file: 'bad.yaml' });
    expect(report.files[0]!.diagnostics[0]!.message).toMatch(/[a-z]/);
    expect(report.files[0]!.diagnostics[0]!.message).not.toMatch(/[\u4e00-\u9fff]{4}/);
  });

  it('gives every broken schema fixture exactly the diagnostics it expects', () => {
    const dir = join(repoDir, 'packages', 'schema', 'test', 'fixtures', 'invalid');
    const r = gongwen(['validate', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { files: { path: string; diagnostics: { severity: string; line?: number; column?: number; ruleId: string }[] }[] };
    expect(report.files.length).toBeGreaterThan(10);
    for (const f of report.files) {
      const expected = readFileSync(join(repoDir, f.path), 'utf8')
        .split('\n')
        .map((l) => /^# expect: (\w+ \d+:\d+ [\w/-]+)\s*$/.exec(l)?.[1])
        .filter(Boolean);
      const actual = f.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.severity} ${d.line}:${d.column} ${d.ruleId}`);
      expect(actual.sort(), f.path).toEqual(expected.sort());
    }
  });

  it('reports a file that does not exist as an error, not a crash', () => {
    const r = gongwen(['validate', 'missing.yaml'], { cwd: tempDir() });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^missing\.yaml: 错误: .*\[io\/not-found\]/m);
  });
});

describe('gongwen styles', () => {
  it('lists the styles with their descriptions', () => {
    const r = gongwen(['styles']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^national\s+按《法治政府建设与责任落实督察工作规定》/m);
  });

  it('copies a style to start a new one, named in its manifest, and refuses to overwrite', () => {
    const dir = tempDir();
    const r = gongwen(['styles', 'new', 'hebei', '--from', 'national', '--dir', dir]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'hebei', 'style.yaml'), 'utf8')).toMatch(/^name: hebei$/m);
    // A manifest that extends, not a copy: the templates stay national's.
    expect(readFileSync(join(dir, 'hebei', 'style.yaml'), 'utf8')).toMatch(/^extends: national$/m);
    expect(existsSync(join(dir, 'hebei', 'document.hbs'))).toBe(false);
    expect(gongwen(['render', join(repoDir, 'examples', 'national-jiaokou-2021.yaml'), '--style', 'hebei', '--styles-dir', dir, '--format', 'txt', '--out', join(dir, 'out')]).code).toBe(0);
    expect(gongwen(['styles', '--styles-dir', dir]).stdout).toMatch(/^hebei\s/m);
    expect(gongwen(['styles', 'new', 'hebei', '--from', 'national', '--dir', dir]).code).toBe(1);
    expect(gongwen(['styles', 'new', 'x', '--from', 'nowhere', '--dir', dir]).code).toBe(1);
    expect(gongwen(['styles', 'new', 'Bad Name', '--from', 'national', '--dir', dir]).code).toBe(2);
  });
});
