import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExamples, examplesDir, gongwen, tempDir } from './cli-helpers.js';


const binaryFormats = ['pdf', 'docx'];
const exampleNames = readdirSync(examplesDir).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, '')).sort();

interface FileRecord {
  input: string;
  status: 'rendered' | 'failed' | 'skipped';
  outputs: { format: string; path: string; bytes: number; sha256: string }[];
  diagnostics: { ruleId: string; severity: string }[];
  ms: number;
}

function records(stdout: string): { files: FileRecord[]; summary: { rendered: number; failed: number; skipped: number } } {
  const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as FileRecord & { summary?: never });
  const summary = lines.find((l) => 'summary' in l)?.summary;
  return { files: lines.filter((l) => !('summary' in l)), summary: summary! };
}

/** A batch of `count` reports (copies of one example with different years) plus the given broken files. */
function batch(count: number, broken: Record<string, string> = {}): string {
  const dir = tempDir();
  const base = readFileSync(join(examplesDir, 'national-jiaokou-2021.yaml'), 'utf8');
  mkdirSync(join(dir, 'in'));
  for (let i = 0; i < count; i++) writeFileSync(join(dir, 'in', `r${String(i).padStart(3, '0')}.yaml`), base.replace('2021年度，', `2021年度（第${i}份），`));
  for (const [name, text] of Object.entries(broken)) writeFileSync(join(dir, 'in', name), text);
  return dir;
}

