import { isCalendarDate } from '@gongwen/model';

export { formatChineseDate } from '@gongwen/model';

/** A calendar date without time zone, as reports write them. */
export interface PlainDate {
  year: number;
  month: number;
  day: number;
}

/** Reads `2022-01-09` or `2022年1月9日`; undefined for anything else or an impossible date. */
export function parseDate(value: unknown): PlainDate | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(\d{4})(?:-(\d{1,2})-(\d{1,2})|年(\d{1,2})月(\d{1,2})日)\s*$/.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2] ?? m[4]);
  const day = Number(m[3] ?? m[5]);
  return isCalendarDate(year, month, day) ? { year, month, day } : undefined;
}

export function compareDates(a: PlainDate, b: PlainDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}
