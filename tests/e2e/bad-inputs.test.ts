// The hostile and broken inputs of fixtures/bad (scripts/make-bad-fixtures.mjs): `report check` on
// the folder gives every file its expected outcome, exits 1, prints no stack trace and stays well
// within memory. The large cases (a 100 MB CSV, a million-row sheet, a 60 MB and a 20 MB web page)
// are generated into a temporary folder, not committed. Their timeouts are watchdogs against a hang,
// not measures of speed: the 20 MB page is read in about 2 s on a development machine.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

interface Expected {
  expect: 'unreadable' | 'findings' | 'clean' | 'any';
  reason?: string;
  rules?: string[];
  large: boolean;
}

interface Json {
  results: Array<{ file: string; errorCount: number; diagnostics: Array<{ rule: string; severity: string; messageId: string }> }>;
}

const EXPECTED = (JSON.parse(readFileSync(join(ROOT, 'fixtures/bad.expected.json'), 'utf8')) as { files: Record<string, Expected> }).files;

/**
 * Peak resident memory of the process, printed on stderr when it exits: VmHWM, the peak of this
 * process's own memory. (getrusage's maxRSS is not: Linux keeps it across fork and exec, so a child
 * of a large process reports at least its parent's size; a test runner that has read PDFs is one.
 * The data URL holds no `?` or `#`, which a URL would take for its query or fragment.)
 */
const MAXRSS =
  'data:text/javascript,import { readFileSync } from "node:fs"; process.on("exit", () => { const hwm = /VmHWM:\\s+(\\d+)/.exec(readFileSync("/proc/self/status", "utf8")); process.stderr.write("MAXRSS " + (hwm || [0, process.resourceUsage().maxRSS])[1] + "\\n"); })';

function checkFolder(folder: string) {
  const r = spawnSync(process.execPath, ['--import', MAXRSS, 'bin/report.js', 'check', '--format', 'json', '--no-progress', folder], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const rssMb = Number(/MAXRSS (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
  return { code: r.status, stderr: r.stderr.replace(/MAXRSS \d+\n/, ''), json: JSON.parse(r.stdout) as Json, rssMb };
}

function outcomeProblems(json: Json, files: string[]): string[] {
  const byName = new Map(json.results.map((r) => [r.file.split('/').pop()!, r]));
  const problems: string[] = [];
  for (const name of files) {
    const want = EXPECTED[name]!;
    const got = byName.get(name);
    if (!got) {
      problems.push(`${name}: no result`);
      continue;
    }
    const rules = got.diagnostics.map((d) => d.rule);
    const unreadable = got.diagnostics.find((d) => d.rule === 'file-unreadable');
    if (want.expect === 'unreadable' && unreadable?.messageId !== want.reason) problems.push(`${name}: wanted file-unreadable/${want.reason}, got ${unreadable?.messageId ?? rules.join(',')}`);
    if (want.expect === 'findings' && !want.rules!.every((r) => rules.includes(r))) problems.push(`${name}: wanted ${want.rules!.join(',')}, got ${rules.join(',')}`);
    if (want.expect === 'clean' && got.errorCount > 0) problems.push(`${name}: wanted clean, got ${rules.join(',')}`);
  }
  return problems;
}

describe('report check fixtures/bad', () => {
  it('gives every committed file its expected outcome, exit 1, no stack trace, well under 1 GB', () => {
    const committed = Object.keys(EXPECTED).filter((f) => !EXPECTED[f]!.large);
    expect(readdirSync(join(ROOT, 'fixtures/bad')).filter((f) => !['README.md', '.gitignore'].includes(f) && !EXPECTED[f]?.large).sort()).toEqual(committed.sort());
    const run = checkFolder('fixtures/bad');
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/\n\s+at |Error:/);
    expect(run.json.results).toHaveLength(committed.length);
    expect(outcomeProblems(run.json, committed)).toEqual([]);
    expect(run.rssMb).toBeLessThan(700);
  }, 120_000);

  const large = mkdtempSync(join(tmpdir(), 'report-bad-large-'));
  afterAll(() => rmSync(large, { recursive: true, force: true }));

  it('gives the large cases (a 100 MB CSV, a million-row sheet, web pages of 60 MB and 20 MB) theirs too, within memory', () => {
    const made = spawnSync(process.execPath, ['scripts/make-bad-fixtures.mjs', large, '--large'], { cwd: ROOT, encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    const names = Object.keys(EXPECTED).filter((f) => EXPECTED[f]!.large);
    for (const name of readdirSync(large)) if (!names.includes(name)) rmSync(join(large, name), { recursive: true });
    const run = checkFolder(large);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/\n\s+at |Error:/);
    expect(outcomeProblems(run.json, names)).toEqual([]);
    expect(run.rssMb).toBeLessThan(700);
  }, 300_000);
});
