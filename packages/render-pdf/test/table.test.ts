import { describe, expect, it } from 'vitest';
import { resolveFonts } from '@gongwen/fonts';
import { derived, layout, type Document, type TableBlock } from '@gongwen/model';
import { renderPdf } from '../src/index.js';
import { prose } from './fixtures.js';
import { readLines } from './measure.js';

const fonts = resolveFonts({ systemDirs: [], env: {} }).fonts;

const table: TableBlock = {
  kind: 'table',
  title: '行政复议案件统计表',
  header: [['案件类别', '新收', '审结']],
  rows: Array.from({ length: 40 }, (_, i) => [`类别${i + 1}`, String(i + 10), String(i)]),
  align: ['left', 'right', 'right'],
  rules: 'three-line',
};
const doc: Document = { meta: { title: 't', author: 'a' }, title: ['关于测试的报告'], body: [...prose(3), table, ...prose(3)] };

describe('a table that runs over pages', () => {
  it('repeats its header at the top of every page it is on, each row on the 22-line grid, in the body size', async () => {
    const { pdf } = await renderPdf(doc, fonts);
    const { lines } = await readLines(pdf);
    const heads = lines.filter((l) => l.text.replace(/\s/g, '') === '案件类别新收审结');
    const rowPages = new Set(lines.filter((l) => /^类别\s?\d+/.test(l.text)).map((l) => l.page));
    expect(rowPages.size).toBeGreaterThan(1);
    // Once where the table starts, then at the top of every later page it runs onto.
    expect(heads.map((h) => h.page)).toEqual([...rowPages].sort());
    const top = Math.min(...heads.filter((h) => h.page > heads[0]!.page).map((h) => h.baseline));
    for (const h of heads.slice(1)) expect(h.baseline).toBeCloseTo(top, 1);
    // Rows are one grid pitch apart, as body lines are, and the text after the table keeps the pitch.
    for (const page of rowPages) {
      const baselines = lines.filter((l) => l.page === page && l.baseline > 0 && !/^—/.test(l.text)).map((l) => l.baseline).sort((a, b) => a - b);
      for (let i = 1; i < baselines.length; i++) {
        const steps = (baselines[i]! - baselines[i - 1]!) / derived.linePitchPt;
        expect(Math.abs(steps - Math.round(steps))).toBeLessThan(0.02);
      }
      if (page > heads[0]!.page && page < Math.max(...rowPages)) expect(baselines.length).toBe(layout.grid.linesPerPage);
    }
    for (const l of lines.filter((x) => /^类别\s?\d+/.test(x.text))) expect(l.fontSize).toBeCloseTo(16, 1);
  });
});

describe('a 三线表 that breaks', () => {
  it('ends its part on each page with its bottom rule at the foot of the last row, and says which rows end a page', async () => {
    const { pdf, pages, tables } = await renderPdf(doc, fonts, { pages: true });
    const tableBreaks = tables.map((t) => t.breaks);
    const { lines } = await readLines(pdf);
    const rowPages = [...new Set(lines.filter((l) => /^类别\s?\d+/.test(l.text)).map((l) => l.page))].sort();
    expect(tableBreaks).toHaveLength(1);
    expect(tableBreaks[0]).toHaveLength(rowPages.length - 1);
    const blockBottom = layout.margins.top + layout.textBlock.height;
    for (const [i, page] of rowPages.slice(0, -1).entries()) {
      // The row the PDF reports is the last one on the page.
      const last = lines.filter((l) => l.page === page && /^类别\s?\d+/.test(l.text)).at(-1)!;
      expect(last.text.replace(/\s/g, '')).toBe(table.rows[tableBreaks[0]![i]!]!.join(''));
      const rules = pages![page - 1]!.items.filter((x) => x.kind === 'rule');
      const foot = rules.filter((r) => r.kind === 'rule' && Math.abs(r.width - layout.table.outerRule) < 0.01 && r.y1 > blockBottom - 1);
      expect(foot.length, `page ${page}`).toBeGreaterThan(0);
      for (const r of foot) expect(r.kind === 'rule' && r.y1 + r.width / 2, `page ${page}`).toBeCloseTo(blockBottom, 1);
    }
  });
});
