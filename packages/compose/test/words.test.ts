/**
 * Words are the data's: a heading the data gives is printed as given, in any style. Where the data
 * gives none, the style's default wording is printed. This test lists, for each real report in its
 * own style, the headings the style would word differently if the data left them out, so that a
 * maintainer changing a default sees whom it concerns.
 */
import type { HeadingBlock } from '@gongwen/model';
import { describe, expect, it } from 'vitest';
import { composeDocument } from '../src/index.js';
import { example, style } from './fixtures.js';

const seeds = ['national-jiaokou-2021.yaml', 'guangdong-suixi-wutang-2021.yaml', 'ningxia-haiyuan-lijun-2020.yaml', 'liaoning-zhuanghe-taipingling-2023.yaml', 'shaanxi-nanzheng-fazhen-2022.yaml'];

/** kind → [the data's heading, the style's default] wherever the two differ. */
function changedByDefaults(file: string): Record<string, [string, string]> {
  const report = example(file);
  const s = style(report.style);
  const changed: Record<string, [string, string]> = {};
  for (const part of report.parts) {
    if (part.kind === 'custom' || part.heading === undefined) continue;
    const wording = s.fill(`parts.headings.${part.kind}`, { year: report.year, nextYear: report.year + 1 });
    if (wording !== part.heading) changed[part.kind] = [part.heading, wording];
  }
  return changed;
}

describe('headings are the data’s words', () => {
  it('the three township styles learnt from a report word it exactly as the report does', () => {
    expect(changedByDefaults('guangdong-suixi-wutang-2021.yaml')).toEqual({});
    expect(changedByDefaults('ningxia-haiyuan-lijun-2020.yaml')).toEqual({});
    expect(changedByDefaults('shaanxi-nanzheng-fazhen-2022.yaml')).toEqual({});
  });

  it('liaoning says 主要负责人, as the statute does, where the 太平岭 report writes 主要责任人', () => {
    expect(changedByDefaults('liaoning-zhuanghe-taipingling-2023.yaml')).toEqual({
      leadership: ['2023年党政主要责任人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况', '2023年党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况'],
    });
  });

  it('national keeps the statute’s wording where the 交口乡 report words its parts its own way', () => {
    expect(Object.keys(changedByDefaults('national-jiaokou-2021.yaml'))).toEqual(['study', 'measures', 'shortcomings', 'plans', 'inspection']);
    expect(changedByDefaults('national-jiaokou-2021.yaml').plans).toEqual(['2022年推进法治政府建设的主要思路和打算', '2022年推进法治政府建设的主要安排']);
  });

  it.each(seeds)('%s prints the data’s headings in its own style and in another', (file) => {
    const report = example(file);
    const given = report.parts.flatMap((p) => (p.heading === undefined ? [] : [p.heading]));
    for (const name of [report.style, report.style === 'national' ? 'liaoning' : 'national']) {
      const printed = composeDocument(report, style(name)).document!.body.filter((b): b is HeadingBlock => b.kind === 'heading' && b.level === 1).map((h) => h.text);
      for (const heading of given) expect(printed, name).toContain(heading);
    }
  });
});
