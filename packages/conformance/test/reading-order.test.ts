import { ptToMm } from '@gongwen/model';
import { describe, expect, it } from 'vitest';
import type { TextLine } from '../src/index.js';
import { readingOrder } from '../src/rules/text-equals.js';
import { line, paragraph } from './synthetic.js';

/** A joint 发文机关标志 as render-pdf sets it: names stacked 1.2 em apart, 文件 beside them, centred. */
function jointMark(names: string[]): TextLine[] {
  const size = 26;
  const pitch = ptToMm(1.2 * size);
  const stacked = names.map((text, i) => line({ text, row: 0, size, x: 60, xEnd: 60 + ptToMm(8 * size), shiftPt: -i * 1.2 * size }));
  const middle = (stacked[0]!.baseline + stacked.at(-1)!.baseline) / 2;
  const suffix = { ...line({ text: '文件', row: 0, size, x: 60 + ptToMm(8.5 * size) }), baseline: middle };
  expect(stacked[1]!.baseline - stacked[0]!.baseline).toBeCloseTo(pitch, 6);
  return [...stacked, suffix].sort((a, b) => a.baseline - b.baseline);
}

describe('readingOrder', () => {
  it('reads the 文件 of a joint mark after the stacked names it stands beside', () => {
    const lines = [...jointMark(['中共临江街道工委', '临江街道办事处']), ...paragraph(8, 3)];
    expect(lines.map((l) => l.text).slice(0, 3)).toEqual(['中共临江街道工委', '文件', '临江街道办事处']);
    expect(readingOrder(lines).map((l) => l.text).slice(0, 3)).toEqual(['中共临江街道工委', '临江街道办事处', '文件']);
    expect(readingOrder(lines).slice(3)).toEqual(lines.slice(3));
  });

  it('reads four stacked names before the 文件 centred between the second and third', () => {
    const lines = jointMark(['一一一一', '二二二二', '三三三三', '四四四四']);
    expect(lines.map((l) => l.text)).toEqual(['一一一一', '二二二二', '文件', '三三三三', '四四四四']);
    expect(readingOrder(lines).map((l) => l.text)).toEqual(['一一一一', '二二二二', '三三三三', '四四四四', '文件']);
  });

  it('leaves lines one under the other as they are', () => {
    const lines = paragraph(0, 22);
    expect(readingOrder(lines)).toEqual(lines);
  });
});
