// Limits as the command line spells them, and each limit enforced by the readers.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatSize, parseDuration, parseSize } from '../../src/readers/limits.js';
import { readBytes, readGridFromBytes } from '../../src/readers/index.js';

describe('parsing limits', () => {
  it.each([
    ['1000', 1000],
    ['512k', 512 * 1024],
    ['50MB', 50 * 1024 * 1024],
    ['1.5g', 1.5 * 1024 ** 3],
    [' 2 kb ', 2048],
  ])('size %j is %i bytes', (text, bytes) => expect(parseSize(text)).toBe(bytes));

  it.each(['', 'abc', '1zz', '-1', '1e3'])('size %j is not a size', (text) => expect(parseSize(text)).toBeNull());

  it.each([
    ['30', 30_000],
    ['30s', 30_000],
    ['2m', 120_000],
    ['500ms', 500],
    ['0', 0],
  ])('duration %j is %i ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['forever', '1h', '-5s', ''])('duration %j is not a duration', (text) => expect(parseDuration(text)).toBeNull());

  it('formats sizes for people', () => {
    expect([formatSize(52_428_800), formatSize(1536), formatSize(10)]).toEqual(['50 MB', '1.5 KB', '10 B']);
  });
});

describe('limits enforced', () => {
  const workbook = 'fixtures/official-2022.xlsx';

  it('the file size, before reading (from disk) and for bytes in memory', async () => {
    expect(() => readBytes(workbook, { maxFileBytes: 1000 })).toThrow(expect.objectContaining({ reason: 'too-large' }));
    await expect(readGridFromBytes(workbook, readFileSync(workbook), { maxFileBytes: 1000 })).rejects.toMatchObject({ reason: 'too-large' });
  });

  it('the inflated size of a workbook', async () => {
    await expect(readGridFromBytes(workbook, readFileSync(workbook), { maxInflatedBytes: 1000 })).rejects.toMatchObject({ reason: 'inflated-too-large' });
  });

  it('the cells of a sheet, in workbooks and in CSV', async () => {
    await expect(readGridFromBytes(workbook, readFileSync(workbook), { maxCells: 50 })).rejects.toMatchObject({ reason: 'too-many-cells', data: { limit: 50 } });
    const csv = 'fixtures/utf8-bom-2023.csv';
    await expect(readGridFromBytes(csv, readFileSync(csv), { maxCells: 50 })).rejects.toMatchObject({ reason: 'too-many-cells', data: { sheet: 'utf8-bom-2023' } });
  });

  it('the defaults let every real fixture through', async () => {
    for (const f of ['fixtures/official-2022.xlsx', 'fixtures/per-sheet-2023.xlsx', 'fixtures/dunfangdian-2021.txt']) {
      await expect(readGridFromBytes(f, readBytes(f))).resolves.toBeTruthy();
    }
  });
});
