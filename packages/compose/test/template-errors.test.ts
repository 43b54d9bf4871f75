import type { Diagnostic } from '@gongwen/diagnostics';
import { formatDiagnostic } from '@gongwen/diagnostics';
import { describe, expect, it } from 'vitest';
import { composeDocument, loadStyle } from '../src/index.js';
import { readStyleFiles, smallReport } from './fixtures.js';

const base = readStyleFiles('national');

/** Loads national with some files replaced, and renders the small report if it loads. */
function attempt(changes: Record<string, string | undefined>): Diagnostic[] {
  const files = { ...base, ...changes };
  for (const [k, v] of Object.entries(changes)) if (v === undefined) delete files[k];
  const loaded = loadStyle(files as Record<string, string>, { name: 'national' });
  if (!loaded.style) return loaded.diagnostics;
  return composeDocument(smallReport, loaded.style).diagnostics;
}

const blocks = base['partials/blocks.hbs']!;
// The plain-paragraph line of blocks.hbs, which every report prints.
const PLAIN = '\n    <p>{{text}}</p>\n  {{/if}}';
const plain = (replacement: string) => {
  if (!blocks.includes(PLAIN)) throw new Error('blocks.hbs changed shape; update the test');
  return blocks.replace(PLAIN, `\n    ${replacement}\n  {{/if}}`);
};
const lineOf = (source: string, needle: string) => source.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('template errors name the template file and line', () => {
  it('unknown element, at load', () => {
    const changed = plain('<para>{{text}}</para>');
    const d = attempt({ 'partials/blocks.hbs': changed });
    expect(d[0]).toMatchObject({ severity: 'error', ruleId: 'template/unknown-tag', file: 'partials/blocks.hbs', line: lineOf(changed, '<para>') });
    expect(d[0]!.message).toContain('<para>');
  });

  it('unknown attribute and bad attribute value, at load', () => {
    const changed = plain('<p align="center">{{text}}</p>').replace('<run role="{{leadRole}}">', '<run role="huge">');
    const d = attempt({ 'partials/blocks.hbs': changed });
    expect(d.map((x) => [x.ruleId, x.line])).toEqual([
      ['template/bad-attribute', lineOf(changed, 'role="huge"')],
      ['template/bad-attribute', lineOf(changed, '<p align=')],
    ]);
  });

  it('unclosed element, when the output is parsed', () => {
    const changed = plain('<p>{{text}}');
    const d = attempt({ 'partials/blocks.hbs': changed });
    expect(d[0]).toMatchObject({ ruleId: 'template/unclosed-tag', file: 'partials/blocks.hbs', line: changed.split('\n').findIndex((l) => l.trim() === '<p>{{text}}') + 1 });
    expect(d[0]!.message).toMatch(/^<p> 在 <[a-z-]+> 之前没有结束$/);
    // The same mistake printed for every paragraph is reported once per place.
    expect(new Set(d.map((x) => `${x.ruleId} ${x.file}:${x.line}`)).size).toBe(d.length);
  });

  it('element in the wrong place, at the line that printed it', () => {
    const doc = base['document.hbs']!.replace('<addressee>{{addressee}}</addressee>', '<date>{{addressee}}</date>');
    const d = attempt({ 'document.hbs': doc });
    expect(d[0]).toMatchObject({ ruleId: 'template/misplaced-tag', file: 'document.hbs', line: lineOf(doc, '<date>') });
  });

  it('missing partial', () => {
    const doc = base['document.hbs']!.replace('{{> end-matter}}', '{{> colophon}}');
    const d = attempt({ 'document.hbs': doc });
    expect(d[0]).toMatchObject({ ruleId: 'template/missing-partial', file: 'document.hbs', line: lineOf(doc, 'colophon') });
    expect(d[0]!.message).toContain('colophon');
  });

  it('unknown helper', () => {
    const changed = blocks.replace('{{#if lead}}', '{{#if (shout lead)}}');
    const d = attempt({ 'partials/blocks.hbs': changed });
    expect(d[0]).toMatchObject({ ruleId: 'template/unknown-helper', file: 'partials/blocks.hbs', line: lineOf(changed, 'shout') });
    expect(d[0]!.message).toContain('shout');
  });

  it('unescaped output is refused', () => {
    const changed = plain('<p>{{{text}}}</p>');
    const d = attempt({ 'partials/blocks.hbs': changed });
    expect(d[0]).toMatchObject({ ruleId: 'template/unescaped', file: 'partials/blocks.hbs', line: lineOf(changed, '{{{text}}}') });
    const amp = attempt({ 'partials/blocks.hbs': plain('<p>{{& text}}</p>') });
    expect(amp[0]!.ruleId).toBe('template/unescaped');
  });

  it('Handlebars syntax error', () => {
    // The outer loop's end (the last `{{/each}}`; a table's rows loop inside it).
    const changed = blocks.replace(/\{\{\/each\}\}(?![\s\S]*\{\{\/each\}\})/, '{{/if}}');
    const d = attempt({ 'partials/blocks.hbs': changed });
    expect(d[0]).toMatchObject({ ruleId: 'template/syntax', file: 'partials/blocks.hbs', line: lineOf(changed, '{{#each blocks}}') });
    expect(d[0]!.message).toBe("模板语法错误：each doesn't match if");
    const signature = base['partials/signature.hbs']!.replace('{{date}}', '{{date');
    const s = attempt({ 'partials/signature.hbs': signature });
    expect(s[0]).toMatchObject({ ruleId: 'template/syntax', file: 'partials/signature.hbs', line: lineOf(signature, '{{date<') });
    expect(s[0]!.message).toMatch(/^模板语法错误：此处应为 .*却是 INVALID$/);
  });

  it('a field the view model does not have (strict mode), at render', () => {
    const changed = plain('<p>{{body}}</p>');
    const d = attempt({ 'partials/blocks.hbs': changed });
    expect(d[0]).toMatchObject({ ruleId: 'template/runtime', file: 'partials/blocks.hbs', line: lineOf(changed, '{{body}}') });
    expect(d[0]!.message).toContain('body');
  });

  it('a helper that fails, at the line that called it', () => {
    const changed = plain('<p>{{cn 0}}{{text}}</p>');
    const d = attempt({ 'partials/blocks.hbs': changed });
    expect(d[0]).toMatchObject({ ruleId: 'template/runtime', file: 'partials/blocks.hbs', line: lineOf(changed, '{{cn 0}}') });
    expect(d[0]!.message).toContain('cover 1 to');
  });

  it('formats as file:line:col with the rule', () => {
    const changed = plain('<para>{{text}}</para>');
    const d = attempt({ 'partials/blocks.hbs': changed })[0]!;
    const text = formatDiagnostic({ ...d, file: `templates/national/${d.file}` }, { source: changed, color: false });
    expect(text).toMatch(/^templates\/national\/partials\/blocks\.hbs:\d+:1: .*<para>.*\[template\/unknown-tag\]/);
  });
});

