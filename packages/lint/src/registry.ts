import { dateFormat } from './rules/date-format.js';
import { documentNumber } from './rules/document-number.js';
import { duplicateSentence } from './rules/duplicate-sentence.js';
import { emptyPart } from './rules/empty-part.js';
import { halfwidthPunctuation } from './rules/halfwidth-punctuation.js';
import { manualNumbering } from './rules/manual-numbering.js';
import { missingPart } from './rules/missing-part.js';
import { placeholder } from './rules/placeholder.js';
import { planYear } from './rules/plan-year.js';
import { requestInReport } from './rules/request-in-report.js';
import { signatureDate } from './rules/signature-date.js';
import { statsSum } from './rules/stats-sum.js';
import { titleYear } from './rules/title-year.js';
import type { Rule } from './types.js';

/** Every rule, in the order their ids group them (content, year, form, stats). */
export const rules: readonly Rule[] = [
  missingPart,
  emptyPart,
  requestInReport,
  placeholder,
  planYear,
  signatureDate,
  titleYear,
  documentNumber,
  dateFormat,
  halfwidthPunctuation,
  duplicateSentence,
  manualNumbering,
  statsSum,
];
