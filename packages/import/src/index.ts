export { importReport } from './import-report.js';
export type { ImportFormat, ImportOptions, ImportResult } from './import-report.js';
export type { ManifestFacts, StyleFacts } from './recognise.js';
export { styleFactsOf } from './recognise.js';
export { parseChineseDate } from './numerals.js';
