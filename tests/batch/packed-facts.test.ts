// What the cross-year checks keep of each file (src/batch/packed-facts.ts): packed small, and unpacked to
// the same values, statuses and cells the report had.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packFacts, unpackFacts } from '../../src/batch/packed-facts.js';
import { loadReport } from '../../src/engine/file.js';
import { valueKeys, yearFacts } from '../../src/model/facts.js';
import type { CellValue, Report } from '../../src/model/report.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

/** What a packed cell keeps: its number, status and place, nothing of its text. */
const kept = (cells: Record<string, CellValue> | undefined) =>
  cells ? Object.fromEntries(Object.entries(cells).map(([key, v]) => [key, { text: '', value: v.value, status: v.status, notes: [], decimals: 0, loc: v.loc }])) : null;

describe('packed facts', () => {
  it.each(['official-2022.xlsx', 'per-sheet-2023.xlsx', 'libreoffice-2021.xlsx', 'edition2019-2019.csv', 'dunfangdian-2021.txt'])('%s: unpacked, the carried and stock rows as the report had them', async (name) => {
    const report = await loadReport(join(FIXTURES, name));
    const facts = unpackFacts(packFacts(yearFacts(report)));
    expect(facts.carriedOver).toEqual(kept(report.tables.t3?.rows.carriedOver?.cells));
    expect(facts.carriedForward).toEqual(kept(report.tables.t3?.rows.carriedForward?.cells));
    for (const key of ['regulations', 'normativeDocuments']) {
      const cells = report.tables.t2?.rows[key]?.cells;
      if (cells) expect(facts.stock[key]).toEqual(kept(cells));
    }
    expect(facts.carriedOver).not.toBeNull();
  });

  it('names a column the format does not have by its name, and keeps blanks and statuses', async () => {
    const report: Report = await loadReport(join(FIXTURES, 'official-2022.xlsx'));
    const row = report.tables.t3!.rows.carriedOver!;
    row.cells = { ...row.cells, mystery: { ...row.cells.natural!, value: null, status: 'blank' } };
    const facts = unpackFacts(packFacts(yearFacts(report)));
    expect(facts.carriedOver).toEqual(kept(row.cells));
    expect(Object.keys(facts.carriedOver!)).toEqual(Object.keys(row.cells));
  });

  it('keeps the cells short: column keys by number (about 260 characters where names took 450); a workbook keeps only its values’ digest', async () => {
    const facts = yearFacts(await loadReport(join(FIXTURES, 'official-2022.xlsx')));
    const packed = packFacts(facts);
    expect(packed.cells).not.toContain('natural');
    expect(packed.cells.length).toBeLessThan(300);
    expect(facts.values).toBeNull();
    expect(facts.digest).toMatch(/^[0-9a-z]{8,14}$/);
  });

  it('keeps every value of a published form (a Word document), once, by its place', async () => {
    const facts = yearFacts(await loadReport(join(FIXTURES, 'documents/balanced-2022.docx')));
    expect(facts.values!.split(',')).toHaveLength(valueKeys('2021').length);
    expect(unpackFacts(packFacts(facts)).values).toBe(facts.values);
  });
});
