// A report filled with random figures that balance (every identity of docs/format.md holds), for the
// benchmark and the bad-input corpus. `rand(n)` gives an integer in [0, n).
import { EDITIONS } from '../dist/form/index.js';
import { blankReport } from '../dist/writers/normalize.js';

export function balancedRandomReport(edition, rand) {
  const report = blankReport(edition);
  for (const cells of Object.values(report.tables.t2)) for (const c of Object.keys(cells)) cells[c] = rand(50);
  const t3 = report.tables.t3;
  const leaves = Object.keys(t3).filter((k) => EDITIONS[edition].t3.rows.find((r) => r.key === k)?.result);
  const parts = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other'];
  for (const k of [...leaves, 'carriedOver', 'carriedForward']) for (const c of parts) t3[k][c] = rand(6);
  for (const c of parts) {
    t3.resultTotal[c] = leaves.reduce((n, k) => n + t3[k][c], 0);
    t3.received[c] = Math.max(0, t3.resultTotal[c] + t3.carriedForward[c] - t3.carriedOver[c]);
    t3.carriedOver[c] = t3.resultTotal[c] + t3.carriedForward[c] - t3.received[c];
  }
  for (const row of Object.values(t3)) row.total = parts.reduce((n, c) => n + row[c], 0);
  for (const g of Object.values(report.tables.t4)) {
    for (const c of ['upheld', 'corrected', 'other', 'pending']) g[c] = rand(3);
    g.total = g.upheld + g.corrected + g.other + g.pending;
  }
  return report;
}
