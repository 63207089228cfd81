// What reader tests look at in a Grid, as short strings, and the ReadError a read ends with.

import { expect } from 'vitest';
import { a1, type Grid, type Sheet } from '../../src/model/grid.js';
import { ReadError } from '../../src/readers/errors.js';

/** A sheet's cells as 'A1=text', in order. */
export const cells = (sheet: Sheet | undefined) => [...(sheet?.rows.values() ?? [])].flat().map((c) => `${a1(c.row, c.col)}=${c.text}`);

/** A sheet's merges as 'A1:B2'. */
export const merges = (sheet: Sheet | undefined) => (sheet?.merges ?? []).map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`);

/** A document's paragraphs' texts. */
export const texts = (grid: Grid) => grid.paragraphs!.map((p) => p.text);

/** The ReadError a read is refused with (the test fails when it is not refused, or with something else). */
export async function failure(promise: Promise<unknown>): Promise<ReadError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ReadError);
  return err as ReadError;
}
