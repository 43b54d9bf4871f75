export type { CheckReport, PageSummary, RuleResult } from './check-report.js';
export { checkMeasurements, checkPdf, type CheckOptions, type OptionalRule } from './check-pdf.js';
export { formatCheckReport, type FormatOptions } from './format-check-report.js';
export type { FontInfo, HorizontalRule, ImageBox, PageMeasurements, PdfMeasurements, TextLine } from './measurements.js';
export { measurePdf, type MeasureOptions } from './measure-pdf.js';
export { PdfReadError, type PdfReadErrorCode } from './pdf-read-error.js';
export { tolerances } from './tolerances.js';
