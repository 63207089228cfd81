// Types for random-report.mjs, which tests import too.
import type { EditionId } from '../src/form/types.js';
import type { NormalizedReport } from '../src/writers/normalize.js';

export function balancedRandomReport(edition: EditionId, rand: (n: number) => number): NormalizedReport;
