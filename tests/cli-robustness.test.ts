// The built command as users meet it when something is off: missing and unreadable inputs, symlink
// loops, output targets that must not or cannot be written, bad option values, the input limits, a
// reader that goes away, nothing to check. Each case pins the exit code (0 clean, 1 findings, 2 usage
// or internal error), a short stderr in Chinese by default and in English with --lang en that names
// what is wrong, and never a stack trace.
//
// Every case runs bin/report.js as a child process, as spawnCli does (same script, folder and colour
// settings), but asynchronously and with a time limit: a hang fails its case instead of the whole run,
// and independent runs go side by side to keep this file fast. Needs `npm run build` first.

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

/** Root reads any file and lists any folder whatever its mode: chmod 000 proves nothing there. */
const AS_ROOT = process.getuid?.() === 0;

const OFFICIAL = 'fixtures/official-2022.xlsx';
const SEEDED = 'fixtures/seeded-errors-2022.xlsx';
const SEEDED_DOCX = 'fixtures/documents/seeded-errors-2022.docx';
const TEXT = 'fixtures/dunfangdian-2021.txt';

interface Run {
  args: string[];
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

interface Json {
  results: Array<{ file: string; errorCount: number; diagnostics: Array<{ rule: string; messageId: string; message: string }> }>;
}

/** `report ARGS` started from the repository folder, as spawnCli starts it. */
function start(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '', FORCE_COLOR: '0' };
  // The default language is what is under test: a REPORT_LANG in the developer's shell must not decide it.
  delete env.REPORT_LANG;
  return spawn(process.execPath, ['bin/report.js', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** `report ARGS` to the end; killed after `timeoutMs` (a hang is a failure, not a stuck run). */
function report(args: string[], timeoutMs = 20_000): Promise<Run> {
  return new Promise((resolve) => {
    const child = start(args);
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ args, code, signal, timedOut, stdout, stderr });
    });
  });
}

/** What a failed expectation shows: the command and what it did. */
function shown(r: Run): string {
  const how = r.timedOut ? 'killed: still running at the time limit' : r.signal ? `killed by ${r.signal}` : `exit ${r.code}`;
  return `report ${r.args.join(' ')}\n${how}\n--- stderr ---\n${r.stderr}--- stdout (start) ---\n${r.stdout.slice(0, 1500)}`;
}

const CJK = /[\u3400-\u9fff]/;
/** Signs of an uncaught error: stack frames, Error-class prefixes, Node's internals. */
const CRASH = [/\n\s+at \S/, /^\s*at \S.*:\d+:\d+\)?$/m, /\b[A-Za-z]*Error:/, /\bError \[ERR_/, /node:internal/];

function expectFinished(r: Run): void {
  expect(r.timedOut, shown(r)).toBe(false);
  expect(r.signal, shown(r)).toBeNull();
}

function expectNoCrash(r: Run): void {
  expectFinished(r);
  for (const sign of CRASH) expect(r.stderr, shown(r)).not.toMatch(sign);
  expect(r.stdout, shown(r)).not.toMatch(/node:internal|\n\s+at \S.*:\d+:\d+\)?\n/);
}

/** Exit `code` and a short stderr (at most `maxLines`), every line in `lang`, naming each of `names`. */
function expectMessage(r: Run, expected: { code: number; lang: 'zh' | 'en'; names?: string[]; maxLines?: number }): void {
  expectNoCrash(r);
  expect(r.code, shown(r)).toBe(expected.code);
  const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
  expect(lines.length, `stderr should say what is wrong\n${shown(r)}`).toBeGreaterThan(0);
  expect(lines.length, `stderr should be ${expected.maxLines ?? 1} line(s) at most\n${shown(r)}`).toBeLessThanOrEqual(expected.maxLines ?? 1);
  for (const line of lines) {
    if (expected.lang === 'zh') expect(line, `a line not in Chinese\n${shown(r)}`).toMatch(CJK);
    else expect(line, `a line not in English\n${shown(r)}`).not.toMatch(CJK);
  }
  for (const name of expected.names ?? []) expect(r.stderr, `stderr should name ${name}\n${shown(r)}`).toContain(name);
}

function json(r: Run): Json {
  return JSON.parse(r.stdout) as Json;
}

const folders: string[] = [];
/** Folders made unreadable by a case: given their permissions back before cleaning up. */
const locked: string[] = [];

