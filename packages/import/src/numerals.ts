import { isCalendarDate } from '@gongwen/model';

const DIGIT: Record<string, number> = { 〇: 0, 零: 0, O: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九十九 as a number; undefined for anything else. */
export function parseChineseNumber(s: string): number | undefined {
  if (!s) return undefined;
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || (!m[1] && !m[2] && !m[3])) return undefined;
  if (!m[2]) return m[3] ? undefined : DIGIT[m[1]!];
  return (m[1] ? DIGIT[m[1]]! : 1) * 10 + (m[3] ? DIGIT[m[3]]! : 0);
}

/** Digits written one by one (二〇二二) as a number. */
function digitsByDigit(s: string): number | undefined {
  let n = 0;
  for (const c of s) {
    const d = DIGIT[c];
    if (d === undefined) return undefined;
    n = n * 10 + d;
  }
  return n;
}

const DATE_PATTERNS: RegExp[] = [
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/,
  /^([〇零一二三四五六七八九O]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日$/,
  /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/,
];

/** A date as the copies write it (2022年1月9日, 二〇二二年一月九日, 2022.1.9, 2022-01-09) → ISO; undefined if none or impossible. */
export function parseChineseDate(text: string): string | undefined {
  const s = text.replace(/[\s\u3000]/g, '');
  for (const pattern of DATE_PATTERNS) {
    const m = pattern.exec(s);
    if (!m) continue;
    const year = /^\d+$/.test(m[1]!) ? Number(m[1]) : digitsByDigit(m[1]!);
    const month = parseChineseNumber(m[2]!);
    const day = parseChineseNumber(m[3]!);
    if (year === undefined || month === undefined || day === undefined) return undefined;
    if (!isCalendarDate(year, month, day)) return undefined;
    return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  return undefined;
}
