// Safe output: never over an input, parent folders created, clear errors, nothing half-written.

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputError, writeOutput } from '../../src/writers/output.js';

const dir = () => mkdtempSync(join(tmpdir(), 'report-out-'));

describe('writeOutput', () => {
  it('a failure while making the text in pieces is not called a write failure, and leaves nothing behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-out-'));
    function* pieces() {
      yield 'first';
      throw new TypeError('boom while formatting');
    }
    await expect(writeOutput(join(dir, 'out.json'), pieces())).rejects.toThrow(TypeError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('creates missing parent folders and leaves no temporary file', async () => {
    const base = dir();
    const target = join(base, 'a', 'b', 'out.json');
    await writeOutput(target, '{}');
    expect(readFileSync(target, 'utf8')).toBe('{}');
    expect(readdirSync(join(base, 'a', 'b'))).toEqual(['out.json']);
  });

  it('refuses to write over an input file, which stays as it was', async () => {
    const base = dir();
    const input = join(base, 'in.csv');
    writeFileSync(input, 'original');
    await expect(writeOutput(join(base, '.', 'in.csv'), 'new', [input])).rejects.toMatchObject({ reason: 'input' });
    expect(readFileSync(input, 'utf8')).toBe('original');
  });

  it('says so when the target is a folder', async () => {
    const base = dir();
    mkdirSync(join(base, 'x.xlsx'));
    await expect(writeOutput(join(base, 'x.xlsx'), 'data')).rejects.toBeInstanceOf(OutputError);
  });

  it('says so when a parent is a file, and leaves nothing behind', async () => {
    const base = dir();
    writeFileSync(join(base, 'file'), 'x');
    await expect(writeOutput(join(base, 'file', 'out.json'), 'x')).rejects.toMatchObject({ reason: 'unwritable' });
    expect(existsSync(join(base, 'file', 'out.json'))).toBe(false);
  });
});
