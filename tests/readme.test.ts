// The README's commands, run as a user runs them. The project is packed (npm pack), the tarball
// installed into an empty folder laid out as the README's examples assume, and every command line
// the README shows is run there with bash, exactly as written: the lines of its ```sh blocks that
// start with `report ` or `npm install`, and the `run:` and `script:` lines of its ```yaml blocks
// (the CI examples). The lines are read from the README, never copied here; a command line this
// test does not know how to run fails it. Also: the README's output examples are the real output,
// its summary line is the one a run prints, and it names every kind of file a folder run checks.
//
// The install needs the npm cache to hold exceljs and the other dependencies with their metadata
// (`npm_config_prefer_offline`): the first run on a machine may fetch what `npm ci` did not cache,
// later runs need no network (checked with npm_config_offline=true). On the project's 2-core machine
// the whole file takes about 30 s: npm pack 1 s, the install 6 s (23 s while npm still fetches
// metadata), the 44 distinct command lines 22 s.

import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_KINDS } from '../src/batch/walk.js';
import { ROOT, spawnCli } from './helpers/cli.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

// ---------------------------------------------------------------------------------------------
// The README's command lines

interface Block {
  lang: string;
  lines: string[];
}

const BLOCKS: Block[] = [...README.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1]!, lines: m[2]!.replace(/\n$/, '').split('\n') }));

/**
 * Lines of the ```sh blocks that are not run here, and where they are covered instead. Any other
 * line that does not start with `report ` or `npm install` fails the test.
 */
const COVERED_ELSEWHERE: Record<string, string> = {
  'npm ci && node bin/report.js check fixtures/dunfangdian-2021.txt': 'tests/meta.test.ts checks the first block',
  'npm ci && npm test': 'this test suite itself',
  'npm ci && npm pack': 'packed below, with --ignore-scripts',
};

interface Lines {
  /** Every command line to run, in README order, repeats included. */
  run: Array<{ line: string; from: 'sh' | 'run:' | 'script:' }>;
  /** Lines that look like commands but that this test cannot run. */
  unknown: string[];
}

/** npx without --no would fetch the unrelated npm package named `report`: never run, always unknown. */
const NPX = /\bnpx (?!--no )/;

