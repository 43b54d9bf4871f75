import { compareDates, formatChineseDate, parseDate } from '../dates.js';
import type { Rule } from '../types.js';

/**
 * 成文日期 outside the window a report can be dated in: not before the covered year is over
 * (31 December counts), and not after 1 April of the next year, when reports must be published.
 */
export const signatureDate: Rule = {
  id: 'year/signature-date',
  severity: 'warning',
  fixable: false,
  description: {
    zh: '成文日期早于所涉年度结束或晚于次年4月1日公开期限',
    en: 'The date is before the covered year ends or after the 1 April publication deadline',
  },
  check({ report }) {
    const year = report.year;
    const date = parseDate(report.signature?.date);
    if (typeof year !== 'number' || !date) return [];
    const shown = formatChineseDate(date);
    const path = ['signature', 'date'];
    if (compareDates(date, { year, month: 12, day: 31 }) < 0)
      return [
        {
          path,
          message: {
            zh: `成文日期${shown}早于${year}年度结束，年度报告应在年度终了后成文`,
            en: `the date ${shown} is before the end of ${year}, the year the report covers`,
          },
          hint: {
            zh: `核对成文日期，通常在${year + 1}年1月至3月`,
            en: `check the date; reports are usually dated January to March ${year + 1}`,
          },
        },
      ];
    if (compareDates(date, { year: year + 1, month: 4, day: 1 }) > 0)
      return [
        {
          path,
          message: {
            zh: `成文日期${shown}晚于${year + 1}年4月1日，年度报告须在每年4月1日前向社会公开`,
            en: `the date ${shown} is after 1 April ${year + 1}, the deadline for publishing the report`,
          },
          hint: {
            zh: `核对成文日期和 year（${year}）是否写对`,
            en: `check the date and the year (${year})`,
          },
        },
      ];
    return [];
  },
};
