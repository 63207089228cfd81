// The command line as users and CI run it: exit codes, streams, options, colour, no stack traces.

import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
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
    expect(r.stdout.trim().split('\n').at(-1)).toBe('共检查 1 个文件，全部无问题');
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

describe('help', () => {
  const COMMANDS = [[], ['check'], ['convert'], ['template'], ['schema']];

  it.each([80, 50])('fits a %i-column terminal, counting a CJK character as two columns', async (columns) => {
    for (const command of COMMANDS) {
      const h = await cli([...command, '--help'], {}, { columns });
      const widest = Math.max(...h.stdout.split('\n').map((l) => stringWidth(l)));
      expect(widest, `report ${command.join(' ')} --help`).toBeLessThanOrEqual(columns);
    }
    // Without a terminal, 80 columns.
    const piped = await cli(['check', '--help']);
    expect(Math.max(...piped.stdout.split('\n').map((l) => stringWidth(l)))).toBeLessThanOrEqual(80);
  });

  it('speaks the user’s language: commander’s own words too', async () => {
    const zh = (await cli(['check', '--help'])).stdout;
    expect(zh).toMatch(/^用法： report check/);
    expect(zh).toContain('选项：');
    expect(zh).toContain('显示帮助');
    // Commander wraps Chinese at any character (默 at the end of a line, 认 on the next).
    expect(zh).toMatch(/默\s*认：\s*"text"/);
    expect(zh).not.toMatch(/display help|Usage:|Options:|choices:|default: "/);
    const top = (await cli(['--help'])).stdout;
    expect(top).toContain('显示版本号');
    expect(top).toContain('显示命令的帮助');
    expect(top).not.toMatch(/output the version number|display help for command/);
    const en = (await cli(['check', '--help', '--lang', 'en'])).stdout;
    expect(en).toMatch(/^Usage: report check/);
    expect(en).toContain('Options:');
  });

  it('shows the language a run gets without --lang as --lang’s default, whatever --lang says now', async () => {
    expect((await cli(['check', '--help', '--lang', 'en'])).stdout).toMatch(/choices: "zh", "en", default: "zh"/);
    expect((await cli(['check', '--help'], { REPORT_LANG: 'en' })).stdout).toMatch(/choices: "zh", "en", default: "en"/);
  });

  it('bare `report` prints the help and exits 2, with no internal code', async () => {
    const r = await cli([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('用法： report');
    expect(r.stderr).toContain('check');
    expect(r.stderr + r.stdout).not.toContain('outputHelp');
  });
});

describe('one -o everywhere', () => {
  it('check, convert and template take -o, --output and --output-file alike', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-o-'));
    const runs = [
      (flag: string, out: string) => ['check', '--format', 'json', flag, out, SEED],
      (flag: string, out: string) => ['convert', '--to', 'json', flag, out, SEED],
      (flag: string, out: string) => ['template', '--to', 'csv', flag, out],
    ];
    for (const [i, args] of runs.entries()) {
      for (const flag of ['-o', '--output', '--output-file']) {
        const out = join(dir, `${i}${flag}.out`);
        const r = await cli(args(flag, out));
        expect(r.code, `${args(flag, out).join(' ')}: ${r.stderr}`).toBe(0);
        expect(existsSync(out)).toBe(true);
      }
    }
  });

  it('convert says what it wrote, for every target format', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-written-'));
    for (const to of ['json', 'csv', 'xlsx']) {
      const out = join(dir, `r.${to}`);
      const r = await cli(['convert', '--to', to, '-o', out, SEED]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe(`已写入 ${out}\n`);
    }
    const en = await cli(['convert', '--lang', 'en', '--to', 'csv', '-o', join(dir, 'e.csv'), SEED]);
    expect(en.stderr).toBe(`wrote ${join(dir, 'e.csv')}\n`);
    // Without -o the data goes to stdout, and nothing else is said.
    const piped = await cli(['convert', '--to', 'json', SEED]);
    expect(piped.stderr).toBe('');
  });
});

describe('report check -', () => {
  const stdin = (bytes: Uint8Array) => () => (async function* () {
    yield bytes.subarray(0, 100);
    yield bytes.subarray(100);
  })();

  it('reads standard input, named by --stdin-filename', async () => {
    const bytes = readFileSync('fixtures/official-2022.xlsx');
    const r = await cli(['check', '--format', 'json', '-'], {}, { stdin: stdin(bytes) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).results[0]).toMatchObject({ file: '<stdin>', agency: '示例市生态环境局', errorCount: 0 });
    const named = await cli(['check', '--format', 'json', '--stdin-filename', '报告.csv', '-'], {}, { stdin: stdin(readFileSync(SEED)) });
    expect(JSON.parse(named.stdout).results[0]).toMatchObject({ file: '报告.csv', agency: '顿坊店乡人民政府', errorCount: 0 });
    const unnamed = await cli(['check', '--format', 'json', '-'], {}, { stdin: stdin(readFileSync(SEED)) });
    expect(JSON.parse(unnamed.stdout).results[0]).toMatchObject({ file: '<stdin>', agency: '顿坊店乡人民政府', errorCount: 0 });
    const broken = await cli(['check', '-'], {}, { stdin: stdin(readFileSync(BROKEN)) });
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('<stdin>');
    expect(broken.stdout).toContain('t3-balance');
  });

  it('refuses input over the size limit, as for a file', async () => {
    const r = await cli(['check', '--max-file-size', '1k', '--format', 'json', '-'], {}, { stdin: stdin(readFileSync('fixtures/official-2022.xlsx')) });
    expect(JSON.parse(r.stdout).results[0].diagnostics[0].messageId).toBe('too-large');
    expect(r.code).toBe(1);
  });

  it('takes - alone, and --annotate writes the workbook of what it read', async () => {
    expect((await cli(['check', '-', SEED], {}, { stdin: stdin(readFileSync(SEED)) })).code).toBe(2);
    const out = join(mkdtempSync(join(tmpdir(), 'report-stdin-')), 'a.xlsx');
    const r = await cli(['check', '--stdin-filename', 'r.xlsx', '--annotate', out, '-'], {}, { stdin: stdin(readFileSync(BROKEN)) });
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(true);
  });

  it('works in the built command, from a pipe', () => {
    const r = spawnCli(['check', '--stdin-filename', 'seed.txt', '-'], {}, readFileSync(SEED));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('seed.txt');
    expect(r.stdout).toContain('顿坊店乡人民政府');
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
