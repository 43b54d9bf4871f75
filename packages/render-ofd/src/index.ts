export type { RenderOfdOptions, RenderOfdResult } from './render-ofd.js';
export { renderOfd } from './render-ofd.js';
export type { WriteOfdOptions, WriteOfdResult } from './write-ofd.js';
export { writeOfd } from './write-ofd.js';
