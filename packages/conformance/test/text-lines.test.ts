import { ptToMm } from '@gongwen/model';
import { describe, expect, it } from 'vitest';
import { groupLines, type PlacedItem } from '../src/text-lines.js';

const item = (str: string, x: number, baseline: number, extra: Partial<PlacedItem> = {}): PlacedItem => ({
  str,
  x,
  width: ptToMm([...str].length * 16),
  baseline,
  fontSize: 16,
  font: 'FangSong',
  ascent: 0.88,
  descent: -0.12,
  ...extra,
});

describe('groupLines', () => {
  it('joins the runs of one baseline left to right and orders lines top to bottom', () => {
    const lines = groupLines([item('第二行', 28, 53.7), item('文字', 39.3, 43.5), item('首行', 28, 43.52, { font: 'SimHei' })]);
    expect(lines.map((l) => l.text)).toEqual(['首行文字', '第二行']);
    expect(lines[0]).toMatchObject({ x: 28, fonts: ['SimHei', 'FangSong'] });
    expect(lines[0]!.xEnd).toBeCloseTo(39.3 + ptToMm(32), 6);
  });

  it('keeps lines one grid line apart separate, however close the sizes', () => {
    expect(groupLines([item('甲', 28, 43.5), item('乙', 28, 43.5 + ptToMm(4))])).toHaveLength(2);
  });

  it('reads a visible gap as a space and ignores blank items and blank edges', () => {
    const [l] = groupLines([item('印发机关', 33, 259), item(' ', 60, 259), item('某月某日印发 ', 130, 259)]);
    expect(l!.text).toBe('印发机关 某月某日印发 ');
    // The trailing blank is not part of the line's right end.
    expect(l!.xEnd).toBeCloseTo(130 + ptToMm(6 * 16), 6);
  });

  it('takes the size and font that carry most characters', () => {
    const [l] = groupLines([item('附件', 28, 43.5, { fontSize: 16, font: 'SimHei' }), item('某某镇法治建设任务清单', 60, 43.5, { fontSize: 16, font: 'FangSong' })]);
    expect(l).toMatchObject({ fontSize: 16, font: 'FangSong' });
    expect(l!.top).toBeCloseTo(43.5 - ptToMm(0.88 * 16), 6);
  });
});
