// Property: a random valid report written by every writer and read back by the real readers
// (loadReport, then normalize) gives back the same agency, year, edition and the same value in
// every cell, blanks (null) included, and every format gives the same findings. Writers: the normalized JSON of `report convert --to json`,
// the official-layout CSV (layoutCsv) and the official-layout workbook (writeOfficialXlsx). The
// tidy CSV of `report convert --to csv` has no reader in the project (loadReport would take it for a
// grid without tables), so it is only parsed back with csv-parse, the project's own CSV dependency.

import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EDITIONS, t2Rows } from '../../src/form/index.js';
import type { EditionId, TableId, ValueKind } from '../../src/form/types.js';
import { checkReport } from '../../src/engine/index.js';
import { loadReport } from '../../src/index.js';
import type { Report } from '../../src/model/report.js';
import { toCsv } from '../../src/writers/csv.js';
import { layoutCsv } from '../../src/writers/layout.js';
import { blankReport, normalize, type NormalizedReport } from '../../src/writers/normalize.js';
import { writeOfficialXlsx } from '../../src/writers/xlsx.js';
import { options, timeout } from './options.js';

const TABLES: TableId[] = ['t2', 't3', 't4'];

interface Slot {
  table: TableId;
  row: string;
  column: string;
  kind: ValueKind;
}

/** Every cell of an edition's three tables, with how its value is read (count, signed, amount). */
function slotsOf(edition: EditionId): Slot[] {
  const ed = EDITIONS[edition];
  const blank = blankReport(edition);
  const kinds = new Map(t2Rows(ed).flatMap(({ row, columns }) => columns.map((c) => [`${row.key}.${c.key}`, c.kind] as const)));
  return TABLES.flatMap((table) =>
    Object.entries(blank.tables[table]).flatMap(([row, cells]) =>
      Object.keys(cells).map((column) => ({ table, row, column, kind: table === 't2' ? kinds.get(`${row}.${column}`)! : 'count' })),
    ),
  );
}

const SLOTS: Record<EditionId, Slot[]> = { '2019': slotsOf('2019'), '2021': slotsOf('2021') };

/** A value of its column's kind: counts 0..100000; the 2019 change column also negative; amounts with up to 4 decimals. */
function valueOf(kind: ValueKind): fc.Arbitrary<number> {
  if (kind === 'signed') return fc.integer({ min: -100_000, max: 100_000 });
  if (kind === 'amount') return fc.tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 4 })).map(([n, d]) => n / 10 ** d);
  return fc.integer({ min: 0, max: 100_000 });
}

/** A cell: a value of its kind, or blank at the given rate. */
function cellOf(kind: ValueKind, blankRate: number): fc.Arbitrary<number | null> {
  if (blankRate === 0) return valueOf(kind);
  return fc.oneof({ weight: Math.round((1 - blankRate) * 20), arbitrary: valueOf(kind) }, { weight: Math.round(blankRate * 20), arbitrary: fc.constant(null) });
}

const NAME_PART = fc.string({ unit: fc.constantFrom(...'东西南北山河新安城乡交通卫生教育水利农业民政'), maxLength: 3 });
const AGENCY = fc.tuple(NAME_PART, fc.constantFrom('县', '市', '区'), NAME_PART).map(([a, level, b]) => `示例${a}${level}${b}局`);

const SIX_SPLIT = ['otherHandling.overdueCorrection', 'otherHandling.unpaidFee', 'otherHandling.other'];
const SIX_ONE = 'otherHandling';

const blank = (r: NormalizedReport, table: TableId) => Object.values(r.tables[table]).every((cells) => Object.values(cells).every((v) => v === null));

/**
 * The report with table 3's （六）其他处理 printed the other edition's way (docs/format.md, row-missing):
 * a 2021 report with one row, a 2019 report with the three sub-rows. The new rows take the figures
 * of the first old row; the writers keep the printed shape (t3RowKeys), and so must the readers.
 */
function sixInOtherShape(report: NormalizedReport): NormalizedReport {
  const t3 = report.tables.t3;
  const from = report.edition === '2021' ? SIX_SPLIT : [SIX_ONE];
  const to = report.edition === '2021' ? [SIX_ONE] : SIX_SPLIT;
  const figures = { ...t3[from[0]!]! };
  report.tables.t3 = Object.fromEntries(
    Object.entries(t3).flatMap(([key, cells]) => (key === from[0] ? to.map((k) => [k, { ...figures }]) : from.includes(key) ? [] : [[key, cells]])),
  );
  return report;
}

/**
 * A report of either edition: agency and a year of the edition, every cell a number of its kind
 * or, at a rate drawn per report (none, a few, many), blank; now and then whole tables blank, and
 * now and then （六） printed in the other edition's shape.
 */
