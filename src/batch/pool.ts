// Checks many files on worker threads; returns outputs in input order whatever order they finish in.
//
// With two threads or more, some workers read files and the others extract and check what they
// read (a packed grid, moved between threads through this one). V8 compiles hot code again in every
// thread, and on a batch of a few thousand files that warm-up costs more than the files: a worker
// that mostly reads, or mostly checks, has about half the code to warm up. A checker with nothing
// to check in a large batch reads a file itself rather than wait (web pages cost more to read than
// to check). With one thread, the worker does both. docs/performance.md has the measurements
// behind these choices.
//
// Each worker has a few files queued so it never waits for the main thread, and replies a few
// files at a time. A file that takes longer than the time limit to read, or to check, has its
// worker stopped and replaced, and gets a file-unreadable result saying so; each worker says which
// file it is on, and since when, in memory it shares with this thread (watch.ts).

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ReadError } from '../readers/errors.js';
import { guardBuffer, readyToStop, resume } from './native-guard.js';
import { keep, KeptBatch, type KeptOutput } from './kept.js';
import { transferables } from './packed-grid.js';
import { bytesOf, checkOne, failedOutput, MESSAGE_BYTES, type ReadOutput, type TaskOptions } from './task.js';
import { now, Watch } from './watch.js';

/**
 * The worker's compiled module: in the bundle, worker.cjs (scripts/bundle.mjs says why); run from
 * the TypeScript sources (the test runner), this folder holds worker.ts, which a worker thread
 * cannot load: use the build instead.
 */
function workerUrl(): URL {
  const beside = new URL('./worker.cjs', import.meta.url);
  return existsSync(fileURLToPath(beside)) ? beside : new URL('../../dist/batch/worker.js', import.meta.url);
}

export interface PoolOptions {
  jobs: number;
  task: TaskOptions;
  /** Longest one file may take to be read, and to be checked, in milliseconds; 0 for no limit. */
  timeoutMs?: number;
  /** Check even a single file on a worker, so that the time limit holds for it too. */
  isolate?: boolean;
  /** Called as files finish, in any order, with the number done so far. */
  onProgress?: (done: number) => void;
  /** The one file's bytes, already read (standard input): checked on this thread. */
  bytes?: Uint8Array;
}

/** Files sent to a worker ahead of the one it is on, so that it never waits for the main thread. */
const QUEUED = 16;

/** Files left to read above which an idle checker reads too (WorkerPool.feed). */
const READ_TOO = 4 * QUEUED;

/** Most memory one worker's heap may take. */
const WORKER_HEAP_MB = 512;

/**
 * Files read and waiting for a checker, at most this many per checker, and at most this many
 * bytes: the readers wait beyond either, which bounds the memory the waiting files hold. The count
 * is generous because a checker starts cold, slower than the reader, and a reader that waits for it
 * leaves a core idle; 128 packed workbooks are a few MB. The bytes bound holds large report JSONs
 * to a few at a time.
 */
const WAITING_PER_CHECKER = 8 * QUEUED;
const WAITING_BYTES_PER_CHECKER = 32 << 20;

/** What a worker does with each file: read it, check what was read, or both. */
export type Role = 'read' | 'check' | 'all';

/** What a worker is started with. */
export interface WorkerStart {
  role: Role;
  task: TaskOptions;
  /** Flags that keep the pool from stopping the worker inside native code (native-guard.ts). */
  guard: SharedArrayBuffer;
  /** Where the worker says which file it is on (watch.ts), and the clock's start. */
  watch: SharedArrayBuffer;
  epoch: number;
}

/** What a worker is sent for each file (a checker gets what a reader read). */
export interface WorkerRequest {
  index: number;
  file: string;
  read?: ReadOutput;
}

/** What a worker makes of each file. */
export type WorkerReply = { index: number; output: KeptOutput } | { index: number; read: ReadOutput };

/** What a worker posts: replies for the files it did (in the order sent), a bug, or that it has loaded. */
export type WorkerMessage = { replies: WorkerReply[] } | { index: number; error: string } | { ready: true };

/** Every file's facts and result, by the file's index, whatever order they finish in. */
export async function checkAll(files: string[], options: PoolOptions): Promise<KeptBatch> {
  const batch = new KeptBatch(files);
  let done = 0;
  const finish = (index: number, output: KeptOutput) => {
    batch.set(index, output);
    options.onProgress?.(++done);
  };
  // No files (an empty shard): nothing to start.
  if (files.length === 0) return batch;
  if (files.length === 1 && (!options.isolate || options.bytes)) {
    // One file: no worker to start, which matters for the time a single check takes.
    finish(0, keep(await checkOne(files[0]!, options.task, options.bytes)));
    return batch;
  }
  await new WorkerPool(files, options, finish).run();
  return batch;
}


