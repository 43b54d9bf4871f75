import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examplesDir, gongwen, tempDir } from './helpers.js';

const national = readFileSync(join(examplesDir, 'national-jiaokou-2021.yaml'), 'utf8');

describe('hostile inputs through the command line', () => {
  it('a symbolic link loop in an input folder renders each report once; a linked outside folder is not entered', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in', 'sub'), { recursive: true });
    mkdirSync(join(dir, 'elsewhere'));
    writeFileSync(join(dir, 'in', 'a.yaml'), national);
    writeFileSync(join(dir, 'in', 'sub', 'b.yaml'), national);
    writeFileSync(join(dir, 'elsewhere', 'c.yaml'), national);
    symlinkSync('..', join(dir, 'in', 'sub', 'loop'));
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'in', 'linked'));
    const r = gongwen(['render', 'in', '--format', 'txt', '--out', 'out', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const inputs = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { input?: string }).flatMap((l) => (l.input ? [l.input] : []));
    expect(inputs.sort()).toEqual(['in/a.yaml', 'in/sub/b.yaml']);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['a.txt', 'sub']);
  });

  it('a key indented under a scalar is reported on its own line, where the slip is', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'r.yaml'), 'style: national\nyear: 2023\n  organ: 某某县人民政府\n');
    const r = gongwen(['validate', 'r.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^r\.yaml:3:3: 错误: 键“organ”缩进到了上一行的值下面.*\[yaml\/syntax\]/m);
  });

  it('a file over the size limit says how to raise it, and --max-bytes does', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'r.yaml'), `${national}\n# ${'注'.repeat(600_000)}\n`);
    const refused = gongwen(['render', 'r.yaml', '--format', 'txt', '--out', 'out'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/\[input\/too-large\]/);
    expect(refused.stderr).toMatch(/--max-bytes 2MiB/);
    expect(gongwen(['render', 'r.yaml', '--format', 'txt', '--out', 'out', '--max-bytes', '2MiB'], { cwd: dir }).code).toBe(0);
    expect(gongwen(['validate', 'r.yaml', '--max-bytes', '2097152'], { cwd: dir }).code).toBe(0);
    expect(gongwen(['render', 'r.yaml', '--max-bytes', 'lots'], { cwd: dir }).code).toBe(2);
  });

  it('U+FFFE in a paragraph is dropped with a warning at its line, and the DOCX is well-formed XML', () => {
    const dir = tempDir();
    const source = national.replace('2021年度，', '2021年度，推进\\uFFFE建设，'.replace('\\uFFFE', '\uFFFE'));
    const line = source.split('\n').findIndex((l) => l.includes('\uFFFE')) + 1;
    writeFileSync(join(dir, 'r.yaml'), source);
    const r = gongwen(['render', 'r.yaml', '--format', 'docx,txt', '--out', 'out'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^r\\.yaml:${line}:\\d+: 警告: 文字里有文档不能容纳的字符 U\\+FFFE，已删除 .*\\[input/forbidden-char\\]`, 'm'));
    expect(readFileSync(join(dir, 'out', 'r.txt'), 'utf8')).toContain('推进建设');
    // The DOCX's main part, read back with the system's unzip when there is one.
    let xml: string | undefined;
    try {
      xml = execFileSync('unzip', ['-p', join(dir, 'out', 'r.docx'), 'word/document.xml'], { encoding: 'utf8' });
    } catch {
      xml = undefined;
    }
    if (xml !== undefined) expect(xml).not.toMatch(/[\ufffe\uffff\u0000-\u0008]/);
  });

  it('a part of 101 subsections and a list of 110 items are numbered in Chinese past 99', () => {
    const dir = tempDir();
    const sections = Array.from({ length: 101 }, (_, i) => `      - heading: 第${i + 1}项工作\n        body: [做了第${i + 1}件事。]`).join('\n');
    const items = Array.from({ length: 110 }, (_, i) => `      - lead: 第${i + 1}条。\n        text: 内容。`).join('\n');
    const source = `style: national\nyear: 2023\nissuers:\n  - name: 某某县人民政府\nparts:\n  - kind: measures\n    body:\n${sections}\n  - kind: shortcomings\n    numbering: ordinal\n    body:\n${items}\n  - kind: leadership\n    body: [主要负责人带头学法。]\n  - kind: plans\n    body: [继续推进。]\nsignature:\n  date: 2024-01-15\n`;
    writeFileSync(join(dir, 'r.yaml'), source);
    const r = gongwen(['render', 'r.yaml', '--format', 'txt,pdf', '--out', 'out'], { cwd: dir });
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, 'out', 'r.txt'), 'utf8');
    expect(text).toContain('（一百零一）第101项工作');
    expect(text).toContain('一百一十是第110条。');
    const pdf = execFileSync('pdftotext', [join(dir, 'out', 'r.pdf'), '-'], { encoding: 'utf8' }).replace(/\s/g, '');
    expect(pdf).toContain('（一百）第100项工作');
    expect(pdf).toContain('（一百零一）第101项工作');
  });

  it('a character no font has (U+20000) fails the render at its line:col and data path, naming a font to install', () => {
    const dir = tempDir();
    const source = national.replace('2021年度，', '2021年度，\u{20000}，');
    const line = source.split('\n').findIndex((l) => l.includes('\u{20000}')) + 1;
    const column = source.split('\n')[line - 1]!.indexOf('\u{20000}') + 1;
    writeFileSync(join(dir, 'r.yaml'), source);
    const r = gongwen(['render', 'r.yaml', '--format', 'pdf', '--out', 'out', '--lang', 'en'], { cwd: dir });
    // Noto CJK and the Windows fonts lack it; a machine with an Extension B font draws it, silently.
    if (r.code === 0) {
      expect(r.stderr).not.toContain('render/missing-glyph');
      return;
    }
    expect(r.stderr).toMatch(new RegExp(`^r\\.yaml:${line}:${column}: error: .*U\\+20000.*\\[render/missing-glyph\\]`, 'm'));
    expect(r.stderr).toMatch(/fonts-hanazono/);
    expect(r.stderr).toMatch(/--allow-missing-glyphs/);
  });

  it('lint --fix keeps a UTF-8 byte order mark', () => {
    const dir = tempDir();
    const guangdong = readFileSync(join(examplesDir, 'guangdong-suixi-wutang-2021.yaml'));
    writeFileSync(join(dir, 'r.yaml'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), guangdong]));
    gongwen(['lint', 'r.yaml', '--fix'], { cwd: dir });
    const fixed = readFileSync(join(dir, 'r.yaml'));
    expect([...fixed.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(fixed.subarray(3, 4)[0]).not.toBe(0xef);
    expect(fixed.equals(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), guangdong]))).toBe(false);
  });
});
