import { describe, expect, it } from 'vitest';
import { chineseNumeral, formatMarker } from '../src/numerals.js';

describe('chineseNumeral', () => {
  it('writes 1–99 as 公文 do', () => {
    expect([1, 9, 10, 11, 19, 20, 21, 30, 45, 99].map(chineseNumeral)).toEqual(['一', '九', '十', '十一', '十九', '二十', '二十一', '三十', '四十五', '九十九']);
  });
  it('goes on past 99: 一百、一百零一、一百一十 …, with one 零 for the zeros inside', () => {
    const cases: [number, string][] = [
      [100, '一百'], [101, '一百零一'], [105, '一百零五'], [110, '一百一十'], [111, '一百一十一'], [120, '一百二十'], [199, '一百九十九'],
      [200, '二百'], [999, '九百九十九'], [1000, '一千'], [1001, '一千零一'], [1010, '一千零一十'], [1100, '一千一百'], [2024, '二千零二十四'],
      [9999, '九千九百九十九'], [10000, '一万'], [10001, '一万零一'], [10100, '一万零一百'], [11000, '一万一千'], [100000, '十万'], [110001, '十一万零一'],
    ];
    expect(cases.map(([n]) => chineseNumeral(n))).toEqual(cases.map(([, s]) => s));
    expect(formatMarker('cn-comma', 100)).toBe('一百、');
    expect(formatMarker('cn-paren', 101)).toBe('（一百零一）');
    expect(formatMarker('ordinal', 110)).toBe('一百一十是');
  });
  it('refuses numbers it cannot write', () => {
    expect(() => chineseNumeral(0)).toThrow(RangeError);
    expect(() => chineseNumeral(100_000_000)).toThrow(RangeError);
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
