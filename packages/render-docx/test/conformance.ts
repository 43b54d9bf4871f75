/**
 * `@gongwen/conformance`, read from its source by path rather than declared as a devDependency:
 * conformance's own end-to-end tests depend on the `gongwen` facade, which depends on this
 * package, so a declared dependency would close a cycle in the workspace's build graph (turbo
 * refuses to run). Test code only; the library itself never imports conformance.
 */
export { checkPdf, measurePdf } from '../../conformance/src/index.js';
export type { CheckReport } from '../../conformance/src/index.js';
