import { WorkerPool } from './pool.js';
import type { RenderTask, RenderTaskResult } from './render-worker.js';

export interface RenderPoolOptions {
  threads: number;
  maxQueue?: number;
}

export type RenderPool = WorkerPool<RenderTask, RenderTaskResult>;

// The compiled worker, found the same way from src/ (tests) and dist/: both sit one folder below the package.
const renderWorker = new URL('../dist/render-worker.js', import.meta.url);

/** A pool whose threads render reports with the facade (`render()`), each loading fonts and styles once. */
export function createRenderPool(options: RenderPoolOptions): RenderPool {
  return new WorkerPool<RenderTask, RenderTaskResult>({ worker: renderWorker, ...options });
}
