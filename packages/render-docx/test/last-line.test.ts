import { describe, expect, it } from 'vitest';
import { lastLineStart } from '../src/last-line.js';

const han = (n: number) => '法治政府建设'.repeat(10).slice(0, n);

describe('lastLineStart', () => {
  it('is undefined for a paragraph of one line', () => {
    expect(lastLineStart(han(26))).toBeUndefined();
  });

  it('starts the last line after 26 characters, then after every 28', () => {
    expect(lastLineStart(han(27))).toBe(26);
    expect(lastLineStart(han(26 + 28 + 5))).toBe(54);
  });

  it('counts digits as half a character and the space where they meet Chinese', () => {
    // 22 Chinese + “2023” (4 × 0.5) + a space of 0.2 on each side = 24.4: one more character
    // fits in 26, a second does not.
    const text = `${han(22)}2023${han(10)}`;
    expect(lastLineStart(text)).toBe(22 + 4 + 1);
  });

  it('never opens a line with closing punctuation: the character before moves down with it', () => {
    const text = `${han(26)}，${han(5)}`;
    expect(lastLineStart(text)).toBe(25);
  });

  it('never ends a line with an opening quotation mark', () => {
    const text = `${han(25)}“${han(5)}”`;
    expect(lastLineStart(text)).toBe(25);
  });
});
