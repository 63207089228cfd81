// edition-mismatch: the tables' edition contradicts the report year (2021 edition from 2021; 2019 for 2019-2020).

import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/engine/index.js';
import type { EditionId } from '../../src/form/types.js';
import type { Report } from '../../src/model/report.js';
import { balancedReport, findingsOf } from '../helpers/report.js';

const ID = 'edition-mismatch';

const findings = findingsOf(ID);

function report(marked: EditionId, year: number | null): Report {
  const r = balancedReport(marked);
  r.year = year === null ? null : { value: year, from: 'title', loc: { sheet: 'test', cell: 'A1', row: 1, col: 1 } };
  return r;
}

describe('edition-mismatch: valid', () => {
  it.each([
    ['2019', 2019],
    ['2019', 2020],
    ['2021', 2021],
    ['2021', 2022],
    ['2021', 2030],
  ] as const)('%s tables in a %i report: no finding', (marked, year) => {
    expect(findings(report(marked, year))).toEqual([]);
  });

  it('an edition chosen with --edition is not second-guessed', () => {
    const r = report('2019', 2022);
    r.editionOverridden = true;
    expect(findings(r)).toEqual([]);
  });

  it('no year: nothing to compare (metadata-missing reports the year instead)', () => {
    const r = report('2019', null);
    expect(findings(r)).toEqual([]);
    expect(checkReport(r).diagnostics.map((d) => [d.rule, d.messageId])).toEqual([['metadata-missing', 'year']]);
  });

  it('tables with no edition markers: nothing to compare', () => {
    const r = report('2019', 2022);
    r.markedEdition = null;
    expect(findings(r)).toEqual([]);
  });

  it('a year before either edition: nothing to compare', () => {
    expect(findings(report('2019', 2018))).toEqual([]);
  });
});

describe('edition-mismatch: invalid', () => {
  it('2019 tables in a 2022 report: one error, at the year, naming year and both editions', () => {
    const r = report('2019', 2022);
    const list = findings(r);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      rule: ID,
      severity: 'error',
      messageId: 'mismatch',
      table: null,
      row: null,
      column: null,
      sheet: 'test',
      cell: 'A1',
      expected: null,
      actual: null,
      difference: null,
    });
    expect(list[0]!.message).toBe('报告年度为 2022 年，应使用 2021 版格式，但表格是 2019 版格式');
    expect(findings(r, 'en')[0]!.message).toBe('the report year is 2022, which calls for the 2021 edition, but the tables are the 2019 edition');
  });

  it('2019 tables in a 2021 report (the first year of the new edition)', () => {
    expect(findings(report('2019', 2021))).toHaveLength(1);
  });

  it('2021 tables in a 2020 report (the reverse)', () => {
    const list = findings(report('2021', 2020));
    expect(list).toHaveLength(1);
    expect(list[0]!.message).toBe('报告年度为 2020 年，应使用 2019 版格式，但表格是 2021 版格式');
  });

  it('the marked edition counts, not the edition used to read the tables', () => {
    const r = report('2021', 2022);
    r.markedEdition = '2019';
    expect(findings(r).map((d) => d.message)).toEqual(['报告年度为 2022 年，应使用 2021 版格式，但表格是 2019 版格式']);
  });

  it('a year from the file name has no cell to point at', () => {
    const r = report('2019', 2023);
    r.year = { value: 2023, from: 'filename', loc: null };
    expect(findings(r)[0]).toMatchObject({ cell: null, sheet: null });
  });
});
