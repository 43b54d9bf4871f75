import { describe, expect, it } from 'vitest';
import { formatChineseDate, fullWidthMarks, halfWidthInChineseContext, isCalendarDate, isChineseContext, isHan, layout, lineBreakClasses } from '../src/index.js';

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

describe('half-width marks in Chinese context', () => {
  const marked = (text: string) => halfWidthInChineseContext(text).map((i) => text[i]).join('');
  it('finds a mark next to Chinese, spaces and tabs skipped, and leaves numbers, times and addresses', () => {
    expect(marked('依法行政,化解纠纷;成效明显!')).toBe(',;!');
    expect(marked('依法行政 ,\t化解纠纷')).toBe(',');
    expect(marked('共1,000件，12.5%，下午3:00，https://a.b/c?d=1')).toBe('');
    expect(marked('Law, order: done?')).toBe('');
  });
  it('judges a bracket pair as a pair, by its neighbours or the Chinese between them', () => {
    expect(marked('村(居)委员会')).toBe('()');
    expect(marked('(一)加强领导')).toBe('()');
    expect(marked('Email(A中B)x')).toBe('()');
    expect(marked('the (ABC) case')).toBe('');
  });
  it('reads a character of the Extension planes whole on either side', () => {
    expect(marked('𠀀,𠀀')).toBe(',');
    expect(marked('A,𪚥')).toBe(',');
    expect(halfWidthInChineseContext('𪚥,B')).toEqual([2]);
  });
});
