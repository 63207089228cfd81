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

  it('a converted document keeps its narrative: the rules about the text check it as they checked the document', async () => {
    const { cli } = await import('../helpers/cli.js');
    const json = await cli(['convert', '--to', 'json', 'fixtures/narrative/slips-2023.txt']);
    const report = reportFromJson('slips-2023.json', json.stdout);
    expect(report.sections?.map((s) => s.number)).toEqual([1, 2, 3, 4, 5]);
    const rules = checkReport(report).diagnostics.map((d) => d.rule);
    // The year is the JSON's, not a title's: the period is not compared with it.
    expect(rules.sort()).toEqual(['fee-note-missing', 'section-missing', 'text-table-mismatch', 'text-table-mismatch']);
  });

  it.each(['not json', '{"tables": {}}', '[]', '{"version": 2, "tables": {}}'])('refuses %j', (text) => {
    expect(() => reportFromJson('x.json', text)).toThrow(ReadError);
  });
});
