// A worker thread of the pool: does its part (pool.ts: Role) for the files it is sent, in order,
// and sends the pool what it made of them a few files at a time.

import { parentPort, workerData } from 'node:worker_threads';
import { installGuard } from './native-guard.js';
import { transferables } from './packed-grid.js';
import type { WorkerMessage, WorkerReply, WorkerRequest, WorkerStart } from './pool.js';
import { keep } from './kept.js';
import { bytesOf, checkOne, checkRead, MESSAGE_BYTES, readOne } from './task.js';
import { Watch } from './watch.js';

const { role, task, guard, watch, epoch } = workerData as WorkerStart;
installGuard(guard);
const on = new Watch(watch, epoch);

/**
 * Replies sent in one message, at most: each message wakes the pool's thread, and the pool's
 * answer wakes this one, each costing as much as the message itself. Half the pool's queue
 * (QUEUED, 16), so that the worker still has files to do while the pool answers. The first
 * messages carry one reply, then two, then four (a checker waiting for its first files does not
 * wait for eight), and fewer go when the worker runs out of files.
 */
const BATCH = 8;
/** How many replies the first messages carry, before BATCH. */
const FIRST = [1, 2, 4];
let replies: WorkerReply[] = [];
let moving: ArrayBuffer[] = [];
let bytes = 0;
let sent = 0;

function send(): void {
  if (replies.length === 0) return;
  parentPort!.postMessage({ replies } satisfies WorkerMessage, moving);
  replies = [];
  moving = [];
  bytes = 0;
  sent++;
}

function reply(done: WorkerReply): void {
  replies.push(done);
  // What was read, or the kept result, moves with the message (not copied).
  if ('read' in done) {
    if ('grid' in done.read) moving.push(...transferables(done.read.grid));
    bytes += bytesOf(done.read);
  } else {
    moving.push(done.output.bytes.buffer as ArrayBuffer);
    bytes += done.output.bytes.byteLength;
  }
  if (replies.length >= (FIRST[sent] ?? BATCH) || bytes >= MESSAGE_BYTES) send();
  // Once the files sent so far are done (their messages are read together, before this runs).
  else if (replies.length === 1) setImmediate(send);
}

/** What the worker makes of one file. */
async function work({ index, file, read }: WorkerRequest): Promise<WorkerReply> {
  if (role === 'read') return { index, read: await readOne(file, task) };
  // A checker is sent what a reader read, or (when nothing read is waiting) a file to read itself;
  // the file's clock starts again once it is read, as it does when a checker is sent it read.
  return { index, output: keep(read ? checkRead(file, read, task) : await checkOne(file, task, undefined, () => on.start(index))) };
}

/** The files of one message, each done before the next and let go once done. */
async function handle(requests: Array<WorkerRequest | undefined>): Promise<void> {
  for (let i = 0; i < requests.length; i++) {
    const request = requests[i]!;
    requests[i] = undefined;
    on.start(request.index);
    let done: WorkerReply;
    try {
      done = await work(request);
    } catch (err) {
      // A bug: the pool is told (after the replies before it), and stops the run.
      on.end();
      send();
      parentPort!.postMessage({ index: request.index, error: err instanceof Error ? err.message : String(err) } satisfies WorkerMessage);
      return;
    }
    on.end();
    reply(done);
  }
}

/**
 * The pool matches replies to files in the order it sent them, so messages are handled one after
 * another: a file's work may wait (the first web page loads its parser), and the next message must
 * not overtake it.
 */
let handled: Promise<void> = Promise.resolve();
parentPort!.on('message', ({ requests }: { requests: Array<WorkerRequest | undefined> }) => {
  handled = handled.then(() => handle(requests));
});

// Loaded: the pool starts timing files from here.
parentPort!.postMessage({ ready: true } satisfies WorkerMessage);
