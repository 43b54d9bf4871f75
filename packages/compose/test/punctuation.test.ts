import { describe, expect, it } from 'vitest';
import { toFullWidth } from '../src/punctuation.js';

describe('toFullWidth', () => {
  it('makes half-width marks between Chinese full-width', () => {
    expect(toFullWidth('十九大,十九届;如下:是否?好!')).toBe('十九大，十九届；如下：是否？好！');
    expect(toFullWidth('各村(居)、各部门')).toBe('各村（居）、各部门');
    expect(toFullWidth('(一)加强组织领导')).toBe('（一）加强组织领导');
    expect(toFullWidth('纲要(2021-2025年)')).toBe('纲要（2021-2025年）');
  });
  it('leaves numbers, dates and addresses alone', () => {
    for (const s of ['12.5%', '1,000', '2021-12-31', '“3·15”', 'https://example.gov.cn/a?b=1', 'see (a, b)']) {
      expect(toFullWidth(s)).toBe(s);
    }
    expect(toFullWidth('网址:https://a.cn/x')).toBe('网址：https://a.cn/x');
    expect(toFullWidth('共1,000人,其中')).toBe('共1,000人，其中');
  });
  it('takes a character of the Extension planes as Chinese, as lint does', () => {
    expect(toFullWidth('\u{20000},\u{2A6D6}')).toBe('\u{20000}，\u{2A6D6}');
  });
  it('keeps parentheses paired', () => {
    expect(toFullWidth('(Law 2021)规定')).toBe('（Law 2021）规定');
  });
});
