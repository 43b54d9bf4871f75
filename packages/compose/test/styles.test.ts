import { documentLines, type HeadingBlock } from '@gongwen/model';
import { renderText } from '@gongwen/render-text';
import type { Report } from '@gongwen/schema';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeDocument, loadStyle } from '../src/index.js';
import { example, examplesDir, readStyleFiles, smallReport, style, styleNames } from './fixtures.js';

const expectedStyles = ['guangdong', 'liaoning', 'national', 'ningxia', 'shaanxi'];
// Variants within a region: each extends its region's style.
const variants = { 'guangdong-jiedao': 'guangdong', 'ningxia-county': 'ningxia', 'shaanxi-department': 'shaanxi' };

describe('the style folders', () => {
  it('are the five regional styles and their variants', () => {
    expect([...styleNames].sort()).toEqual([...expectedStyles, ...Object.keys(variants)].sort());
  });

  it.each(Object.entries(variants))('%s extends %s, and its README names an example that renders in it', (name, region) => {
    expect(style(name).manifest.extends).toBe(region);
    const readme = readStyleFiles(name)['README.md']!;
    const file = /`examples\/([a-z0-9-]+\.yaml)`/.exec(readme)![1]!;
    const report = example(file);
    expect(report.style).toBe(name);
    const { document, diagnostics } = composeDocument(report, style(name));
    expect(diagnostics).toEqual([]);
    expect(document!.addressee).toMatch(/^中共/);
  });

  it.each([...expectedStyles, ...Object.keys(variants)])('%s loads cleanly and describes itself', (name) => {
    const files = readStyleFiles(name);
    const { style, diagnostics } = loadStyle(files, { name });
    expect(diagnostics).toEqual([]);
    expect(style!.manifest.name).toBe(name);
    expect(style!.manifest.region).not.toBe('');
    expect(style!.manifest.description.length).toBeGreaterThan(20);
    expect(files['README.md'], `${name}/README.md`).toBeDefined();
    // No code in a style folder: manifest, templates and README only.
    for (const path of Object.keys(files).filter((p) => !p.startsWith('../'))) expect(path).toMatch(/^(style\.yaml|README\.md|document\.hbs|partials\/[a-z0-9-]+\.hbs)$/);
  });
});

const liaoningFile = 'liaoning-zhuanghe-taipingling-2023.yaml';
const hasLiaoning = existsSync(join(examplesDir, liaoningFile));

describe.runIf(hasLiaoning)('the Liaoning example in every style', () => {
  // The example words its headings itself (overrides win in any style); without them each style's
  // own wording shows.
  const withOverrides = hasLiaoning ? example(liaoningFile) : smallReport;
  const report: Report = { ...withOverrides, parts: withOverrides.parts.map(({ heading: _heading, ...part }) => part) as Report['parts'] };

  it.each(expectedStyles)('renders in %s without error', (name) => {
    const { document, diagnostics } = composeDocument(withOverrides, style(name));
    expect(diagnostics).toEqual([]);
    expect(renderText(document!)).toContain('每月召开一次政法例会');
  });

  it.each(expectedStyles)('takes its level-1 headings from the %s manifest', (name) => {
    const s = style(name);
    const { document, diagnostics } = composeDocument(report, s);
    expect(diagnostics).toEqual([]);
    const headings = document!.body.filter((b): b is HeadingBlock => b.kind === 'heading' && b.level === 1);
    // The manifest as loaded: what the style says itself, else what it inherits.
    const headingsOf = s.manifest.parts.headings as Record<string, string>;
    const expected = (kind: string) => headingsOf[kind]!.replace('{{year}}', '2023').replace('{{nextYear}}', '2024');
    const kindsInStyleOrder = headings.map((h) => h.text);
    expect(new Set(kindsInStyleOrder)).toEqual(new Set(['measures', 'shortcomings', 'leadership', 'plans'].map(expected)));
    expect(headings.map((h) => h.marker)).toEqual(['一、', '二、', '三、', '四、']);
  });

  it('words the headings differently from style to style', () => {
    const plans = expectedStyles.map((name) => {
      const doc = composeDocument(report, style(name)).document!;
      const level1 = doc.body.filter((b): b is HeadingBlock => b.kind === 'heading' && b.level === 1);
      // 下一年度安排 comes last in every style's order.
      return level1.map((h) => h.marker + h.text).pop();
    });
    expect(plans).toEqual(['四、下一步工作计划', '四、2024年推进法治政府建设的主要安排', '四、2024年推进法治政府建设的主要安排', '四、下一步工作', '四、下一步工作计划']);
  });

  it('puts the 第一责任人 part where each style orders it', () => {
    const place = (name: string) => documentLines(composeDocument(report, style(name)).document!).find((l) => l.includes('第一责任人职责'))!.slice(0, 2);
    expect(place('liaoning')).toBe('三、');
    expect(place('national')).toBe('二、');
  });

  it('composes each style’s own title when the data gives none', () => {
    const { title: _t, ...untitled } = withOverrides;
    const titles = Object.fromEntries(expectedStyles.map((name) => [name, composeDocument(untitled as Report, style(name)).document!.title]));
    expect(titles.liaoning).toEqual(['太平岭满族乡2023年法治政府建设情况报告']);
    expect(titles.shaanxi).toEqual(['太平岭满族乡人民政府', '关于2023年度法治政府建设情况的报告']);
    expect(titles.ningxia).toEqual(['太平岭满族乡人民政府', '2023年度法治政府建设工作报告']);
  });
});

