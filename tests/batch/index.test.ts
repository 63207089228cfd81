// The library's entry for batches (src/batch/index.ts): paths walked, files checked on workers,
// results in order with their cross-year findings, the reports kept when asked for.

import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFiles, PreviousUnreadable } from '../../src/batch/index.js';
import { loadReport } from '../../src/engine/file.js';
import type { FileResult } from '../../src/engine/index.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

/** A folder of three reports, one of them last year's of the body of another. */
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'report-batch-lib-'));
  copyFileSync(join(FIXTURES, 'official-2022.xlsx'), join(dir, 'a.xlsx'));
  copyFileSync(join(FIXTURES, 'dunfangdian-2021.txt'), join(dir, 'b.txt'));
  copyFileSync(join(FIXTURES, 'edition2019-2019.csv'), join(dir, 'c.csv'));
  return dir;
}

describe('checkFiles', () => {
  it('walks the paths, and yields each file’s result in order, as an async iterable', async () => {
    const dir = folder();
    const batch = checkFiles([dir, join(dir, 'missing.xlsx')], { jobs: 2 });
    const found = await batch.files();
    expect(found.files.map((f) => f.slice(dir.length + 1))).toEqual(['a.xlsx', 'b.txt', 'c.csv']);
    expect(found.missing).toEqual([join(dir, 'missing.xlsx')]);
    const results: FileResult[] = [];
    for await (const result of batch) results.push(result);
    expect(results.map((r) => r.file)).toEqual(found.files);
    expect(results.map((r) => r.year)).toEqual([2022, 2021, 2019]);
  });

  it('checks only its part of the files with a shard, and reports progress', async () => {
    const dir = folder();
    const seen: Array<[number, number]> = [];
    const batch = checkFiles([dir], { shard: { index: 2, count: 3 }, onProgress: (done, total) => seen.push([done, total]) });
    const { files, all } = await batch.files();
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(['b.txt']);
    expect(all).toHaveLength(3);
    expect([...(await batch.results())].map((r) => r.file)).toEqual(files);
    expect(seen).toEqual([[1, 1]]);
  });

  it('keeps the reports it read when asked to, from a worker too', async () => {
    const file = join(FIXTURES, 'seeded-errors-2022.xlsx');
    for (const isolate of [false, true]) {
      const batch = checkFiles([file], { keepReports: true, isolate, limits: { timeoutMs: 60_000 } });
      expect(batch.report(0)).toBeUndefined();
      await batch.results();
      expect(batch.report(0)).toEqual(await loadReport(file));
    }
    const plain = checkFiles([file]);
    await plain.results();
    expect(plain.report(0)).toBeUndefined();
  });

  it('refuses last year’s report that cannot be read, before checking anything', async () => {
    const progress: number[] = [];
    const batch = checkFiles([folder()], { previous: join(FIXTURES, 'bad/truncated.xlsx'), onProgress: (done) => progress.push(done) });
    const error = await batch.results().catch((err: unknown) => err);
    expect(error).toBeInstanceOf(PreviousUnreadable);
    expect((error as PreviousUnreadable).file).toBe(join(FIXTURES, 'bad/truncated.xlsx'));
    expect((error as PreviousUnreadable).reason).toMatch(/损坏/);
    expect(progress).toEqual([]);
  });

  it('pairs every file with last year’s report (--previous)', async () => {
    const batch = checkFiles([join(FIXTURES, 'official-2022.xlsx')], { previous: join(FIXTURES, 'label-variants-2022.xlsx') });
    const [result] = [...(await batch.results())];
    expect(result!.diagnostics.map((d) => d.rule)).toContain('carry-over');
  });
});
