// How the process is tuned for a batch before its workers start. A batch of a few thousand files
// is over in seconds, and much of its time went to the runtime rather than to the files: V8
// compiling the hot code again in every worker, and the memory that compiling takes. Both
// changes are measured by `npm run bench` (folder run, CPU time and page faults).

import { MessageChannel } from 'node:worker_threads';
import { setFlagsFromString } from 'node:v8';

/** Just under glibc's largest dynamic threshold (32 MB with its header): the arenas keep up to twice this. */
const BLOCK = 30 << 20;

/**
 * Keeps the C allocator from handing freed memory back to the system after every compile. V8's
 * optimizing compiler works in memory it takes with malloc and frees when each function is done;
 * glibc gives the free top of a thread's arena back to the system once it exceeds 128 KB, and
 * the next compile faults it in again, a page at a time. On the bench folder that was a third of
 * all page faults (about 11,000 of 34,000; a fault costs about 14 µs on this machine), and a
 * twentieth of the time. glibc raises that limit to twice the size of the largest mmapped block
 * freed (up to 32 MB): freeing one block of 30 MB, never touched, raises it to 60 MB for every
 * thread. The block is calloc'd by Node and freed when the port holding it closes, at the end of
 * this turn of the event loop, as the workers start. The cost: blocks of up to 30 MB now come
 * from the arenas too, and a freed one stays resident (up to 60 MB an arena); 16 CSVs of 5 MB
 * peaked at 225 MB rather than 202. Other C libraries (musl, macOS, Windows) only allocate and
 * free the block.
 */
function keepFreedMemory(): void {
  const { port1, port2 } = new MessageChannel();
  const block = new ArrayBuffer(BLOCK);
  port1.postMessage(block, [block]);
  port1.close();
  port2.close();
}

/** Files from which inlining less pays (inlineLess). */
const INLINE_LESS_FROM = 1000;

/**
 * Inline less when optimizing. Each worker compiles its half of the code afresh, on the same two
 * cores as the files; by default V8 inlines callees of up to 920 bytes of bytecode in all into
 * each optimized function, and compiling was about a third of a batch's CPU time. With 100, the
 * compiler's threads took about a quarter less CPU time and the workers no more, on the bench
 * folder (a batch of 2,000 files: 5% less wall time, 7% less CPU time, in ten interleaved runs);
 * 50 and 200 did about as well. V8's flags are the process's: workers started after this
 * compile with it too. The cost: a changed flag makes Node reject its built-in modules' code
 * cache, so each worker compiles them from source, 40–60 ms more of its start; on three files
 * that made the run slower. Only a batch of INLINE_LESS_FROM files or more gets it.
 */
function inlineLess(): void {
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=100');
}

/** Tune the process for a batch of `files` on worker threads: call before the first worker starts. */
export function tuneForBatch(files: number): void {
  keepFreedMemory();
  if (files >= INLINE_LESS_FROM) inlineLess();
}
