// A worker thread of the pool: checks the files it is sent, one message per file, in order.

import { parentPort, workerData } from 'node:worker_threads';
import { installGuard } from './native-guard.js';
import type { WorkerReply, WorkerStart } from './pool.js';
import { checkOne } from './task.js';

const { task, guard } = workerData as WorkerStart;
installGuard(guard);

parentPort!.on('message', async ({ index, file }: { index: number; file: string }) => {
  let reply: WorkerReply;
  try {
    reply = { index, output: await checkOne(file, task) };
  } catch (err) {
    reply = { index, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(reply);
});

// Loaded: the pool starts timing files from here.
parentPort!.postMessage({ ready: true } satisfies WorkerReply);
