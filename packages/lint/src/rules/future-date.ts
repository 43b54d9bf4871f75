import { compareDates, formatChineseDate, parseDate } from '../dates.js';
import type { Rule } from '../types.js';

/** A 成文日期 after today: a typo in the year, or a report dated ahead of its signing. */
export const futureDate: Rule = {
  id: 'year/future-date',
  severity: 'warning',
  fixable: false,
  description: { zh: '成文日期晚于今天', en: 'The date is in the future' },
  check({ report, today }) {
    const date = parseDate(report.signature?.date);
    if (!today || !date || compareDates(date, today) <= 0) return [];
    return [
      {
        path: ['signature', 'date'],
        message: {
          zh: `成文日期${formatChineseDate(date)}晚于今天（${formatChineseDate(today)}）`,
          en: `the date ${formatChineseDate(date)} is after today (${formatChineseDate(today)})`,
        },
        hint: { zh: '成文日期是负责人签发的日期，核对年份和月份是否写错', en: 'the date is the day the head signs the report; check the year and month' },
      },
    ];
  },
};
