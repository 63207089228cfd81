// table-duplicate: a table printed twice in one file; only one copy is checked.

import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/engine/index.js';
import { extract } from '../../src/extract/index.js';
import { readDelimited } from '../../src/readers/text.js';
import { officialRows, toDelimited, type Rows } from '../helpers/layout.js';

const ID = 'table-duplicate';

function findings(rows: Rows, lang: 'zh' | 'en' = 'zh') {
  const report = extract(readDelimited('report.txt', new TextEncoder().encode(toDelimited(rows))));
  return checkReport(report, { lang }).diagnostics.filter((d) => d.rule === ID);
}

/** Table 3 (its title to the row before table 4) of a report's rows. */
function table3(rows: Rows): Rows {
  const start = rows.findIndex((r) => r[0] === '三、收到和处理政府信息公开申请情况');
  const end = rows.findIndex((r) => r[0] === '四、政府信息公开行政复议、行政诉讼情况');
  return rows.slice(start, end).map((r) => [...r]);
}

describe('table-duplicate: valid', () => {
  it('a report printing each table once has no finding', () => {
    expect(findings(officialRows('2021'))).toEqual([]);
    expect(findings(officialRows('2019'))).toEqual([]);
  });

  it('a table title mentioned again in the prose is not a second copy', () => {
    const rows = officialRows('2021');
    rows.push(['三、收到和处理政府信息公开申请情况'], ['（见上表）']);
    expect(findings(rows)).toEqual([]);
  });
});

describe('table-duplicate: invalid', () => {
  it('a second, identical copy of table 3: one warning naming both places and the copy checked', () => {
    const rows = officialRows('2021');
    const copy = table3(rows);
    rows.push([], ...copy);
    const [d, ...rest] = findings(rows);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ rule: ID, severity: 'warning', messageId: 'same', table: 't3' });
    expect(d!.message).toMatch(/^表三出现了两次（第 \d+ 行 和 第 \d+ 行），两份数字相同；检查的是 第 \d+ 行 的那一份$/);
    expect(d!.line).toBeGreaterThan(rows.length - copy.length);
  });

  it('a second copy with a different figure: the warning names a cell where they differ', () => {
    const rows = officialRows('2021');
    const copy = table3(rows);
    const granted = copy.findIndex((r) => r[0] === '三、本年度办理结果');
    copy[granted]![3] = String(Number(copy[granted]![3]) + 5);
    rows.push([], ...copy);
    const [d] = findings(rows, 'en');
    expect(d).toMatchObject({ messageId: 'differs', table: 't3' });
    expect(d!.message).toMatch(/^Table 3 appears twice \(line \d+ and line \d+\) with different figures \(line \d+ is \d+, the other copy’s line \d+ is \d+\); the copy at line \d+ was checked: delete the wrong one$/);
  });

  it('the fuller copy is the one checked, wherever it is', () => {
    const rows = officialRows('2021');
    const copy = table3(rows);
    // The first copy loses its last rows: the second, complete one is read.
    const start = rows.findIndex((r) => r[0] === '三、收到和处理政府信息公开申请情况');
    rows.splice(start + copy.length - 4, 4);
    rows.push([], ...copy);
    const report = extract(readDelimited('report.txt', new TextEncoder().encode(toDelimited(rows))));
    expect(report.duplicateTables?.[0]?.used?.line).toBeGreaterThan(report.duplicateTables![0]!.other!.line!);
    expect(checkReport(report).diagnostics.filter((d) => d.rule === 'row-missing')).toEqual([]);
  });
});
