// A worker thread of the pool: checks the files it is sent, one message per file.

import { parentPort } from 'node:worker_threads';
import { checkOne, type TaskOptions } from './task.js';

parentPort!.on('message', async ({ index, file, options }: { index: number; file: string; options: TaskOptions }) => {
  try {
    parentPort!.postMessage({ index, output: await checkOne(file, options) });
  } catch (err) {
    parentPort!.postMessage({ index, error: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) });
  }
});
