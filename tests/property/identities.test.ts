// Property: in a balanced report, a random change to one cell makes exactly the balancing
// identities that contain that cell fire (t3-balance, t3-row-total, t3-result-total, t4-total),
// each once, on the cell docs/format.md's identity is reported on, off by the change. The identities
// come from an oracle written here from docs/format.md's text (nothing from src/rules): it knows the
// canonical keys, which rows are result leaves, and both shapes of （六）其他处理.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/engine/index.js';
import { EDITIONS } from '../../src/form/index.js';
import type { EditionId, TableId } from '../../src/form/types.js';
import { a1 } from '../../src/model/grid.js';
import type { CellValue, Report, RowData } from '../../src/model/report.js';
import { balancedReport } from '../helpers/report.js';
import { options, timeout } from './options.js';

// ---- The oracle: docs/format.md, "Table 3", "Table 4" and "The rules" ----

const T3_PARTS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other'];
const T3_COLUMNS = [...T3_PARTS, 'total'];
/** The leaf result rows before （六）: （一）（二）, （三）1–8, （四）1–3, （五）1–5. */
const LEAVES_BEFORE_SIX = [
  'granted',
  'partiallyGranted',
  'denied.stateSecret',
  'denied.lawProhibited',
  'denied.threeSecurities',
  'denied.thirdParty',
  'denied.internalAffairs',
  'denied.processInfo',
  'denied.enforcementCase',
  'denied.queryMatter',
  'unavailable.notHeld',
  'unavailable.needsCreation',
  'unavailable.unclear',
  'notProcessed.complaint',
  'notProcessed.repeated',
  'notProcessed.publication',
  'notProcessed.excessive',
  'notProcessed.reconfirm',
];
/** （六）其他处理: three sub-rows in the 2021 edition, one row in the 2019 edition. */
const SIX: Record<EditionId, string[]> = {
  '2021': ['otherHandling.overdueCorrection', 'otherHandling.unpaidFee', 'otherHandling.other'],
  '2019': ['otherHandling'],
};
const ALL_LEAVES = new Set([...LEAVES_BEFORE_SIX, ...SIX['2021'], ...SIX['2019']]);
/** Table 3's rows in print order, with （六） in the given shape (25 rows for 2021, 23 for 2019). */
const t3Rows = (six: string[]) => ['received', 'carriedOver', ...LEAVES_BEFORE_SIX, ...six, 'resultTotal', 'carriedForward'];
const T4_GROUPS = ['review', 'suitDirect', 'suitAfterReview'];
const T4_PARTS = ['upheld', 'corrected', 'other', 'pending'];
const BALANCING = ['t3-balance', 't3-row-total', 't3-result-total', 't4-total'];

type Key = string; // `${table}|${row}|${column}`
const key = (table: TableId, row: string, column: string): Key => `${table}|${row}|${column}`;

/**
 * One instance of an identity: `actual` is the side holding the cell a diagnostic points at (the
 * total; for t3-balance the column's 结转下年度, the right-hand side), `expected` the other side.
 * `row`/`column` are what the diagnostic names (t3-balance names no row), `at` the cell it is on.
 */
interface Instance {
  rule: string;
  table: TableId;
  row: string | null;
  column: string;
  at: { row: string; column: string };
  actual: Key[];
  expected: Key[];
}

/** Every identity instance of a report whose table 3 prints `rows` (all rows of table 4 printed). */
function identities(rows: string[]): Instance[] {
  const out: Instance[] = [];
  for (const column of T3_COLUMNS) {
    out.push({
      rule: 't3-balance',
      table: 't3',
      row: null,
      column,
      at: { row: 'carriedForward', column },
      actual: [key('t3', 'resultTotal', column), key('t3', 'carriedForward', column)],
      expected: [key('t3', 'received', column), key('t3', 'carriedOver', column)],
    });
  }
  for (const row of rows) {
    out.push({
      rule: 't3-row-total',
      table: 't3',
      row,
      column: 'total',
      at: { row, column: 'total' },
      actual: [key('t3', row, 'total')],
      expected: T3_PARTS.map((c) => key('t3', row, c)),
    });
  }
  // Every leaf row the report printed, whichever shape its （六） has (row-missing reports the shape).
  const leaves = rows.filter((r) => ALL_LEAVES.has(r));
  for (const column of T3_COLUMNS) {
    out.push({
      rule: 't3-result-total',
      table: 't3',
      row: 'resultTotal',
      column,
      at: { row: 'resultTotal', column },
      actual: [key('t3', 'resultTotal', column)],
      expected: leaves.map((r) => key('t3', r, column)),
    });
  }
  for (const group of T4_GROUPS) {
    out.push({
      rule: 't4-total',
      table: 't4',
      row: group,
      column: 'total',
      at: { row: group, column: 'total' },
      actual: [key('t4', group, 'total')],
      expected: T4_PARTS.map((c) => key('t4', group, c)),
    });
  }
  return out;
}

