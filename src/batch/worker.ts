// A worker thread of the pool: does its part (pool.ts: Role) for the files it is sent, one reply
// per file, in order.

import { parentPort, workerData } from 'node:worker_threads';
import { installGuard } from './native-guard.js';
import { transferables } from './packed-grid.js';
import type { WorkerReply, WorkerRequest, WorkerStart } from './pool.js';
import { keep } from './kept.js';
import { checkOne, checkRead, readOne } from './task.js';

const { role, task, guard } = workerData as WorkerStart;
installGuard(guard);

parentPort!.on('message', async ({ index, file, read }: WorkerRequest) => {
  try {
    if (role === 'read') {
      const output = await readOne(file, task);
      parentPort!.postMessage({ index, read: output } satisfies WorkerReply, 'grid' in output ? transferables(output.grid) : []);
    } else {
      const output = keep(role === 'check' ? checkRead(file, read!, task) : await checkOne(file, task));
      parentPort!.postMessage({ index, output } satisfies WorkerReply, [output.bytes.buffer as ArrayBuffer]);
    }
  } catch (err) {
    parentPort!.postMessage({ index, error: err instanceof Error ? err.message : String(err) } satisfies WorkerReply);
  }
});

// Loaded: the pool starts timing files from here.
parentPort!.postMessage({ ready: true } satisfies WorkerReply);
