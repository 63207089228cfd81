// Reads files in a child process (reader-child.ts, bundled from the sources with esbuild), so that
// the mutation tests can see the reader crash or hang and report the input: a fatal V8 error (an
// array or heap grown past its limit) aborts the whole process, and a synchronous loop that never
// ends cannot be interrupted from inside it. A child that dies or overruns is killed and replaced;
// what it wrote to stderr (V8's message, or where the watchdog found a slow read) comes back.

import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { READY, type Reply, type Request } from './reader-protocol.js';

export type Outcome =
  | Reply
  | { kind: 'crashed'; code: number | null; signal: string | null; stderr: string }
  | { kind: 'timeout'; ms: number; stderr: string };

/** Heap of the child: the batch workers' floor (README); a damaged 10 KB fixture needs far less. */
const HEAP_MB = 512;
const STDERR_KEPT = 4000;
/** How long a child may take to start (load the bundle, start its watchdog) on a loaded machine. */
const START_MS = 30_000;

export class ReaderProcess {
  private dir: string | null = null;
  private script: string | null = null;
  private child: { process: ChildProcess; ready: Promise<boolean> } | null = null;
  private stderr = '';
  private nextId = 1;

  /** @param stackAfterMs when a read still running has its stack written to the child's stderr */
  constructor(private readonly stackAfterMs: number) {}

  /** Bundle the child from the current sources. */
  async start(): Promise<void> {
    this.dir = mkdtempSync(join(tmpdir(), 'nianbao-property-'));
    this.script = join(this.dir, 'reader-child.mjs');
    await build({
      entryPoints: ['reader-child', 'reader-watchdog'].map((name) => ({ in: fileURLToPath(new URL(`./${name}.ts`, import.meta.url)), out: name })),
      outdir: this.dir,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      sourcemap: 'inline',
      external: ['exceljs'],
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
      logLevel: 'warning',
    });
  }

  /** A new child, ready once it has said so: a request sent before it listens would be lost. */
  private spawn(): { process: ChildProcess; ready: Promise<boolean> } {
    if (!this.script) throw new Error('ReaderProcess.start() first');
    this.stderr = '';
    const child = fork(this.script, [String(this.stackAfterMs)], {
      execArgv: ['--enable-source-maps', `--max-old-space-size=${HEAP_MB}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (s: string) => (this.stderr = (this.stderr + s).slice(-STDERR_KEPT)));
    const ready = new Promise<boolean>((resolve) => {
      const settle = (started: boolean) => {
        clearTimeout(timer);
        resolve(started);
      };
      const timer = setTimeout(() => settle(false), START_MS);
      child.once('message', (m: unknown) => settle(m === READY));
      child.once('close', () => settle(false));
    });
    return { process: child, ready };
  }

  /** Read and check one file; a child that crashes or takes longer than `killAfterMs` is killed and replaced. */
  async read(name: string, bytes: Uint8Array, killAfterMs: number): Promise<Outcome> {
    const current = (this.child ??= this.spawn());
    const child = current.process;
    if (!(await current.ready)) {
      if (this.child === current) this.child = null;
      child.kill('SIGKILL');
      return { kind: 'crashed', code: child.exitCode, signal: child.signalCode, stderr: `the reader process did not start\n${this.stderr}` };
    }
    const id = this.nextId++;
    return new Promise((resolve) => {
      const started = performance.now();
      const done = (outcome: Outcome) => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('close', onExit);
        resolve(outcome);
      };
      const onMessage = (reply: Reply) => {
        if (reply.id === id) done(reply);
      };
      const onExit = (code: number | null, signal: string | null) => {
        if (this.child === current) this.child = null;
        done({ kind: 'crashed', code, signal, stderr: this.stderr });
      };
      const timer = setTimeout(() => {
        if (this.child === current) this.child = null;
        child.off('close', onExit);
        child.kill('SIGKILL');
        done({ kind: 'timeout', ms: performance.now() - started, stderr: this.stderr });
      }, killAfterMs);
      child.on('message', onMessage);
      child.on('close', onExit);
      child.send({ id, name, bytes } satisfies Request);
    });
  }

  stop(): void {
    this.child?.process.kill('SIGKILL');
    this.child = null;
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}
