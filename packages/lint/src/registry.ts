import { addresseeLevel } from './rules/addressee-level.js';
import { attachmentNote } from './rules/attachment-note.js';
import { dateFormat } from './rules/date-format.js';
import { documentNumber } from './rules/document-number.js';
import { documentNumberYear } from './rules/document-number-year.js';
import { duplicateSentence } from './rules/duplicate-sentence.js';
import { emptyPart } from './rules/empty-part.js';
import { futureDate } from './rules/future-date.js';
import { halfwidthPunctuation } from './rules/halfwidth-punctuation.js';
import { manualNumbering } from './rules/manual-numbering.js';
import { missingPart } from './rules/missing-part.js';
import { numberingSequence } from './rules/numbering-sequence.js';
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
  addresseeLevel,
  attachmentNote,
  planYear,
  signatureDate,
  futureDate,
  documentNumberYear,
  titleYear,
  documentNumber,
  dateFormat,
  halfwidthPunctuation,
  duplicateSentence,
  manualNumbering,
  numberingSequence,
  statsSum,
];
