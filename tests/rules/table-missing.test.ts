// table-missing: table 2, 3 or 4 was not found.

import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/engine/index.js';
import { ReadError, unreadableReport } from '../../src/index.js';
import type { TableId } from '../../src/form/types.js';
import { balancedReport, findingsOf } from '../helpers/report.js';

const ID = 'table-missing';

const findings = findingsOf(ID);

describe('table-missing: valid', () => {
  it.each(['2021', '2019'] as const)('a %s report with all three tables has no finding', (edition) => {
    expect(findings(balancedReport(edition))).toEqual([]);
  });

  it('an unreadable file gets file-unreadable only, not three table-missing', () => {
    expect(findings(unreadableReport('a.xls', new ReadError('old-binary', { ext: '.xls' })))).toEqual([]);
  });
});

describe('table-missing: invalid', () => {
  it.each([
    ['t2', '表二', '二、主动公开政府信息情况', 'Table 2'],
    ['t3', '表三', '三、收到和处理政府信息公开申请情况', 'Table 3'],
    ['t4', '表四', '四、政府信息公开行政复议、行政诉讼情况', 'Table 4'],
  ] as const)('no %s: one error naming the table and its title', (table, zh, title, en) => {
    const report = balancedReport('2021');
    report.tables[table] = null;
    const result = checkReport(report);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({
      rule: ID,
      severity: 'error',
      messageId: 'missing',
      table,
      row: null,
      column: null,
      sheet: null,
      cell: null,
    });
    expect(result.diagnostics[0]!.message).toBe(`找不到${zh}（${title}）`);
    expect(findings(report, 'en')[0]!.message).toBe(`${en} (${title}) was not found`);
  });

  it('no tables at all: one error per table, in table order', () => {
    const report = balancedReport('2019');
    for (const id of ['t4', 't2', 't3'] as TableId[]) report.tables[id] = null;
    expect(findings(report).map((d) => d.table)).toEqual(['t2', 't3', 't4']);
  });
});