/** The instances containing a cell, with the sign a rise of that cell gives their difference (actual − expected). */
function oracle(rows: string[], table: TableId, row: string, column: string): Array<Instance & { sign: 1 | -1 }> {
  const cell = key(table, row, column);
  return identities(rows).flatMap<Instance & { sign: 1 | -1 }>((i) => (i.actual.includes(cell) ? [{ ...i, sign: 1 }] : i.expected.includes(cell) ? [{ ...i, sign: -1 }] : []));
}

// ---- Reports ----

const SHEET = 'test';

function cellValue(n: number, loc: CellValue['loc']): CellValue {
  return { text: String(n), value: n, status: 'ok', notes: [], decimals: 0, loc };
}

function set(report: Report, table: TableId, row: string, column: string, n: number): void {
  const v = report.tables[table]!.rows[row]!.cells[column]!;
  v.value = n;
  v.text = String(n);
}

/** Random figures that keep every identity: leaves, 结转下年度 and 上年结转 drawn, totals and 本年新收 derived. */
interface Figures {
  leaves: number[][];
  carriedForward: number[];
  /** Taken modulo what the column allows, so that 本年新收 stays non-negative. */
  carriedOver: number[];
  t4: number[][];
  t2: number[];
}

const parts = (n: number) => fc.array(fc.integer({ min: 0, max: 60 }), { minLength: n, maxLength: n });

function figuresFor(edition: EditionId): fc.Arbitrary<Figures> {
  return fc.record({
    leaves: fc.array(parts(6), { minLength: LEAVES_BEFORE_SIX.length + SIX[edition].length, maxLength: LEAVES_BEFORE_SIX.length + SIX[edition].length }),
    carriedForward: parts(6),
    carriedOver: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
    t4: fc.array(parts(4), { minLength: 3, maxLength: 3 }),
    t2: fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 22, maxLength: 22 }),
  });
}

/** Overwrite the helper's balanced figures with random ones that balance too. */
function applyFigures(report: Report, edition: EditionId, f: Figures): void {
  const leaves = [...LEAVES_BEFORE_SIX, ...SIX[edition]];
  leaves.forEach((row, i) => T3_PARTS.forEach((c, j) => set(report, 't3', row, c, f.leaves[i]![j]!)));
  T3_PARTS.forEach((c, j) => {
    const resultTotal = leaves.reduce((n, _, i) => n + f.leaves[i]![j]!, 0);
    const carriedForward = f.carriedForward[j]!;
    const carriedOver = f.carriedOver[j]! % (resultTotal + carriedForward + 1);
    set(report, 't3', 'resultTotal', c, resultTotal);
    set(report, 't3', 'carriedForward', c, carriedForward);
    set(report, 't3', 'carriedOver', c, carriedOver);
    set(report, 't3', 'received', c, resultTotal + carriedForward - carriedOver);
  });
  for (const row of t3Rows(SIX[edition])) set(report, 't3', row, 'total', T3_PARTS.reduce((n, c) => n + report.tables.t3!.rows[row]!.cells[c]!.value!, 0));
  T4_GROUPS.forEach((g, gi) => {
    T4_PARTS.forEach((c, j) => set(report, 't4', g, c, f.t4[gi]![j]!));
    set(report, 't4', g, 'total', f.t4[gi]!.reduce((a, b) => a + b, 0));
  });
  let i = 0;
  for (const row of Object.values(report.tables.t2!.rows)) for (const c of Object.keys(row.cells)) set(report, 't2', row.key, c, f.t2[i++ % f.t2.length]!);
}

/**
 * The report with （六） printed the other edition's way (docs/format.md, row-missing): a 2021 report
 * with one row holding the sums of the three, a 2019 report with three rows splitting its one (all
 * in the first). Every identity still holds; the new rows get cells of their own.
 */
function sixInOtherShape(report: Report, edition: EditionId): string[] {
  const t3 = report.tables.t3!;
  const from = SIX[edition];
  const to = SIX[edition === '2021' ? '2019' : '2021'];
  const first = t3.rows[from[0]!]!;
  const sums = Object.fromEntries(T3_COLUMNS.map((c) => [c, from.reduce((n, r) => n + t3.rows[r]!.cells[c]!.value!, 0)]));
  const rows: Record<string, RowData> = {};
  for (const [k, row] of Object.entries(t3.rows)) {
    if (k === from[0]) {
      to.forEach((newKey, i) => {
        const cells = Object.fromEntries(
          T3_COLUMNS.map((c) => {
            const at = first.cells[c]!.loc!;
            const loc = { sheet: SHEET, row: at.row + i * 100, col: at.col, cell: a1(at.row + i * 100, at.col) };
            return [c, cellValue(i === 0 ? sums[c]! : 0, loc)];
          }),
        );
        rows[newKey] = { key: newKey, loc: first.loc, cells };
      });
    } else if (!from.includes(k)) rows[k] = row;
  }
  t3.rows = rows;
  report.missingRows.push({ table: 't3', key: 'otherHandling' });
  return t3Rows(to);
}

