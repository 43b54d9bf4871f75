import { setMaxListeners } from 'node:events';
import { internalError, type RenderJob, type RenderRecord } from './render-job.js';

export interface BatchOptions {
  jobs: number;
  failFast: boolean;
  onRecord(record: RenderRecord): void;
}

/**
 * Runs the jobs, in this thread when there is one job or one worker (no pool to start), else on a
 * pool of worker threads that each load fonts and styles once. Returns whether it stopped early.
 */
export async function runBatch(jobs: RenderJob[], options: BatchOptions): Promise<{ stopped: boolean }> {
  const workers = Math.min(options.jobs, jobs.length);
  if (workers <= 1) {
    const { runJob } = await import('./render-job.js');
    for (const job of jobs) {
      const r = await runJob(job);
      options.onRecord(r);
      if (options.failFast && r.status === 'failed') return { stopped: true };
    }
    return { stopped: false };
  }
  const { WorkerPool } = await import('@gongwen/pool');
  const pool = new WorkerPool<RenderJob, RenderRecord>({ worker: new URL('./worker.js', import.meta.url), threads: workers });
  // The fonts are read once, into memory the threads share, while the threads start: one copy of
  // them in the process instead of one per thread.
  const needsFonts = jobs.some((j) => j.embedFonts || j.formats.includes('pdf') || j.formats.includes('ofd'));
  const fontFiles = needsFonts ? await (await import('@gongwen/fonts')).readSharedFontFiles(jobs[0]!.fontDirs?.length ? { dirs: jobs[0]!.fontDirs } : {}) : undefined;
  const abort = new AbortController();
  // Every queued job listens on the one signal.
  setMaxListeners(0, abort.signal);
  let stopped = false;
  try {
    await Promise.all(
      jobs.map((job) =>
        pool.run(fontFiles ? { ...job, fontFiles } : job, { signal: abort.signal }).then(
          (r) => {
            if (stopped) return;
            options.onRecord(r);
            if (options.failFast && r.status === 'failed') {
              stopped = true;
              abort.abort();
            }
          },
          (e: unknown) => {
            // Jobs cancelled by --fail-fast are not failures of their own.
            if (stopped) return;
            // A worker that died (out of memory, a crash in native code) fails its report, not the batch.
            options.onRecord({ input: job.display, status: 'failed', outputs: [], ms: 0, diagnostics: [internalError(e, job)] });
            if (options.failFast) {
              stopped = true;
              abort.abort();
            }
          },
        ),
      ),
    );
  } finally {
    await pool.destroy();
  }
  return { stopped };
}
