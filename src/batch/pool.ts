// Checks many files on worker threads; returns outputs in input order whatever order they finish in.
// Each worker has a few files queued so it never waits for the main thread; a file that takes longer
// than the time limit has its worker stopped and replaced, and gets a file-unreadable result saying so.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ReadError } from '../readers/errors.js';
import { guardBuffer, readyToStop, resume } from './native-guard.js';
import { checkOne, failedOutput, type TaskOptions, type TaskOutput } from './task.js';

/**
 * The worker's compiled module. Run from the TypeScript sources (the test runner), this folder
 * holds worker.ts, which a worker thread cannot load: use the build instead.
 */
function workerUrl(): URL {
  const beside = new URL('./worker.js', import.meta.url);
  return existsSync(fileURLToPath(beside)) ? beside : new URL('../../dist/batch/worker.js', import.meta.url);
}

export interface PoolOptions {
  jobs: number;
  task: TaskOptions;
  /** Longest one file may take, in milliseconds; 0 for no limit. */
  timeoutMs?: number;
  /** Check even a single file on a worker, so that the time limit holds for it too. */
  isolate?: boolean;
  /** Called as files finish, in any order, with the number done so far. */
  onProgress?: (done: number) => void;
}

/** Files sent to a worker ahead of the one it is on, so it never waits for the next. */
const QUEUED = 4;

/** Most memory one worker's heap may take. */
const WORKER_HEAP_MB = 512;

/** What a worker is started with. */
export interface WorkerStart {
  task: TaskOptions;
  /** Flags that keep the pool from stopping the worker inside native code (native-guard.ts). */
  guard: SharedArrayBuffer;
}

/** What a worker posts back for each file. */
export type WorkerReply = { index: number; output: TaskOutput } | { index: number; error: string } | { ready: true };

/** Every file's output, in input order whatever order they finish in. */
export async function checkAll(files: string[], options: PoolOptions): Promise<TaskOutput[]> {
  const outputs: TaskOutput[] = new Array(files.length);
  let done = 0;
  const finish = (index: number, output: TaskOutput) => {
    // A worker's strings arrive as copies: share the ones the main thread already holds (a batch
    // keeps every file's output until the end).
    output.result.file = output.facts.file = files[index]!;
    output.facts.agency = output.result.agency;
    outputs[index] = output;
    options.onProgress?.(++done);
  };
  if (files.length === 1 && !options.isolate) {
    // One file: no worker to start, which matters for the time a single check takes.
    finish(0, await checkOne(files[0]!, options.task));
    return outputs;
  }
  await new WorkerPool(files, options, finish).run();
  return outputs;
}

class WorkerPool {
  private readonly pending: number[];
  private readonly timeoutMs: number;
  private running = 0;
  private failed = false;
  private readonly workers = new Set<Worker>();
  private resolve!: () => void;
  private reject!: (err: Error) => void;

  constructor(
    private readonly files: string[],
    private readonly options: PoolOptions,
    private readonly finish: (index: number, output: TaskOutput) => void,
  ) {
    this.pending = files.map((_, i) => i).reverse();
    this.timeoutMs = options.timeoutMs ?? 0;
  }

  run(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
      const jobs = Math.max(1, Math.min(this.options.jobs, this.files.length));
      for (let i = 0; i < jobs; i++) this.start();
    });
  }

  /** A new worker, fed from the pending files until none are left. */
  private start(): void {
    const guard = guardBuffer();
    const worker = new Worker(workerUrl(), {
      workerData: { task: this.options.task, guard } satisfies WorkerStart,
      resourceLimits: {
        // A young generation of 16 MB (V8 lets it grow to 48): small files make short-lived
        // garbage, and a smaller nursery keeps each worker's memory down at no cost in speed;
        // with it a batch of 20,000 files peaks within 1.4 times the memory of 1,000. (Replacing
        // workers every 1,000 files saved little more and cost each new one its JIT warm-up:
        // its first few hundred files run several times slower.)
        maxYoungGenerationSizeMb: 16,
        // A safety net behind the input limits: a file that still needs more memory than this
        // stops its worker, not the batch.
        maxOldGenerationSizeMb: WORKER_HEAP_MB,
      },
    });
    this.workers.add(worker);
    const queue: number[] = [];
    let timer: NodeJS.Timeout | undefined;
    let stopped = false;
    let ready = false;
    this.running++;
    // The limit runs for the file at the head of the queue, from when the worker starts on it:
    // once the worker has loaded (starting one is not the file's time), then after each reply.
    const arm = () => {
      clearTimeout(timer);
      if (ready && this.timeoutMs > 0 && queue.length > 0) timer = setTimeout(() => giveUp(new ReadError('timeout', { seconds: this.timeoutMs / 1000 })), this.timeoutMs);
    };
    const feed = () => {
      while (queue.length < QUEUED && this.pending.length > 0) {
        const index = this.pending.pop()!;
        queue.push(index);
        worker.postMessage({ index, file: this.files[index] });
      }
      if (queue.length === 0) stop();
    };
    const stop = () => {
      if (stopped) return;
      stopped = true;
      clearTimeout(timer);
      void worker.terminate();
      this.workers.delete(worker);
      if (--this.running === 0 && !this.failed) this.resolve();
    };
    /** The file at the head of the queue gets `reason`; the worker is replaced; the files queued behind go back to the front of the line. */
    const giveUp = (reason: ReadError, dead = false) => {
      // Never inside native zlib (it would abort the process): a moment later, once out of it.
      if (!dead && !readyToStop(guard)) {
        timer = setTimeout(() => giveUp(reason), 10);
        return;
      }
      const [late, ...rest] = queue;
      this.pending.push(...rest.reverse());
      queue.length = 0;
      this.finish(late!, failedOutput(this.files[late!]!, reason, this.options.task));
      if (this.pending.length > 0) this.start();
      stop();
    };
    const fail = (message: string) => {
      if (stopped) return;
      // Rejected before anything can resolve the run, and every worker stopped with it.
      this.failed = true;
      this.reject(new Error(`${this.files[queue[0] ?? 0]}: ${message}`));
      for (const w of this.workers) void w.terminate();
      stop();
    };
    worker.on('message', (reply: WorkerReply) => {
      if (stopped) return;
      if ('ready' in reply) {
        ready = true;
        return arm();
      }
      if ('error' in reply) return fail(reply.error);
      queue.shift();
      // A time limit that ran out as the reply was on its way: the worker goes on.
      resume(guard);
      arm();
      this.finish(reply.index, reply.output);
      feed();
    });
    worker.on('error', (err: NodeJS.ErrnoException) => {
      if (stopped) return;
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') giveUp(new ReadError('out-of-memory', { limit: `${WORKER_HEAP_MB} MB` }), true);
      else fail(err.message);
    });
    worker.on('exit', (code) => fail(`the worker stopped (exit code ${code})`));
    feed();
    arm();
  }
}