function tmp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'report-robust-'));
  folders.push(dir);
  return dir;
}

afterAll(() => {
  for (const path of locked) chmodSync(path, 0o755);
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

function copy(fixture: string, to: string): string {
  copyFileSync(join(ROOT, fixture), to);
  return to;
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Every file under `dir`, for spotting left-behind temporary files. */
function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' });
}

describe('missing paths', () => {
  it('report check nope.xlsx: exit 2, one line naming it (zh; en with --lang en)', async () => {
    const [zh, en] = await Promise.all([report(['check', 'nope.xlsx']), report(['check', '--lang', 'en', 'nope.xlsx'])]);
    expectMessage(zh, { code: 2, lang: 'zh', names: ['nope.xlsx'] });
    expect(zh.stderr).toContain('找不到');
    expectMessage(en, { code: 2, lang: 'en', names: ['nope.xlsx'] });
  });

  it('a missing path among existing ones: the existing ones are still checked and printed, exit 2', async () => {
    const [zh, en, asJson] = await Promise.all([
      report(['check', OFFICIAL, 'nope.xlsx']),
      report(['check', '--lang', 'en', OFFICIAL, 'nope.xlsx']),
      report(['check', '--format', 'json', OFFICIAL, 'nope.xlsx']),
    ]);
    expectMessage(zh, { code: 2, lang: 'zh', names: ['nope.xlsx'] });
    expect(zh.stdout).toContain(OFFICIAL);
    expect(zh.stdout).toContain('未发现问题');
    expectMessage(en, { code: 2, lang: 'en', names: ['nope.xlsx'] });
    expect(en.stdout).toContain('no problems found');
    expectMessage(asJson, { code: 2, lang: 'zh', names: ['nope.xlsx'] });
    expect(json(asJson).results.map((x) => [x.file, x.errorCount])).toEqual([[OFFICIAL, 0]]);
  });

  it('--previous naming a missing file is a missing path too: exit 2, one line naming it', async () => {
    const [zh, en] = await Promise.all([report(['check', '--previous', 'nope-2021.xlsx', OFFICIAL]), report(['check', '--lang', 'en', '--previous', 'nope-2021.xlsx', OFFICIAL])]);
    expectMessage(zh, { code: 2, lang: 'zh', names: ['nope-2021.xlsx'] });
    expectMessage(en, { code: 2, lang: 'en', names: ['nope-2021.xlsx'] });
  });
});

describe('unreadable inputs', () => {
  it.skipIf(AS_ROOT)('a file without read permission gets file-unreadable and the others are checked, exit 1 (skipped as root: root reads any file)', async () => {
    const dir = tmp();
    const secret = copy(OFFICIAL, join(dir, 'a-secret.xlsx'));
    const good = copy(TEXT, join(dir, 'b.txt'));
    chmodSync(secret, 0o000);
    const [files, folder, en] = await Promise.all([
      report(['check', '--format', 'json', secret, good]),
      report(['check', '--format', 'json', dir]),
      report(['check', '--lang', 'en', secret, good]),
    ]);
    for (const r of [files, folder]) {
      expectNoCrash(r);
      expect(r.code, shown(r)).toBe(1);
      const out = json(r);
      expect(out.results.map((x) => x.diagnostics.map((d) => d.rule))).toEqual([['file-unreadable'], []]);
    }
    expectNoCrash(en);
    expect(en.code, shown(en)).toBe(1);
    expect(en.stdout).toContain('a-secret.xlsx');
    // The reason is in English too (the good file's body name stays as written).
    expect(en.stdout).not.toMatch(/没有|权限/);
  });

  it.skipIf(AS_ROOT)('a folder that cannot be listed inside a checked folder: no crash, the other files get results (skipped as root: root lists any folder)', async () => {
    const dir = tmp();
    copy(OFFICIAL, join(dir, 'a.xlsx'));
    copy(TEXT, join(dir, 'c.txt'));
    const sealed = join(dir, 'b-sealed');
    mkdirSync(sealed);
    copy(TEXT, join(sealed, 'inside.txt'));
    chmodSync(sealed, 0o000);
    locked.push(sealed);
    const r = await report(['check', '--format', 'json', dir]);
    expectNoCrash(r);
    expect([0, 1, 2], shown(r)).toContain(r.code);
    const files = json(r).results.map((x) => x.file);
    expect(files).toContain(join(dir, 'a.xlsx'));
    expect(files).toContain(join(dir, 'c.txt'));
  });
});

describe('symlinks', () => {
  it('a folder with a symlink loop (to its parent, to itself) and a dangling symlink: each file checked once, no hang, no crash', async () => {
    const dir = tmp();
    const top = join(dir, 'in');
    mkdirSync(join(top, 'sub'), { recursive: true });
    const a = copy(OFFICIAL, join(top, 'a.xlsx'));
    const b = copy(TEXT, join(top, 'sub', 'b.txt'));
    symlinkSync('..', join(top, 'sub', 'loop'));
    symlinkSync('.', join(top, 'self'));
    symlinkSync('nowhere.xlsx', join(top, 'dangling.xlsx'));
    const runs = await Promise.all([
      report(['check', '--format', 'json', top]),
      report(['check', '--format', 'json', join(top, 'sub')]),
      report(['check', '--format', 'json', `${top}/**/*`]),
    ]);
    const expected = [realpathSync(a), realpathSync(b)].sort();
    for (const r of runs) {
      expectNoCrash(r);
      expect(r.code, shown(r)).toBe(0);
      expect(json(r).results.map((x) => realpathSync(x.file)).sort(), shown(r)).toEqual(expected);
    }
  });

  it('a file and a symlink to it in one folder: checked once (no false duplicate-report)', async () => {
    const dir = tmp();
    copy(TEXT, join(dir, 'real.txt'));
    symlinkSync('real.txt', join(dir, 'link.txt'));
    const r = await report(['check', '--format', 'json', dir]);
    expectNoCrash(r);
    expect(json(r).results.map((x) => x.file.split('/').pop()), shown(r)).toEqual(['link.txt']);
    expect(r.code, shown(r)).toBe(0);
  });

  it.skipIf(process.platform === 'win32')('a named pipe nobody writes to: file-unreadable (not a regular file) at once, not a wait forever', async () => {
    const dir = tmp();
    const fifo = join(dir, 'pipe.csv');
    spawnSync('mkfifo', [fifo]);
    const r = await report(['check', '--format', 'json', fifo], 10_000);
    expectNoCrash(r);
    expect(json(r).results[0]!.diagnostics.map((d) => d.messageId), shown(r)).toEqual(['special']);
    expect(r.code, shown(r)).toBe(1);
  });

  it('a dangling symlink named on the command line: not found, exit 2, one line naming it', async () => {
    const dir = tmp();
    const link = join(dir, 'gone.xlsx');
    symlinkSync('nowhere.xlsx', link);
    const [zh, en] = await Promise.all([report(['check', link]), report(['check', '--lang', 'en', link])]);
    expectMessage(zh, { code: 2, lang: 'zh', names: [link] });
    expectMessage(en, { code: 2, lang: 'en', names: [link] });
  });
});

describe('output targets', () => {
  /**
   * The commands that write a file. Each target is tried in Chinese; in English every refusal for
   * check -o, and the input-itself refusal for the two that build a workbook first (they are slow).
   */
  const COMMANDS = [
    { name: 'check --output-file', input: OFFICIAL, ext: 'json', ok: 0, english: ['self', 'folder', 'under'], args: (input: string, out: string, lang: string) => ['check', '--lang', lang, '--format', 'json', '-o', out, input] },
    { name: 'convert --to xlsx -o', input: OFFICIAL, ext: 'xlsx', ok: 0, english: ['self'], args: (input: string, out: string, lang: string) => ['convert', '--lang', lang, '--to', 'xlsx', '-o', out, input] },
    { name: 'check --annotate', input: SEEDED, ext: 'xlsx', ok: 1, english: ['self'], args: (input: string, out: string, lang: string) => ['check', '--lang', lang, '--annotate', out, input] },
    { name: 'check --annotate (Word)', input: SEEDED_DOCX, ext: 'docx', ok: 1, english: ['self'], args: (input: string, out: string, lang: string) => ['check', '--lang', lang, '--annotate', out, input] },
  ];

  it.each(COMMANDS)('$name: refuses the input itself, an existing folder, a path under a file (one line, exit 2, nothing changed); writes a new path in new folders', async (c) => {
    const dir = tmp();
    const input = copy(c.input, join(dir, `input.${c.input.split('.').pop()}`));
    const plain = join(dir, 'a.txt');
    writeFileSync(plain, 'not a folder\n');
    const existing = join(dir, 'existing');
    mkdirSync(existing);
    const under = join(plain, `out.${c.ext}`);
    const fresh = join(dir, 'new', 'sub', `out.${c.ext}`);
    const [inputSha, plainSha] = [sha(input), sha(plain)];
    const refusals = { self: input, folder: existing, under };
    const cases = [
      ...Object.values(refusals).map((out) => ({ lang: 'zh' as const, out })),
      ...c.english.map((kind) => ({ lang: 'en' as const, out: refusals[kind as keyof typeof refusals] })),
    ];
    const [made, ...refused] = await Promise.all([report(c.args(input, fresh, 'zh')), ...cases.map(({ lang, out }) => report(c.args(input, out, lang)))]);
    for (const [i, r] of refused.entries()) expectMessage(r, { code: 2, lang: cases[i]!.lang, names: [cases[i]!.out] });
    expectNoCrash(made!);
    expect(made!.code, shown(made!)).toBe(c.ok);
    expect(made!.stderr.split('\n').filter(Boolean).length, shown(made!)).toBeLessThanOrEqual(1);
    if (c.ext === 'json') expect((JSON.parse(readFileSync(fresh, 'utf8')) as Json).results).toHaveLength(1);
    else expect(readFileSync(fresh).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(sha(input), 'the input is unchanged').toBe(inputSha);
    expect(sha(plain), 'the file in the way is unchanged').toBe(plainSha);
    expect(readdirSync(existing), 'nothing written into the folder').toEqual([]);
    expect(allFiles(dir).filter((f) => f.endsWith('.tmp')), 'no temporary files left behind').toEqual([]);
  });

  it.skipIf(process.platform !== 'linux')('a path under /proc, where no folder can be made: one line, exit 2, promptly (check -o, convert -o, --annotate)', async () => {
    const dir = tmp();
    const official = copy(OFFICIAL, join(dir, 'official.xlsx'));
    const seeded = copy(SEEDED, join(dir, 'seeded.xlsx'));
    const runs = await Promise.all(
      [
        ['check', '--format', 'json', '-o', '/proc/nope/out.json', official],
        ['check', '--lang', 'en', '--format', 'json', '-o', '/proc/nope/out.json', official],
        ['convert', '--to', 'xlsx', '-o', '/proc/nope/out.xlsx', official],
        ['check', '--annotate', '/proc/nope/out.xlsx', seeded],
      ].map((args) => report(args, 6000)),
    );
    for (const r of runs) expectMessage(r, { code: 2, lang: r.args.includes('en') ? 'en' : 'zh', names: [r.args.find((a) => a.startsWith('/proc/'))!] });
  });

  it.each([
    ['check --output-file', ['check', '--format', 'json']],
    ['convert -o', ['convert', '--to', 'json']],
  ])('an input named through a symlink (%s): -o at the file it points to is still the input (refused, unchanged)', async (_name, command) => {
    const dir = tmp();
    const real = copy(TEXT, join(dir, 'real.txt'));
    const link = join(dir, 'link.txt');
    symlinkSync('real.txt', link);
    const before = sha(real);
    const r = await report([...command, '-o', real, link]);
    expect(sha(real), `the input was overwritten\n${shown(r)}`).toBe(before);
    expectMessage(r, { code: 2, lang: 'zh', names: [real] });
  });

  it('-o /dev/null discards the report: exit as for the check, and the device stays a device', async ({ skip }) => {
    let target = '/dev/null';
    if (AS_ROOT) {
      // Never aim a root process at the real /dev/null: a copy of the device in a temporary folder shows the same.
      if (process.platform !== 'linux') skip('the device numbers below are Linux’s');
      target = join(tmp(), 'null');
      if (spawnSync('mknod', ['-m', '666', target, 'c', '1', '3']).status !== 0) skip('mknod is not permitted here');
    }
    const r = await report(['check', '--format', 'json', '-o', target, OFFICIAL]);
    expectNoCrash(r);
    expect(r.code, shown(r)).toBe(0);
    expect(r.stderr, shown(r)).toBe('');
    expect(statSync(target).isCharacterDevice(), `${target} was replaced by a regular file\n${shown(r)}`).toBe(true);
  });

  it('--lang=en (the = form) gives the output-file messages in English too', async () => {
    const dir = tmp();
    const input = copy(OFFICIAL, join(dir, 'in.xlsx'));
    const [check, convert] = await Promise.all([report(['check', '--lang=en', '-o', dir, input]), report(['convert', '--lang=en', '--to', 'json', '-o', dir, input])]);
    expectMessage(check, { code: 2, lang: 'en', names: [dir] });
    expectMessage(convert, { code: 2, lang: 'en', names: [dir] });
  });
});

describe('bad option values', () => {
  /** The option values, and what the message must name. */
  const BAD: Array<[string[], string[]]> = [
    [['--jobs', 'x'], ['--jobs', 'x']],
    [['--max-warnings', '-1'], ['--max-warnings', '-1']],
    [['--shard', '0/3'], ['--shard', '0/3']],
    [['--format', 'nope'], ['--format', 'nope']],
    [['--rule', 'nope=off'], ['--rule', 'nope=off']],
    [['--edition', '2020'], ['--edition', '2020']],
    [['--max-file-size', 'abc'], ['--max-file-size', 'abc']],
    [['--max-file-size', '0'], ['--max-file-size', '0']],
    [['--max-inflated-size', '1zz'], ['--max-inflated-size', '1zz']],
    [['--max-cells', '1.5'], ['--max-cells', '1.5']],
    [['--timeout', 'forever'], ['--timeout', 'forever']],
  ];
  const CASES = [...BAD.map(([args, names]) => ({ lang: 'zh' as const, args, names })), ...BAD.map(([args, names]) => ({ lang: 'en' as const, args: ['--lang', 'en', ...args], names }))];

  it.concurrent.each(CASES)('report check $args: exit 2, one line ($lang) naming the option and value', async ({ lang, args, names }) => {
    expectMessage(await report(['check', ...args, OFFICIAL]), { code: 2, lang, names });
  });

  it('report check --lang xx: exit 2, one line (zh) naming the value', async () => {
    expectMessage(await report(['check', '--lang', 'xx', OFFICIAL]), { code: 2, lang: 'zh', names: ['--lang', 'xx'] });
  });

  it('--jobs 0 is either refused (exit 2, one line) or run with at least one worker (exit 0)', async () => {
    const dir = tmp();
    copy(OFFICIAL, join(dir, 'a.xlsx'));
    copy(TEXT, join(dir, 'b.txt'));
    const r = await report(['check', '--jobs', '0', '--format', 'json', dir]);
    if (r.code === 2) expectMessage(r, { code: 2, lang: 'zh', names: ['--jobs', '0'] });
    else {
      expectNoCrash(r);
      expect(r.code, shown(r)).toBe(0);
      expect(json(r).results).toHaveLength(2);
    }
  });

  it('a bad size names the form sizes take (50MB, 512k, 1.5g), not "a whole number"', async () => {
    const runs = await Promise.all([report(['check', '--max-inflated-size', '1zz', OFFICIAL]), report(['check', '--lang', 'en', '--max-file-size', 'abc', OFFICIAL])]);
    for (const r of runs) {
      expect(r.code, shown(r)).toBe(2);
      expect(r.stderr, shown(r)).toMatch(/\d\s*(k|KB|M|MB|g|GB)\b/i);
    }
  });

  it('a bad duration names the form durations take (30s, 500ms, 2m), not "a whole number"', async () => {
    const runs = await Promise.all([report(['check', '--timeout', 'forever', OFFICIAL]), report(['check', '--lang', 'en', '--timeout', 'forever', OFFICIAL])]);
    for (const r of runs) {
      expect(r.code, shown(r)).toBe(2);
      expect(r.stderr, shown(r)).toMatch(/\d\s*(ms|s|m|min)\b|\d\s*秒/);
    }
  });

  it('0 refused as a limit: the hint does not ask for a non-negative or whole number (0 is both)', async () => {
    const runs = await Promise.all([
      report(['check', '--max-file-size', '0', OFFICIAL]),
      report(['check', '--max-cells', '0', OFFICIAL]),
      report(['check', '--lang', 'en', '--max-cells', '0', OFFICIAL]),
    ]);
    for (const r of runs) {
      expect(r.code, shown(r)).toBe(2);
      expect(r.stderr, shown(r)).not.toMatch(/非负整数|whole number|non-negative/);
    }
  });
});

describe('input limits from the command line', () => {
  it.concurrent.each([
    ['--max-file-size', '1k', 'too-large'],
    ['--max-cells', '10', 'too-many-cells'],
    ['--max-inflated-size', '1k', 'inflated-too-large'],
  ])('%s %s: file-unreadable / %s in --format json, exit 1', async (option, value, messageId) => {
    const r = await report(['check', '--format', 'json', option, value, OFFICIAL]);
    expectNoCrash(r);
    expect(r.code, shown(r)).toBe(1);
    const [result] = json(r).results;
    expect(result!.diagnostics.map((d) => `${d.rule}/${d.messageId}`)).toEqual([`file-unreadable/${messageId}`]);
    // It tells the clerk how to raise the limit.
    expect(result!.diagnostics[0]!.message).toContain(option);
  });

  it('sizes and durations are accepted as documented (50MB, 512k, 1.5g, bytes; 30s, 2m, 500ms, seconds, 0)', async () => {
    const runs = await Promise.all(
      [
        ['--max-file-size', '50MB', '--max-inflated-size', '1.5g', '--timeout', '2m'],
        ['--max-file-size', '512k', '--max-inflated-size', '104857600', '--timeout', '500ms'],
        ['--max-file-size', '1000000', '--max-cells', '200000', '--timeout', '30'],
        ['--timeout', '0'],
        ['--timeout', '30s'],
      ].map((args) => report(['check', ...args, OFFICIAL])),
    );
    for (const r of runs) {
      expectNoCrash(r);
      expect(r.code, shown(r)).toBe(0);
      expect(r.stderr, shown(r)).toBe('');
    }
  });

  it('--timeout 1ms on a folder of two: every file gets a result (normal, or file-unreadable / timeout), the run finishes, exit 0 or 1', async () => {
    const dir = tmp();
    copy(OFFICIAL, join(dir, 'a.xlsx'));
    copy(TEXT, join(dir, 'b.txt'));
    const [asJson, text] = await Promise.all([report(['check', '--format', 'json', '--timeout', '1ms', dir]), report(['check', '--lang', 'en', '--timeout', '1ms', dir])]);
    for (const r of [asJson, text]) {
      expectNoCrash(r);
      expect([0, 1], shown(r)).toContain(r.code);
    }
    const out = json(asJson);
    expect(out.results.map((x) => x.file)).toEqual([join(dir, 'a.xlsx'), join(dir, 'b.txt')]);
    for (const result of out.results) {
      const unreadable = result.diagnostics.filter((d) => d.rule === 'file-unreadable');
      expect(unreadable.map((d) => d.messageId)).toEqual(unreadable.length ? ['timeout'] : []);
      if (!unreadable.length) expect(result.errorCount).toBe(0);
    }
    expect(asJson.code).toBe(out.results.some((x) => x.errorCount > 0) ? 1 : 0);
  });
});

describe('a reader that goes away', () => {
  it('report check FOLDER | head -1: the pipe closes after the first chunk, the process ends quietly', async () => {
    const dir = tmp();
    // Enough output for several writes: the ones after the reader has gone meet EPIPE.
    for (let i = 0; i < 40; i++) {
      copy(SEEDED, join(dir, `r${i}.xlsx`));
      copy('fixtures/cell-errors-2023.csv', join(dir, `c${i}.csv`));
    }
    const closeAfterFirstChunk = (format: string) =>
      new Promise<Run>((resolve) => {
        const args = ['check', '--format', format, dir];
        const child = start(args);
        let stdout = '';
        let stderr = '';
        let timedOut = false;
        child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
        child.stdout.once('data', (chunk: Buffer) => {
          stdout = chunk.toString('utf8');
          child.stdout.destroy();
        });
        const timer = setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, 20_000);
        child.on('close', (code, signal) => {
          clearTimeout(timer);
          resolve({ args, code, signal, timedOut, stdout, stderr });
        });
      });
    const runs = await Promise.all(['text', 'json'].map(closeAfterFirstChunk));
    for (const r of runs) {
      expectNoCrash(r);
      expect(r.stdout.length, shown(r)).toBeGreaterThan(0);
      expect(r.stderr, shown(r)).not.toMatch(/EPIPE|write after end|Unhandled/i);
      expect([0, 1], shown(r)).toContain(r.code);
    }
  });
});

describe('inputs that are not what they say', () => {
  it('a report JSON naming an unknown edition is refused with the reason, not passed as clean', async () => {
    const dir = tmp();
    const file = join(dir, 'r.json');
    writeFileSync(file, JSON.stringify({ version: 1, edition: '2099', agency: '某局', year: 2022, tables: { t2: {}, t3: {}, t4: {} } }));
    const r = await report(['check', '--format', 'json', file]);
    expectNoCrash(r);
    expect(json(r).results[0]!.diagnostics.map((d) => [d.rule, d.messageId]), shown(r)).toEqual([['file-unreadable', 'json-edition']]);
    expect(r.code, shown(r)).toBe(1);
  });

  it('--annotate: a name that is neither .xlsx nor .docx, and a .docx for what is no .docx, are refused before anything is written (exit 2, one line)', async () => {
    const dir = tmp();
    const page = copy('fixtures/pages/wps-2022.html', join(dir, 'page.html'));
    const word = copy(SEEDED_DOCX, join(dir, 'r.docx'));
    const [pdf, pdfEn, html, htmlEn, xlsx] = await Promise.all([
      report(['check', '--annotate', join(dir, 'a.pdf'), word]),
      report(['check', '--lang', 'en', '--annotate', join(dir, 'a.pdf'), word]),
      report(['check', '--annotate', join(dir, 'a.docx'), page]),
      report(['check', '--lang', 'en', '--annotate', join(dir, 'a.docx'), page]),
      report(['check', '--annotate', join(dir, 'page.xlsx'), page]),
    ]);
    expectMessage(pdf!, { code: 2, lang: 'zh', names: [join(dir, 'a.pdf')] });
    expectMessage(pdfEn!, { code: 2, lang: 'en', names: [join(dir, 'a.pdf')] });
    expect(pdf!.stderr).toContain('.docx');
    expectMessage(html!, { code: 2, lang: 'zh', names: [join(dir, 'a.docx'), page] });
    expectMessage(htmlEn!, { code: 2, lang: 'en', names: [join(dir, 'a.docx'), page] });
    expect(html!.stdout, 'refused before the check').toBe('');
    // A web page is annotated as the official layout.
    expect(xlsx!.code, shown(xlsx!)).toBe(0);
    expect(allFiles(dir).sort()).toEqual(['page.html', 'page.xlsx', 'r.docx']);
  });

  it('--annotate of a macro-enabled Word document keeps its kind (.docm), and one whose own comments are damaged says that nothing was written', async () => {
    const dir = tmp();
    const files = unzipSync(readFileSync(SEEDED_DOCX));
    const types = strFromU8(files['[Content_Types].xml']!);
    files['[Content_Types].xml'] = strToU8(types.replace('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', 'application/vnd.ms-word.document.macroEnabled.main+xml'));
    const docm = join(dir, 'r.docm');
    writeFileSync(docm, zipSync(files));
    const [asDocx, asDocm] = await Promise.all([report(['check', '--annotate', join(dir, 'a.docx'), docm]), report(['check', '--annotate', join(dir, 'a.docm'), docm])]);
    expectMessage(asDocx!, { code: 2, lang: 'zh', names: [join(dir, 'a.docx'), '.docm'] });
    expect(asDocm!.code, shown(asDocm!)).toBe(1);
    expect(readFileSync(join(dir, 'a.docm')).subarray(0, 2).toString('latin1')).toBe('PK');

    const damaged = unzipSync(readFileSync(SEEDED_DOCX));
    damaged['word/_rels/document.xml.rels'] = strToU8(strFromU8(damaged['word/_rels/document.xml.rels']!).replace('</Relationships>', '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>'));
    damaged['word/comments.xml'] = strToU8('<w:comments><w:comment');
    const input = join(dir, 'damaged.docx');
    writeFileSync(input, zipSync(damaged));
    const r = await report(['check', '--annotate', join(dir, 'b.docx'), input]);
    expectMessage(r, { code: 1, lang: 'zh', names: [input] });
    expect(r.stderr).toContain('没有写出标注文件');
    expect(existsSync(join(dir, 'b.docx'))).toBe(false);
  });

  it('--annotate on an unreadable input says that nothing was written', async () => {
    const dir = tmp();
    const input = join(dir, 'broken.xlsx');
    writeFileSync(input, 'not a workbook');
    const out = join(dir, 'out.xlsx');
    const [zh, en] = await Promise.all([report(['check', '--annotate', out, input]), report(['check', '--lang', 'en', '--annotate', out, input])]);
    for (const r of [zh, en]) {
      expectNoCrash(r);
      expect(r.code, shown(r)).toBe(1);
    }
    expect(zh.stderr).toContain('没有写出标注文件');
    expect(en.stderr).toContain('no annotated workbook was written');
    expect(allFiles(dir).sort()).toEqual(['broken.xlsx']);
  });
});

describe('found in review', () => {
  it('last year\'s report (--previous) is an input too: -o and --annotate refuse to write over it', async () => {
    const dir = tmp();
    const now = copy(OFFICIAL, join(dir, '2022.xlsx'));
    const prev = copy(OFFICIAL, join(dir, 'prev.xlsx'));
    const before = sha(prev);
    const runs = await Promise.all([report(['check', now, '--previous', prev, '-o', prev]), report(['check', now, '--previous', prev, '--annotate', prev])]);
    for (const r of runs) expectMessage(r, { code: 2, lang: 'zh', names: [prev] });
    expect(sha(prev)).toBe(before);
  });

  it('a report JSON nested 200,000 deep gets its own result; the other files of the folder get theirs', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a-deep.json'), `{"version":1,"edition":"2021","tables":{"t2":${'['.repeat(200_000)}${']'.repeat(200_000)}}}`);
    copy(OFFICIAL, join(dir, 'b.xlsx'));
    copy(TEXT, join(dir, 'c.txt'));
    const r = await report(['check', '--format', 'json', dir]);
    expectNoCrash(r);
    expect(json(r).results.map((x) => x.errorCount > 0), shown(r)).toEqual([true, false, false]);
    expect(r.code, shown(r)).toBe(1);
  });

  // The test of src/batch/native-guard.ts: without the guard, Node 20 aborts with "close before
  // init" in node_zlib.cc in every run of this (docs/performance.md).
  it('workers stopped by a tiny --timeout never abort the process (stopping one inside native zlib would)', async () => {
    const dir = tmp();
    for (let i = 0; i < 150; i++) copy(OFFICIAL, join(dir, `${String(i).padStart(3, '0')}.xlsx`));
    const runs = await Promise.all([report(['check', '--format', 'json', '--timeout', '5ms', '-j', '4', dir], 60_000), report(['check', '--format', 'json', '--timeout', '5ms', '-j', '4', dir], 60_000)]);
    for (const r of runs) {
      expectNoCrash(r);
      expect(r.stderr, shown(r)).not.toMatch(/Assertion failed/);
      expect(json(r).results, shown(r)).toHaveLength(150);
    }
  }, 120_000);

  it('a --timeout beyond what a timer holds means no practical limit, not "every file timed out"', async () => {
    const dir = tmp();
    copy(OFFICIAL, join(dir, 'a.xlsx'));
    copy(TEXT, join(dir, 'b.txt'));
    const r = await report(['check', '--format', 'json', '--timeout', '40000m', dir]);
    expectNoCrash(r);
    expect(r.stderr, shown(r)).toBe('');
    expect(json(r).results.map((x) => x.errorCount), shown(r)).toEqual([0, 0]);
  });
});

describe('nothing to check', () => {
  it('report check with no paths: exit 2, a short usage message (zh; en with --lang en)', async () => {
    const [zh, en] = await Promise.all([report(['check']), report(['check', '--lang', 'en'])]);
    expectMessage(zh, { code: 2, lang: 'zh', maxLines: 3 });
    expectMessage(en, { code: 2, lang: 'en', maxLines: 3 });
  });

  it('a folder with no report files: exit 2, one line naming the folder', async () => {
    const empty = tmp();
    const notes = tmp();
    writeFileSync(join(notes, 'notes.md'), '# not a report\n');
    const [zh, en, onlyNotes] = await Promise.all([report(['check', `${empty}/`]), report(['check', '--lang', 'en', `${empty}/`]), report(['check', notes])]);
    expectMessage(zh, { code: 2, lang: 'zh', names: [empty] });
    expectMessage(en, { code: 2, lang: 'en', names: [empty] });
    expectMessage(onlyNotes, { code: 2, lang: 'zh', names: [notes] });
  });
});
