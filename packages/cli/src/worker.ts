import { useSharedFontFiles } from '@gongwen/fonts';
import { runJob, type RenderJob, type RenderRecord } from './render-job.js';

// A pool worker: fonts and styles are loaded on the first job and kept for all that follow; the
// font files come read, in memory every thread of the batch shares.
export default function renderInWorker(job: RenderJob): Promise<RenderRecord> {
  if (job.fontFiles) useSharedFontFiles(job.fontFiles);
  return runJob(job);
}
