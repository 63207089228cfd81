// A worker thread of the pool: does its part (pool.ts: Role) for the files it is sent, one reply
// per file, in order.

import { parentPort, workerData } from 'node:worker_threads';
import { installGuard } from './native-guard.js';
import { transferables } from './packed-grid.js';
import type { WorkerReply, WorkerRequest, WorkerStart } from './pool.js';
import { checkOne, checkRead, readOne } from './task.js';

const { role, task, guard } = workerData as WorkerStart;
installGuard(guard);

parentPort!.on('message', async ({ index, file, read }: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    if (role === 'read') {
      const output = await readOne(file, task);
      return parentPort!.postMessage({ index, read: output } satisfies WorkerReply, 'grid' in output ? transferables(output.grid) : []);
    }
    reply = { index, output: role === 'check' ? checkRead(file, read!, task) : await checkOne(file, task) };
  } catch (err) {
    reply = { index, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(reply);
});

// Loaded: the pool starts timing files from here.
parentPort!.postMessage({ ready: true } satisfies WorkerReply);
