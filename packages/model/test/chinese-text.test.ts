import { describe, expect, it } from 'vitest';
import { breakBeforeEllipsis, formatChineseDate, fullWidthMarks, halfWidthInChineseContext, isCalendarDate, isChineseContext, isHan, layout, lineBreakClasses, splitsPair, westernBreakAllowed } from '../src/index.js';

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
    // LibreOffice's Simplified Chinese lists, which let % and ℃ start a line after Chinese text.
    expect(['%', '‰', '℃', '°'].some((c) => lineBreakClasses.noLineStart.has(c))).toBe(false);
    expect(['-', '"', "'"].every((c) => lineBreakClasses.noLineStart.has(c))).toBe(true);
  });

  it('never split a 破折号 or 省略号; a 破折号 may start a line (GB/T 15834 5.1.4), a 省略号 after punctuation only', () => {
    expect(splitsPair('—', '—')).toBe(true);
    expect(splitsPair('…', '…')).toBe(true);
    expect(splitsPair('法', '—')).toBe(false);
    expect(lineBreakClasses.noLineStart.has('—') || lineBreakClasses.noLineStart.has('…')).toBe(false);
    expect(['。', '，', '：', '）'].map(breakBeforeEllipsis)).toEqual([true, true, true, true]);
    expect(['等', 'A', '5', '…', '！', '”', '“'].map(breakBeforeEllipsis)).toEqual([false, false, false, false, false, false, false]);
    // A 破折号 after a character or closing punctuation may start a line, not after a quotation mark (`设”——`).
    const breakBeforeDash = (before: string) => westernBreakAllowed(before, '—');
    expect(['等', '。', '）', '5'].map(breakBeforeDash)).toEqual([true, true, true, true]);
    expect(['”', '’', '“', '《'].map(breakBeforeDash)).toEqual([false, false, false, false]);
  });

  it('break Western text where UAX #14 allows, as LibreOffice does', () => {
    const allowed = (pair: string) => westernBreakAllowed(pair[0]!, pair[1]!);
    // Inside numbers and words, between a closing mark and a digit or letter, before a closing mark, before ” and after it before a digit or letter: never.
    for (const pair of ['20', '.5', '5%', 'AP', '。2', '，1', '》A', '3）', '1“', '4”', 'P”', '法%', '——', '3·', '·1', 'T ', '/T', '”2', '”A']) expect(allowed(pair), pair).toBe(false);
    // Between Chinese characters, after a hyphen, dash or space, before an opening quotation mark after a Chinese character, before a bracket, after ” before Chinese text: yes.
    for (const pair of ['法治', '3年', '法2', '-2', '—2', '4—', '法“', '法（', ' 9', '”法', '’设', '”《', '”“']) expect(allowed(pair), pair).toBe(true);
    // Between a mark and “: after Chinese text (`日、“4·15”`), not after a Latin word or number (`APP、“`).
    expect(westernBreakAllowed('、', '“')).toBe(true);
    expect(westernBreakAllowed('、', '“', true)).toBe(false);
    expect(westernBreakAllowed('，', '‘', true)).toBe(false);
    expect(westernBreakAllowed('法', '“', true)).toBe(true);
    expect(westernBreakAllowed('”', '“', true)).toBe(false);
    expect(westernBreakAllowed('”', '《', true)).toBe(false);
    expect(westernBreakAllowed('”', '法', true)).toBe(true);
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
