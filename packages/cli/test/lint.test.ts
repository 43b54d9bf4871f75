import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExamples, gongwen } from './cli-helpers.js';

describe('gongwen lint', () => {
  it('points content problems at the YAML and fixes half-width punctuation with --fix', () => {
    const dir = copyExamples();
    const file = 'guangdong-suixi-wutang-2021.yaml';
    const before = gongwen(['lint', file], { cwd: dir });
    expect(before.stderr).toMatch(new RegExp(`^${file.replace(/\./g, '\\.')}:\\d+:\\d+: 警告: .*\\[form/halfwidth-punctuation\\]`, 'm'));
    const original = readFileSync(join(dir, file), 'utf8');
    const fixed = gongwen(['lint', file, '--fix'], { cwd: dir });
    expect(fixed.code).toBe(0);
    expect(fixed.stderr).not.toContain('form/halfwidth-punctuation');
    const after = readFileSync(join(dir, file), 'utf8');
    expect(after).not.toEqual(original);
    // Only the text changed: comments and every other line stay as they were.
    expect(after.split('\n').filter((l) => l.startsWith('#'))).toEqual(original.split('\n').filter((l) => l.startsWith('#')));
    expect(gongwen(['validate', file], { cwd: dir }).code).toBe(0);
  });

  it('exits 1 on an error and prints the shared JSON shape', () => {
    const dir = copyExamples();
    writeFileSync(join(dir, 'bad.yaml'), 'style: national\nyear: [2021\n');
    const r = gongwen(['lint', 'bad.yaml', 'national-jiaokou-2021.yaml', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { ok: boolean; files: { path: string; diagnostics: { ruleId: string; severity: string }[] }[] };
    expect(report.ok).toBe(false);
    expect(report.files.map((f) => f.path)).toEqual(['bad.yaml', 'national-jiaokou-2021.yaml']);
    expect(report.files[0]!.diagnostics[0]!.severity).toBe('error');
  });
});
