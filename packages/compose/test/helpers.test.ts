import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { helpers, knownHelpers } from '../src/helpers.js';

function render(source: string, data: unknown = {}): string {
  const env = Handlebars.create();
  for (const [name, fn] of Object.entries(helpers)) env.registerHelper(name, fn);
  return env.compile(source, { strict: true, knownHelpersOnly: true, knownHelpers, noEscape: true })(data);
}

describe('helpers', () => {
  it('number items the way templates need', () => {
    expect(render('{{cn 21}} {{cnComma 2}} {{cnParen 3}} {{ordinal 4}} {{arabicDot 5}} {{arabicParen 6}}')).toBe('二十一 二、 （三） 四是 5. （6）');
  });
  it('print dates and do year arithmetic', () => {
    expect(render('{{chineseDate d}}', { d: '2022-01-09' })).toBe('2022年1月9日');
    expect(render('{{add year 1}}年工作安排', { year: 2021 })).toBe('2022年工作安排');
    expect(render('{{sub year 1}}', { year: 2021 })).toBe('2020');
  });
  it('normalise punctuation, compare and join', () => {
    expect(render('{{fullwidth s}}', { s: '如下:' })).toBe('如下：');
    expect(render('{{#if (eq a "x")}}yes{{else}}no{{/if}}', { a: 'x' })).toBe('yes');
    expect(render('{{join list "、"}}', { list: ['甲', '乙'] })).toBe('甲、乙');
  });
  it('fail loudly on bad input instead of printing nonsense', () => {
    expect(() => render('{{cn n}}', { n: 'abc' })).toThrow(/needs a number/);
    expect(() => render('{{cn 0}}')).toThrow(RangeError);
    expect(render('{{cn 100}}')).toBe('一百');
  });
});