/** One worker of the pool and the files sent to it, oldest first. */
interface Member {
  role: Role;
  worker: Worker;
  guard: SharedArrayBuffer;
  watch: Watch;
  queue: WorkerRequest[];
  /** Replies received from the worker. */
  replied: number;
  timer?: NodeJS.Timeout;
  ready: boolean;
  stopped: boolean;
}

class WorkerPool {
  /** Files not yet sent to a reader, last first. */
  private readonly toRead: number[];
  /** Files read and not yet sent to a checker, first first, and about the bytes they hold. */
  private readonly toCheck: WorkerRequest[] = [];
  private waitingBytes = 0;
  private readonly timeoutMs: number;
  /** When the pool started, on the clock the workers share (watch.ts). */
  private readonly epoch = now();
  private readonly members = new Set<Member>();
  private checkers = 0;
  private done = 0;
  private settled = false;
  private resolve!: () => void;
  private reject!: (err: Error) => void;

  constructor(
    private readonly files: string[],
    private readonly options: PoolOptions,
    private readonly finish: (index: number, output: KeptOutput) => void,
  ) {
    this.toRead = files.map((_, i) => i).reverse();
    this.timeoutMs = options.timeoutMs ?? 0;
  }

  run(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
      const jobs = Math.max(1, Math.min(this.options.jobs, this.files.length));
      if (jobs === 1) return this.start('all');
      const readers = Math.floor(jobs / 2);
      for (let i = 0; i < jobs; i++) this.start(i < readers ? 'read' : 'check');
    });
  }

  private start(role: Role): void {
    const guard = guardBuffer();
    const watch = new Watch(undefined, this.epoch);
    const worker = new Worker(workerUrl(), {
      workerData: { role, task: this.options.task, guard, watch: watch.buffer, epoch: this.epoch } satisfies WorkerStart,
      resourceLimits: {
        // Small files make short-lived garbage: a young generation smaller than V8 would grow
        // keeps each worker's memory, and a large batch's peak, down at no cost in speed.
        maxYoungGenerationSizeMb: 16,
        // A safety net behind the input limits: a file that still needs more memory than this
        // stops its worker, not the batch.
        maxOldGenerationSizeMb: WORKER_HEAP_MB,
      },
    });
    const member: Member = { role, worker, guard, watch, queue: [], replied: 0, ready: false, stopped: false };
    this.members.add(member);
    if (role === 'check') this.checkers++;
    worker.on('message', (message: WorkerMessage) => {
      // Stopped, or a run that failed and is stopping its workers: nothing more to do.
      if (member.stopped || this.settled) return;
      if ('ready' in message) {
        member.ready = true;
        return this.arm(member);
      }
      if ('error' in message) return this.fail(member, message.error);
      for (const reply of message.replies) {
        // A worker does its files one at a time, in the order sent: each reply is for the oldest.
        const { index, file } = member.queue.shift()!;
        member.replied++;
        if ('read' in reply) {
          this.toCheck.push({ index, file, read: reply.read });
          this.waitingBytes += bytesOf(reply.read);
        }
        else this.complete(index, reply.output);
        if (this.settled) return;
      }
      this.feed();
    });
    worker.on('error', (err: NodeJS.ErrnoException) => {
      if (member.stopped || this.settled) return;
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') this.giveUp(member, new ReadError('out-of-memory', { limit: `${WORKER_HEAP_MB} MB` }), this.lastOn(member), true);
      else this.fail(member, err.message);
    });
    worker.on('exit', (code) => this.fail(member, `the worker stopped (exit code ${code})`));
    this.feed();
  }

  /** Send every worker files up to its queue's length; stop the readers nothing is left for. */
  private feed(): void {
    for (const member of this.members) {
      const { role, queue } = member;
      const requests: WorkerRequest[] = [];
      const moving: ArrayBuffer[] = [];
      let bytes = 0;
      while (queue.length < QUEUED) {
        let request: WorkerRequest | undefined;
        if (role === 'check' && this.toCheck.length === 0) {
          // Nothing read is waiting and the checker would wait: in a large batch it reads a file
          // itself, one at a time, so that what the readers send is checked as soon as it comes.
          // Where reading costs more than checking (web pages), every thread reads. A small batch
          // keeps to its readers, and its memory to one file per reader.
          if (queue.length === 0 && requests.length === 0 && this.toRead.length > READ_TOO) {
            const index = this.toRead.pop()!;
            request = { index, file: this.files[index]! };
          }
        } else if (role === 'check') {
          // A few large files go one message each (a message is unpacked whole).
          if (requests.length > 0 && bytes + bytesOf(this.toCheck[0]?.read) > MESSAGE_BYTES) break;
          request = this.toCheck.shift();
          const size = bytesOf(request?.read);
          bytes += size;
          this.waitingBytes -= size;
        } else if (this.toRead.length > 0 && (role === 'all' || this.readAhead())) {
          const index = this.toRead.pop()!;
          request = { index, file: this.files[index]! };
        }
        if (!request) break;
        // What was read moves on to the checker (its arrays are not copied, nor kept here: a
        // stopped checker's files are read again).
        queue.push({ index: request.index, file: request.file });
        requests.push(request);
        if (request.read && 'grid' in request.read) moving.push(...transferables(request.read.grid));
      }
      // Sent together: one message (one wake-up of the worker) for all.
      if (requests.length > 0) member.worker.postMessage({ requests }, moving);
      this.arm(member);
      if (role === 'read' && queue.length === 0 && this.toRead.length === 0) this.stop(member);
    }
  }

  /** Whether the readers may read more before the checkers take what is waiting. */
  private readAhead(): boolean {
    return this.toCheck.length < WAITING_PER_CHECKER * this.checkers && this.waitingBytes < WAITING_BYTES_PER_CHECKER * this.checkers;
  }

  /**
   * Time the worker's files, once it has loaded (starting one is not a file's time) and while it
   * has files: one timer a worker, which looks at what the worker is on when it runs out.
   */
  private arm(member: Member, ms = this.timeoutMs): void {
    if (member.timer === undefined && member.ready && this.timeoutMs > 0 && member.queue.length > 0) {
      member.timer = setTimeout(() => this.expire(member), ms);
    }
  }

  /** The worker's timer ran out: give up on the file it is on if that took the time limit. */
  private expire(member: Member): void {
    member.timer = undefined;
    if (member.stopped || this.settled) return;
    const on = member.watch.current();
    // Between files, or on one for less than the limit: look again when that one's time is up.
    const left = on ? on.since + this.timeoutMs - now() : this.timeoutMs;
    if (on && left <= 0) this.giveUp(member, new ReadError('timeout', { seconds: this.timeoutMs / 1000 }), on.index);
    else this.arm(member, Math.max(1, left));
  }

  private complete(index: number, output: KeptOutput): void {
    this.finish(index, output);
    if (++this.done < this.files.length) return;
    this.settled = true;
    for (const member of this.members) this.stop(member);
    this.resolve();
  }

  private stop(member: Member): void {
    if (member.stopped) return;
    member.stopped = true;
    clearTimeout(member.timer);
    void member.worker.terminate();
    this.members.delete(member);
    if (member.role === 'check') this.checkers--;
  }

  /**
   * The file a worker that died was on; between files, the next it had (it may have died taking
   * in the message that holds it), else the first of its queue: each replacement has one file less.
   */
  private lastOn(member: Member): number | undefined {
    const next = member.queue[member.watch.done() - member.replied] ?? member.queue[0];
    return member.watch.current()?.index ?? next?.index;
  }

  /**
   * The file at `index`, the one the worker is on, gets `reason`; the worker is replaced; its
   * other files, done or not (the replies it had not sent went with it), go back to the front of
   * the line.
   */
  private giveUp(member: Member, reason: ReadError, index: number | undefined, dead = false): void {
    if (member.stopped || this.settled) return;
    if (!dead) {
      // Never inside native zlib (it would abort the process): a moment later, once out of it.
      const stoppable = readyToStop(member.guard);
      // The file was done after all (the worker moved on while it was being stopped): it goes on.
      if (member.watch.current()?.index !== index) {
        resume(member.guard);
        return this.arm(member);
      }
      if (!stoppable) {
        member.timer = setTimeout(() => {
          member.timer = undefined;
          this.giveUp(member, reason, index);
        }, 10);
        return;
      }
    }
    const late = member.queue.find((r) => r.index === index);
    const rest = member.queue.filter((r) => r !== late);
    member.queue.length = 0;
    this.stop(member);
    // The others are read again (what a stopped checker was sent went with it).
    this.toRead.push(...rest.map((r) => r.index).reverse());
    if (late) this.complete(late.index, keep(failedOutput(late.file, reason, this.options.task)));
    if (this.settled) return;
    const reading = [...this.members].some((m) => m.role === 'read' && m.queue.length > 0);
    // A reader is needed while files are left to read; a checker while files are left to check.
    if (member.role !== 'check' ? this.toRead.length > 0 : this.toRead.length > 0 || this.toCheck.length > 0 || reading) this.start(member.role);
    if (member.role === 'check' && this.toRead.length > 0 && ![...this.members].some((m) => m.role === 'read')) this.start('read');
    this.feed();
  }

  private fail(member: Member, message: string): void {
    if (member.stopped || this.settled) return;
    // Rejected before anything can resolve the run, and every worker stopped with it.
    this.settled = true;
    this.reject(new Error(`${member.queue[0]?.file ?? this.files[0]}: ${message}`));
    for (const m of this.members) this.stopOutsideNative(m);
  }

  /** Stop a worker once it is outside native zlib (a reader stopped inside it would abort the process). */
  private stopOutsideNative(member: Member): void {
    if (member.stopped) return;
    if (readyToStop(member.guard)) this.stop(member);
    else setTimeout(() => this.stopOutsideNative(member), 10);
  }
}
