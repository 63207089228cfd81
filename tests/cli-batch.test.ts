// `report check` on folders: parallel workers, order, summary, exit codes and batch options.

import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.js';

interface Json {
  results: Array<{ file: string; errorCount: number; warningCount: number; diagnostics: Array<{ rule: string; messageId: string; message: string }> }>;
  summary: { files: number; clean: number; withErrors: number; warningsOnly: number; unreadable: number; errors: number; warnings: number; sameReports: number; sameReportFiles: number; skipped: number };
  skipped: Array<{ file: string; kind: string }>;
}

interface Sarif {
  runs: Array<{ invocations: Array<{ toolExecutionNotifications: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> }>;
}

describe('report check FOLDER', () => {
  it.each(['2', '3', '4'])('checks a folder on %s workers (reading on some, checking on others), in sorted order, with the same results as on one', async (jobs) => {
    const many = await cli(['check', '--format', 'json', '--jobs', jobs, 'fixtures']);
    const one = await cli(['check', '--format', 'json', '--jobs', '1', 'fixtures']);
    const files = (JSON.parse(many.stdout) as Json).results.map((r) => r.file);
    expect(files).toEqual([...files].sort());
    expect(files).toContain('fixtures/dunfangdian-2021.txt');
    expect(many.stdout).toBe(one.stdout);
    expect(many.code).toBe(1);
  });

  it('a folder with an unreadable file still yields results for all the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-batch-'));
    copyFileSync('fixtures/dunfangdian-2021.txt', join(dir, 'a.txt'));
    copyFileSync('fixtures/README.md', join(dir, 'b.csv'));
    copyFileSync('fixtures/official-2022.xlsx', join(dir, 'c.xlsx'));
    const out = JSON.parse((await cli(['check', '--format', 'json', dir])).stdout) as Json;
    expect(out.results.map((r) => r.errorCount > 0)).toEqual([false, true, false]);
  });

  // The time-limit tests use files whose reading (or checking) takes about ten times the limit
  // here, and ordinary files that take a few hundredths of it: margins that a loaded machine, which
  // slows every file, does not close. Nothing is timed by the tests themselves.
  const LIMIT = '1s';
  /** Read with the limits raised: 1 GB of empty cells, about ten seconds (fixtures/bad/README.md). */
  const SLOW_TO_READ = 'fixtures/bad/blank-bomb.xlsx';
  const READ_ALL = ['--max-inflated-size', '2g', '--max-cells', '5000000'];
  const timedOut = (out: Json) => out.results.map((x) => x.diagnostics.find((d) => d.rule === 'file-unreadable')?.messageId ?? null);

  it.each(['1', '2'])('--timeout gives up on a file that takes too long to read (--jobs %s), and checks the ones queued behind it', async (jobs) => {
    const dir = mkdtempSync(join(tmpdir(), 'report-slow-'));
    copyFileSync(SLOW_TO_READ, join(dir, 'a-slow.xlsx'));
    copyFileSync('fixtures/official-2022.xlsx', join(dir, 'b.xlsx'));
    copyFileSync('fixtures/dunfangdian-2021.txt', join(dir, 'c.txt'));
    const r = await cli(['check', '--format', 'json', '--jobs', jobs, '--timeout', LIMIT, ...READ_ALL, dir]);
    const out = JSON.parse(r.stdout) as Json;
    expect(timedOut(out)).toEqual(['timeout', null, null]);
    expect(out.results[0]!.diagnostics[0]!.message).toContain('1 秒');
    expect(out.results.slice(1).map((x) => x.errorCount)).toEqual([0, 0]);
    expect(r.code).toBe(1);
  });

  it.each(['1', '2'])('--timeout on a file after others (--jobs %s): the ones done before it, their replies not yet sent, are done again', async (jobs) => {
    const dir = mkdtempSync(join(tmpdir(), 'report-slow-'));
    // A worker sends its replies a few files at a time: the first two wait for the slow third.
    copyFileSync('fixtures/official-2022.xlsx', join(dir, 'a.xlsx'));
    copyFileSync('fixtures/dunfangdian-2021.txt', join(dir, 'b.txt'));
    copyFileSync(SLOW_TO_READ, join(dir, 'c-slow.xlsx'));
    copyFileSync('fixtures/edition2019-2019.csv', join(dir, 'd.csv'));
    const r = await cli(['check', '--format', 'json', '--jobs', jobs, '--timeout', LIMIT, ...READ_ALL, dir]);
    const out = JSON.parse(r.stdout) as Json;
    expect(out.results.map((x) => x.file.slice(dir.length + 1))).toEqual(['a.xlsx', 'b.txt', 'c-slow.xlsx', 'd.csv']);
    expect(timedOut(out)).toEqual([null, null, 'timeout', null]);
    expect(out.results.map((x) => x.errorCount)).toEqual([0, 0, 1, 0]);
  });

  it('--timeout gives up on a file that reads quickly and takes too long to check, and checks the ones queued behind it on a new worker', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-slow-'));
    // A report JSON whose table-3 row has 600,000 columns: its 12 MB are read (decoded) in a few
    // hundredths of a second, and parsed into cells and checked in about four seconds.
    const columns = Array.from({ length: 600_000 }, (_, i) => `"k${i}":${i}.25`).join(',');
    writeFileSync(join(dir, 'a-slow.json'), `{"version":1,"edition":"2021","tables":{"t3":{"received":{${columns}}}}}`);
    copyFileSync('fixtures/official-2022.xlsx', join(dir, 'b.xlsx'));
    copyFileSync('fixtures/dunfangdian-2021.txt', join(dir, 'c.txt'));
    copyFileSync('fixtures/edition2019-2019.csv', join(dir, 'd.csv'));
    const r = await cli(['check', '--format', 'json', '--jobs', '2', '--timeout', LIMIT, dir]);
    const out = JSON.parse(r.stdout) as Json;
    expect(timedOut(out)).toEqual(['timeout', null, null, null]);
    expect(out.results.map((x) => x.errorCount)).toEqual([1, 0, 0, 0]);
    expect(r.code).toBe(1);
  });

  it('an empty shard checks nothing and ends (more parts than files)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-shard-'));
    copyFileSync('fixtures/official-2022.xlsx', join(dir, 'a.xlsx'));
    copyFileSync('fixtures/dunfangdian-2021.txt', join(dir, 'b.txt'));
    const r = await cli(['check', '--format', 'json', '--shard', '1/3', dir]);
    const out = JSON.parse(r.stdout) as Json;
    expect(out.results).toEqual([]);
    expect(out.summary).toMatchObject({ files: 0, clean: 0, withErrors: 0, warningsOnly: 0 });
    expect(r.code).toBe(0);
  });

  it('prints one summary for a batch, with the same numbers as the JSON summary', async () => {
    const r = await cli(['check', 'fixtures']);
    expect(r.stdout).toContain('最常见的问题：');
    expect(r.stdout).toContain('错误最多的文件：');
    const json = JSON.parse((await cli(['check', '--format', 'json', 'fixtures'])).stdout) as Json;
    const s = json.summary;
    const results = json.results;
    // One definition of clean (no errors, no warnings); the three kinds of file add up.
    expect(s.files).toBe(results.length);
    expect(s.clean).toBe(results.filter((x) => x.errorCount === 0 && x.warningCount === 0).length);
    expect(s.withErrors).toBe(results.filter((x) => x.errorCount > 0).length);
    expect(s.warningsOnly).toBe(results.filter((x) => x.errorCount === 0 && x.warningCount > 0).length);
    expect(s.clean + s.withErrors + s.warningsOnly).toBe(s.files);
    expect(s.errors).toBe(results.reduce((n, x) => n + x.errorCount, 0));
    expect(s.warnings).toBe(results.reduce((n, x) => n + x.warningCount, 0));
    const summaries = r.stdout.split('\n').filter((l) => /共检查|个文件：|汇总/.test(l));
    // fixtures/pdf/forms holds one report as a Word document and its PDF (and other folders hold
    // reports of fixtures/ as documents): said once, in the summary.
    expect(s.sameReports).toBeGreaterThanOrEqual(1);
    expect(summaries).toEqual([
      `共检查 ${s.files} 个文件：${s.clean} 个无问题，${s.withErrors} 个有错误（其中 ${s.unreadable} 个无法读取），${s.warningsOnly} 个只有警告；共 ${s.errors} 个错误，${s.warnings} 个警告。其中 ${s.sameReportFiles} 个文件是 ${s.sameReports} 份报告的不同形式（网页、PDF、Word 等），数字一致，不算重复提交`,
    ]);
    const en = (await cli(['check', '--lang', 'en', 'fixtures'])).stdout.split('\n').filter((l) => /files checked|Summary/.test(l));
    expect(en).toEqual([
      `${s.files} files checked: ${s.clean} clean, ${s.withErrors} with errors (${s.unreadable} unreadable), ${s.warningsOnly} with warnings only; ${s.errors} errors, ${s.warnings} warnings in all. ${s.sameReportFiles} of the files are ${s.sameReports} report${s.sameReports === 1 ? '' : 's'} in several forms (web page, PDF, Word …) that agree, not duplicates`,
    ]);
  });

  it('lists only files with findings; clean files are counted, and listed with --verbose', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-verbose-'));
    copyFileSync('fixtures/official-2022.xlsx', join(dir, 'clean.xlsx'));
    copyFileSync('fixtures/seeded-errors-2022.xlsx', join(dir, 'broken.xlsx'));
    const quiet = await cli(['check', dir]);
    expect(quiet.stdout).toContain('broken.xlsx');
    expect(quiet.stdout).not.toContain('clean.xlsx');
    expect(quiet.stdout).toContain('1 个无问题');
    // --quiet drops warnings, so a file with only warnings has nothing to list.
    copyFileSync('fixtures/edition2019-2019.csv', join(dir, 'warns.csv'));
    expect((await cli(['check', dir])).stdout).toContain('warns.csv');
    expect((await cli(['check', '--quiet', dir])).stdout).not.toContain('warns.csv');
    const verbose = await cli(['check', '--verbose', dir]);
    expect(verbose.stdout).toContain('clean.xlsx');
    expect(verbose.stdout).toContain('✔ 未发现问题');
  });

  it('names every file of a folder: report kinds (and archives) get a result, other files are counted as skipped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-kinds-'));
    mkdirSync(join(dir, 'sub'));
    copyFileSync('fixtures/official-2022.xlsx', join(dir, 'a.xlsx'));
    writeFileSync(join(dir, 'b.html'), '<html><body><p>年度报告</p></body></html>');
    for (const f of ['c.docx', 'd.xls', 'sub/e.pdf', 'f.doc', 'g.wps', 'h.htm', 'i.mht', 'j.ofd', 'k.et', 'l.ods', 'm.xlsb']) writeFileSync(join(dir, f), 'not really');
    for (const f of ['photo.png', 'sub/all.zip', 'notes', '~$a.xlsx']) writeFileSync(join(dir, f), 'x');
    writeFileSync(join(dir, '.DS_Store'), 'x');
    const json = JSON.parse((await cli(['check', '--format', 'json', dir])).stdout) as Json;
    const names = json.results.map((x) => x.file.slice(x.file.lastIndexOf('/') + 1));
    // A .zip is opened (tests/e2e/archives.test.ts); this one cannot be, and gets a result saying so.
    expect(names).toEqual(['a.xlsx', 'b.html', 'c.docx', 'd.xls', 'f.doc', 'g.wps', 'h.htm', 'i.mht', 'j.ofd', 'k.et', 'l.ods', 'm.xlsb', 'all.zip', 'e.pdf']);
    // The web page is read (it holds no report tables); the others are not what their names say.
    expect(json.results[1]!.diagnostics.map((d) => d.rule)).toContain('table-missing');
    expect(json.results[1]!.diagnostics.map((d) => d.rule)).not.toContain('file-unreadable');
    for (const r of json.results.slice(2)) expect(r.diagnostics.map((d) => d.rule)).toEqual(['file-unreadable']);
    expect(json.skipped.map((x) => [x.file.slice(dir.length + 1), x.kind])).toEqual([
      ['notes', '(none)'],
      ['photo.png', '.png'],
      ['~$a.xlsx', 'lock'],
    ]);
    expect(json.summary).toMatchObject({ files: 14, skipped: 3, skippedKinds: { '(none)': 1, '.png': 1, lock: 1 } });
    const text = (await cli(['check', dir])).stdout;
    expect(text).toContain('共检查 14 个文件');
    expect(text).toMatch(/另有 3 个文件不是报告，未检查（[^）]*\.png 1 个[^）]*）：.*photo\.png/);
    const sarif = JSON.parse((await cli(['check', '--format', 'sarif', dir])).stdout) as Sarif;
    const notes = sarif.runs[0]!.invocations[0]!.toolExecutionNotifications;
    expect(notes.map((n) => n.locations[0]!.physicalLocation.artifactLocation.uri.split('/').at(-1))).toEqual(['notes', 'photo.png', '~%24a.xlsx']);
  });

  it('a folder of web pages, Word documents and workbooks: each file its own result, in order (a page may wait for its parser to load)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-mixed-'));
    // More files than the pool sends a worker at once, the page among them, so that later messages arrive while it waits.
    const kinds = ['seeded-errors-2022.xlsx', 'cell-errors-2023.csv', 'documents/balanced-2022.docx', 'official-2022.xlsx', 'pages/word-2022.mht'];
    const sources = Array.from({ length: 41 }, (_, i) => (i === 20 ? 'pages/wps-2022.html' : kinds[i % kinds.length]!));
    sources.forEach((source, i) => copyFileSync(join('fixtures', source), join(dir, `${String(i).padStart(2, '0')}-${source.split('/').at(-1)}`)));
    const alone = [];
    for (const name of readdirSync(dir).sort()) alone.push((JSON.parse((await cli(['check', '--format', 'json', join(dir, name)])).stdout) as Json).results[0]!);
    for (const jobs of ['2', '3']) {
      const together = (JSON.parse((await cli(['check', '--format', 'json', '--jobs', jobs, dir])).stdout) as Json).results;
      // Copies of one report are duplicates of each other only in the folder run.
      const rules = (r: Json['results'][number]) => [r.file, r.diagnostics.map((d) => d.rule).filter((rule) => rule !== 'duplicate-report')];
      expect(together.map(rules)).toEqual(alone.map(rules));
    }
  });

  it('a folder of only other files says which kinds it reads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-none-'));
    writeFileSync(join(dir, 'photo.png'), 'x');
    const r = await cli(['check', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.docx');
    expect(r.stderr).toContain('.pdf');
    expect(r.stderr).toContain('只有 1 个其他文件');
  });

  it('--max-warnings fails the run when warnings exceed it', async () => {
    const file = 'fixtures/edition2019-2019.csv';
    expect((await cli(['check', file])).code).toBe(0);
    expect((await cli(['check', '--max-warnings', '0', file])).code).toBe(1);
    expect((await cli(['check', '--max-warnings', '1', file])).code).toBe(0);
    expect((await cli(['check', '--max-warnings', 'x', file])).code).toBe(2);
  });

  it('--rule changes a rule’s severity or turns it off', async () => {
    const file = 'fixtures/seeded-errors-2022.xlsx';
    const off = JSON.parse((await cli(['check', '--format', 'json', '--rule', 't4-total=off', file])).stdout) as Json;
    expect(off.results[0]!.diagnostics.map((d) => d.rule)).not.toContain('t4-total');
    const warn = await cli(['check', '--rule', 't3-balance=warning', '--rule', 't3-row-total=off', '--rule', 't3-result-total=off', '--rule', 't4-total=off', file]);
    expect(warn.code).toBe(0);
    expect((await cli(['check', '--rule', 'nope=off', file])).code).toBe(2);
  });

  it('--shard checks the i-th of n parts; the parts cover the folder once', async () => {
    const all = (JSON.parse((await cli(['check', '--format', 'json', 'fixtures'])).stdout) as Json).results.map((r) => r.file);
    const parts = [];
    for (const i of [1, 2, 3]) parts.push(...(JSON.parse((await cli(['check', '--format', 'json', '--shard', `${i}/3`, 'fixtures'])).stdout) as Json).results.map((r) => r.file));
    expect(parts).toEqual(all);
    expect((await cli(['check', '--shard', '4/3', 'fixtures'])).code).toBe(2);
  });

  it('-o / --output (and --output-file) writes the report and keeps the exit code', async () => {
    for (const flag of ['--output', '--output-file']) {
      const out = join(mkdtempSync(join(tmpdir(), 'report-out-')), 'r.json');
      expect((await cli(['check', '--format', 'json', flag, out, 'fixtures/official-2022.xlsx'])).code).toBe(0);
      expect((JSON.parse(readFileSync(out, 'utf8')) as Json).results).toHaveLength(1);
    }
    const out = join(mkdtempSync(join(tmpdir(), 'report-out-')), 'sub', 'r.json');
    const r = await cli(['check', '--format', 'json', '-o', out, 'fixtures/seeded-errors-2022.xlsx']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect((JSON.parse(readFileSync(out, 'utf8')) as Json).results[0]!.errorCount).toBe(5);
  });

  it('cross-year: a series of one body with a broken carry-over, within a batch and with --previous', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-years-'));
    mkdirSync(join(dir, 'in'));
    copyFileSync('fixtures/libreoffice-2021.xlsx', join(dir, 'in', '2021.xlsx'));
    copyFileSync('fixtures/gb18030-2022.csv', join(dir, 'in', '2022.csv'));
    copyFileSync('fixtures/utf8-bom-2023.csv', join(dir, 'in', '2023.csv'));
    const clean = JSON.parse((await cli(['check', '--format', 'json', join(dir, 'in')])).stdout) as Json;
    expect(clean.results.flatMap((r) => r.diagnostics.map((d) => d.rule))).toEqual([]);
    // 2023 checked against 2021 as its "previous": the carry-over no longer holds.
    const paired = JSON.parse((await cli(['check', '--format', 'json', '--previous', join(dir, 'in', '2021.xlsx'), join(dir, 'in', '2023.csv')])).stdout) as Json;
    expect(paired.results[0]!.diagnostics.map((d) => d.rule)).toContain('carry-over');
  });

  it('a path that matches nothing: exit 2 and one line', async () => {
    const r = await cli(['check', 'no/such/folder']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('report: 找不到文件：no/such/folder\n');
  });
});

describe('CI formats from the command line', () => {
  it('--format github writes the step summary where GITHUB_STEP_SUMMARY points', async () => {
    const summary = join(mkdtempSync(join(tmpdir(), 'report-gh-')), 'summary.md');
    const r = await cli(['check', '--format', 'github', 'fixtures/seeded-errors-2022.xlsx'], { GITHUB_STEP_SUMMARY: summary });
    expect(r.stdout).toMatch(/^::error file=fixtures\/seeded-errors-2022\.xlsx,line=32,/m);
    expect(readFileSync(summary, 'utf8')).toContain('seeded-errors-2022.xlsx');
  });

  it('--shard gives SARIF runs their own automation id', async () => {
    const r = await cli(['check', '--format', 'sarif', '--shard', '2/3', 'fixtures']);
    expect(JSON.parse(r.stdout).runs[0].automationDetails.id).toBe('report/shard-2-of-3');
  });
});
