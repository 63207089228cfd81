// The child process of reader-process.ts: reads and checks each file it is sent, the way
// `report check` does (loadReport, then checkReport), and answers with what came of it. In a
// process of its own, an input that aborts V8 or never returns fails its test instead of taking
// the whole test run down with it; reader-watchdog.ts writes where a slow read stands to stderr.

import { Worker } from 'node:worker_threads';
import { loadReport } from '../../src/index.js';
import { checkReport } from '../../src/engine/index.js';
import { READY, type Reply, type Request, type WatchdogData, type WatchdogMessage } from './reader-protocol.js';

// argv[2]: after how many milliseconds the watchdog takes the stack of a read still running.
const watchdog = new Worker(new URL('./reader-watchdog.mjs', import.meta.url), {
  workerData: { bundle: import.meta.url, afterMs: Number(process.argv[2]) } satisfies WatchdogData,
});
watchdog.unref();
process.on('disconnect', () => process.exit(0));
// Ready once the watchdog is (its debugger enabled): the parent sends nothing before.
watchdog.once('message', () => process.send!(READY));

process.on('message', (request: Request) => {
  const start = performance.now();
  watchdog.postMessage({ id: request.id, state: 'start' } satisfies WatchdogMessage);
  const answer = (reply: Reply) => {
    watchdog.postMessage({ id: request.id, state: 'done' } satisfies WatchdogMessage);
    process.send!(reply);
  };
  loadReport(request.name, {}, request.bytes)
    .then((report) => {
      const result = checkReport(report);
      const d = result.diagnostics.find((x) => x.rule === 'file-unreadable');
      answer({
        id: request.id,
        kind: 'result',
        ms: performance.now() - start,
        reason: report.failure?.reason ?? null,
        unreadable: d ? { messageId: d.messageId, message: d.message } : null,
      });
    })
    .catch((error: unknown) => {
      answer({ id: request.id, kind: 'threw', ms: performance.now() - start, stack: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    });
});
