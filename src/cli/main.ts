// Wires run() to the real process: stdout, stderr, terminal detection and the environment.

import { run } from './index.js';

export function main(argv: string[]): Promise<number> {
  return run(argv, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
  });
}
