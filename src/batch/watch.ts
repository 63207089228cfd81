// What a worker is on, in memory it shares with the pool: the file's index and when it started it.
// The pool times each file from this rather than from a message a file: each message wakes the
// pool's thread, and a wake-up a file costs a worker more than many of its files take.

/**
 * Slots: the index of the file the worker is on, plus one (0 between files); when it started; how
 * many files it has done.
 */
const FILE = 0;
const SINCE = 1;
const DONE = 2;

/** Milliseconds on a clock every thread shares (each thread's own clock starts with the thread). */
export function now(): number {
  return performance.timeOrigin + performance.now();
}

export class Watch {
  private readonly slots: Int32Array;

  /** `epoch`: the pool's start, on the shared clock; times are kept as milliseconds after it. */
  constructor(
    readonly buffer = new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT),
    readonly epoch = now(),
  ) {
    this.slots = new Int32Array(buffer);
  }

  /** In the worker: starting on the file at `index`. */
  start(index: number): void {
    Atomics.store(this.slots, SINCE, Math.round(now() - this.epoch));
    Atomics.store(this.slots, FILE, index + 1);
  }

  /** In the worker: done with it. */
  end(): void {
    Atomics.store(this.slots, FILE, 0);
    Atomics.add(this.slots, DONE, 1);
  }

  /** In the pool: how many files the worker has done. */
  done(): number {
    return Atomics.load(this.slots, DONE);
  }

  /** In the pool: the file the worker is on and when it started it; null between files. */
  current(): { index: number; since: number } | null {
    const file = Atomics.load(this.slots, FILE);
    return file === 0 ? null : { index: file - 1, since: this.epoch + Atomics.load(this.slots, SINCE) };
  }
}
