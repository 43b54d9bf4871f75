export { escapeMarkdown, renderMarkdown } from './render-markdown.js';
export { renderText } from './render-text.js';
