import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examplesDir, gongwen, tempDir } from './cli-helpers.js';

describe('gongwen check', () => {
  it('measures an OFD as it measures a PDF, told apart by content, and names a file that is neither', () => {
    const out = tempDir();
    const rendered = gongwen(['render', join(examplesDir, 'liaoning-zhuanghe-taipingling-2023.yaml'), '--format', 'pdf,ofd', '--out', out]);
    expect(rendered.code, rendered.stderr).toBe(0);
    const pdf = join(out, 'liaoning-zhuanghe-taipingling-2023.pdf');
    const ofd = join(out, 'liaoning-zhuanghe-taipingling-2023.ofd');
    // An OFD under a .pdf name is still read as an OFD.
    const misnamed = join(out, 'report.pdf');
    copyFileSync(ofd, misnamed);
    const text = join(out, 'notes.ofd');
    writeFileSync(text, '年度报告');

    const zh = gongwen(['check', ofd]);
    expect(zh.code, zh.stdout + zh.stderr).toBe(0);
    expect(zh.stdout).toMatch(/符合 GB\/T 9704-2012/);
    expect(zh.stdout).toMatch(/grid\/lines-per-page .*✓/);

    const r = gongwen(['check', pdf, misnamed, text, '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(1);
    const files = (JSON.parse(r.stdout) as { files: { path: string; kind?: string; diagnostics: { ruleId: string; message: string }[]; report?: { conformant: boolean; rules: { id: string; pass: boolean }[] } }[] }).files;
    expect(files.map((f) => f.kind)).toEqual(['pdf', 'ofd', undefined]);
    expect(files[0]!.report!.conformant).toBe(true);
    expect(files[1]!.report!.rules.map((x) => [x.id, x.pass])).toEqual(files[0]!.report!.rules.map((x) => [x.id, x.pass]));
    expect(files[2]!.diagnostics).toEqual([expect.objectContaining({ ruleId: 'pdf/unreadable', message: expect.stringContaining('neither a PDF nor an OFD') })]);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
