// Two years of one body for the cross-year rules: last year's report and this year's, built so
// that every cross-year identity holds until a test changes a cell.

import { checkHistory, checkReport } from '../../src/engine/index.js';
import { yearFacts } from '../../src/model/facts.js';
import type { Report } from '../../src/model/report.js';
import { balancedReport, get } from './report.js';

/** Last year's (2021) and this year's (2022) reports of 测试县人民政府, consistent across the years. */
export function twoYears(): { last: Report; now: Report } {
  const last = balancedReport('2021');
  last.file = 'last.xlsx';
  last.year = { value: 2021, from: 'title', loc: null };
  const now = balancedReport('2021');
  now.file = 'now.xlsx';
  for (const column of Object.keys(now.tables.t3!.rows.carriedOver!.cells)) {
    const forward = get(last, 't3', 'carriedForward', column).value!;
    const over = get(now, 't3', 'carriedOver', column);
    const received = get(now, 't3', 'received', column);
    // Keep this year's column balanced: what carried over more, was received less.
    received.value = received.value! + over.value! - forward;
    over.value = forward;
  }
  for (const row of ['regulations', 'normativeDocuments']) {
    const v = (c: string) => get(now, 't2', row, c).value!;
    get(now, 't2', row, 'inForce').value = get(last, 't2', row, 'inForce').value! + v('issued') - v('repealed');
  }
  return { last, now };
}

/** The findings of one cross-year rule on a batch of reports (in this order). */
export function historyFindings(rule: string, reports: Report[], lang: 'zh' | 'en' = 'zh') {
  const results = checkHistory(
    reports.map((r) => checkReport(r, { lang })),
    reports.map(yearFacts),
    { lang },
  );
  return results.map((r) => r.diagnostics.filter((d) => d.rule === rule));
}
