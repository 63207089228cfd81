// Stopping a worker thread while it is inside native zlib aborts the whole Node 20 process (an
// assertion in node_zlib.cc). The pool and its workers share two flags so that a worker is only
// ever stopped outside zlib: the worker raises IN_NATIVE around each call, the pool raises STOP
// before it looks. Each side writes its flag before it reads the other's, so at least one sees
// the other: either the pool waits for the call to end, or the worker does not start it and
// waits to be stopped.

import { nativeSection } from '../readers/zip.js';

const IN_NATIVE = 0;
const STOP = 1;

export function guardBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
}

/** In the worker: bracket native calls with the flags in `buffer`. */
export function installGuard(buffer: SharedArrayBuffer): void {
  const flags = new Int32Array(buffer);
  nativeSection.enter = () => {
    for (;;) {
      Atomics.store(flags, IN_NATIVE, 1);
      if (Atomics.load(flags, STOP) === 0) return;
      Atomics.store(flags, IN_NATIVE, 0);
      // Being stopped: wait here, outside zlib, for terminate() (or for the pool to change its mind).
      Atomics.wait(flags, STOP, 1);
    }
  };
  nativeSection.leave = () => Atomics.store(flags, IN_NATIVE, 0);
}

/** In the pool: the worker finished its file after all; it may enter zlib again. */
export function resume(buffer: SharedArrayBuffer): void {
  const flags = new Int32Array(buffer);
  Atomics.store(flags, STOP, 0);
  Atomics.notify(flags, STOP);
}

/** In the pool: true when the worker may be stopped now; until then it will not enter zlib again. */
export function readyToStop(buffer: SharedArrayBuffer): boolean {
  const flags = new Int32Array(buffer);
  Atomics.store(flags, STOP, 1);
  return Atomics.load(flags, IN_NATIVE) === 0;
}
