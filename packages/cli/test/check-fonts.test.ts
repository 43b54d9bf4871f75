import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gongwen, tempDir } from './cli-helpers.js';



describe('gongwen check', () => {
  it('says a file is not a PDF without a stack trace, and exits 1', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.pdf'), 'hello');
    const r = gongwen(['check', 'x.pdf', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^x\.pdf\nerror: .*PDF/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints pass/fail per rule with the measured value; the exit code says whether it conforms', () => {
    const dir = tempDir();
    expect(gongwen(['render', 'examples/national-jiaokou-2021.yaml', '--format', 'pdf', '--out', dir]).code).toBe(0);
    const pdf = join(dir, 'national-jiaokou-2021.pdf');
    const json = gongwen(['check', pdf, '--format', 'json']);
    const report = JSON.parse(json.stdout) as { ok: boolean; files: { path: string; diagnostics: { ruleId: string }[]; report: { conformant: boolean; rules: { id: string; pass: boolean; measured: string }[] } }[] };
    const [file] = report.files;
    expect(file!.report.rules.map((r) => r.id)).toContain('grid/lines-per-page');
    expect(file!.diagnostics.map((d) => d.ruleId)).toEqual(file!.report.rules.filter((r) => !r.pass).map((r) => r.id));
    expect(json.code).toBe(report.ok ? 0 : 1);
    const text = gongwen(['check', pdf]);
    expect(text.code).toBe(json.code);
    expect(text.stdout).toMatch(/^grid\/lines-per-page 每页行数\s+[✓✗–]\s+\S/m);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('gongwen fonts', () => {
  it('prints per role the font file used and why', () => {
    const r = gongwen(['fonts']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^正文（仿宋）: .+ — \/.+\.(ttf|otf|ttc) \[.+\]$/m);
    const json = JSON.parse(gongwen(['fonts', '--format', 'json']).stdout) as { roles: Record<string, { path: string; source: string }[]> };
    expect(json.roles.body![0]!.path).toMatch(/\.(ttf|otf|ttc)$/);
  });
});
