/** Chinese and arabic numbering as 公文 write it (GB/T 9704 7.3.3 and common practice). */

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function checkRange(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > 99) {
    throw new RangeError(`Chinese numerals cover 1 to 99, got ${String(n)}`);
  }
}

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九. */
export function chineseNumeral(n: number): string {
  checkRange(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return DIGITS[ones]!;
  return (tens === 1 ? '' : DIGITS[tens]!) + '十' + DIGITS[ones]!;
}

/** The marker formats a manifest can name for a level. */
export type MarkerFormat = 'cn-comma' | 'cn-paren' | 'arabic-dot' | 'arabic-paren' | 'ordinal';

export const markerFormats: readonly MarkerFormat[] = ['cn-comma', 'cn-paren', 'arabic-dot', 'arabic-paren', 'ordinal'];

/** `一、`, `（一）`, `1.` (half-width full stop, as 7.3.3 prescribes), `（1）`, `一是`. */
export function formatMarker(format: MarkerFormat, n: number): string {
  switch (format) {
    case 'cn-comma':
      return `${chineseNumeral(n)}、`;
    case 'cn-paren':
      return `（${chineseNumeral(n)}）`;
    case 'arabic-dot':
      checkPositive(n);
      return `${n}.`;
    case 'arabic-paren':
      checkPositive(n);
      return `（${n}）`;
    case 'ordinal':
      return `${chineseNumeral(n)}是`;
  }
}

function checkPositive(n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`item numbers start at 1, got ${String(n)}`);
}

export function isArabic(format: MarkerFormat): boolean {
  return format === 'arabic-dot' || format === 'arabic-paren';
}
