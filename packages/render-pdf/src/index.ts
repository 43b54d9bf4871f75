export type { DocDefinition } from './doc-definition.js';
export { buildDocDefinition } from './doc-definition.js';
export type { RenderPdfOptions, RenderPdfResult } from './render-pdf.js';
export { renderPdf } from './render-pdf.js';
export type { LaidOutItem, LaidOutPage, LaidOutPicture, LaidOutRule, LaidOutText } from './page-model.js';
export type { TableLayout } from './table.js';
