// The command line as users and CI run it: exit codes, streams, options, colour, no stack traces.

import { describe, expect, it } from 'vitest';
import { colorEnabled } from '../src/cli/messages.js';
import { cli, spawnCli } from './helpers/cli.js';

const SEED = 'fixtures/dunfangdian-2021.txt';
const BROKEN = 'fixtures/seeded-errors-2022.xlsx';
const WARNS = 'fixtures/edition2019-2019.csv';

describe('report check', () => {
  it('exit 0 and a clean line for the seed report', async () => {
    const r = await cli(['check', SEED]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✔ 未发现问题');
    expect(r.stdout.trim().split('\n').at(-1)).toBe('共检查 1 个文件，全部通过');
  });

  it('exit 1 when there is an error; warnings alone keep exit 0', async () => {
    expect((await cli(['check', BROKEN])).code).toBe(1);
    const warns = await cli(['check', WARNS]);
    expect(warns.code).toBe(0);
    expect(warns.stdout).toContain('cell-number-text');
  });

  it('--quiet shows errors only', async () => {
    const r = await cli(['check', '--quiet', WARNS, BROKEN]);
    expect(r.stdout).not.toContain('cell-number-text');
    expect(r.stdout).toContain('t3-balance');
    expect(r.code).toBe(1);
  });

  it('checks every file even when one cannot be read, in the order given', async () => {
    const r = await cli(['check', '--format', 'json', BROKEN, 'fixtures/README.md', SEED]);
    const out = JSON.parse(r.stdout) as { results: Array<{ file: string; diagnostics: Array<{ rule: string }> }> };
    expect(out.results.map((x) => x.file)).toEqual([BROKEN, 'fixtures/README.md', SEED]);
    expect(out.results[1]!.diagnostics.map((d) => d.rule)).toEqual(['file-unreadable']);
    expect(out.results[2]!.diagnostics).toEqual([]);
    expect(r.code).toBe(1);
  });

  it('a missing file is a usage error (exit 2) that still reports the others', async () => {
    const r = await cli(['check', 'fixtures/nope.xlsx', SEED]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('report: 找不到文件：fixtures/nope.xlsx\n');
    expect(r.stdout).toContain(SEED);
    expect((await cli(['check', '--lang', 'en', 'nope.csv'])).stderr).toBe('report: no such file: nope.csv\n');
  });

  it('bad flags are usage errors (exit 2)', async () => {
    expect((await cli(['check', '--format', 'xml', SEED])).code).toBe(2);
    expect((await cli(['check', '--edition', '2020', SEED])).code).toBe(2);
    expect((await cli(['check'])).code).toBe(2);
    expect((await cli(['frobnicate'])).code).toBe(2);
  });

  it('--edition reads the tables as the given edition', async () => {
    const r = await cli(['check', '--format', 'json', '--edition', '2019', SEED]);
    const out = JSON.parse(r.stdout) as { results: Array<{ edition: string; diagnostics: Array<{ rule: string }> }> };
    expect(out.results[0]!.edition).toBe('2019');
    expect(out.results[0]!.diagnostics.map((d) => d.rule)).toContain('row-missing');
  });

  it('--lang en gives English messages; REPORT_LANG=en makes it the default', async () => {
    expect((await cli(['check', '--lang', 'en', SEED])).stdout).toContain('no problems found');
    expect((await cli(['check', SEED], { REPORT_LANG: 'en' })).stdout).toContain('no problems found');
  });

  it('--version and --help exit 0', async () => {
    const v = await cli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const h = await cli(['check', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('--format');
  });
});

describe('colour', () => {
  it('only on a terminal, and NO_COLOR / FORCE_COLOR win', () => {
    expect(colorEnabled({ isTTY: false, env: {} })).toBe(false);
    expect(colorEnabled({ isTTY: true, env: {} })).toBe(true);
    expect(colorEnabled({ isTTY: true, env: { NO_COLOR: '1' } })).toBe(false);
    expect(colorEnabled({ isTTY: false, env: { FORCE_COLOR: '1' } })).toBe(true);
    expect(colorEnabled({ isTTY: true, env: { FORCE_COLOR: '0' } })).toBe(false);
    expect(colorEnabled({ isTTY: true, env: { TERM: 'dumb' } })).toBe(false);
  });

  it('FORCE_COLOR puts ANSI colour in the text output, and there is none by default', async () => {
    expect((await cli(['check', BROKEN], { FORCE_COLOR: '1' })).stdout).toContain('\u001b[31m');
    expect((await cli(['check', BROKEN])).stdout).not.toContain('\u001b[');
  });
});

describe('the built command', () => {
  it('runs from bin/report.js with the documented exit codes and no stack trace', () => {
    expect(spawnCli(['check', SEED]).code).toBe(0);
    const broken = spawnCli(['check', BROKEN]);
    expect(broken.code).toBe(1);
    const missing = spawnCli(['check', 'nope.xlsx']);
    expect(missing.code).toBe(2);
    for (const r of [broken, missing, spawnCli(['check', 'fixtures/README.md'])]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
