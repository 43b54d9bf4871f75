export type * from './report.generated.js';
export type { DataPath, SourceRange } from './locate.js';
export type { LoadReportOptions, LoadReportResult } from './load-report.js';
export { loadReport } from './load-report.js';
export { defaultMaxBytes } from './read-input.js';
export { reportSchema } from './report-schema.js';
export type { ValidateReportResult } from './validate-report.js';
export { validateReport } from './validate-report.js';
// The YAML library this package reads reports with, for the other packages that read YAML (a
// style's manifest, a fix to a report): one copy of it per process, loaded with this package.
export * as yaml from 'yaml';
