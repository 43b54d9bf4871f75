/** Chinese and arabic numbering as 公文 write it (GB/T 9704 7.3.3 and common practice). */

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

const UNITS = ['千', '百', '十', ''];

/** Item counts a report can reach (its data holds at most 100 000 values) and far beyond. */
const maxNumeral = 99_999_999;

function checkRange(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > maxNumeral) {
    throw new RangeError(`Chinese numerals cover 1 to ${maxNumeral}, got ${String(n)}`);
  }
}

/**
 * 1 → 一, 10 → 十, 12 → 十二, 99 → 九十九, 100 → 一百, 101 → 一百零一, 110 → 一百一十,
 * 1010 → 一千零一十, 10001 → 一万零一: a zero inside the number is read once as 零, and 一十
 * shortens to 十 only at the front.
 */
export function chineseNumeral(n: number): string {
  checkRange(n);
  const high = Math.floor(n / 10_000);
  const low = n % 10_000;
  if (!high) return section(low, true);
  const rest = low ? (low < 1000 ? '零' : '') + section(low, false) : '';
  return `${section(high, true)}万${rest}`;
}

/** 1 to 9999 written out; `front` when nothing precedes it, so 一十 may shorten to 十. */
function section(n: number, front: boolean): string {
  const digits = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    if (!d) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += (front && out === '' && d === 1 && i === 2 ? '' : DIGITS[d]!) + UNITS[i]!;
  });
  return out;
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