describe('gongwen render', () => {
  it('prints the content rules\' findings as warnings, the most serious first and three per report, and renders', () => {
    const out = tempDir();
    const r = gongwen(['render', 'examples/ningxia-haiyuan-lijun-2020.yaml', 'examples/guangdong-suixi-wutang-2021.yaml', '--format', 'txt', '--out', out]);
    expect(r.code).toBe(0);
    const ningxia = r.stderr.split('\n').filter((l) => l.startsWith('examples/ningxia-haiyuan-lijun-2020.yaml:'));
    expect(ningxia).toHaveLength(3);
    expect(ningxia[0]).toMatch(/^examples\/ningxia-haiyuan-lijun-2020\.yaml:\d+:\d+: 警告: .*\[year\/plan-year\]$/);
    const guangdong = r.stderr.split('\n').filter((l) => l.startsWith('examples/guangdong-suixi-wutang-2021.yaml:'));
    expect(guangdong).toHaveLength(3);
    expect(r.stderr).toMatch(/另有 \d+ 条警告，全部列出：gongwen lint examples\/guangdong-suixi-wutang-2021\.yaml/);
    expect(existsSync(join(out, 'guangdong-suixi-wutang-2021.txt'))).toBe(true);
  });

  it('writes one text file per input, named after it', () => {
    const out = tempDir();
    const r = gongwen(['render', 'examples/*.yaml', '--format', 'txt', '--out', out]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).filter((f) => !f.startsWith('.')).sort()).toEqual(exampleNames.map((n) => `${n}.txt`));
    expect(readFileSync(join(out, 'liaoning-zhuanghe-taipingling-2023.txt'), 'utf8')).toContain('太平岭满族乡2023年法治政府建设情况报告');
    expect(r.stdout).toMatch(new RegExp(`已生成 ${exampleNames.length}，失败 0，跳过 0`));
  });

  it('renders every YAML of a directory, not its other files, mirroring its tree under --out', () => {
    const src = copyExamples();
    mkdirSync(join(src, 'county'));
    copyFileSync(join(src, 'national-jiaokou-2021.yaml'), join(src, 'county', 'copy.yaml'));
    writeFileSync(join(src, 'notes.txt'), 'not a report');
    const out = tempDir();
    const r = gongwen(['render', src, '--format', 'txt', '--out', out, '--jobs', '1']);
    expect(r.code).toBe(0);
    expect(existsSync(join(out, 'county', 'copy.txt'))).toBe(true);
    expect(existsSync(join(out, 'notes.txt'))).toBe(false);
    expect(readdirSync(out).filter((f) => f.endsWith('.txt'))).toHaveLength(exampleNames.length);
  });

  it('writes beside the input when there is no --out', () => {
    const src = copyExamples();
    expect(gongwen(['render', 'national-jiaokou-2021.yaml', '--format', 'txt'], { cwd: src }).code).toBe(0);
    expect(existsSync(join(src, 'national-jiaokou-2021.txt'))).toBe(true);
  });

  it('renders in another style with --style', () => {
    const out1 = tempDir();
    const out2 = tempDir();
    const file = 'examples/liaoning-zhuanghe-taipingling-2023.yaml';
    expect(gongwen(['render', file, '--format', 'txt', '--out', out1]).code).toBe(0);
    expect(gongwen(['render', file, '--format', 'txt', '--out', out2, '--style', 'national']).code).toBe(0);
    const name = 'liaoning-zhuanghe-taipingling-2023.txt';
    expect(readFileSync(join(out2, name), 'utf8')).not.toEqual(readFileSync(join(out1, name), 'utf8'));
  });

  it('reports broken files with their diagnostics, renders the rest, sums up and exits 1', () => {
    const dir = batch(12, { 'bad-yaml.yaml': 'style: national\nyear: [2021\n', 'bad-schema.yaml': 'style: national\nyear: 2021\n', 'bad-style.yaml': readFileSync(join(examplesDir, 'national-jiaokou-2021.yaml'), 'utf8').replace('style: national', 'style: nowhere') });
    const r = gongwen(['render', 'in', '--format', 'txt', '--out', 'out', '--jobs', '2'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^in\/bad-yaml\.yaml:2:\d+: 错误: /m);
    expect(r.stderr).toMatch(/^in\/bad-schema\.yaml:\d+:\d+: 错误: .*\[schema\//m);
    expect(r.stderr).toMatch(/^in\/bad-style\.yaml:\d+:\d+: 错误: .*\[style\/unknown\]/m);
    expect(r.stdout).toMatch(/已生成 12，失败 3，跳过 0；用时 [\d.]+ 秒（每秒 [\d.]+ 份）/);
    expect(readdirSync(join(dir, 'out')).filter((f) => f.endsWith('.txt'))).toHaveLength(12);
    expect(r.stderr).not.toMatch(/Warning|at .*\.js:\d+/);
  });

  it('stops at the first failure with --fail-fast', () => {
    const dir = batch(8, { 'a-broken.yaml': 'style: national\nyear: [2021\n' });
    const r = gongwen(['render', 'in', '--format', 'txt', '--out', 'out', '--jobs', '1', '--fail-fast', '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    const { files, summary } = records(r.stdout);
    expect(files.map((f) => f.status)).toEqual(['failed']);
    expect(summary).toMatchObject({ rendered: 0, failed: 1 });
    expect(existsSync(join(dir, 'out'))).toBe(false);
    const parallel = gongwen(['render', 'in', '--format', 'txt', '--out', 'out2', '--jobs', '2', '--fail-fast', '--json'], { cwd: dir });
    expect(parallel.code).toBe(1);
    expect(records(parallel.stdout).files.filter((f) => f.status === 'failed')).toHaveLength(1);
  });

  it('prints one JSON record per file with output sizes and sha256', () => {
    const out = tempDir();
    const r = gongwen(['render', 'examples', '--format', 'txt', '--out', out, '--json']);
    const { files, summary } = records(r.stdout);
    expect(summary).toMatchObject({ rendered: exampleNames.length, failed: 0 });
    expect(files).toHaveLength(exampleNames.length);
    for (const f of files) {
      expect(f.status).toBe('rendered');
      const [o] = f.outputs;
      const bytes = readFileSync(o!.path);
      expect(o).toMatchObject({ format: 'txt', bytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') });
      expect(f.ms).toBeGreaterThan(0);
    }
  });

  it('splits the inputs into shards that cover each exactly once', () => {
    const dir = batch(23);
    for (const n of [1, 2, 3, 5]) {
      const seen: string[] = [];
      for (let k = 1; k <= n; k++) {
        const r = gongwen(['render', 'in', '--format', 'txt', '--out', `out-${n}`, '--shard', `${k}/${n}`, '--json', '--jobs', '1'], { cwd: dir });
        expect(r.code).toBe(0);
        seen.push(...records(r.stdout).files.map((f) => f.input));
      }
      expect(seen.sort()).toEqual(readdirSync(join(dir, 'in')).map((f) => `in/${f}`).sort());
    }
  });

  it('skips unchanged reports with --changed and renders those whose data changed', () => {
    const dir = batch(5);
    const run = () => records(gongwen(['render', 'in', '--format', 'txt', '--out', 'out', '--changed', '--json', '--jobs', '2'], { cwd: dir }).stdout);
    expect(run().summary).toMatchObject({ rendered: 5, skipped: 0 });
    expect(run().summary).toMatchObject({ rendered: 0, skipped: 5 });
    writeFileSync(join(dir, 'in', 'r002.yaml'), readFileSync(join(dir, 'in', 'r002.yaml'), 'utf8').replace('第2份', '第二份'));
    const third = run();
    expect(third.summary).toMatchObject({ rendered: 1, skipped: 4 });
    expect(third.files.find((f) => f.status === 'rendered')?.input).toBe('in/r002.yaml');
    expect(readFileSync(join(dir, 'out', 'r002.txt'), 'utf8')).toContain('第二份');
    // A deleted output is rendered again even though its input did not change.
    writeFileSync(join(dir, 'out', 'r003.txt'), 'x');
    expect(run().summary).toMatchObject({ rendered: 1, skipped: 4 });
    // Another format is another output.
    const withMd = records(gongwen(['render', 'in', '--format', 'txt,md', '--out', 'out', '--changed', '--json'], { cwd: dir }).stdout);
    expect(withMd.summary).toMatchObject({ rendered: 5, skipped: 0 });
  });

  it('renders again with --changed when the style changes', () => {
    const dir = batch(3);
    expect(gongwen(['styles', 'new', 'national', '--from', 'national', '--dir', join(dir, 'styles')]).code).toBe(0);
    const run = () => records(gongwen(['render', 'in', '--format', 'txt', '--out', 'out', '--changed', '--json', '--styles-dir', 'styles'], { cwd: dir }).stdout).summary;
    expect(run()).toMatchObject({ rendered: 3, skipped: 0 });
    expect(run()).toMatchObject({ rendered: 0, skipped: 3 });
    const manifest = join(dir, 'styles', 'national', 'style.yaml');
    writeFileSync(manifest, `${readFileSync(manifest, 'utf8')}\n# a comment is a change too\n`);
    expect(run()).toMatchObject({ rendered: 3, skipped: 0 });
  });

  it('gives byte-identical outputs on a rerun, on worker threads (fonts read once for both) as in one thread', () => {
    const formats = ['txt', ...binaryFormats].join(',');
    const a = tempDir();
    const b = tempDir();
    expect(gongwen(['render', 'examples', '--format', formats, '--out', a, '--jobs', '2']).code).toBe(0);
    expect(gongwen(['render', 'examples', '--format', formats, '--out', b, '--jobs', '1']).code).toBe(0);
    const names = readdirSync(a).filter((f) => !f.startsWith('.')).sort();
    expect(names.length).toBe(exampleNames.length * formats.split(',').length);
    for (const n of names) expect(readFileSync(join(b, n)).equals(readFileSync(join(a, n))), n).toBe(true);
  });

  it('fails a report with a character no font has, and only warns with --allow-missing-glyphs', () => {
    // U+2FFFD is an unassigned code point: no font on any machine draws it.
    const dir = tempDir();
    const base = readFileSync(join(examplesDir, 'liaoning-zhuanghe-taipingling-2023.yaml'), 'utf8');
    writeFileSync(join(dir, 'r.yaml'), base.replace(/^title: (.*)$/m, 'title: $1\u{2FFFD}'));
    const line = base.split('\n').findIndex((l) => l.startsWith('title:')) + 1;
    const refused = gongwen(['render', 'r.yaml', '--format', 'pdf', '--out', 'b'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(new RegExp(`^r\\.yaml:${line}:\\d+: 错误: .*\\[render/missing-glyph\\]`, 'm'));
    expect(refused.stderr).toContain('--allow-missing-glyphs');
    expect(existsSync(join(dir, 'b', 'r.pdf'))).toBe(false);
    const allowed = gongwen(['render', 'r.yaml', '--format', 'pdf', '--out', 'a', '--allow-missing-glyphs'], { cwd: dir });
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toMatch(new RegExp(`^r\\.yaml:${line}:\\d+: 警告: .*\\[render/missing-glyph\\]`, 'm'));
    expect(existsSync(join(dir, 'a', 'r.pdf'))).toBe(true);
  });

  it('leaves no temporary files behind', () => {
    const out = tempDir();
    gongwen(['render', 'examples', '--format', 'txt', '--out', out]);
    expect(readdirSync(out).filter((f) => f.includes('tmp'))).toEqual([]);
    expect(statSync(out).isDirectory()).toBe(true);
  });
});
