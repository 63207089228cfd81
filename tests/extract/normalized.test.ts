// Normalized JSON read back as a report: checked like any other input, refused when it is not one.

import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/engine/index.js';
import { reportFromJson } from '../../src/extract/normalized.js';
import { ReadError } from '../../src/readers/errors.js';
import { blankReport } from '../../src/writers/normalize.js';

describe('reportFromJson', () => {
  it('reads the tables, the edition and the metadata, and finds a broken identity', () => {
    const doc = blankReport('2021');
    for (const [row, cells] of Object.entries(doc.tables.t4)) for (const c of Object.keys(cells)) doc.tables.t4[row]![c] = 1;
    doc.agency = '某某局';
    doc.year = 2022;
    const report = reportFromJson('r.json', JSON.stringify(doc));
    expect(report).toMatchObject({ edition: '2021', agency: { value: '某某局' }, year: { value: 2022 } });
    expect(report.tables.t2).toBeNull();
    const rules = checkReport(report).diagnostics.map((d) => `${d.rule} ${d.row ?? ''}`);
    expect(rules).toEqual(['table-missing ', 'table-missing ', 't4-total review', 't4-total suitDirect', 't4-total suitAfterReview']);
  });

  it.each(['not json', '{"tables": {}}', '[]', '{"version": 2, "tables": {}}'])('refuses %j', (text) => {
    expect(() => reportFromJson('x.json', text)).toThrow(ReadError);
  });
});
