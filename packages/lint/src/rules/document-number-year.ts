import { parseDate } from '../dates.js';
import type { Rule } from '../types.js';

/** 发文字号 take the year the document is dated in (GB/T 9704 7.2.4): 交发〔2022〕8号 for a report signed in 2022. */
export const documentNumberYear: Rule = {
  id: 'year/document-number-year',
  severity: 'warning',
  fixable: false,
  description: { zh: '发文字号的年份与成文日期的年份不同', en: 'The year in the document number is not the year of the date' },
  check({ report }) {
    const number = report.documentNumber;
    const date = parseDate(report.signature?.date);
    if (typeof number !== 'string' || !date) return [];
    const m = /[〔[【［(（]\s*(\d{4})\s*[〕\]】］)）]/.exec(number);
    if (!m || Number(m[1]) === date.year) return [];
    const offset = m.index + m[0].indexOf(m[1]!);
    return [
      {
        path: ['documentNumber'],
        excerpt: { offset, text: m[1]! },
        message: {
          zh: `发文字号的年份是${m[1]}年，成文日期却在${date.year}年`,
          en: `the document number says ${m[1]}, but the report is dated in ${date.year}`,
        },
        hint: {
          zh: `发文字号标发文的年份：写〔${date.year}〕，或核对成文日期`,
          en: `a document number carries the year it is issued in: write 〔${date.year}〕, or check the date`,
        },
      },
    ];
  },
};
