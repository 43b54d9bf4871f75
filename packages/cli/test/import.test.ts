import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examplesDir, gongwen, tempDir } from './cli-helpers.js';

const seed = join(examplesDir, 'seeds', '002_06cb966835ece50d.txt');

describe('gongwen import', () => {
  it('writes YAML that gongwen validate accepts, with the schema line and the guesses as comments', () => {
    const out = tempDir();
    const r = gongwen(['import', seed, '--out', out]);
    expect(r.stderr).not.toMatch(/错误|\n\s+at /);
    expect(r.code).toBe(0);
    const file = join(out, '002_06cb966835ece50d.yaml');
    const yaml = readFileSync(file, 'utf8');
    const schema = /^# yaml-language-server: \$schema=(.+)$/m.exec(yaml)![1]!;
    expect(existsSync(resolve(dirname(file), schema))).toBe(true);
    expect(yaml).toMatch(/^style: ningxia # 推断：报告提到“海原”/m);
    expect(yaml).toMatch(/^ {2}- name: 海原县李俊乡人民政府 # 推断/m);
    // The copy's slips stay: half-width colon, and 2020年 where the next year is meant.
    expect(yaml).toContain('情况报告如下:');
    expect(yaml).toContain('2020年，我乡将进一步提高认识');
    const checked = gongwen(['validate', file]);
    expect(checked.code).toBe(0);
  });

  it('imports a DOCX that gongwen rendered, to data that renders the same text, and reports as JSON', () => {
    const out = tempDir();
    const example = join(examplesDir, 'shaanxi-nanzheng-fazhen-2022.yaml');
    expect(gongwen(['render', example, '--format', 'docx,txt', '--out', out]).code).toBe(0);
    const r = gongwen(['import', join(out, 'shaanxi-nanzheng-fazhen-2022.docx'), '--out', join(out, 'data'), '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { ok: boolean; files: { path: string; output: string; diagnostics: { severity: string }[] }[] };
    expect(report.ok).toBe(true);
    expect(report.files[0]!.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const yaml = join(out, 'data', 'shaanxi-nanzheng-fazhen-2022.yaml');
    expect(gongwen(['render', yaml, '--format', 'txt', '--out', join(out, 'again')]).code).toBe(0);
    expect(readFileSync(join(out, 'again', 'shaanxi-nanzheng-fazhen-2022.txt'), 'utf8')).toBe(readFileSync(join(out, 'shaanxi-nanzheng-fazhen-2022.txt'), 'utf8'));
  });

  it('takes --style, and says in English what it did with --lang en', () => {
    const out = tempDir();
    const r = gongwen(['import', seed, '--out', out, '--style', 'national', '--lang', 'en']);
    // national asks for a part on the first-responsible-person duties, which this copy lacks: a
    // content warning, named by the style's heading, not an error (the data is still good data).
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: the part “[^”]+” \(leadership\) is missing; the style national asks for it/);
    expect(readFileSync(join(out, '002_06cb966835ece50d.yaml'), 'utf8')).toMatch(/^style: national$/m);
  });

  it('gives one clear error, no stack trace and exit 1 for an empty file, a binary, a spreadsheet and a text that is not a report', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'picture.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 0, 0]));
    writeFileSync(join(dir, 'table.csv'), '姓名,单位,电话,备注\n张三,司法所,123,无\n');
    writeFileSync(join(dir, 'letter.txt'), '各位同事：\n周五下午三点在三楼会议室开会，请准时参加。\n');
    const cases: [string, string][] = [
      ['empty.txt', 'import/empty'],
      ['picture.txt', 'import/binary'],
      ['table.csv', 'import/spreadsheet'],
      ['letter.txt', 'import/not-a-report'],
    ];
    for (const [name, rule] of cases) {
      const r = gongwen(['import', name, '--out', dir], { cwd: dir });
      expect(r.code, name).toBe(1);
      expect(r.stderr.match(/错误/g), name).toHaveLength(1);
      expect(r.stderr, name).toContain(`[${rule}]`);
      expect(r.stderr, name).toMatch(new RegExp(`^${name.replace('.', '\\.')}(:\\d+:\\d+)?: 错误`, 'm'));
      expect(r.stderr, name).not.toMatch(/\n\s+at /);
      expect(existsSync(join(dir, name.replace(/\.\w+$/, '.yaml'))), name).toBe(false);
    }
  });

  it('takes files, not a folder (a folder holds the YAML too)', () => {
    const r = gongwen(['import', examplesDir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不是文件夹');
  });

  it('says how to get a .docx when a .doc needs LibreOffice and it is not installed', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'old.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const r = gongwen(['import', 'old.doc'], { cwd: dir, env: { SOFFICE: 'none' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[import/needs-libreoffice]');
    expect(r.stderr).toContain('另存为');
  });
});
