/**
 * Tables (GB/T 9704 ch. 8) read from geometry: a 三线表 or grid between paragraphs, or running
 * over a page's foot with its header repeated, is told from the 版记 by its place and text, its
 * rows are not held to the 28-character line, and the page and the text around it still are.
 */
import { derived, layout, ptToMm } from '@gongwen/model';
import { describe, expect, it } from 'vitest';
import { checkMeasurements, type CheckReport, type HorizontalRule, type TextLine } from '../src/index.js';
import { document, firstPageLines, line, page, paragraph } from './synthetic.js';

const pitch = ptToMm(derived.linePitchPt);
const { margins, textBlock } = layout;
const padding = ptToMm(layout.table.cellPaddingChars * 16);

const rule = (r: CheckReport, id: string) => r.rules.find((x) => x.id === id)!;
const failing = (r: CheckReport) => r.rules.filter((x) => !x.pass).map((x) => `${x.id}: ${x.measuredEn}`);

/** A table rule on the top edge of grid row `row`, drawn cell by cell as pdfmake draws it. */
function tableRule(row: number, thicknessMm: number, columns = 3): HorizontalRule[] {
  const y = margins.top + row * pitch;
  const width = textBlock.width / columns;
  return Array.from({ length: columns }, (_, i) => ({
    x1: margins.left + i * width,
    x2: margins.left + (i + 1) * width,
    y,
    length: width,
    thicknessPt: (thicknessMm * 72) / 25.4,
    color: '000000',
    tone: 'black' as const,
  }));
}

/** A row of cells: all full-width, ending one padding short of the block's right edge. */
const row = (r: number, text: string, header = false): TextLine =>
  line({ row: r, text, x: margins.left + padding, xEnd: margins.left + textBlock.width - padding, ...(header ? { font: 'SimHei', x: margins.left + 12 } : {}) });

const HEADER = '案件类别　新收　审结　纠错';
const CAPTION = '行政复议案件统计表';
const caption = (r: number): TextLine => line({ row: r, text: CAPTION, font: 'SimHei', x: 80 });

/** A full page: 7 paragraph lines, the title, a 三线表 of a header and 6 rows, 7 paragraph lines. */
function pageWithTable(): { lines: TextLine[]; rules: HorizontalRule[] } {
  const lines = [
    ...paragraph(0, 7),
    caption(7),
    row(8, HEADER, true),
    ...Array.from({ length: 6 }, (_, i) => row(9 + i, `行政处罚　三十八件　${'十二'.repeat(i + 1)}`)),
    ...paragraph(15, 7),
  ];
  return { lines, rules: [...tableRule(8, 0.35), ...tableRule(9, 0.25), ...tableRule(15, 0.35)] };
}

function report(pages: ReturnType<typeof page>[], expectedText?: string[]): CheckReport {
  return checkMeasurements(document(pages), expectedText ? { expectedText } : {});
}

describe('a table between paragraphs', () => {
  const build = (edit: (t: ReturnType<typeof pageWithTable>) => void = () => {}) => {
    const t = pageWithTable();
    edit(t);
    return [page(1, firstPageLines()), page(2, t.lines, { rules: t.rules }), page(3, paragraph(0, 5))];
  };

  it('passes: its rows are no full lines, its rules no 版记, and the page holds 22 lines', () => {
    const r = report(build());
    expect(failing(r)).toEqual([]);
    expect(r.pages[1]).toMatchObject({ lines: 22, full: true });
    expect(rule(r, 'end-matter/position').skipped).toBe(true);
    // Only the paragraphs' lines are counted: 5 on page 1, 2 × 6 on page 2, 4 on page 3.
    expect(rule(r, 'grid/chars-per-line').measuredEn).toMatch(/^21 full lines: 21 × 28/);
  });

  it('is told by its rules: the same rows without them are short full lines', () => {
    const r = report(build((t) => (t.rules = [])));
    expect(rule(r, 'grid/chars-per-line').pass).toBe(false);
    expect(rule(r, 'grid/chars-per-line').pages).toEqual([2]);
  });

  it('keeps the text after it on the grid: paragraphs 3 pt low fail the line pitch', () => {
    const r = report(
      build((t) => {
        t.lines = t.lines.map((l) => (l.baseline > margins.top + 15 * pitch ? { ...l, baseline: l.baseline + ptToMm(3), top: l.top + ptToMm(3), bottom: l.bottom + ptToMm(3) } : l));
      }),
    );
    expect(rule(r, 'grid/line-pitch').pass).toBe(false);
    expect(rule(r, 'grid/line-pitch').pages).toEqual([2]);
  });

  it('does not hide a page short of 22 lines', () => {
    const r = report(build((t) => (t.lines = t.lines.slice(0, -1))));
    expect(rule(r, 'grid/lines-per-page').pages).toEqual([2]);
  });
});

