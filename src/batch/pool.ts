// Checks many files on worker threads; delivers outputs in input order whatever order they finish in.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { checkOne, type TaskOptions, type TaskOutput } from './task.js';

/**
 * The worker's compiled module. Run from the TypeScript sources (the test runner), this folder
 * holds worker.ts, which a worker thread cannot load: use the build instead.
 */
function workerUrl(): URL {
  const beside = new URL('./worker.js', import.meta.url);
  return existsSync(fileURLToPath(beside)) ? beside : new URL('../../dist/batch/worker.js', import.meta.url);
}

export interface PoolOptions {
  jobs: number;
  task: TaskOptions;
  /** Called once per file, in input order. */
  onOutput?: (index: number, output: TaskOutput) => void;
  /** Called as files finish, in any order, with the number done so far. */
  onProgress?: (done: number) => void;
}

export async function checkAll(files: string[], options: PoolOptions): Promise<TaskOutput[]> {
  const outputs: TaskOutput[] = new Array(files.length);
  let delivered = 0;
  let done = 0;
  const finish = (index: number, output: TaskOutput) => {
    outputs[index] = output;
    options.onProgress?.(++done);
    while (delivered < files.length && outputs[delivered]) {
      options.onOutput?.(delivered, outputs[delivered]!);
      delivered++;
    }
  };
  const jobs = Math.max(1, Math.min(options.jobs, files.length));
  if (jobs === 1) {
    // One thread: no worker to start, which matters for a single file.
    for (const [i, file] of files.entries()) finish(i, await checkOne(file, options.task));
    return outputs;
  }
  let next = 0;
  const workers = Array.from({ length: jobs }, () => new Worker(workerUrl()));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= files.length) return resolve();
              const index = next++;
              worker.postMessage({ index, file: files[index], options: options.task });
            };
            worker.on('message', (m: { index: number; output?: TaskOutput; error?: string }) => {
              if (m.error !== undefined) return reject(new Error(`${files[m.index]}: ${m.error}`));
              finish(m.index, m.output!);
              send();
            });
            worker.on('error', reject);
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return outputs;
}
