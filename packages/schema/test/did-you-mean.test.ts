import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from '../src/did-you-mean.js';

describe('editDistance', () => {
  it('counts edits, with a swap of neighbours as one', () => {
    expect(editDistance('text', 'text')).toBe(0);
    expect(editDistance('txet', 'text')).toBe(1);
    expect(editDistance('tittle', 'title')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('didYouMean', () => {
  const keys = ['heading', 'lead', 'text', 'numbering', 'body'];
  it('finds typos, whatever the case', () => {
    expect(didYouMean('txet', keys)).toBe('text');
    expect(didYouMean('Heading', keys)).toBe('heading');
    expect(didYouMean('numbring', keys)).toBe('numbering');
  });
  it('knows the Chinese names of keys, where that key is allowed', () => {
    expect(didYouMean('标题', ['title', 'year'])).toBe('title');
    expect(didYouMean('引领句', keys)).toBe('lead');
    expect(didYouMean('标题', keys)).toBeUndefined();
  });
  it('does not guess wildly', () => {
    expect(didYouMean('content', keys)).toBeUndefined();
    expect(didYouMean('标题', keys)).toBeUndefined();
    expect(didYouMean('x'.repeat(100), keys)).toBeUndefined();
  });
});
