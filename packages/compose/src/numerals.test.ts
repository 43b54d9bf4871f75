import { describe, expect, it } from 'vitest';
import { chineseNumeral, formatMarker } from './numerals.js';

describe('chineseNumeral', () => {
  it('writes 1–99 as 公文 do', () => {
    expect([1, 9, 10, 11, 19, 20, 21, 30, 45, 99].map(chineseNumeral)).toEqual(['一', '九', '十', '十一', '十九', '二十', '二十一', '三十', '四十五', '九十九']);
  });
  it('refuses numbers it cannot write', () => {
    expect(() => chineseNumeral(0)).toThrow(RangeError);
    expect(() => chineseNumeral(100)).toThrow(RangeError);
    expect(() => chineseNumeral(2.5)).toThrow(RangeError);
  });
});

describe('formatMarker', () => {
  it('prints each level the way GB/T 9704 7.3.3 shows it', () => {
    expect(formatMarker('cn-comma', 3)).toBe('三、');
    expect(formatMarker('cn-paren', 12)).toBe('（十二）');
    // A half-width full stop after arabic numbers, never 、 or ．
    expect(formatMarker('arabic-dot', 2)).toBe('2.');
    expect(formatMarker('arabic-paren', 10)).toBe('（10）');
    expect(formatMarker('ordinal', 2)).toBe('二是');
  });
});