function commandLines(): Lines {
  const out: Lines = { run: [], unknown: [] };
  for (const block of BLOCKS) {
    if (block.lang === 'sh') {
      for (const raw of block.lines) {
        const line = raw.replace(/\s+#\s.*$/, '').trim();
        if (line === '' || line.startsWith('#')) continue;
        if (/^(report |npm install )/.test(line) && !NPX.test(line)) out.run.push({ line, from: 'sh' });
        else if (!(line in COVERED_ELSEWHERE)) out.unknown.push(line);
      }
    } else if (block.lang === 'yaml') {
      let script: number | null = null; // indentation of an open `script:` key
      for (const raw of block.lines) {
        const indent = raw.length - raw.trimStart().length;
        if (script !== null && indent > script) {
          const item = /^\s*-\s+(.+)$/.exec(raw);
          if (item && !/^["'|>]/.test(item[1]!) && !NPX.test(item[1]!)) out.run.push({ line: item[1]!, from: 'script:' });
          else out.unknown.push(raw.trim());
          continue;
        }
        script = null;
        const run = /^\s*(?:-\s+)?run:\s*(.*)$/.exec(raw);
        if (run) {
          if (run[1] && !/^["'|>]/.test(run[1]) && !NPX.test(run[1])) out.run.push({ line: run[1], from: 'run:' });
          else out.unknown.push(raw.trim());
        }
        const key = /^\s*(?:-\s+)?(?:before_|after_)?script:\s*(.*)$/.exec(raw);
        if (key) {
          if (key[1]) out.unknown.push(raw.trim());
          else script = indent;
        }
      }
    }
  }
  return out;
}

const LINES = commandLines();
const DISTINCT = [...new Set(LINES.run.map((c) => c.line))];

/** A command line's words, quotes taken off; what follows `||` or `<` is not part of the command. */
function words(line: string): string[] {
  const cut = line.split(/\s(?:\|\||<)\s/)[0]!;
  return cut.split(/\s+/).map((w) => w.replace(/^'(.*)'$/, '$1').replace(/^"(.*)"$/, '$1'));
}

const OUTPUT_FLAGS = ['-o', '--output', '--output-file', '--annotate'];
const valueAfter = (ws: string[], flags: string[]) => {
  const i = ws.findIndex((w) => flags.includes(w));
  return i >= 0 ? ws[i + 1] : undefined;
};

// ---------------------------------------------------------------------------------------------
// The folder the commands run in

/** The fixtures with seeded errors (fixtures/README.md): `report check` exits 1 on each. */
const SEEDED = new Set(['seeded-errors-2022.xlsx', 'cell-errors-2023.csv', 'missing-t4-2022.csv', 'six-as-one-2022.xlsx', 'gbk-seeded-2021.tsv', 'bad/renamed-xls.xlsx', 'markdown-2022.txt', 'documents/seeded-errors-2022.docx']);

/** The files the README's examples name, each a copy of a fixture. */
const FILES: Record<string, string> = {
  '报告.xlsx': 'seeded-errors-2022.xlsx',
  'report.xlsx': 'seeded-errors-2022.xlsx',
  '报告.txt': 'dunfangdian-2021.txt',
  'report.txt': 'dunfangdian-2021.txt',
  '报告.csv': 'utf8-bom-2023.csv',
  'report.csv': 'utf8-bom-2023.csv',
  'a.xlsx': 'official-2022.xlsx',
  'b.csv': 'cell-errors-2023.csv',
  'c.txt': 'pasted-variants-2021.txt',
  // One body's two years, for --previous: they agree.
  '2022.xlsx': 'official-2022.xlsx',
  '2023.xlsx': 'per-sheet-2023.xlsx',
  '报告.docx': 'documents/balanced-2022.docx',
  'report.docx': 'documents/balanced-2022.docx',
  // Seeded with errors, to annotate.
  '送审稿.docx': 'documents/seeded-errors-2022.docx',
  'draft.docx': 'documents/seeded-errors-2022.docx',
  '报告.html': 'pages/wps-2022.html',
  'report.html': 'pages/wps-2022.html',
  '报告.mht': 'pages/word-2022.mht',
  'report.mht': 'pages/word-2022.mht',
  '报告.pdf': 'pdf/portrait-2022.pdf',
  'report.pdf': 'pdf/portrait-2022.pdf',
  '版面.txt': 'pdf/portrait-2022.txt',
  'layout.txt': 'pdf/portrait-2022.txt',
  // Seeded with an error: the runs exit 1.
  '表格.txt': 'markdown-2022.txt',
  'tables.txt': 'markdown-2022.txt',
};

/**
 * The reports of the folders the examples check (`submissions/`, and `提交/` in the Chinese half):
 * every one has errors, and one cannot be read (an old .xls), so every run over the folder exits 1,
 * whatever part of it a --shard takes. A note beside them is not a report: it is named as skipped.
 */
const FOLDER: Record<string, string> = {
  'seeded-errors-2022.xlsx': 'seeded-errors-2022.xlsx',
  'cell-errors-2023.csv': 'cell-errors-2023.csv',
  'gbk-seeded-2021.tsv': 'gbk-seeded-2021.tsv',
  '县级/missing-t4-2022.csv': 'missing-t4-2022.csv',
  '县级/six-as-one-2022.xlsx': 'six-as-one-2022.xlsx',
  '旧版.xls': 'bad/renamed-xls.xlsx',
};
const FOLDERS = ['submissions', '提交'];

/** Whether `report check` on this path (a file, a folder or a glob in one) finds errors. */
function hasErrors(path: string): boolean {
  const top = path.split('/')[0]!;
  if (FOLDERS.includes(top)) return Object.values(FOLDER).every((f) => SEEDED.has(f));
  return top in FILES && SEEDED.has(FILES[top]!);
}

/** The exit code a README command line should end with. */
function expectedExit(line: string): number {
  if (/\|\|\s*true$/.test(line)) return 0;
  if (!line.startsWith('report check ')) return 0; // npm install, convert, template, schema: no errors among their inputs
  return words(line).some(hasErrors) ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Running them

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
  /** What was wrong with what the command wrote, checked right after it ran (a later one may write the same file). */
  problems: string[];
}

let tmp = '';
let work = '';
let env: NodeJS.ProcessEnv = {};
let tarball = '';
const ran = new Map<string, Ran>();
let installed: { report: string; nianbao: string; version: string } | undefined;

const bash = (line: string, timeout = 60_000): SpawnSyncReturns<string> => spawnSync('bash', ['-c', line], { cwd: work, env, encoding: 'utf8', timeout });

function json(text: string): unknown {
  return JSON.parse(text) as unknown;
}

/** The root element's name and how many elements of each name an XML document has; throws on bad XML. */
function xml(text: string): { root: string; count: Map<string, number> } {
  const parser = new SaxesParser();
  let root = '';
  const count = new Map<string, number>();
  parser.on('error', (err) => {
    throw err;
  });
  parser.on('opentag', (tag) => {
    root ||= tag.name;
    count.set(tag.name, (count.get(tag.name) ?? 0) + 1);
  });
  parser.write(text).close();
  return { root, count };
}

/** What is wrong with a file a command wrote, judged by its name and the command that wrote it. */
function checkWritten(file: string, ws: string[]): string[] {
  const path = join(work, file);
  if (!existsSync(path) || statSync(path).size === 0) return [`${file} was not written`];
  const bytes = readFileSync(path);
  const text = bytes.toString('utf8');
  const format = valueAfter(ws, ['--format', '-f']) ?? valueAfter(ws, ['--to']);
  const folder = ws.some((w) => FOLDERS.includes(w.split('/')[0]!));
  try {
    if (file.endsWith('.sarif')) {
      const sarif = json(text) as { version: string; runs: Array<{ results: unknown[]; invocations: Array<{ toolExecutionNotifications?: unknown[] }> }> };
      if (sarif.version !== '2.1.0') return [`${file}: SARIF version ${sarif.version}`];
      if (sarif.runs[0]!.results.length === 0) return [`${file}: no results`];
      if (folder && !sarif.runs[0]!.invocations[0]!.toolExecutionNotifications?.length) return [`${file}: the skipped note is not named`];
    } else if (file.endsWith('.json') && format === 'gitlab') {
      const issues = json(text) as Array<{ check_name?: string; fingerprint?: string; severity?: string; location?: { path?: string; lines?: { begin?: number } } }>;
      if (!Array.isArray(issues) || issues.length === 0) return [`${file}: not a non-empty array`];
      const bad = issues.filter((i) => !i.check_name || !i.fingerprint || !i.severity || !i.location?.path || typeof i.location.lines?.begin !== 'number');
      if (bad.length) return [`${file}: ${bad.length} issues lack a field GitLab needs`];
    } else if (file.endsWith('.json')) {
      json(text);
    } else if (file.endsWith('.html')) {
      // One page that needs nothing outside it, holding a row for each report checked.
      const reports = [...text.matchAll(/<script type="application\/json" class="reports">(.*?)<\/script>/g)].flatMap((m) => json(m[1]!) as unknown[]);
      const checked = json(bash(`${ws.slice(0, ws.indexOf('--format')).join(' ')} --format json`).stdout) as { results: unknown[] };
      if (!text.startsWith('<!DOCTYPE html>') || / (?:src|href)=/.test(text)) return [`${file}: not a self-contained page`];
      if (reports.length !== checked.results.length) return [`${file}: ${reports.length} reports for ${checked.results.length} results`];
    } else if (file.endsWith('.xml')) {
      const doc = xml(text);
      if (doc.root !== 'testsuites' || !doc.count.get('testcase')) return [`${file}: root ${doc.root}, ${doc.count.get('testcase') ?? 0} test cases`];
    } else if (file.endsWith('.csv')) {
      if (bytes[0] !== 0xef || bytes[1] !== 0xbb || bytes[2] !== 0xbf) return [`${file}: no UTF-8 BOM`];
      if (text.split('\n').length < 3) return [`${file}: fewer than 3 lines`];
    } else if (file.endsWith('.docx')) {
      // The annotated Word document reads back as the same report, with its comments in it.
      const back = bash(`report check --format json '${file}'`);
      const result = (json(back.stdout) as { results: Array<{ errorCount: number }> }).results[0];
      const comments = strFromU8(unzipSync(bytes)['word/comments.xml'] ?? new Uint8Array());
      if (!result || result.errorCount === 0) return [`${file}: does not read back as the seeded report (${back.stdout.slice(0, 200)})`];
      if ((comments.match(/<w:comment /g) ?? []).length !== result.errorCount) return [`${file}: not one comment per finding`];
    } else if (file.endsWith('.xlsx')) {
      // A workbook we wrote reads back as a report of a known edition.
      const back = bash(`report check --format json '${file}'`);
      const result = (json(back.stdout) as { results: Array<{ edition: string | null }> }).results[0];
      if (!result || !['2019', '2021'].includes(result.edition ?? '')) return [`${file}: does not read back as a report (${back.stdout.slice(0, 200)})`];
    }
  } catch (err) {
    return [`${file}: ${(err as Error).message}`];
  }
  return [];
}

/** What is wrong with what a command printed, when it wrote no file. */
function checkPrinted(line: string, ws: string[], r: Ran, summary: string | null): string[] {
  const format = valueAfter(ws, ['--format', '-f']);
  const to = valueAfter(ws, ['--to']);
  try {
    if (line.startsWith('npm install')) return [];
    if (ws[1] === 'schema') return (json(r.stdout) as { $schema?: string }).$schema ? [] : ['schema: no $schema'];
    if (ws[1] === 'convert' && to === 'json') return json(r.stdout) ? [] : ['convert: no JSON'];
    if (ws[1] === 'template' && to === 'csv') return r.stdout.includes('政府信息公开工作年度报告') ? [] : ['template: not the skeleton'];
    if (ws[1] !== 'check') return [`no check for what \`${line}\` prints`];
    if (format === 'json') {
      const out = json(r.stdout) as { results: unknown[]; summary: { files: number }; skipped: unknown[] };
      return out.summary.files === out.results.length && Array.isArray(out.skipped) ? [] : ['JSON: summary and results disagree'];
    }
    if (format === 'github') {
      if (!/^::error /m.test(r.stdout)) return ['github: no ::error line'];
      return summary?.includes('|') ? [] : ['github: no Markdown summary in $GITHUB_STEP_SUMMARY'];
    }
    if (format === undefined) {
      const last = r.stdout.trimEnd().split('\n').filter((l) => /^(共检查 |\d+ files? checked)/.test(l));
      return last.length === 1 ? [] : [`text: ${last.length} summary lines`];
    }
    return [`no check for --format ${format}`];
  } catch (err) {
    return [`${(err as Error).message}: ${r.stdout.slice(0, 200)}`];
  }
}

function runLine(line: string): Ran {
  const summaryFile = join(tmp, 'step-summary.md');
  rmSync(summaryFile, { force: true });
  const r = bash(line, line.startsWith('npm install') ? 240_000 : 60_000);
  const out: Ran = { code: r.status, stdout: r.stdout ?? '', stderr: (r.stderr ?? '') + (r.error ? String(r.error) : ''), problems: [] };
  const ws = words(line);
  const written = valueAfter(ws, OUTPUT_FLAGS);
  if (written) {
    out.problems.push(...checkWritten(written, ws));
    if (ws[1] === 'check' && !ws.includes('--annotate') && out.stdout !== '') out.problems.push('printed results although -o was given');
    if (ws[1] === 'convert' && !out.stderr.includes(`已写入 ${written}`)) out.problems.push('convert -o did not say 已写入');
  }
  if (!written || ws.includes('--annotate')) out.problems.push(...checkPrinted(line, ws, out, existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8') : null));
  if (/^\s+at .*:\d+:\d+\)?$/m.test(out.stderr)) out.problems.push('a stack trace');
  return out;
}

function setUp(): void {
  tmp = mkdtempSync(join(tmpdir(), 'report-readme-'));
  work = join(tmp, 'work');
  mkdirSync(join(work, 'tools'), { recursive: true });
  const global = join(tmp, 'global');
  // What npm passes to the scripts it runs (npm test) must not steer these installs; the user's
  // cache, registry and offline settings may.
  const keep = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig', 'npm_config_offline']);
  env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) || keep.has(k.toLowerCase())));
  delete env.REPORT_LANG;
  delete env.INIT_CWD;
  Object.assign(env, {
    npm_config_prefer_offline: 'true',
    npm_config_prefix: global, // so that --global installs into the temporary folder
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    GITHUB_STEP_SUMMARY: join(tmp, 'step-summary.md'),
    PATH: `${join(global, 'bin')}${delimiter}${process.env.PATH ?? ''}`,
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  });

  // --ignore-scripts: `prepare` would rebuild dist/ while the other test files, running in
  // parallel, use it; `npm test` has built it already, from the same sources.
  const pack = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', join(work, 'tools')], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });
  expect(pack.status, pack.stderr).toBe(0);
  tarball = (JSON.parse(pack.stdout) as Array<{ filename: string }>)[0]!.filename;

  for (const [name, fixture] of Object.entries(FILES)) copyFileSync(join(ROOT, 'fixtures', fixture), join(work, name));
  for (const folder of FOLDERS) {
    for (const [name, fixture] of Object.entries(FOLDER)) {
      mkdirSync(dirname(join(work, folder, name)), { recursive: true });
      copyFileSync(join(ROOT, 'fixtures', fixture), join(work, folder, name));
    }
    writeFileSync(join(work, folder, '说明.md'), '各单位 2021–2023 年的年度报告。\n');
  }

  // Installs first, then the rest, each once and in README order.
  for (const line of DISTINCT.filter((l) => l.startsWith('npm install'))) ran.set(line, runLine(line));
  const where = (name: string) => bash(`command -v ${name}`).stdout.trim();
  installed = { report: where('report'), nianbao: where('nianbao'), version: bash('report --version').stdout.trim() };
  for (const line of DISTINCT.filter((l) => !ran.has(l))) ran.set(line, runLine(line));
}

describe('the README, run as written', () => {
  beforeAll(setUp, 600_000);
  // The install holds a few thousand files.
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('has only command lines this test knows how to run, from every kind of block', () => {
    expect(LINES.unknown).toEqual([]);
    const from = (kind: string) => LINES.run.filter((c) => c.from === kind).length;
    expect(from('sh')).toBeGreaterThanOrEqual(20);
    expect(from('run:')).toBeGreaterThanOrEqual(3);
    expect(from('script:')).toBeGreaterThanOrEqual(3);
    expect(LINES.run.filter((c) => c.line.startsWith('npm install')).length).toBeGreaterThanOrEqual(1);
  });

  it('installs the tarball npm pack makes, as the README names it, with both commands', () => {
    expect(tarball).toBe(`nianbao-${VERSION}.tgz`);
    for (const c of LINES.run.filter((l) => l.line.startsWith('npm install'))) expect(c.line).toContain(`./tools/${tarball}`);
    const code = BLOCKS.filter((b) => b.lang === 'sh' || b.lang === 'yaml').flatMap((b) => b.lines);
    expect(code.filter((l) => NPX.test(l))).toEqual([]);
    const bin = join(tmp, 'global', 'bin');
    expect(installed).toEqual({ report: join(bin, 'report'), nianbao: join(bin, 'nianbao'), version: VERSION });
  });

  it('ran every command line of the README', () => {
    expect([...ran.keys()].sort()).toEqual([...DISTINCT].sort());
  });

  it.each(DISTINCT.map((line) => [line, expectedExit(line)] as const))('%s → exit %i', (line, exit) => {
    const r = ran.get(line)!;
    const shown = `exit ${r.code}\n--- stdout\n${r.stdout.slice(0, 3000)}\n--- stderr\n${r.stderr.slice(0, 3000)}`;
    expect(r.code, shown).toBe(exit);
    expect(r.problems, shown).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// What the README shows the tool printing

/** Whether `actual` is `shown`, where a line `…` in `shown` stands for any lines (none included). */
function isExcerpt(shown: string[], actual: string[]): boolean {
  const parts: string[][] = [[]];
  for (const l of shown) {
    if (l.trim() === '…') parts.push([]);
    else parts.at(-1)!.push(l);
  }
  const at = (part: string[], i: number) => part.every((l, k) => actual[i + k] === l);
  if (parts.length === 1) return shown.length === actual.length && at(shown, 0);
  if (!at(parts[0]!, 0)) return false;
  let from = parts[0]!.length;
  for (const part of parts.slice(1, -1)) {
    let i = from;
    while (i + part.length <= actual.length && !at(part, i)) i++;
    if (i + part.length > actual.length) return false;
    from = i + part.length;
  }
  const last = parts.at(-1)!;
  return actual.length - last.length >= from && at(last, actual.length - last.length);
}

describe('the README’s examples of output', () => {
  // This one is compared with its golden by tests/meta.test.ts, and the golden with the real
  // output by tests/e2e/goldens.test.ts.
  const BY_META = '$ report check fixtures/seeded-errors-2022.xlsx';
  const EXAMPLES = BLOCKS.filter((b) => b.lines[0]!.startsWith('$ report ') && b.lines[0] !== BY_META).map((b) => [b.lines[0]!, b.lines.slice(1)] as const);

  it('has examples beside the one tests/meta.test.ts checks', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(2);
    expect(BLOCKS.some((b) => b.lines[0] === BY_META)).toBe(true);
  });

  it.each(EXAMPLES)('%s', (command, shown) => {
    const r = spawnCli(command.slice('$ report '.length).split(' '));
    expect(r.stderr).toBe('');
    const actual = r.stdout.replace(/\n$/, '').split('\n');
    expect(isExcerpt(shown, actual), `the real output:\n${r.stdout}`).toBe(true);
  });

  it('shows the summary line a folder run prints, in both languages', () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-readme-summary-'));
    copyFileSync(join(ROOT, 'fixtures/official-2022.xlsx'), join(dir, 'a.xlsx'));
    copyFileSync(join(ROOT, 'fixtures/cell-errors-2023.csv'), join(dir, 'b.csv'));
    copyFileSync(join(ROOT, 'fixtures/edition2019-2019.csv'), join(dir, 'c.csv'));
    copyFileSync(join(ROOT, 'fixtures/bad/renamed-xls.xlsx'), join(dir, 'd.xls'));
    const s = (JSON.parse(spawnCli(['check', '--format', 'json', dir]).stdout) as { summary: Record<string, number> }).summary;
    const values: Record<string, number> = { N: s.files!, A: s.clean!, B: s.withErrors!, U: s.unreadable!, C: s.warningsOnly!, E: s.errors!, W: s.warnings! };
    expect(Object.values(values).every((v) => v > 0)).toBe(true);
    for (const [pattern, args] of [[/^共检查 N .*$/m, []], [/^N files checked.*$/m, ['--lang', 'en']]] as const) {
      const template = pattern.exec(README)?.[0];
      expect(template, String(pattern)).toBeDefined();
      const printed = spawnCli(['check', ...args, dir]).stdout.split('\n');
      expect(printed).toContain(template!.replace(/\b[NABUCEW]\b/g, (k) => String(values[k])));
    }
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('the README’s list of inputs', () => {
  const [zh, en] = README.split(/^---$/m);
  it.each(REPORT_KINDS)('names %s in both halves', (kind) => {
    const named = new RegExp(`\`${kind.replace('.', '\\.')}\``);
    expect(zh).toMatch(named);
    expect(en).toMatch(named);
  });
});
