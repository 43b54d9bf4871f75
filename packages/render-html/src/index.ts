export { renderHtml } from './render-html.js';
export type { RenderHtmlOptions } from './render-html.js';
