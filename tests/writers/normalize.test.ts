// The normalized report: canonical keys, nulls for blanks, and the JSON Schema that describes it.

import { Ajv2020 } from 'ajv/dist/2020.js';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EDITIONS } from '../../src/form/index.js';
import { loadReport } from '../../src/index.js';
import { blankReport, normalize } from '../../src/writers/normalize.js';
import { reportSchema } from '../../src/writers/schema.js';

const FIXTURES = readdirSync('fixtures').filter((f) => /\.(xlsx|csv|tsv|txt)$/.test(f)).sort();
const validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true }).compile(reportSchema());

describe('normalize', () => {
  it.each(FIXTURES)('%s validates against the schema', async (file) => {
    const report = normalize(await loadReport(`fixtures/${file}`), 'a'.repeat(64));
    expect(validate(report), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('keeps every row and column of the edition, with null for blanks and unreadable cells', async () => {
    const report = normalize(await loadReport('fixtures/cell-errors-2023.csv'));
    const ed = EDITIONS['2021'];
    expect(Object.keys(report.tables.t3)).toEqual(ed.t3.rows.map((r) => r.key));
    expect(report.tables.t3['denied.stateSecret']!.research).toBeNull();
    expect(report.tables.t3.carriedOver!.nonprofit).toBeNull();
    expect(report.tables.t3['unavailable.unclear']!.legal).toBeNull();
    expect(report.tables.t3.granted!.natural).toBe(12);
    expect(report.tables.t2.fees!.amount).toBe(1.234567);
    expect(report.tables.t4.review).toEqual(expect.objectContaining({ upheld: expect.any(Number), total: expect.any(Number) }));
  });

  it('a 2021 report that printed （六） as one row keeps that row', async () => {
    const report = normalize(await loadReport('fixtures/six-as-one-2022.xlsx'));
    expect(report.tables.t3.otherHandling).toBeDefined();
    expect(report.tables.t3['otherHandling.other']).toBeUndefined();
    expect(validate(report)).toBe(true);
  });

  it('the schema rejects unknown keys, a missing row and text values', () => {
    const good = blankReport('2021');
    expect(validate(good)).toBe(true);
    const extra = structuredClone(good);
    (extra.tables.t3 as Record<string, unknown>).subtotal = {};
    expect(validate(extra)).toBe(false);
    const missing = structuredClone(good);
    delete missing.tables.t3.granted;
    expect(validate(missing)).toBe(false);
    const text = structuredClone(good) as unknown as { tables: { t4: { review: { total: unknown } } } };
    text.tables.t4.review.total = '3';
    expect(validate(text)).toBe(false);
    expect(validate(blankReport('2019'))).toBe(true);
  });
});
