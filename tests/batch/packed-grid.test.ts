// A Grid packed for the trip between a reading worker and a checking one (src/batch/packed-grid.ts):
// unpacked after a structured clone (what postMessage does), it is the Grid that was read, down to
// the order of rows and the fields each cell has.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packGrid, transferables, unpackGrid } from '../../src/batch/packed-grid.js';
import { makeCell, type Cell, type Grid } from '../../src/model/grid.js';
import { readGrid } from '../../src/readers/index.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

/** Everything about a grid that deep equality could miss: key order of the grid, sheets, rows and cells. */
function layout(grid: Grid) {
  return {
    keys: Object.keys(grid),
    sheets: grid.sheets.map((s) => ({ keys: Object.keys(s), rows: [...s.rows.keys()], cells: [...s.rows.values()].flat().map((c) => Object.keys(c).join()) })),
  };
}

function roundTrip(grid: Grid): Grid {
  const packed = packGrid(grid);
  return unpackGrid(structuredClone(packed, { transfer: transferables(packed) }));
}

async function readable(folder: string): Promise<Grid[]> {
  const grids: Grid[] = [];
  for (const name of readdirSync(folder).sort()) {
    if (name.endsWith('.md') || name.endsWith('.json') || ['bad', 'documents', 'pages'].includes(name)) continue;
    try {
      grids.push(await readGrid(join(folder, name)));
    } catch {
      // Files no reader takes have no grid to pack.
    }
  }
  return grids;
}

describe('packed grids', () => {
  it('every fixture that reads (good and bad) comes back as it was read', async () => {
    const grids = [...(await readable(FIXTURES)), ...(await readable(join(FIXTURES, 'bad'))), ...(await readable(join(FIXTURES, 'documents')))];
    expect(grids.length).toBeGreaterThan(20);
    // Documents carry their paragraphs across too.
    expect(grids.some((g) => g.kind === 'docx' && (g.paragraphs?.length ?? 0) > 5)).toBe(true);
    expect(grids.some((g) => g.kind === 'csv' && g.encoding && g.delimiter)).toBe(true);
    expect(grids.some((g) => g.sheets.some((s) => s.merges.length > 0))).toBe(true);
    for (const grid of grids) {
      const back = roundTrip(grid);
      expect(back, grid.file).toEqual(grid);
      expect(layout(back), grid.file).toEqual(layout(grid));
    }
  });

  it('keeps what a reader can leave unusual: empty rows, rows out of order, odd numbers and text, hidden flags', () => {
    const grid: Grid = {
      file: '/a/b.txt',
      kind: 'text',
      encoding: 'utf-16le',
      delimiter: '\t',
      sheets: [
        {
          name: '表一',
          rows: new Map([
            [7, [makeCell(7, 1, 'number', '-0', -0), makeCell(7, 3, 'number', 'NaN', NaN, 12), makeCell(7, 4, 'date', '2021-01-01', 44197)]],
            [2, []],
            [3, [makeCell(3, 16384, 'text', '𠮷野家\u0000\r\n"引号"\ud800'), makeCell(3, 16385, 'text', ''), makeCell(3, 2, 'empty', '', undefined, 0)]],
            [1_048_576, [makeCell(1_048_576, 1, 'number', '1e308', 1e308), makeCell(1_048_576, 2, 'boolean', 'TRUE'), makeCell(1_048_576, 3, 'error', '#REF!'), makeCell(1_048_576, 4, 'formula', '=A1')]],
          ]),
          merges: [{ top: 1, left: 1, bottom: 2, right: 16384 }],
          hidden: false,
        },
        { name: '', rows: new Map(), merges: [], hidden: true },
        { name: 'Sheet3', rows: new Map([[1, [makeCell(1, 1, 'number', '1.5', 1.5)]]]), merges: [] },
      ],
    };
    const back = roundTrip(grid);
    expect(back).toEqual(grid);
    expect(layout(back)).toEqual(layout(grid));
    expect(Object.is(back.sheets[0]!.rows.get(7)![0]!.number, -0)).toBe(true);
    expect(back.sheets[0]!.rows.get(3)![2]!.line).toBe(0);
  });

  it('packs a long text once however many cells show it (one shared string in thousands of cells)', () => {
    const long = '很长的说明文字'.repeat(15_000);
    const grid = (count: number): Grid => {
      const rows = new Map<number, Cell[]>();
      for (let i = 0; i < count; i++) {
        const row = 1 + Math.floor(i / 100);
        if (!rows.has(row)) rows.set(row, []);
        rows.get(row)!.push(makeCell(row, 1 + (i % 100), 'text', long));
      }
      return { file: 's.xlsx', kind: 'xlsx', sheets: [{ name: 'S', rows, merges: [] }] };
    };
    expect(packGrid(grid(6000)).texts.byteLength).toBe(2 * long.length);
    const few = grid(150);
    expect(roundTrip(few)).toEqual(few);
  });

  it('moves its arrays: after the trip the packed grid left behind holds nothing', () => {
    const packed = packGrid({ file: 'x.csv', kind: 'csv', sheets: [{ name: 'x', rows: new Map([[1, [makeCell(1, 1, 'text', 'a')]]]), merges: [] }] });
    structuredClone(packed, { transfer: transferables(packed) });
    expect(packed.ints.length).toBe(0);
    expect(packed.numbers.length).toBe(0);
    expect(packed.texts.length).toBe(0);
  });
});
