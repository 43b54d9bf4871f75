import { describe, expect, it } from 'vitest';
import { formatChineseDate, fullWidthMarks, isCalendarDate, isChineseContext, isHan, layout, lineBreakClasses } from '../src/index.js';

describe('Chinese text rules', () => {
  it('count the Extension planes, Extension A, compatibility ideographs and 〇 as Han', () => {
    for (const ch of ['法', '\u3400', '\u{20000}', '\u{2A6D6}', '\u{2B740}', '\u{30000}', '\uF900', '〇']) expect(isHan(ch), ch.codePointAt(0)!.toString(16)).toBe(true);
    for (const ch of ['a', '1', '，', 'あ', '한', undefined]) expect(isHan(ch)).toBe(false);
  });

  it('take Han and Chinese punctuation as the context of full-width marks, not Latin', () => {
    for (const ch of ['法', '\u{20000}', '，', '《', '“', '—', '…', '\u3000', '１']) expect(isChineseContext(ch)).toBe(true);
    for (const ch of ['a', '1', ' ', '.', '"']) expect(isChineseContext(ch)).toBe(false);
    expect(Object.entries(fullWidthMarks)).toEqual([
      [',', '，'],
      [';', '；'],
      [':', '：'],
      ['?', '？'],
      ['!', '！'],
      ['(', '（'],
      [')', '）'],
    ]);
  });

  it('break lines by the layout spec’s 避头尾 classes', () => {
    expect([...lineBreakClasses.noLineStart].join('')).toBe(layout.text.noLineStart);
    expect([...lineBreakClasses.noLineEnd].join('')).toBe(layout.text.noLineEnd);
    expect(lineBreakClasses.noLineStart.has('，')).toBe(true);
    expect(lineBreakClasses.noLineEnd.has('《')).toBe(true);
  });

  it('print dates without zero padding and know the calendar', () => {
    expect(formatChineseDate({ year: 2022, month: 1, day: 9 })).toBe('2022年1月9日');
    expect(isCalendarDate(2024, 2, 29)).toBe(true);
    expect(isCalendarDate(2023, 2, 29)).toBe(false);
    expect(isCalendarDate(2022, 13, 1)).toBe(false);
  });
});
