import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { error, hasErrors, type Diagnostic, type Lang } from '@gongwen/diagnostics';
import { createRenderPool, type RenderPool, type RenderTask } from '@gongwen/pool';
import { Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Format } from 'gongwen';
import { renderEnvironmentKey } from './fingerprint.js';
import { outputBytes } from './render-output.js';
import { version } from './version.js';

export interface QueueConnectionOptions {
  /** `redis://host:port/db`. */
  url: string;
  /** The BullMQ queue's name. Default `gongwen-render`. */
  name?: string;
  /** Prefix of every Redis key. Default `gongwen`. */
  prefix?: string;
  /** Keep results as files in this folder (shared by the service and every worker) instead of in Redis. */
  resultsDir?: string;
  /** How long jobs and their results are kept, in seconds. Default one day. */
  ttlSeconds?: number;
}

/** How a job that did not finish is tried again: BullMQ's attempts and exponential backoff. */
export interface RetryOptions {
  /** Runs a job may have, the first included; a render that threw or a worker killed mid-job uses one. Default 3. */
  attempts?: number;
  /** The wait before the second run; each later one waits twice as long as the one before. Default 2,000 ms. */
  backoffMs?: number;
}

/** One report to queue. */
export interface JobRequest {
  source: Uint8Array;
  assets: Record<string, Uint8Array>;
  formats: Format[];
  style?: string;
  strict: boolean;
  embedFonts: boolean;
  lang: Lang;
  filename: string;
}

/** What a job carries in Redis: plain JSON, bytes in base64. */
interface JobData {
  source: string;
  assets: Record<string, string>;
  formats: Format[];
  style?: string;
  strict: boolean;
  embedFonts: boolean;
  lang: Lang;
  filename: string;
}

/** A job's progress field: the diagnostics of bad input, and how many of its interruptions have been counted as failed runs. */
interface JobProgress {
  diagnostics?: Diagnostic[];
  interruptionsCounted?: number;
}

export interface JobOutput {
  format: Format;
  bytes: number;
  sha256: string;
}

export interface JobStatus {
  id: string;
  state: string;
  /** Runs begun, retries included. */
  attempts: number;
  outputs?: JobOutput[];
  diagnostics: Diagnostic[];
}

interface JobReturn {
  outputs: JobOutput[];
  diagnostics: Diagnostic[];
}

const defaults = { name: 'gongwen-render', prefix: 'gongwen', ttlSeconds: 86_400 };
const retryDefaults = { attempts: 3, backoffMs: 2000 };

/** Said of a run whose worker stopped without finishing it (killed, out of memory, its machine lost). */
export const interruptedMessage = 'the worker rendering this job stopped before finishing it';

function connect(url: string): Redis {
  // Commands wait through a Redis restart instead of failing (BullMQ requires this of workers).
  return new Redis(url, { maxRetriesPerRequest: null });
}

/** Where results are kept: Redis keys that expire with their jobs, or files in a shared folder. */
class ResultStore {
  constructor(
    private readonly redis: Redis,
    private readonly options: Required<Pick<QueueConnectionOptions, 'prefix' | 'ttlSeconds'>> & Pick<QueueConnectionOptions, 'resultsDir'>,
  ) {}

  async save(id: string, format: Format, data: Uint8Array): Promise<void> {
    const dir = this.options.resultsDir;
    if (dir) {
      mkdirSync(dir, { recursive: true });
      const target = join(dir, `${id}.${format}`);
      const temp = `${target}.${process.pid}.tmp`;
      writeFileSync(temp, data);
      renameSync(temp, target);
      return;
    }
    await this.redis.set(this.key(id, format), Buffer.from(data.buffer, data.byteOffset, data.byteLength), 'EX', this.options.ttlSeconds);
  }

  async load(id: string, format: Format): Promise<Buffer | undefined> {
    const dir = this.options.resultsDir;
    if (dir) {
      try {
        return readFileSync(join(dir, `${id}.${format}`));
      } catch {
        return undefined;
      }
    }
    return (await this.redis.getBuffer(this.key(id, format))) ?? undefined;
  }

  private key(id: string, format: Format): string {
    return `${this.options.prefix}:result:${id}:${format}`;
  }
}

/** The service's side of the queue: submits jobs, reports their state, hands out results. */
export class RenderQueue {
  readonly #queue: Queue;
  readonly #redis: Redis;
  readonly #store: ResultStore;
  readonly #ttl: number;
  readonly #environment: Promise<string>;
  readonly #retry: Required<RetryOptions>;

