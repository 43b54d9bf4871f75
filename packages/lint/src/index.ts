export { lintReport } from './lint-report.js';
export { fixReport } from './fix-report.js';
export { rules } from './registry.js';
export { statutoryParts, partNames } from './statutory.js';
export { findHalfwidth, fixHalfwidth } from './punctuation.js';
export { formatPath, parsePath } from './position.js';
export type { DataPath, Finding, LintOptions, LintStyle, Localized, Locate, Rule, RuleContext, SourceRange } from './types.js';
export { lintStyleOf } from './style-of.js';
export type { LoadedStyle } from './style-of.js';
