// Before any test file runs: the checksums of every input, for tests/setup/inputs-unchanged.ts.

import type { TestProject } from 'vitest/node';
import { inputChecksums } from './checksums.js';

declare module 'vitest' {
  export interface ProvidedContext {
    inputChecksums: Record<string, string>;
  }
}

export default function setup(project: TestProject): void {
  project.provide('inputChecksums', inputChecksums());
}
