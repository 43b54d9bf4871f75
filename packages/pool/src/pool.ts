import { Tinypool } from 'tinypool';

export interface WorkerPoolOptions {
  /** The worker module (its default export runs one task), as a file URL or path. */
  worker: string | URL;
  /** Worker threads, started at once so the first tasks don't wait for them. */
  threads: number;
  /** Tasks allowed to wait for a thread; past that, `run` rejects with `PoolFullError`. Unbounded when omitted. */
  maxQueue?: number;
}

export interface PoolRunOptions {
  /** Cancels the task: a waiting task is dropped, a running one has its thread stopped. */
  signal?: AbortSignal;
  /** Stops the task (and its thread) after this long, rejecting with `TaskTimeoutError`. */
  timeoutMs?: number;
}

/** Every thread is busy and the waiting line is full: try again later. */
export class PoolFullError extends Error {
  override name = 'PoolFullError';
}

/** The task ran past its time limit and was stopped. */
export class TaskTimeoutError extends Error {
  override name = 'TaskTimeoutError';
}

/** The task was cancelled through its signal. */
export class TaskAbortedError extends Error {
  override name = 'TaskAbortedError';
}

/**
 * Worker threads that run tasks of one kind. A thread keeps what it loaded (fonts, compiled
 * styles) from task to task; a thread stopped for a time limit is replaced by a fresh one.
 */
export class WorkerPool<Task, Result> {
  readonly threads: number;
  readonly maxQueue: number;
  #pool: Tinypool;
  #inFlight = 0;
  #completed = 0;

  constructor(options: WorkerPoolOptions) {
    this.threads = Math.max(1, Math.floor(options.threads));
    this.maxQueue = options.maxQueue ?? Number.POSITIVE_INFINITY;
    const filename = typeof options.worker === 'string' ? options.worker : options.worker.href;
    this.#pool = new Tinypool({ filename, minThreads: this.threads, maxThreads: this.threads, execArgv: compiledExecArgv(process.execArgv) });
  }

  /** Tasks running on a thread now. */
  get busy(): number {
    return Math.min(this.#inFlight, this.threads);
  }

  /** Tasks waiting for a thread. */
  get queued(): number {
    return Math.max(0, this.#inFlight - this.threads);
  }

  get completed(): number {
    return this.#completed;
  }

  /** Whether a new task would be refused now. */
  get full(): boolean {
    return this.#inFlight >= this.threads + this.maxQueue;
  }

  async run(task: Task, options: PoolRunOptions = {}): Promise<Result> {
    if (this.full) throw new PoolFullError(`all ${this.threads} threads are busy and ${this.queued} tasks are waiting`);
    const stop = new AbortController();
    let timedOut = false;
    const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => ((timedOut = true), stop.abort()), options.timeoutMs);
    const forward = () => stop.abort();
    if (options.signal?.aborted) stop.abort();
    options.signal?.addEventListener('abort', forward, { once: true });
    this.#inFlight++;
    try {
      return (await this.#pool.run(task, { signal: stop.signal })) as Result;
    } catch (e) {
      if (timedOut) throw new TaskTimeoutError(`the task ran longer than ${options.timeoutMs} ms and was stopped`);
      if (stop.signal.aborted) throw new TaskAbortedError('the task was cancelled');
      throw e;
    } finally {
      this.#inFlight--;
      this.#completed++;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', forward);
    }
  }

  /** Stops every thread; tasks still waiting or running are rejected. */
  async destroy(): Promise<void> {
    await this.#pool.destroy();
  }
}

/**
 * The parent's Node flags without export conditions: a thread runs the compiled worker module,
 * and a condition that resolves packages to their TypeScript sources (as a test runner may set)
 * would make it load files Node cannot run.
 */
export function compiledExecArgv(execArgv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const a = execArgv[i]!;
    if (a === '--conditions' || a === '-C') i++;
    else if (!a.startsWith('--conditions=') && !a.startsWith('-C=')) out.push(a);
  }
  return out;
}