describe('a report lacking a part its style requires', () => {
  it('still renders, so a draft can be previewed (the missing part is a content finding of lint)', () => {
    const report: Report = { ...smallReport, parts: smallReport.parts.filter((p) => p.kind !== 'leadership') as Report['parts'] };
    const { document, diagnostics } = composeDocument(report, style('liaoning'));
    expect(diagnostics).toEqual([]);
    expect(document!.body.filter((b) => b.kind === 'heading' && b.level === 1)).toHaveLength(3);
  });
});

describe('the order of parts', () => {
  // 第一责任人 first, then 学习贯彻 before 举措: an order no style prints by itself.
  const own: Report = {
    ...smallReport,
    style: 'liaoning',
    parts: [
      { kind: 'leadership', body: ['主要负责人带头学法。'] },
      { kind: 'plans', body: ['明年继续推进。'] },
      { kind: 'measures', body: ['扎实推进法治政府建设。'] },
      { kind: 'shortcomings', body: ['学法不够深入。'] },
    ],
  };
  // Each level-1 heading as its marker and the part it heads, told by the heading's words.
  const kindOf = (text: string) => (text.includes('第一责任人') ? 'leadership' : text.includes('安排') ? 'plans' : text.includes('不足') ? 'shortcomings' : 'measures');
  const level1 = (r: Report, name: string) =>
    composeDocument(r, style(name)).document!.body.flatMap((b) => (b.kind === 'heading' && b.level === 1 ? [b.marker + kindOf(b.text)] : []));

  it('is the report’s own in its own style, numbered as written', () => {
    expect(level1(own, 'liaoning')).toEqual(['一、leadership', '二、plans', '三、measures', '四、shortcomings']);
  });

  it('is the target style’s in another style, unless the data says partsOrder: written', () => {
    expect(level1(own, 'national')).toEqual(['一、measures', '二、leadership', '三、shortcomings', '四、plans']);
    expect(level1({ ...own, partsOrder: 'written' }, 'national')).toEqual(level1(own, 'liaoning'));
  });

  it('follows the style in its own style when the data says partsOrder: style', () => {
    expect(level1({ ...own, partsOrder: 'style' }, 'liaoning')).toEqual(['一、measures', '二、shortcomings', '三、leadership', '四、plans']);
  });
});

describe('report data cannot inject markup or template code', () => {
  const nasty = ['<title>标题</title>', '{{x}}', '</p><h level="1">假标题</h><p>', '&amp;', '{{{raw}}}', '\u00010:9\u0002'];
  const report: Report = {
    ...smallReport,
    title: nasty[0]!,
    addressee: nasty[1]!,
    preamble: nasty,
    parts: [{ kind: 'measures', heading: nasty[2]!, body: [{ lead: nasty[3]!, text: nasty[4]! }, { heading: nasty[1]! }] }, ...smallReport.parts.slice(1)] as Report['parts'],
  };

  it.each(expectedStyles)('prints it literally in %s and makes no extra blocks', (name) => {
    const { document, diagnostics } = composeDocument(report, style(name));
    expect(diagnostics).toEqual([]);
    const text = renderText(document!);
    expect(text).toContain('<title>标题</title>');
    expect(text).toContain('{{x}}：');
    expect(text).toContain('</p><h level="1">假标题</h><p>');
    expect(text).toContain('&amp;{{{raw}}}');
    expect(text).not.toContain('\u0001');
    // One paragraph per preamble string, nothing more.
    const preamble = document!.body.slice(0, nasty.length);
    expect(preamble.every((b) => b.kind === 'paragraph')).toBe(true);
    expect(document!.body[nasty.length]).toMatchObject({ kind: 'heading', level: 1, text: '</p><h level="1">假标题</h><p>' });
    expect(document!.body.filter((b) => b.kind === 'heading' && b.level === 1)).toHaveLength(4);
  });
});
