// A worker thread of the pool: checks the files it is sent, one message per file, in order.

import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerReply } from './pool.js';
import { checkOne, type TaskOptions } from './task.js';

const options = workerData as TaskOptions;

parentPort!.on('message', async ({ index, file }: { index: number; file: string }) => {
  let reply: WorkerReply;
  try {
    reply = { index, output: await checkOne(file, options) };
  } catch (err) {
    reply = { index, error: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) };
  }
  parentPort!.postMessage(reply);
});

// Loaded: the pool starts timing files from here.
parentPort!.postMessage({ ready: true } satisfies WorkerReply);
