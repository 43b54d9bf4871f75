/** Dates as 公文 print them (7.3.5.4): arabic numerals, full year, no zero padding. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2022-01-09` → `2022年1月9日`. Throws on anything that is not a real calendar date. */
export function chineseDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`expected a date like 2022-01-09, got "${iso}"`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new RangeError(`"${iso}" is not a calendar date`);
  }
  return `${year}年${month}月${day}日`;
}
