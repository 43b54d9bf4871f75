import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fontRoles } from '@gongwen/model';
import { loadStyleManifest, styleSchema } from '@gongwen/schema';
import { stylesDir } from '@gongwen/templates';
import { describe, expect, it } from 'vitest';
import { loadStyle, markerFormats, partKinds } from '../src/index.js';
import { readStyleFiles } from './fixtures.js';

const bundled = readdirSync(stylesDir).filter((name) => existsSync(join(stylesDir, name, 'style.yaml')));
const national = readStyleFiles('national');
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('style.yaml is checked against style.schema.json, with the messages of a report', () => {
  it.each(bundled)('the bundled style %s validates', (name) => {
    const text = readFileSync(join(stylesDir, name, 'style.yaml'), 'utf8');
    expect(loadStyleManifest(text, { filename: 'style.yaml' }).diagnostics).toEqual([]);
  });

  it('names the part kinds, marker formats and font roles compose and the layout spec know', () => {
    expect(styleSchema.$defs.PartKind.enum).toEqual([...partKinds]);
    expect(styleSchema.$defs.MarkerFormat.enum).toEqual([...markerFormats]);
    expect(Object.keys(styleSchema.properties.fonts.properties)).toEqual(Object.keys(fontRoles));
    expect(Object.keys(styleSchema.$defs.Headings.properties)).toEqual(partKinds.filter((k) => k !== 'custom'));
  });

  it('an unknown key, a wrong type and a bad extends, each at its line and column', () => {
    const text = 'name: hunan\nextends: National\nregion: 湖南省\ndescription: 湖南乡镇的写法。\ntitle: 3\nnumbring:\n  default: level\n';
    const { diagnostics } = loadStyle({ ...national, 'style.yaml': text }, { name: 'hunan' });
    expect(diagnostics.map((d) => [d.ruleId, d.line, d.column, d.message])).toEqual([
      ['schema/pattern', 2, 10, '样式名“National”只能用小写字母、数字和连字符'],
      ['schema/type', 5, 8, '应为文字或列表（每项以“- ”开头），实际是整数 3'],
      ['schema/unknown-key', 6, 1, '未知的键“numbring”'],
    ]);
    expect(diagnostics[2]!.hint).toMatch(/^是否想写“numbering”？这里可用的键：/);
  });

  it('in English with lang en', () => {
    const text = 'name: hunan\nextends: national\nregion: 湖南省\ndescription: 湖南乡镇的写法。\npunctuation:\n  fullwidth: yes please\n';
    const { diagnostics } = loadStyle({ 'style.yaml': text, ...Object.fromEntries(Object.entries(national).map(([p, t]) => [`../national/${p}`, t])) }, { name: 'hunan', lang: 'en' });
    expect(diagnostics.map((d) => [d.ruleId, d.line, d.message])).toEqual([['schema/type', 6, 'expected true or false, found text "yes please"']]);
  });

  it('a style that extends none must say everything; one that extends may leave it to its base', () => {
    const alone = 'name: hunan\ndescription: 湖南乡镇的写法。\n';
    expect(loadStyleManifest(alone).diagnostics.map((d) => [d.ruleId, d.message])).toEqual([
      ['schema/required', '缺少必填项“region”'],
      ['schema/required', '缺少必填项“title”'],
      ['schema/required', '缺少必填项“parts”'],
    ]);
    expect(loadStyleManifest(`${alone}extends: national\n`).diagnostics).toEqual([]);
  });

  it('a manifest that is not a mapping, or holds only comments', () => {
    expect(loadStyleManifest('- national\n').diagnostics.map((d) => d.message)).toEqual([
      'style.yaml 应是由键（name、region、description、title、parts……）组成的映射，实际是列表',
    ]);
    expect(loadStyleManifest('# nothing yet\n').diagnostics.map((d) => [d.ruleId, d.line])).toEqual([['schema/type', 1]]);
  });

  it('a YAML error in style.yaml is the loader’s, at its place', () => {
    const { diagnostics } = loadStyleManifest('name: hunan\ntitle: [一行\n', { filename: 'style.yaml' });
    expect(diagnostics[0]).toMatchObject({ ruleId: 'yaml/syntax', file: 'style.yaml', line: 2 });
  });
  void lineOf;
});
