// What a batch keeps of each file until the end (src/batch/kept.ts): the result and the facts come
// back as the worker made them, whatever order the files finish in and however large a result is.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keep, KeptBatch } from '../../src/batch/kept.js';
import { packFacts, unpackFacts } from '../../src/batch/packed-facts.js';
import { checkOne, type TaskOutput } from '../../src/batch/task.js';
import { loadReport } from '../../src/engine/file.js';
import { checkReport } from '../../src/engine/index.js';
import { yearFacts } from '../../src/model/facts.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const NAMES = ['official-2022.xlsx', 'per-sheet-2023.xlsx', 'seeded-errors-2022.xlsx', 'edition2019-2019.csv', 'dunfangdian-2021.txt', 'bad/truncated.xlsx'];

/** A structured clone, as postMessage makes one, moving the kept bytes. */
const sent = (output: TaskOutput) => {
  const kept = keep(output);
  return structuredClone(kept, { transfer: [kept.bytes.buffer as ArrayBuffer] });
};

describe('kept outputs', () => {
  it('give back each file’s result and facts, filed in any order', async () => {
    const outputs = await Promise.all(NAMES.map((name) => checkOne(join(FIXTURES, name), {})));
    const batch = new KeptBatch(NAMES.map((name) => join(FIXTURES, name)));
    for (const i of [3, 0, 5, 1, 4, 2]) batch.set(i, sent(outputs[i]!));
    outputs.forEach((output, i) => {
      expect(batch.result(i)).toEqual(output.result);
      const { cells: _, sheets: __, ...heading } = output.facts;
      expect(batch.headings[i]).toEqual(heading);
      expect(batch.facts(i)).toEqual(unpackFacts(output.facts));
      expect(batch.report(i)).toBeUndefined();
    });
    expect(batch.result(2).diagnostics.length).toBeGreaterThan(0);
  });

  it('keeps a result larger than a block, and the ones before and after it', async () => {
    const report = await loadReport(join(FIXTURES, 'official-2022.xlsx'));
    const small: TaskOutput = { result: checkReport(report), facts: packFacts(yearFacts(report)) };
    const huge: TaskOutput = { result: { ...small.result, source: { kind: 'xlsx', encoding: '局'.repeat(1_500_000) } }, facts: small.facts };
    const batch = new KeptBatch(['a', 'b', 'c']);
    batch.set(0, sent(small));
    batch.set(1, sent(huge));
    batch.set(2, sent(small));
    expect(batch.result(1).source.encoding).toHaveLength(1_500_000);
    expect(batch.result(0)).toEqual({ ...small.result, file: 'a' });
    expect(batch.result(2)).toEqual({ ...small.result, file: 'c' });
    expect(batch.headings.map((h) => h.file)).toEqual(['a', 'b', 'c']);
  });

  it('keeps each file’s report when asked to, as it was read', async () => {
    const outputs = await Promise.all(NAMES.map((name) => checkOne(join(FIXTURES, name), { keepReports: true })));
    const batch = new KeptBatch(NAMES.map((name) => join(FIXTURES, name)));
    outputs.forEach((output, i) => batch.set(i, sent(output)));
    for (const [i, name] of NAMES.entries()) expect(batch.report(i)).toEqual(await loadReport(join(FIXTURES, name)));
  });
});
