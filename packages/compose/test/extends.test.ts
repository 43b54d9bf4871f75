import { renderText } from '@gongwen/render-text';
import { describe, expect, it } from 'vitest';
import { composeDocument, loadStyle } from '../src/index.js';
import { readStyleFiles, smallReport, style } from './fixtures.js';

const national = readStyleFiles('national');
/** A style folder holding `files`, beside national (its files as ../national/…). */
const beside = (files: Record<string, string>) => ({ ...files, ...Object.fromEntries(Object.entries(national).map(([p, t]) => [`../national/${p}`, t])) });
const manifest = (extra = '') => `name: hunan\nextends: national\nregion: 湖南省\ndescription: 湖南乡镇的写法，只改了几处措辞，其余与全国样式相同。\n${extra}`;

describe('a style that extends another', () => {
  it('lists only what differs; the rest, templates included, is the base’s', () => {
    const { style: hunan, diagnostics } = loadStyle(beside({ 'style.yaml': manifest('parts:\n  headings:\n    plans: 下一步打算\n') }), { name: 'hunan' });
    expect(diagnostics).toEqual([]);
    expect(hunan!.manifest).toMatchObject({ name: 'hunan', extends: 'national', region: '湖南省' });
    expect(hunan!.manifest.parts.headings.plans).toBe('下一步打算');
    expect(hunan!.manifest.parts.headings.measures).toBe(style('national').manifest.parts.headings.measures);
    expect(hunan!.manifest.parts.order).toEqual(style('national').manifest.parts.order);
    expect(hunan!.manifest.title).toEqual(style('national').manifest.title);
    expect(hunan!.files).toEqual(['../national/document.hbs', '../national/partials/blocks.hbs', '../national/partials/end-matter.hbs', '../national/partials/header.hbs', '../national/partials/signature.hbs']);
    const text = renderText(composeDocument(smallReport, hunan!).document!);
    expect(text).toContain('四、下一步打算');
    expect(text).toContain('一、2021年推进法治政府建设的主要举措和成效');
  });

  it('uses a template of its own instead of the base’s', () => {
    const signature = '<signature>\n  {{#each organs}}<organ>{{this}}</organ>{{/each}}\n  <date>{{date}}</date>\n</signature>\n<note>湖南</note>\n';
    const { style: hunan } = loadStyle(beside({ 'style.yaml': manifest(), 'partials/signature.hbs': signature }), { name: 'hunan' });
    expect(hunan!.files).toContain('partials/signature.hbs');
    expect(hunan!.files).not.toContain('../national/partials/signature.hbs');
    expect(composeDocument(smallReport, hunan!).document!.notes).toContain('（湖南）');
  });

  it('the four regional styles are manifests over national, with no templates of their own', () => {
    for (const name of ['guangdong', 'liaoning', 'ningxia', 'shaanxi']) {
      const own = Object.keys(readStyleFiles(name)).filter((p) => !p.startsWith('../'));
      expect(own.sort(), name).toEqual(['README.md', 'style.yaml']);
      expect(style(name).manifest.extends).toBe('national');
      expect(style(name).files.every((f) => f.startsWith('../national/'))).toBe(true);
    }
  });

  it('says when the base cannot be found, at the extends line', () => {
    const { style: s, diagnostics } = loadStyle({ 'style.yaml': manifest() }, { name: 'hunan' });
    expect(s).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', ruleId: 'style/extends', file: 'style.yaml', line: 2, column: 10 });
    expect(diagnostics[0]!.message).toBe('找不到所继承的样式“national”');
  });

  it('refuses a circle', () => {
    const a = 'name: a\nextends: b\nregion: 甲\ndescription: 甲样式，用来测试循环继承时的提示信息。\n';
    const b = 'name: b\nextends: a\nregion: 乙\ndescription: 乙样式，用来测试循环继承时的提示信息。\n';
    const { diagnostics } = loadStyle({ 'style.yaml': a, '../b/style.yaml': b, '../a/style.yaml': a }, { name: 'a', lang: 'en' });
    expect(diagnostics.map((d) => d.message)).toContain('styles extend each other in a circle: a → b → a');
  });

  it('names a broken base’s file from this style’s folder', () => {
    const files = beside({ 'style.yaml': manifest() });
    files['../national/partials/blocks.hbs'] = files['../national/partials/blocks.hbs']!.replace('<p>{{text}}</p>', '<para>{{text}}</para>');
    const { diagnostics } = loadStyle(files, { name: 'hunan' });
    expect(diagnostics[0]).toMatchObject({ ruleId: 'style/extends', file: 'style.yaml', line: 2 });
    expect(diagnostics[1]).toMatchObject({ ruleId: 'template/unknown-tag', file: '../national/partials/blocks.hbs' });
  });

  it('still checks its own manifest (an unknown key, a bad value)', () => {
    const { diagnostics } = loadStyle(beside({ 'style.yaml': manifest('numbering:\n  default: roman\n') }), { name: 'hunan' });
    expect(diagnostics.map((d) => [d.ruleId, d.line])).toEqual([['schema/enum', 6]]);
  });
});