describe('a table running over a page break with its header repeated', () => {
  /** Page 2 ends with the table's title, header and 5 rows; page 3 repeats the header, then 4 rows and text. */
  const build = (options: { shortBy?: number } = {}) => {
    const rows = (from: number, n: number, first: number) => Array.from({ length: n }, (_, i) => row(from + i, `乡镇${'一二三四五六七八九十'[first + i]}　规范性文件　合同`));
    const end = 22 - (options.shortBy ?? 0);
    const p2 = [...paragraph(0, 15), caption(15), row(16, HEADER, true), ...rows(17, end - 17, 0)];
    const p3 = [row(0, HEADER, true), ...rows(1, 4, end - 17), ...paragraph(5, 17)];
    return [
      page(1, firstPageLines()),
      page(2, p2, { rules: [...tableRule(16, 0.35), ...tableRule(17, 0.25)] }),
      page(3, p3, { rules: [...tableRule(0, 0.35), ...tableRule(1, 0.25), ...tableRule(5, 0.35)] }),
      page(4, paragraph(0, 5)),
    ];
  };
  const readOnce = (pages: ReturnType<typeof build>) => {
    const all = pages.flatMap((p) => p.lines.map((l) => l.text));
    return all.filter((t, i) => t !== HEADER || all.indexOf(HEADER) === i);
  };

  it('holds the page before the break to 22 lines, and reads the repeated header once', () => {
    const pages = build();
    const r = report(pages, readOnce(pages));
    expect(failing(r)).toEqual([]);
    expect(r.pages[1]).toMatchObject({ lines: 22, full: true, exempt: [] });
    expect(rule(r, 'text/equals').pass).toBe(true);
  });

  it('fails that page when the table leaves its last grid line empty', () => {
    const r = report(build({ shortBy: 1 }));
    expect(rule(r, 'grid/lines-per-page').pass).toBe(false);
    expect(rule(r, 'grid/lines-per-page').pages).toEqual([2]);
  });
});

describe('the 版记 beside tables', () => {
  it('is still found by its 抄送 and 印发 lines between full-width rules', () => {
    const t = pageWithTable();
    const rules = [262 - 2 * pitch, 262 - pitch, 262].map((y, i) => ({ x1: 28, x2: 184, y, length: 156, thicknessPt: ((i === 1 ? 0.25 : 0.35) * 72) / 25.4, color: '000000', tone: 'black' as const }));
    const endMatter = [line({ row: 20, text: '抄送：县司法局。', size: 14, x: 33.6 }), line({ row: 21, text: '青禾县人民政府办公室　2024年2月26日印发', size: 14, x: 33.6 })];
    const r = report([page(1, firstPageLines()), page(2, t.lines, { rules: t.rules }), page(3, [...paragraph(0, 5), ...endMatter], { rules })]);
    expect(rule(r, 'end-matter/position').pass).toBe(true);
    expect(rule(r, 'end-matter/position').measuredEn).toMatch(/^page 3, 3 rules/);
    expect(r.pages[1]!.exempt).toEqual([]);
  });
});

describe('rows whose cells wrap', () => {
  /** A cell line: each cell a segment, the first column 28–80 mm, the second 80–130, the third 130–184. */
  const cells = (r: number, texts: [string, string, string]): TextLine => {
    const starts = [margins.left + padding, 82, 132];
    const segments = texts
      .map((text, i) => ({ x: starts[i]!, xEnd: starts[i]! + ptToMm([...text].length * 15.79), text }))
      .filter((s) => s.text);
    const l = line({ row: r, text: texts.filter(Boolean).join(' '), x: segments[0]!.x, xEnd: segments.at(-1)!.xEnd });
    return { ...l, segments };
  };
  /** Page 2 ends with a table whose rows run to its foot, less `short` lines; page 3 opens with the header and a row of `tall` lines. */
  const build = (short: number, tall: number) => {
    const p2rows = 22 - 17 - short;
    const p2 = [...paragraph(0, 15), caption(15), cells(16, ['类别', '件数', '说明']), ...Array.from({ length: p2rows }, (_, i) => cells(17 + i, [`乙${i}`, '一', '无']))];
    const wrapped = Array.from({ length: tall }, (_, i) => cells(1 + i, i === 0 ? ['不履行法定', '二', '含'] : [`职责${i}`, '', i === 1 ? '终止' : '']));
    const p3 = [cells(0, ['类别', '件数', '说明']), ...wrapped, cells(1 + tall, ['合计', '三', '无']), ...paragraph(2 + tall, 20 - tall)];
    const pages = [
      page(1, firstPageLines()),
      page(2, p2, { rules: [...tableRule(16, 0.35), ...tableRule(17, 0.25), ...tableRule(22 - short, 0.35)] }),
      page(3, p3, { rules: [...tableRule(0, 0.35), ...tableRule(1, 0.25), ...tableRule(2 + tall, 0.35)] }),
      page(4, paragraph(0, 5)),
    ];
    // The document's text: the header once, each row's cells in order.
    const text = pages.flatMap((p) => p.lines.filter((l) => !(p.number === 3 && l === p.lines[0])).filter((l) => !wrapped.slice(1).includes(l)).map((l) => l.text));
    const at = text.indexOf(wrapped[0]!.text);
    text[at] = ['不履行法定', ...wrapped.slice(1).map((_, i) => `职责${i + 1}`), '二', '含', '终止'].join('\t');
    return { pages, text };
  };

  it('are read cell by cell: a wrapped cell’s lines together, then the next cell', () => {
    const { pages, text } = build(0, 3);
    const r = report(pages, text);
    expect(rule(r, 'text/equals').pass, rule(r, 'text/equals').measuredEn).toBe(true);
  });

  it('excuse the page before when the next row is taller than the lines left, and only then', () => {
    const carried = report(build(2, 3).pages);
    expect(carried.pages[1]).toMatchObject({ lines: 20, full: false, exempt: ['table-carry'] });
    expect(failing(carried)).toEqual([]);
    const tooShort = report(build(3, 3).pages);
    expect(tooShort.pages[1]!.full).toBe(true);
    expect(rule(tooShort, 'grid/lines-per-page').pages).toEqual([2]);
  });
});
