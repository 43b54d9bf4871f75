import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// Only the public exports, as an embedding application sees them.
import { resolveFonts } from '@gongwen/fonts';
import { lint, listStyles, readStyleFiles, render, resolveStyle, validate } from 'gongwen';

const examples = new URL('../../../examples/', import.meta.url);
const liaoning = readFileSync(new URL('liaoning-zhuanghe-taipingling-2023.yaml', examples), 'utf8');
const national = readFileSync(new URL('national-jiaokou-2021.yaml', examples), 'utf8');


describe('render', () => {
  it('reports bad YAML at file:line:col and renders nothing', async () => {
    const result = await render('style: national\nyear: [2021\n', { filename: 'bad.yaml', formats: ['txt'] });
    expect(result.outputs).toEqual({});
    const [d] = result.diagnostics;
    expect(d).toMatchObject({ severity: 'error', file: 'bad.yaml' });
    expect(d!.line).toBeGreaterThanOrEqual(2);
  });

  it('names the available styles when the data asks for one that does not exist', async () => {
    const source = national.replace(/^style: national$/m, 'style: atlantis');
    const { diagnostics } = await render(source, { filename: 'r.yaml', formats: [] });
    const d = diagnostics.find((x) => x.ruleId === 'style/unknown');
    expect(d).toMatchObject({ file: 'r.yaml', line: source.split('\n').findIndex((l) => l.startsWith('style:')) + 1 });
    for (const s of listStyles()) expect(d!.hint).toContain(s.name);
  });

  it('renders text whose lines are the report in reading order', async () => {
    const { outputs, diagnostics } = await render(national, { filename: 'national.yaml', formats: ['txt'] });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(outputs.txt).toContain('2021年法治政府建设年度报告');
    expect(outputs.txt).toContain('交发〔2022〕8号');
  });

  it('renders in the style the caller names instead of the one in the data', async () => {
    const own = await render(liaoning, { formats: ['txt'] });
    const other = listStyles().find((s) => s.name !== 'liaoning')!;
    const restyled = await render(liaoning, { formats: ['txt'], style: other.name });
    expect(restyled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(restyled.outputs.txt).not.toEqual(own.outputs.txt);
  });

  it('takes a style the caller loaded itself', async () => {
    const { loadStyle } = await import('@gongwen/compose');
    const dir = listStyles().find((x) => x.name === 'national')!.dir;
    const { style } = loadStyle(readStyleFiles(dir), { name: 'national' });
    const given = await render(liaoning, { formats: ['txt'], style: style! });
    const named = await render(liaoning, { formats: ['txt'], style: 'national' });
    expect(given.outputs.txt).toBeDefined();
    expect(given.outputs.txt).toEqual(named.outputs.txt);
  });

  it('refuses a seal the caller cannot supply, pointing at the reference', async () => {
    const source = national.replace(/^(signature:\n)/m, '$1  seals: [seals/jiaokou.png]\n');
    expect(source).not.toEqual(national);
    const { diagnostics } = await render(source, { filename: 'n.yaml', formats: [], assets: () => undefined });
    expect(diagnostics.find((d) => d.ruleId === 'asset/missing')).toMatchObject({ file: 'n.yaml', path: 'signature.seals[0]' });
  });

  it('gives byte-identical PDFs for the same input', async () => {
    const a = await render(liaoning, { formats: ['pdf'] });
    const b = await render(liaoning, { formats: ['pdf'] });
    expect(a.outputs.pdf!.byteLength).toBeGreaterThan(10_000);
    expect(Buffer.from(a.outputs.pdf!).equals(Buffer.from(b.outputs.pdf!))).toBe(true);
  });

  it('renders an OFD from the layout of the PDF it renders with it, the same bytes as alone', async () => {
    const both = await render(liaoning, { formats: ['pdf', 'ofd'] });
    const alone = await render(liaoning, { formats: ['ofd'] });
    expect(both.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(Buffer.from(both.outputs.ofd!.subarray(0, 4)).toString('latin1')).toBe('PK\u0003\u0004');
    expect(Buffer.from(both.outputs.ofd!).equals(Buffer.from(alone.outputs.ofd!))).toBe(true);
    expect(alone.outputs.pdf).toBeUndefined();
    const plain = await render(liaoning, { formats: ['pdf'] });
    expect(Buffer.from(both.outputs.pdf!).equals(Buffer.from(plain.outputs.pdf!))).toBe(true);
  });

  it('gives byte-identical DOCX files for the same input', async () => {
    const a = await render(liaoning, { formats: ['docx'] });
    const b = await render(liaoning, { formats: ['docx'] });
    expect(Buffer.from(a.outputs.docx!).equals(Buffer.from(b.outputs.docx!))).toBe(true);
  });

  it('refuses a character no font can draw, at its line:col and data path, unless allowMissingGlyphs', async () => {
    // U+2A6D6, the last character of CJK Extension B, which the bundled fonts lack; the font set is
    // pinned to the bundled fonts so the machine's own fonts cannot draw it.
    const rare = '\u{2A6D6}';
    const { fonts } = resolveFonts({ systemDirs: [], env: {} });
    const source = liaoning.replace(/^title: (.*)$/m, `title: $1${rare}`);
    const line = source.split('\n').findIndex((l) => l.startsWith('title:')) + 1;
    const column = source.split('\n')[line - 1]!.indexOf(rare) + 1;
    const refused = await render(source, { filename: 'r.yaml', formats: ['pdf'], fonts });
    const e = refused.diagnostics.find((d) => d.ruleId === 'render/missing-glyph');
    expect(e).toMatchObject({ severity: 'error', file: 'r.yaml', line, column, path: 'title' });
    expect(e!.hint).toMatch(/fonts-hanazono/);
    expect(e!.hint).toMatch(/--allow-missing-glyphs/);
    expect(refused.outputs.pdf).toBeUndefined();
    const allowed = await render(source, { filename: 'r.yaml', formats: ['pdf'], fonts, allowMissingGlyphs: true });
    expect(allowed.diagnostics.find((d) => d.ruleId === 'render/missing-glyph')).toMatchObject({ severity: 'warning', line, column, path: 'title' });
    expect(allowed.outputs.pdf).toBeDefined();
    // strict keeps it an error even when allowed.
    const strict = await render(source, { filename: 'r.yaml', formats: ['pdf'], fonts, strict: true, allowMissingGlyphs: true });
    expect(strict.diagnostics.find((d) => d.ruleId === 'render/missing-glyph')?.severity).toBe('error');
    expect(strict.outputs.pdf).toBeUndefined();
  });

  it('names the data path of a missing glyph in the body, not the Document path', async () => {
    const { fonts } = resolveFonts({ systemDirs: [], env: {} });
    const source = liaoning.replace('坚持统筹与落实', '坚持统筹\u{20000}与落实');
    const { diagnostics } = await render(source, { filename: 'r.yaml', formats: ['pdf'], fonts, lang: 'en' });
    const e = diagnostics.find((d) => d.ruleId === 'render/missing-glyph')!;
    const lines = source.split('\n');
    expect(e).toMatchObject({ severity: 'error', line: lines.findIndex((l) => l.includes('\u{20000}')) + 1 });
    expect(e.column).toBe(lines[e.line! - 1]!.indexOf('\u{20000}') + 1);
    expect(e.path).toMatch(/^parts\[\d+\]\.body\[\d+\]\.heading$/);
    expect(e.hint).toMatch(/HanaMin/);
  });
});

describe('content rules', () => {
  const ningxia = readFileSync(new URL('ningxia-haiyuan-lijun-2020.yaml', examples), 'utf8');
  const guangdong = readFileSync(new URL('guangdong-suixi-wutang-2021.yaml', examples), 'utf8');

  it('are warnings during render, pointing at the YAML, and the outputs are still written', async () => {
    const { outputs, diagnostics } = await render(ningxia, { filename: 'n.yaml', formats: ['txt'] });
    const plan = diagnostics.find((d) => d.ruleId === 'year/plan-year');
    expect(plan).toMatchObject({ severity: 'warning', file: 'n.yaml' });
    expect(ningxia.split('\n')[plan!.line! - 1]).toContain('2020年，我乡将');
    expect(outputs.txt).toBeDefined();
  });

  it('are errors under strict, and then nothing is written', async () => {
    const { outputs, diagnostics } = await render(ningxia, { filename: 'n.yaml', formats: ['txt', 'docx'], strict: true });
    expect(diagnostics.find((d) => d.ruleId === 'year/plan-year')?.severity).toBe('error');
    expect(outputs).toEqual({});
  });

  it('lint() fixes half-width punctuation and keeps the comments', async () => {
    const before = await lint(guangdong, { filename: 'g.yaml' });
    expect(before.diagnostics.filter((d) => d.ruleId === 'form/halfwidth-punctuation').length).toBeGreaterThan(20);
    const { fixed, diagnostics } = await lint(guangdong, { filename: 'g.yaml', fix: true });
    expect(diagnostics.filter((d) => d.ruleId === 'form/halfwidth-punctuation')).toEqual([]);
    expect(fixed!.split('\n')[0]).toBe(guangdong.split('\n')[0]);
    expect(fixed).toContain('提高政治站位，聚焦思想引领');
  });

  it('lint() reads the text the positions count in: a byte order mark or old Mac line ends move no finding, and a fix keeps the mark', async () => {
    const where = (result: { diagnostics: { ruleId?: string; line?: number; column?: number; endLine?: number; endColumn?: number }[] }) =>
      result.diagnostics.filter((d) => d.ruleId === 'form/halfwidth-punctuation').map((d) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn}`);
    const plain = where(await lint(guangdong, { filename: 'g.yaml' }));
    expect(where(await lint(new TextEncoder().encode(`\uFEFF${guangdong}`), { filename: 'g.yaml' }))).toEqual(plain);
    expect(where(await lint(`\uFEFF${guangdong}`, { filename: 'g.yaml' }))).toEqual(plain);
    expect(where(await lint(guangdong.replace(/\r?\n/g, '\r'), { filename: 'g.yaml' }))).toEqual(plain);
    const { fixed } = await lint(`\uFEFF${guangdong}`, { filename: 'g.yaml', fix: true });
    expect(fixed!.startsWith(`\uFEFF${guangdong.split('\n')[0]}`)).toBe(true);
  });
});

describe('listStyles', () => {
  it('lists the bundled styles with their descriptions', () => {
    const national = listStyles().find((s) => s.name === 'national');
    expect(national?.description).toMatch(/法定/);
  });
});

describe('listStyles in other folders', () => {
  it('reads plain, quoted and block descriptions, and the first folder wins', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const root = mkdtempSync(join(tmpdir(), 'gongwen-styles-'));
    const write = (name: string, manifest: string) => {
      mkdirSync(join(root, name));
      writeFileSync(join(root, name, 'style.yaml'), manifest);
    };
    write('plain', 'name: plain\ndescription: 一句说明 # 注释\n');
    write('quoted', 'name: quoted\ndescription: "带引号的说明"\n');
    write('folded', 'name: folded\ndescription: >\n  第一行\n  第二行\nregion: 某省\n');
    write('national', 'name: national\ndescription: 覆盖内置样式\n');
    mkdirSync(join(root, 'not-a-style'));
    const styles = listStyles({ styleDirs: [root] });
    const byName = Object.fromEntries(styles.map((s) => [s.name, s]));
    expect(byName.plain?.description).toBe('一句说明');
    expect(byName.quoted?.description).toBe('带引号的说明');
    expect(byName.folded).toMatchObject({ description: '第一行第二行', region: '某省' });
    expect(byName.national?.description).toBe('覆盖内置样式');
    expect(byName['not-a-style']).toBeUndefined();
    expect(styles.filter((s) => s.name === 'national')).toHaveLength(1);
  });
});

describe('resolveStyle', () => {
  it('names the file on disk of a template error, in the base a style extends too', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const root = mkdtempSync(join(tmpdir(), 'gongwen-styles-'));
    const write = (path: string, text: string) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    write('base/style.yaml', 'name: base\nextends: national\ndescription: 基础\n');
    write('base/document.hbs', '{{#if year}}\n<p>x</p>\n');
    write('child/style.yaml', 'name: child\nextends: base\ndescription: 派生\n');
    write('child/end-matter.hbs', '{{#each}}\n');
    const { style, diagnostics } = await resolveStyle('child', { styleDirs: [root] });
    expect(style).toBeUndefined();
    const files = diagnostics.filter((d) => d.ruleId === 'template/syntax').map((d) => d.file);
    expect(files).toEqual(expect.arrayContaining([join(root, 'base', 'document.hbs')]));
    expect(diagnostics.every((d) => !d.file || d.file.startsWith(root))).toBe(true);
  });

  it('answers an unknown name with the styles there are', async () => {
    const { style, diagnostics } = await resolveStyle('../national');
    expect(style).toBeUndefined();
    expect(diagnostics).toMatchObject([{ ruleId: 'style/unknown', hint: expect.stringContaining('national') }]);
  });
});
