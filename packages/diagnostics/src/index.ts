export type { Diagnostic, Lang, Result, Severity } from './diagnostic.js';
export { error, hasErrors, say, sortDiagnostics, warning } from './diagnostic.js';
export type { FileReport, FormatOptions } from './format.js';
export { formatDiagnostic, formatExcerpt, formatLocation, toJsonReport } from './format.js';
