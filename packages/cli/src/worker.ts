import { runJob, type RenderJob, type RenderRecord } from './render-job.js';

// A pool worker: fonts and styles are loaded on the first job and kept for all that follow.
export default function renderInWorker(job: RenderJob): Promise<RenderRecord> {
  return runJob(job);
}
