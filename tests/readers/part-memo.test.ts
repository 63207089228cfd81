// Parts a workbook shares byte for byte with one read before (src/readers/part-memo.ts): the same
// Grid as when they were read, and their inflated size still counted against the file's budget.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGridFromBytes } from '../../src/readers/index.js';
import { ZipArchive } from '../../src/readers/zip.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const WORKBOOKS = ['official-2022.xlsx', 'per-sheet-2023.xlsx', 'libreoffice-2021.xlsx', 'label-variants-2022.xlsx', 'edition2019-2020.xlsx', 'seeded-errors-2022.xlsx'];

describe('parts remembered from one workbook to the next', () => {
  it('give every workbook the Grid it had when read first, in any order, past the few remembered', async () => {
    const bytes = WORKBOOKS.map((name) => readFileSync(join(FIXTURES, name)));
    const first = await Promise.all(bytes.map((b, i) => readGridFromBytes(WORKBOOKS[i]!, b)));
    for (const i of [5, 0, 0, 3, 1, 2, 4, 5, 1, 0]) expect(await readGridFromBytes(WORKBOOKS[i]!, bytes[i]!)).toEqual(first[i]);
  });

  it('count the remembered parts against --max-inflated-size as if they were inflated again', async () => {
    const file = join(FIXTURES, 'official-2022.xlsx');
    const bytes = readFileSync(file);
    // What reading the workbook inflates: every part but the ones a Grid does not need.
    const zip = new ZipArchive(bytes, Infinity);
    const needed = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml'].filter((p) => zip.has(p));
    const total = needed.reduce((sum, p) => sum + zip.part(p)!.length, 0);
    await readGridFromBytes(file, bytes);
    await expect(readGridFromBytes(file, bytes, { maxInflatedBytes: total - 1 })).rejects.toMatchObject({ reason: 'inflated-too-large' });
    await expect(readGridFromBytes(file, bytes, { maxInflatedBytes: total })).resolves.toMatchObject({ kind: 'xlsx' });
  });
});
