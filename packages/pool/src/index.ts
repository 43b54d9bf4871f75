export { PoolFullError, TaskAbortedError, TaskTimeoutError, WorkerPool } from './pool.js';
export type { PoolRunOptions, WorkerPoolOptions } from './pool.js';
export { createRenderPool } from './render-pool.js';
export type { RenderPool, RenderPoolOptions } from './render-pool.js';
export type { RenderTask, RenderTaskResult } from './render-worker.js';
export { fontsKey, forgetStylesKey, stylesKey } from './environment-key.js';
