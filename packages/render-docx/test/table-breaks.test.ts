import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { layout, mmToPt, type Document, type TableBlock } from '@gongwen/model';
import { find, parseXml, type XmlElement } from '@gongwen/test-kit/xml';
import { renderDocx } from '../src/index.js';

const table = (rules: TableBlock['rules']): TableBlock => ({
  kind: 'table',
  title: '统计表',
  header: [['类别', '件数']],
  rows: Array.from({ length: 8 }, (_, i) => [`类别${i + 1}`, String(i)]),
  align: ['left', 'right'],
  rules,
});
const doc: Document = { meta: { title: 't', author: 'a' }, title: ['关于测试的报告'], body: [table('three-line'), table('grid')] };

async function tables(options: Parameters<typeof renderDocx>[1] = {}): Promise<XmlElement[]> {
  const { docx } = await renderDocx(doc, options);
  const xml = parseXml(new TextDecoder().decode(unzipSync(docx)['word/document.xml']!), 'word/document.xml');
  return find(xml, 'w:tbl');
}
/** Each body row (the header row left out): its cells' bottom border size (eighths of a point, 0 for none) and its height. */
const rows = (tbl: XmlElement) =>
  find(tbl, 'w:tr')
    .slice(1)
    .map((tr) => ({
      bottom: Math.max(0, ...find(tr, 'w:tcBorders').flatMap((b) => find(b, 'w:bottom')).map((b) => Number(b.attrs['w:sz']))),
      height: Number(find(tr, 'w:trHeight')[0]!.attrs['w:val']),
    }));

describe('a 三线表 told where the PDF breaks it', () => {
  it('gives the row that ends a page the table’s bottom rule, that row giving its width back', async () => {
    const [three] = await tables({ tables: [{ rowLines: [], breaks: [3] }, { rowLines: [], breaks: [3] }] });
    const r = rows(three!);
    const outer = Math.round(mmToPt(layout.table.outerRule) * 8);
    expect(r[3]!.bottom).toBe(outer);
    expect(r.filter((x) => x.bottom > 0)).toHaveLength(1);
    expect(r[3]!.height).toBe(r[2]!.height - Math.round((outer / 8) * 20));
  });

  it('draws nothing there without being told, and leaves a grid to its row rules', async () => {
    const [three, grid] = await tables();
    expect(rows(three!).every((x) => x.bottom === 0)).toBe(true);
    const [, told] = await tables({ tables: [{ rowLines: [], breaks: [3] }, { rowLines: [], breaks: [3] }] });
    expect(rows(told!)).toEqual(rows(grid!));
  });
});

describe('rows told their heights by the PDF', () => {
  it('take them: as many grid lines as the PDF broke their fullest cell into', async () => {
    const rowLines = [1, 1, 3, 1, 2, 1, 1, 1, 1];
    const [three] = await tables({ tables: [{ rowLines, breaks: [] }] });
    const heights = rows(three!).map((r) => r.height);
    const pitch = heights[0]!;
    expect(heights[1]).toBe(3 * pitch);
    expect(heights[3]).toBe(2 * pitch);
    // Without them, one-line cells estimate one line.
    const [estimated] = await tables();
    expect(rows(estimated!).slice(0, 7).every((r) => r.height === pitch)).toBe(true);
  });
});
