// The tidy CSV: one row per cell, UTF-8 with BOM, read back by a real CSV parser.

import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadReport } from '../../src/index.js';
import { CSV_HEADER, toCsv } from '../../src/writers/csv.js';
import { normalize } from '../../src/writers/normalize.js';

describe('toCsv', () => {
  it('writes one row per cell of every report, with a BOM and CRLF', async () => {
    const a = normalize(await loadReport('fixtures/dunfangdian-2021.txt'));
    const b = normalize(await loadReport('fixtures/edition2019-2019.csv'));
    const csv = toCsv([a, b]);
    expect(csv.startsWith('\ufeffagency,year,edition,table,row,column,label,value\r\n')).toBe(true);
    const rows = parse(csv.slice(1), { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0]!)).toEqual(CSV_HEADER);
    expect(rows.filter((r) => r.agency === '顿坊店乡人民政府')).toHaveLength(10 + 175 + 15);
    expect(rows.filter((r) => r.edition === '2019')).toHaveLength(22 + 161 + 15);
    expect(rows.find((r) => r.agency === '顿坊店乡人民政府' && r.row === 'coercion')).toMatchObject({ table: 't2', column: 'decisions', value: '22', label: '行政强制·本年处理决定数量' });
    expect(rows.find((r) => r.row === 'resultTotal' && r.column === 'natural')!.label).toBe('（七）总计·自然人');
  });

  it('leaves a null value empty', async () => {
    const report = normalize(await loadReport('fixtures/cell-errors-2023.csv'));
    const rows = parse(toCsv([report]).slice(1), { columns: true }) as Array<Record<string, string>>;
    expect(rows.find((r) => r.row === 'denied.stateSecret' && r.column === 'research')!.value).toBe('');
  });
});
