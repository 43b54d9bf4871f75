export type { EmbeddableFont, EmbeddableFontSet, RenderDocxOptions, RenderDocxResult } from './render-docx.js';
export { renderDocx } from './render-docx.js';
export type { FontNames } from './font-names.js';
export { resolveFontNames } from './font-names.js';
export { docxElements, docxGeometry } from './geometry.js';
export { styleIds } from './styles.js';
export type { TableLayout } from './runs.js';
