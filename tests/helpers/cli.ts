// Run the CLI in-process (fast) or as a real child process (exit code, streams, no stack traces).

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { run, type Io } from '../../src/cli/index.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI in this process; `terminal` stands for what a real process has (its width, standard input). */
export async function cli(args: string[], env: Record<string, string | undefined> = {}, terminal: Pick<Io, 'columns' | 'stdin'> = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false, env, ...terminal });
  return { code, stdout, stderr };
}

/** The built CLI as a user runs it (needs `npm run build` first, as `npm test` does). */
export function spawnCli(args: string[], env: Record<string, string> = {}, input?: Uint8Array): CliResult {
  const r = spawnSync(process.execPath, ['bin/report.js', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '0', ...env },
    ...(input ? { input } : {}),
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