describe('manifest errors name style.yaml and the line', () => {
  const manifest = base['style.yaml']!;

  it('a missing default heading', () => {
    const changed = manifest.replace(/^\s+highlights:.*\n/m, '');
    const d = attempt({ 'style.yaml': changed });
    // At the key of the headings mapping that lacks it, as a report's missing key is pointed at.
    expect(d[0]).toMatchObject({ ruleId: 'schema/required', file: 'style.yaml', line: lineOf(changed, 'headings:'), message: 'parts.headings 缺少 highlights 的默认标题' });
  });

  it('an unknown part kind and a bad numbering value', () => {
    const changed = manifest.replace('required: [measures,', 'required: [measurez,').replace('default: level', 'default: roman');
    const d = attempt({ 'style.yaml': changed });
    expect(d.map((x) => [x.path, x.line])).toEqual([
      ['parts.required[0]', lineOf(changed, 'measurez')],
      ['numbering.default', lineOf(changed, 'roman')],
    ]);
  });

  it('a misspelt key', () => {
    const changed = manifest.replace('punctuation:', 'punctuaton:');
    const d = attempt({ 'style.yaml': changed });
    expect(d[0]).toMatchObject({ ruleId: 'schema/unknown-key', line: lineOf(changed, 'punctuaton:'), column: 1, message: '未知的键“punctuaton”' });
    expect(d[0]!.hint).toMatch(/^是否想写“punctuation”？/);
  });

  it('a font name for a role that does not exist, and one that is not text', () => {
    const changed = `${manifest}\nfonts:\n  body: 仿宋\n  heading9: 楷体\n  heading2: [楷体]\n`;
    const d = attempt({ 'style.yaml': changed });
    expect(d.map((x) => [x.ruleId, x.line])).toEqual([
      ['schema/unknown-key', lineOf(changed, 'heading9:')],
      ['schema/type', lineOf(changed, 'heading2: [')],
    ]);
  });

  it('font names per role, for the DOCX', () => {
    const loaded = loadStyle({ ...base, 'style.yaml': `${manifest}\nfonts:\n  body: 仿宋\n  heading2: 楷体\n` }, { name: 'national' });
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.style!.manifest.fonts).toEqual({ body: '仿宋', heading2: '楷体' });
    expect(loadStyle(base, { name: 'national' }).style!.manifest.fonts).toEqual({});
  });

  it('a name that does not match the folder', () => {
    const d = attempt({ 'style.yaml': manifest.replace('name: national', 'name: hunan') });
    expect(d[0]).toMatchObject({ ruleId: 'style/manifest', line: 3 });
  });

  it('a heading template with an unknown helper', () => {
    const changed = manifest.replace('"{{nextYear}}年推进', '"{{next year}}年推进');
    const d = attempt({ 'style.yaml': changed });
    expect(d[0]).toMatchObject({ ruleId: 'template/unknown-helper', file: 'style.yaml', line: lineOf(changed, '{{next year}}') });
  });

  it('a missing manifest or entry template', () => {
    expect(attempt({ 'style.yaml': undefined })[0]).toMatchObject({ ruleId: 'style/missing-file', file: 'style.yaml' });
    expect(attempt({ 'document.hbs': undefined })[0]).toMatchObject({ ruleId: 'style/missing-file', file: 'document.hbs' });
  });

  it('code or stray templates in a style folder are ignored, with a warning', () => {
    const { style, diagnostics } = loadStyle({ ...base, 'helpers.js': 'module.exports = {}', 'extra.hbs': '<p/>' }, { name: 'national' });
    expect(style).toBeDefined();
    expect(diagnostics.map((d) => [d.severity, d.ruleId, d.file])).toEqual([
      ['warning', 'style/unexpected-file', 'helpers.js'],
      ['warning', 'style/unexpected-file', 'extra.hbs'],
    ]);
  });

  it('messages in English on request', () => {
    const { diagnostics } = loadStyle({ ...base, 'style.yaml': manifest.replace('default: level', 'default: roman') }, { name: 'national', lang: 'en' });
    expect(diagnostics[0]!.message).toBe('"roman" is not one of the allowed values');
    expect(diagnostics[0]!.hint).toBe('allowed: level, ordinal, none');
  });
});
