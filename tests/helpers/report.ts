// Small in-memory reports for rule tests: a balanced report of either edition, built straight in
// the model (no file, no reader), with helpers to change one cell.

import { EDITIONS } from '../../src/form/index.js';
import type { EditionId, TableId } from '../../src/form/types.js';
import { a1 } from '../../src/model/grid.js';
import type { CellValue, Report, RowData, TableData } from '../../src/model/report.js';
import { readValue } from '../../src/extract/values.js';
import { checkReport, type Diagnostic } from '../../src/engine/index.js';

const SHEET = 'test';

function value(n: number, row: number, col: number): CellValue {
  return { text: String(n), value: n, status: 'ok', notes: [], decimals: 0, loc: { sheet: SHEET, cell: a1(row, col), row, col } };
}

/** Table 3 figures that balance: each leaf row gets a distinct small count per column. */
function t3Figures(edition: EditionId): Record<string, number[]> {
  const rows = EDITIONS[edition].t3.rows;
  const leaves = rows.filter((r) => r.result);
  const figures: Record<string, number[]> = {};
  leaves.forEach((r, i) => {
    const parts = [((i * 3) % 5) + 1, i % 2, i % 3 === 0 ? 1 : 0, 0, i % 4 === 1 ? 2 : 0, i % 5 === 2 ? 1 : 0];
    figures[r.key] = parts;
  });
  const resultTotal = [0, 1, 2, 3, 4, 5].map((c) => leaves.reduce((n, r) => n + figures[r.key]![c]!, 0));
  figures.resultTotal = resultTotal;
  figures.carriedForward = [2, 1, 0, 0, 1, 0];
  figures.carriedOver = [3, 0, 1, 0, 0, 0];
  figures.received = resultTotal.map((t, c) => t + figures.carriedForward![c]! - figures.carriedOver![c]!);
  for (const key of Object.keys(figures)) {
    const parts = figures[key]!;
    figures[key] = [...parts, parts.reduce((a, b) => a + b, 0)];
  }
  return figures;
}

/** A report whose every identity holds, with values at plausible official-layout cells. */
export function balancedReport(edition: EditionId = '2021'): Report {
  const ed = EDITIONS[edition];
  const t2: TableData = { id: 't2', loc: null, rows: {} };
  let sheetRow = 5;
  for (const block of ed.t2.blocks) {
    sheetRow += 2;
    for (const row of block.rows) {
      const cells: RowData['cells'] = {};
      block.columns.forEach((c, i) => (cells[c.key] = value(c.kind === 'signed' ? -1 : 3 + i, sheetRow, 2 + i)));
      t2.rows[row.key] = { key: row.key, loc: { sheet: SHEET, cell: a1(sheetRow, 1), row: sheetRow, col: 1 }, cells };
      sheetRow++;
    }
  }
  const figures = t3Figures(edition);
  const t3: TableData = { id: 't3', loc: null, rows: {} };
  const order = ['received', 'carriedOver', ...ed.t3.rows.filter((r) => r.result).map((r) => r.key), 'resultTotal', 'carriedForward'];
  order.forEach((key, i) => {
    const row = 23 + i;
    const cells: RowData['cells'] = {};
    ed.t3.columns.forEach((c, j) => (cells[c.key] = value(figures[key]![j]!, row, 4 + j)));
    t3.rows[key] = { key, loc: { sheet: SHEET, cell: a1(row, 1), row, col: 1 }, cells };
  });
  const t4: TableData = { id: 't4', loc: null, rows: {} };
  ed.t4.groups.forEach((g, gi) => {
    const parts = [gi + 1, gi, 1, 0];
    const cells: RowData['cells'] = {};
    [...parts, parts.reduce((a, b) => a + b, 0)].forEach((n, j) => (cells[ed.t4.columns[j]!.key] = value(n, 60, 1 + gi * 5 + j)));
    t4.rows[g.key] = { key: g.key, loc: { sheet: SHEET, cell: a1(60, 1), row: 60, col: 1 }, cells };
  });
  const year = edition === '2021' ? 2022 : 2020;
  return {
    file: 'test.xlsx',
    source: { kind: 'xlsx' },
    edition,
    markedEdition: edition,
    editionOverridden: false,
    agency: { value: '测试县人民政府', from: 'title', loc: null },
    year: { value: year, from: 'title', loc: null },
    tables: { t2, t3, t4 },
    missingRows: [],
  };
}

/** The value of a cell (throws if the cell is not in the report). */
export function get(report: Report, table: TableId, row: string, column: string): CellValue {
  const v = report.tables[table]?.rows[row]?.cells[column];
  if (!v) throw new Error(`no cell ${table}.${row}.${column}`);
  return v;
}

/** Add `delta` to a numeric cell. */
export function bump(report: Report, table: TableId, row: string, column: string, delta: number): Report {
  const v = get(report, table, row, column);
  v.value = (v.value ?? 0) + delta;
  v.text = String(v.value);
  return report;
}

/** Replace a cell's content as if the clerk had typed `text` (read with the real value reader). */
export function type(report: Report, table: TableId, row: string, column: string, text: string): Report {
  const v = get(report, table, row, column);
  const typed = readValue(text === '' ? undefined : { row: v.loc!.row, col: v.loc!.col, kind: 'text', text }, v.loc);
  report.tables[table]!.rows[row]!.cells[column] = typed;
  return report;
}

/** The diagnostics one rule gives on a report, in the given language. */
export function findingsOf(rule: string): (report: Report, lang?: 'zh' | 'en') => Diagnostic[] {
  return (report, lang = 'zh') => checkReport(report, { lang }).diagnostics.filter((d) => d.rule === rule);
}
