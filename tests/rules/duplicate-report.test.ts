// duplicate-report: two files for the same body and year in one batch.

import { describe, expect, it } from 'vitest';
import { balancedReport } from '../helpers/report.js';
import { historyFindings } from '../helpers/history.js';

describe('duplicate-report', () => {
  it('each of two same-year files of one body names the other', () => {
    const a = balancedReport('2021');
    a.file = 'a.xlsx';
    const b = balancedReport('2021');
    b.file = 'b.csv';
    const [fa, fb] = historyFindings('duplicate-report', [a, b]);
    expect(fa).toHaveLength(1);
    expect(fa![0]).toMatchObject({ severity: 'warning', table: null });
    expect(fa![0]!.message).toContain('b.csv');
    expect(fb![0]!.message).toContain('a.xlsx');
  });

  it('different years or bodies are not duplicates', () => {
    const a = balancedReport('2021');
    const b = balancedReport('2021');
    b.year = { value: 2023, from: 'title', loc: null };
    expect(historyFindings('duplicate-report', [a, b])).toEqual([[], []]);
    b.year = a.year;
    b.agency = { value: '另一个局', from: 'title', loc: null };
    expect(historyFindings('duplicate-report', [a, b])).toEqual([[], []]);
  });
});
