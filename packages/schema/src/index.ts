export type * from './report.generated.js';
