// A worker thread of reader-child.ts: when a read takes longer than it should, pauses the child's
// main thread through the inspector (a pause interrupts even a loop that never yields) and writes
// where it stood, mapped to the TypeScript sources, to stderr, and lets it run on; the test then
// kills the child. An endless loop otherwise leaves no trace of where it was.

import { readFileSync, writeSync } from 'node:fs';
import { Session } from 'node:inspector';
import { SourceMap, type SourceMapping } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import type { WatchdogData, WatchdogMessage } from './reader-protocol.js';

const { bundle, afterMs } = workerData as WatchdogData;
const bundlePath = fileURLToPath(bundle);

function sourceMap(): SourceMap | null {
  const m = /\/\/# sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\s*$/.exec(readFileSync(bundlePath, 'utf8'));
  return m ? new SourceMap(JSON.parse(Buffer.from(m[1]!, 'base64').toString('utf8'))) : null;
}
const map = sourceMap();

const scripts = new Map<string, string>();
const session = new Session();
session.connectToMainThread();
session.on('Debugger.scriptParsed', ({ params }) => scripts.set(params.scriptId, params.url));
let running = false;
let timer: NodeJS.Timeout | null = null;

session.on('Debugger.paused', ({ params }) => {
  // Resumed whatever happens: a pause that lands after its read has ended must not stall the next.
  const resume = () => session.post('Debugger.resume');
  if (!running) {
    resume();
    return;
  }
  const frames = params.callFrames.map((f) => {
    const url = scripts.get(f.location.scriptId) ?? '';
    const line = f.location.lineNumber;
    const column = f.location.columnNumber ?? 0;
    const entry = url === bundle && map ? (map.findEntry(line, column) as Partial<SourceMapping>) : {};
    const where =
      entry.originalSource !== undefined
        ? `${relative(process.cwd(), resolve(dirname(bundlePath), entry.originalSource))}:${entry.originalLine! + 1}:${entry.originalColumn! + 1}`
        : `${url}:${line + 1}:${column + 1}`;
    return `    at ${f.functionName || '<anonymous>'} (${where})`;
  });
  // Straight to the file descriptor: a worker's process.stderr goes through the paused main thread.
  writeSync(2, `still running after ${afterMs} ms, paused at:\n${frames.join('\n')}\n`);
  resume();
});
// Enabled up front: enabling needs the main thread, which is busy by the time it matters.
session.post('Debugger.enable', () => parentPort!.postMessage('enabled'));

parentPort!.on('message', ({ state }: WatchdogMessage) => {
  if (timer) clearTimeout(timer);
  running = state === 'start';
  timer = running ? setTimeout(() => session.post('Debugger.pause'), afterMs) : null;
});