interface Case {
  edition: EditionId;
  figures: Figures | null;
  otherShape: boolean;
  /** Index into the report's cells (taken modulo their number). */
  pick: number;
  delta: number;
  /** Lower the cell instead, when it is at least delta. */
  lower: boolean;
}

const CASE: fc.Arbitrary<Case> = fc.constantFrom<EditionId>('2021', '2019').chain((edition) =>
  fc.record({
    edition: fc.constant(edition),
    figures: fc.option(figuresFor(edition), { nil: null, freq: 3 }),
    otherShape: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    pick: fc.nat(),
    delta: fc.integer({ min: 1, max: 1000 }),
    lower: fc.boolean(),
  }),
);

function build(c: Case): { report: Report; rows: string[] } {
  const report = balancedReport(c.edition);
  if (c.figures) applyFigures(report, c.edition, c.figures);
  const rows = c.otherShape ? sixInOtherShape(report, c.edition) : t3Rows(SIX[c.edition]);
  return { report, rows };
}

const balancing = (report: Report) => checkReport(report).diagnostics.filter((d) => BALANCING.includes(d.rule));
const named = (d: { rule: string; table: TableId | null; row: string | null; column: string | null }) => `${d.rule} ${d.table} ${d.row} ${d.column}`;

describe('balancing identities: the oracle is docs/format.md', () => {
  it.each(['2021', '2019'] as const)('the %s edition has the oracle’s keys, and its result rows are the oracle’s leaves', (edition) => {
    const ed = EDITIONS[edition];
    expect(ed.t3.rows.map((r) => r.key)).toEqual(t3Rows(SIX[edition]));
    expect(ed.t3.rows.filter((r) => r.result).map((r) => r.key)).toEqual([...LEAVES_BEFORE_SIX, ...SIX[edition]]);
    expect(ed.t3.columns.map((c) => c.key)).toEqual(T3_COLUMNS);
    expect(ed.t4.groups.map((g) => g.key)).toEqual(T4_GROUPS);
    expect(ed.t4.columns.map((c) => c.key)).toEqual([...T4_PARTS, 'total']);
    expect(identities(t3Rows(SIX[edition]))).toHaveLength(7 + (edition === '2021' ? 25 : 23) + 7 + 3);
  });

  it('every start report balances, in either shape of （六）', () => {
    fc.assert(
      fc.property(CASE, (c) => {
        const { report } = build(c);
        expect(balancing(report).map(named)).toEqual([]);
      }),
      options(50),
    );
  }, timeout(50, 10));
});

describe('balancing identities: one changed cell', () => {
  it('fires exactly the identities containing the cell, each once, on its cell, off by the change', () => {
    fc.assert(
      fc.property(CASE, (c) => {
        const { report, rows } = build(c);
        const cells = (['t3', 't4', 't2'] as TableId[]).flatMap((table) =>
          Object.values(report.tables[table]!.rows).flatMap((row) => Object.keys(row.cells).map((column) => ({ table, row: row.key, column }))),
        );
        const { table, row, column } = cells[c.pick % cells.length]!;
        const v = report.tables[table]!.rows[row]!.cells[column]!;
        const delta = c.lower && v.value! >= c.delta ? -c.delta : c.delta;
        set(report, table, row, column, v.value! + delta);

        const expected = oracle(rows, table, row, column);
        const found = balancing(report);
        expect(found.map(named).sort(), `${table}.${row}.${column} ${delta > 0 ? '+' : ''}${delta}`).toEqual(expected.map(named).sort());
        for (const instance of expected) {
          const d = found.find((f) => named(f) === named(instance))!;
          const at = report.tables[instance.table]!.rows[instance.at.row]!.cells[instance.at.column]!.loc!;
          expect(d.cell, named(d)).toBe(at.cell);
          expect(d.difference, named(d)).toBe(instance.sign * delta);
          expect(d.actual! - d.expected!, named(d)).toBe(d.difference);
          expect(d.cells, named(d)).toContain(v.loc!.cell);
        }
      }),
      options(200),
    );
  }, timeout(200, 10));
});
