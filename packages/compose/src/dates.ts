/** Dates as 公文 print them (7.3.5.4): arabic numerals, full year, no zero padding. */
import { formatChineseDate, isCalendarDate } from '@gongwen/model';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2022-01-09` → `2022年1月9日`. Throws on anything that is not a real calendar date. */
export function chineseDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`expected a date like 2022-01-09, got "${iso}"`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isCalendarDate(year, month, day)) throw new RangeError(`"${iso}" is not a calendar date`);
  return formatChineseDate({ year, month, day });
}
