// Expanding command-line paths: folders, globs, skips, symlink loops, order; and shard arithmetic.

import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { displayPath, pathDisplay, shard, walk } from '../../src/batch/walk.js';

function tree() {
  const root = mkdtempSync(join(tmpdir(), 'report-walk-'));
  mkdirSync(join(root, 'b', 'deep'), { recursive: true });
  mkdirSync(join(root, 'a'));
  for (const f of ['b/2.xlsx', 'b/deep/3.csv', 'a/1.txt', 'a/~$1.xlsx', 'a/.hidden.csv', 'a/notes.docx', 'a/r.official.xlsx', 'z.json']) writeFileSync(join(root, f), 'x');
  copyFileSync('fixtures/dunfangdian-2021.txt', join(root, 'b', 'real.txt'));
  symlinkSync(root, join(root, 'b', 'deep', 'loop'));
  return root;
}

describe('walk', () => {
  it('walks folders recursively, sorted; names lock files, our own outputs and other types as skipped, passes over hidden files; follows a symlink loop once', async () => {
    const root = tree();
    writeFileSync(join(root, 'b', 'photo.PNG'), 'x');
    const { files, missing, skipped } = await walk([root]);
    expect(files.map((f) => f.slice(root.length + 1))).toEqual(['a/1.txt', 'a/notes.docx', 'b/2.xlsx', 'b/deep/3.csv', 'b/real.txt', 'z.json']);
    expect(missing).toEqual([]);
    expect(skipped.map((s) => [s.path.slice(root.length + 1), s.kind])).toEqual([
      ['a/r.official.xlsx', 'output'],
      ['a/~$1.xlsx', 'lock'],
      ['b/photo.PNG', '.png'],
    ]);
  });

  it('keeps explicit files in the order given, each once, and reports paths that match nothing', async () => {
    const root = tree();
    const { files, missing } = await walk([join(root, 'z.json'), join(root, 'a'), join(root, 'a', '1.txt'), join(root, 'nope.xlsx')]);
    expect(files.map((f) => f.slice(root.length + 1))).toEqual(['z.json', 'a/1.txt', 'a/notes.docx']);
    expect(missing).toEqual([join(root, 'nope.xlsx')]);
  });

  it('matches glob patterns', async () => {
    const root = tree();
    expect((await walk([`${root}/**/*.csv`])).files.map((f) => f.slice(root.length + 1))).toEqual(['b/deep/3.csv']);
    expect((await walk([`${root}/b/*.xlsx`])).files.map((f) => f.slice(root.length + 1))).toEqual(['b/2.xlsx']);
    expect((await walk([`${root}/*.nothing`])).missing).toHaveLength(1);
  });
});

describe('shard', () => {
  it.each([
    [10, 3],
    [7, 7],
    [3, 5],
    [2000, 16],
  ])('%i files in %i shards: every file exactly once, contiguous, sizes within one', (n, count) => {
    const items = Array.from({ length: n }, (_, i) => i);
    const parts = Array.from({ length: count }, (_, i) => shard(items, i + 1, count));
    expect(parts.flat()).toEqual(items);
    const sizes = parts.map((p) => p.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });
});

describe('pathDisplay', () => {
  it('shows paths inside the working folder relative to it, and others as given', () => {
    const shown = pathDisplay('/work/main');
    expect(shown('/work/main/sub/a.xlsx')).toBe('sub/a.xlsx');
    expect(shown('/work/main/a.xlsx')).toBe('a.xlsx');
    expect(shown('/work/main/..a.xlsx')).toBe('/work/main/..a.xlsx');
    expect(shown('/tmp/x/d.xlsx')).toBe('/tmp/x/d.xlsx');
    expect(shown('/work/mainly/e.xlsx')).toBe('/work/mainly/e.xlsx');
    // Relative paths are relative to the process's working folder.
    const here = pathDisplay(process.cwd());
    expect(here('sub/../b.csv')).toBe('b.csv');
    expect(here('./sub/c.csv')).toBe('sub/c.csv');
  });

  it('shows every path as displayPath does, whatever folders it has seen before', () => {
    const segment = fc.constantFrom('a', 'b', '.', '..', '..a', '...', '', 'main', 'work', 'r1.xlsx', '报告.csv', '_');
    const path = fc.tuple(fc.boolean(), fc.array(segment, { maxLength: 5 })).map(([absolute, parts]) => (absolute ? '/' : '') + parts.join('/'));
    fc.assert(
      fc.property(fc.constantFrom(process.cwd(), '/work/main', '/', '/work'), fc.array(path, { minLength: 1, maxLength: 20 }), (cwd, paths) => {
        const shown = pathDisplay(cwd);
        for (const p of paths) expect(shown(p)).toBe(displayPath(p, cwd));
      }),
      { numRuns: 500 },
    );
  });
});