const REPORT: fc.Arbitrary<NormalizedReport> = fc
  .record({
    edition: fc.constantFrom<EditionId>('2019', '2021'),
    blankRate: fc.constantFrom(0, 0.05, 0.5),
    blankTables: fc.oneof({ weight: 8, arbitrary: fc.constant<TableId[]>([]) }, { weight: 1, arbitrary: fc.subarray(TABLES, { minLength: 1 }) }),
    otherShape: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  })
  .chain(({ edition, blankRate, blankTables, otherShape }) =>
    fc.record({
      edition: fc.constant(edition),
      otherShape: fc.constant(otherShape),
      agency: AGENCY,
      year: edition === '2019' ? fc.integer({ min: 2019, max: 2020 }) : fc.integer({ min: 2021, max: 2025 }),
      values: fc.tuple(...SLOTS[edition].map((slot) => (blankTables.includes(slot.table) ? fc.constant(null) : cellOf(slot.kind, blankRate)))),
    }),
  )
  .map(({ edition, otherShape, agency, year, values }) => {
    const report = blankReport(edition);
    report.agency = agency;
    report.year = year;
    SLOTS[edition].forEach((slot, i) => (report.tables[slot.table][slot.row]![slot.column] = values[i]!));
    // Table 2's headers are what mark the edition when （六） is printed the other way; without them
    // the tables themselves say the other edition, and the extractor is right to believe them. A
    // table 3 without a value is no table (JSON reader, xlsx writer), so it has no shape to keep.
    return otherShape && !blank(report, 't2') && !blank(report, 't3') ? sixInOtherShape(report) : report;
  });

const encode = (text: string) => new TextEncoder().encode(text);

interface Writer {
  name: string;
  /** The file name loadReport is given: its extension picks the reader. */
  file: string;
  write: (r: NormalizedReport) => Promise<Uint8Array>;
  /** Leaves out a table without a single value (layoutFor), so that it reads back as table-missing. */
  dropsEmptyTables: boolean;
}

/** The writers whose output the project reads back. */
const WRITERS: Writer[] = [
  { name: 'normalized JSON', file: 'roundtrip.json', write: async (r) => encode(`${JSON.stringify(r, null, 2)}\n`), dropsEmptyTables: false },
  { name: 'official-layout CSV', file: 'roundtrip.csv', write: async (r) => encode(layoutCsv(r)), dropsEmptyTables: false },
  { name: 'official-layout XLSX', file: 'roundtrip.xlsx', write: (r) => writeOfficialXlsx(r), dropsEmptyTables: true },
];

const allBlank = (r: NormalizedReport) => TABLES.every((t) => blank(r, t));

/**
 * What a round trip must keep. One exception, by design: a workbook of a report without a single
 * value has no table left (dropsEmptyTables), and a file without tables is of no edition
 * (extract), so it reads back as edition null, every cell still blank.
 */
function kept(r: NormalizedReport, writer?: Writer) {
  if (writer?.dropsEmptyTables && allBlank(r)) return { agency: r.agency, year: r.year, edition: null, tables: blankReport('2021').tables };
  return { agency: r.agency, year: r.year, edition: r.edition, tables: r.tables };
}

/** A report's findings, by rule, case and place (the cells differ between formats; JSON has none). */
const findings = (report: Report) =>
  checkReport(report)
    .diagnostics.map((d) => `${d.rule} ${d.messageId} ${d.table} ${d.row} ${d.column}`)
    .sort();

describe('round trip: every writer, every reader', () => {
  it('normalize(loadReport(write(r))) keeps agency, year, edition, every cell and the findings, for JSON, layout CSV and XLSX', async () => {
    await fc.assert(
      fc.asyncProperty(REPORT, async (report) => {
        const found = new Map<string, string[]>();
        for (const writer of WRITERS) {
          const back = await loadReport(writer.file, {}, await writer.write(report));
          expect(back.failure, writer.name).toBeUndefined();
          expect(kept(normalize(back)), writer.name).toEqual(kept(report, writer));
          found.set(writer.name, findings(back));
        }
        // The same findings whatever the format, unless a table has no value: the layout CSV keeps
        // it as a skeleton to fill in (cell-blank for each cell) where the others leave it out
        // (table-missing).
        if (TABLES.some((t) => blank(report, t))) return;
        for (const writer of WRITERS.slice(1)) expect(found.get(writer.name), `findings from ${writer.name}`).toEqual(found.get(WRITERS[0]!.name));
      }),
      options(25),
    );
  }, timeout(25, 150));

  it('the tidy CSV, parsed with csv-parse, gives back every cell with its agency, year and edition', async () => {
    await fc.assert(
      fc.asyncProperty(REPORT, async (report) => {
        const rows = parse(toCsv([report]).replace(/^\ufeff/, ''), { columns: true }) as Array<Record<string, string>>;
        const back: NormalizedReport['tables'] = { t2: {}, t3: {}, t4: {} };
        for (const t of TABLES) for (const [row, cells] of Object.entries(report.tables[t])) back[t][row] = Object.fromEntries(Object.keys(cells).map((c) => [c, null]));
        for (const row of rows) {
          expect([row.agency, Number(row.year), row.edition]).toEqual([report.agency, report.year, report.edition]);
          const cells = back[row.table as TableId]?.[row.row!];
          expect(cells && row.column! in cells, `${row.table}.${row.row}.${row.column} is a cell of the report`).toBe(true);
          cells![row.column!] = row.value === '' ? null : Number(row.value);
        }
        expect(rows).toHaveLength(TABLES.reduce((n, t) => n + Object.values(report.tables[t]).reduce((m, cells) => m + Object.keys(cells).length, 0), 0));
        expect(back).toEqual(report.tables);
      }),
      options(25),
    );
  }, timeout(25, 150));
});
