// Shared settings of the property tests: how many runs (PROPERTY_RUNS overrides each file's
// default) and, only when PROPERTY_SEED is set, a fixed seed to replay a failure; otherwise every
// run is random and fast-check prints the seed, the path and the shrunk counterexample on failure.

import type { Parameters } from 'fast-check';

/** The number of runs: PROPERTY_RUNS when set to a positive number, else the file's default. */
export function runs(defaultRuns: number): number {
  const n = Number(process.env.PROPERTY_RUNS);
  return Number.isInteger(n) && n > 0 ? n : defaultRuns;
}

/**
 * fc.assert options: the runs, and the seed of PROPERTY_SEED when set (with PROPERTY_PATH, the
 * `path` fast-check printed, to replay exactly the shrunk counterexample).
 */
export function options<T>(defaultRuns: number): Parameters<T> {
  const seed = process.env.PROPERTY_SEED;
  const path = process.env.PROPERTY_PATH;
  if (seed === undefined || seed === '') return { numRuns: runs(defaultRuns) };
  return { numRuns: runs(defaultRuns), seed: Number(seed), ...(path ? { path } : {}) };
}

/** A vitest timeout for a property: room for its runs at `msPerRun` each, and for shrinking. */
export function timeout(defaultRuns: number, msPerRun: number): number {
  return 30_000 + runs(defaultRuns) * msPerRun;
}
