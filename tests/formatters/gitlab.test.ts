// The GitLab Code Quality formatter: required fields, severities, unique fingerprints, lines.begin.

import { beforeAll, describe, expect, it } from 'vitest';
import { FORMATTERS } from '../../src/formatters/index.js';
import { gitlab } from '../../src/formatters/gitlab.js';
import { batch, CHINESE, context, type Batch } from './results.js';

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

let b: Batch;
let issues: Issue[];
beforeAll(async () => {
  b = await batch();
  issues = JSON.parse(gitlab.format(b.all, context({ cwd: b.dir }))) as Issue[];
});

describe('gitlab', () => {
  it('is registered as a --format choice', () => {
    expect(FORMATTERS.get('gitlab')).toBe(gitlab);
  });

  it('writes one issue per finding with every field GitLab requires', () => {
    expect(issues).toHaveLength(b.all.reduce((n, r) => n + r.diagnostics.length, 0));
    for (const issue of issues) {
      expect(issue.description.length).toBeGreaterThan(0);
      expect(issue.check_name).toMatch(/^[a-z0-9-]+$/);
      expect(issue.fingerprint.length).toBeGreaterThan(0);
      expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(issue.severity);
      expect(issue.location.path).not.toMatch(/^\.\/|\\|^\//);
      expect(Number.isInteger(issue.location.lines.begin) && issue.location.lines.begin >= 1).toBe(true);
    }
  });

  it('maps error to major, warning to minor and an unreadable file to blocker', () => {
    const severities = (file: string) => issues.filter((i) => i.location.path === file).map((i) => [i.check_name, i.severity]);
    expect(severities('fixtures/cell-errors-2023.csv')).toEqual(b.cells.diagnostics.map((d) => [d.rule, d.severity === 'error' ? 'major' : 'minor']));
    expect(severities('fixtures/README.md')).toEqual([['file-unreadable', 'blocker']]);
  });

  it('points at the worksheet row, the text line, or line 1 when there is no cell', () => {
    const begin = (file: string) => issues.filter((i) => i.location.path === file).map((i) => i.location.lines.begin);
    expect(begin('fixtures/seeded-errors-2022.xlsx')).toEqual(b.seeded.diagnostics.map((d) => d.sheetRow));
    expect(begin('fixtures/cell-errors-2023.csv')).toEqual(b.cells.diagnostics.map((d) => d.line));
    expect(begin('fixtures/README.md')).toEqual([1]);
  });

  it('uses the path relative to cwd', () => {
    expect(issues.filter((i) => i.location.path === CHINESE)).toHaveLength(b.chinese.diagnostics.length);
  });

  it('writes the description in the language asked for', () => {
    const [first] = JSON.parse(gitlab.format([b.seeded], context({ lang: 'en' }))) as Issue[];
    expect(first!.description).toBe(b.seeded.diagnostics[0]!.messages.en);
  });

  it('keeps the diagnostic fingerprints and makes repeats unique, the same way every time', () => {
    expect(issues.map((i) => i.fingerprint)).toEqual(b.all.flatMap((r) => r.diagnostics.map((d) => d.fingerprint)));
    const twice = gitlab.format([b.seeded, b.seeded, b.seeded], context());
    const fingerprints = (JSON.parse(twice) as Issue[]).map((i) => i.fingerprint);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
    expect(fingerprints.slice(0, b.seeded.diagnostics.length)).toEqual(b.seeded.diagnostics.map((d) => d.fingerprint));
    expect(gitlab.format([b.seeded, b.seeded, b.seeded], context())).toBe(twice);
  });

  it('writes an empty array for no findings', () => {
    expect(JSON.parse(gitlab.format([b.clean], context()))).toEqual([]);
  });
});
