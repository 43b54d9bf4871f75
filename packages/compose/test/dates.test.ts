import { describe, expect, it } from 'vitest';
import { chineseDate } from '../src/dates.js';

describe('chineseDate', () => {
  it('drops zero padding (7.3.5.4)', () => {
    expect(chineseDate('2022-01-09')).toBe('2022年1月9日');
    expect(chineseDate('2021-12-31')).toBe('2021年12月31日');
  });
  it('rejects dates that are not on the calendar', () => {
    expect(() => chineseDate('2022-02-30')).toThrow(/not a calendar date/);
    expect(() => chineseDate('2022/01/09')).toThrow(/2022-01-09/);
  });
});