  constructor(options: QueueConnectionOptions & RetryOptions & { styleDirs?: string[]; fontDirs?: string[] }) {
    const o = { ...defaults, ...retryDefaults, ...options };
    this.#retry = { attempts: o.attempts, backoffMs: o.backoffMs };
    this.#redis = connect(o.url);
    this.#queue = new Queue(o.name, { connection: this.#redis, prefix: o.prefix });
    this.#store = new ResultStore(this.#redis, o);
    this.#ttl = o.ttlSeconds;
    this.#environment = renderEnvironmentKey(options);
    this.#environment.catch(() => {});
  }

  /**
   * Queues the reports. Each job's id is a hash of the report, its seals, the options, the styles,
   * the fonts and the version: the same report submitted twice is one job with one result.
   */
  async submit(requests: JobRequest[]): Promise<string[]> {
    const environment = await this.#environment;
    const jobs = requests.map((r) => {
      const data: JobData = {
        source: Buffer.from(r.source).toString('base64'),
        assets: Object.fromEntries(Object.entries(r.assets).map(([ref, bytes]) => [ref, Buffer.from(bytes).toString('base64')])),
        formats: r.formats,
        ...(r.style !== undefined ? { style: r.style } : {}),
        strict: r.strict,
        embedFonts: r.embedFonts,
        lang: r.lang,
        filename: r.filename,
      };
      const jobId = jobIdFor(r, environment);
      return {
        name: 'render',
        data,
        opts: {
          jobId,
          // A render that throws (a time limit, a worker's thread dying) or whose worker was killed is
          // tried again after backoffMs, 2×, 4×…; bad input is not.
          attempts: this.#retry.attempts,
          backoff: { type: 'exponential', delay: this.#retry.backoffMs },
          removeOnComplete: { age: this.#ttl },
          removeOnFail: { age: this.#ttl },
        },
      };
    });
    // In slices, so a batch of thousands does not become one enormous Redis transaction.
    for (let i = 0; i < jobs.length; i += 500) await this.#queue.addBulk(jobs.slice(i, i + 500));
    return jobs.map((j) => j.opts.jobId);
  }

  async status(id: string): Promise<JobStatus | undefined> {
    if (!isJobId(id)) return undefined;
    // The state first, then the job: a job read first and completed in between would say
    // 'completed' with no return value yet.
    const state = await this.#queue.getJobState(id);
    if (state === 'unknown') return undefined;
    const job = await Job.fromId(this.#queue, id);
    if (!job) return undefined;
    const done = job.returnvalue as JobReturn | null | undefined;
    const progress = job.progress as JobProgress | number | undefined;
    const diagnostics =
      state === 'completed'
        ? (done?.diagnostics ?? [])
        : state === 'failed'
          ? typeof progress === 'object' && progress?.diagnostics
            ? progress.diagnostics
            : [error('internal/exception', job.failedReason || 'the job failed', { file: (job.data as JobData).filename })]
          : [];
    return { id, state, attempts: job.attemptsStarted ?? job.attemptsMade, ...(done?.outputs ? { outputs: done.outputs } : {}), diagnostics };
  }

  /** The bytes of one output of a completed job. */
  async result(id: string, format: Format): Promise<Buffer | undefined> {
    return this.#store.load(id, format);
  }

  async counts(): Promise<Record<string, number>> {
    return this.#queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized');
  }

  async close(): Promise<void> {
    await this.#queue.close();
    this.#redis.disconnect();
  }
}

function jobIdFor(r: JobRequest, environment: string): string {
  const h = createHash('sha256');
  h.update(JSON.stringify([version, r.formats, r.style ?? null, r.strict, r.embedFonts, r.lang]));
  h.update(createHash('sha256').update(r.source).digest('hex'));
  for (const ref of Object.keys(r.assets).sort()) h.update(JSON.stringify([ref, createHash('sha256').update(r.assets[ref]!).digest('hex')]));
  h.update(environment);
  // BullMQ ids may not be plain integers nor hold ':'.
  return `r${h.digest('hex').slice(0, 40)}`;
}

function isJobId(id: string): boolean {
  return /^r[0-9a-f]{40}$/.test(id);
}

export interface QueueWorkerOptions extends QueueConnectionOptions {
  /** Renders at once: worker threads, and jobs taken from the queue. Default 1. */
  threads?: number;
  /** A render running longer is stopped and the job retried later. Default 120 s. */
  timeoutMs?: number;
  /** How long a job's lock lasts without renewal: a worker killed mid-job gives its job back after this. Default 30 s. */
  lockDuration?: number;
  /** How often this worker looks for jobs whose worker died. Default 30 s. */
  stalledInterval?: number;
  /** How many times a job may be given back by a dead worker before it is failed. Default 2. */
  maxStalledCount?: number;
  styleDirs?: string[];
  fontDirs?: string[];
  /** Told of each job this worker finished or failed (for logs and tests). */
  onJob?: (event: { id: string; state: 'completed' | 'failed' | 'retrying'; attempts: number; reason?: string }) => void;
}

export interface QueueWorker {
  worker: Worker;
  pool: RenderPool;
  /** Finishes the jobs in hand, then disconnects. */
  close(): Promise<void>;
}

/** Takes jobs from the queue and renders them on a pool of worker threads, the same pool `gongwen render` uses. */
export function startQueueWorker(options: QueueWorkerOptions): QueueWorker {
  const o = { ...defaults, threads: 1, timeoutMs: 120_000, ...options };
  const redis = connect(o.url);
  const store = new ResultStore(redis, o);
  const pool = createRenderPool({ threads: o.threads });
  const worker = new Worker(
    o.name,
    async (job: Job<JobData>): Promise<JobReturn> => {
      // BullMQ gives a job whose worker died straight back to the queue, as if it had never run. Here
      // that run counts as a failed one, so it is retried with the job's backoff (and a report that
      // kills every worker it reaches runs out of attempts instead of taking the whole fleet down).
      const counted = (job.progress as JobProgress | undefined)?.interruptionsCounted ?? 0;
      if (job.stalledCounter > counted) {
        await job.updateProgress({ interruptionsCounted: job.stalledCounter } satisfies JobProgress);
        throw new Error(interruptedMessage);
      }
      const d = job.data;
      const task: RenderTask = {
        source: new Uint8Array(Buffer.from(d.source, 'base64')),
        assets: Object.fromEntries(Object.entries(d.assets).map(([ref, b64]) => [ref, new Uint8Array(Buffer.from(b64, 'base64'))])),
        filename: d.filename,
        formats: d.formats,
        ...(d.style !== undefined ? { style: d.style } : {}),
        strict: d.strict,
        embedFonts: d.embedFonts,
        lang: d.lang,
        styleDirs: o.styleDirs,
        fontDirs: o.fontDirs,
      };
      const result = await pool.run(task, { timeoutMs: o.timeoutMs });
      if (hasErrors(result.diagnostics)) {
        // Bad input fails at once, with its diagnostics kept on the job; trying again would not help.
        await job.updateProgress({ diagnostics: result.diagnostics } satisfies JobProgress);
        const first = result.diagnostics.find((x) => x.severity === 'error')!;
        throw new UnrecoverableError(`${first.ruleId}: ${first.message}`);
      }
      const outputs: JobOutput[] = [];
      for (const format of d.formats) {
        const data = outputBytes(result.outputs, format);
        if (!data) continue;
        // Written before the job completes: a worker dying in between only means the next one writes the same bytes again.
        await store.save(job.id!, format, data);
        outputs.push({ format, bytes: data.byteLength, sha256: createHash('sha256').update(data).digest('hex') });
      }
      return { outputs, diagnostics: result.diagnostics };
    },
    {
      connection: redis,
      prefix: o.prefix,
      concurrency: o.threads,
      lockDuration: o.lockDuration ?? 30_000,
      stalledInterval: o.stalledInterval ?? 30_000,
      maxStalledCount: o.maxStalledCount ?? 2,
    },
  );
  // Connection errors during a Redis restart are retried by ioredis; they must not end the process.
  worker.on('error', () => {});
  worker.on('completed', (job) => o.onJob?.({ id: job.id!, state: 'completed', attempts: job.attemptsMade }));
  worker.on('failed', (job, err) => {
    if (!job) return;
    const retrying = !(err instanceof UnrecoverableError) && job.attemptsMade < (job.opts.attempts ?? 1);
    o.onJob?.({ id: job.id!, state: retrying ? 'retrying' : 'failed', attempts: job.attemptsMade, reason: err.message });
  });
  return {
    worker,
    pool,
    async close() {
      await worker.close();
      await pool.destroy();
      redis.disconnect();
    },
  };
}
