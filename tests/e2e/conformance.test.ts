// The shared conformance examples (../shared/conformance), compared by their own script
// (compare.py): skipped with a notice in a clone without ../shared, required under CI=true.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyLevel } from '../../src/model/divisions.js';
import { decodePage } from '../../src/readers/html.js';
import { cli } from '../helpers/cli.js';
import { agree } from '../helpers/page-tree.js';
import { sharedPath } from '../helpers/shared.js';

const DIR = sharedPath('conformance/files') && sharedPath('conformance');

describe.skipIf(!DIR)('conformance examples', () => {
  it('every file gives exactly the expected findings', async () => {
    const dir = DIR!;
    const files = readdirSync(join(dir, 'files')).sort().map((f) => join(dir, 'files', f));
    expect(files.length).toBeGreaterThan(0);
    const { stdout } = await cli(['check', '--format', 'json', ...files]);
    const out = join(mkdtempSync(join(tmpdir(), 'conformance-')), 'conf.json');
    writeFileSync(out, stdout);
    const compare = spawnSync('python3', [join(dir, 'compare.py'), out, join(dir, 'expected')], { encoding: 'utf8' });
    const lines = compare.stdout.trim().split('\n');
    expect(lines.at(-1)).toMatch(new RegExp(`^conformance: ${files.length}/${files.length} files exact`));
    expect(compare.status, compare.stdout + compare.stderr).toBe(0);
  });
});

/** The published renderings: Word documents, web pages and PDFs. */
const PUBLISHED = ['*.docx', '*.html', '*.htm', '*.pdf'];
const PUBLISHED_DIR = sharedPath('conformance/published/files') && sharedPath('conformance/published');
const isPublished = (name: string) => PUBLISHED.some((glob) => name.endsWith(glob.slice(1)));

interface Expected {
  agency: string;
  year: number;
  format: string;
  t2_known: boolean;
  values: Record<string, Record<string, Record<string, number | null>>>;
  /** The rules about the text the document must raise (none when absent). */
  docfindings?: string[];
}

/** The rules about a report's text: what `docfindings` lists. */
const DOCUMENT_RULES = new Set(['section-missing', 'text-table-mismatch', 'period-year-mismatch', 'fee-note-missing', 'text-repeated']);

describe.skipIf(!PUBLISHED_DIR)('published conformance examples (Word documents, web pages, PDFs)', () => {
  const dir = PUBLISHED_DIR!;
  const files = () => readdirSync(join(dir, 'files')).filter(isPublished).sort().map((f) => join(dir, 'files', f));

  it('every web page is read without parse5, and as parse5 reads it', async () => {
    const pages = files().filter((f) => /\.html?$/.test(f));
    expect(pages.length).toBeGreaterThanOrEqual(6);
    for (const page of pages) expect(await agree(decodePage(readFileSync(page)).pieces, page), page).toBe(true);
  });

  it('every Word document, web page and PDF gives exactly the expected findings', async () => {
    const inputs = files();
    expect(inputs.length).toBeGreaterThanOrEqual(18);
    const { stdout } = await cli(['check', '--format', 'json', ...inputs]);
    const out = join(mkdtempSync(join(tmpdir(), 'conformance-')), 'published.json');
    writeFileSync(out, stdout);
    for (const glob of PUBLISHED) {
      const compare = spawnSync('python3', [join(dir, '..', 'compare.py'), out, join(dir, 'expected'), '--only', glob], { encoding: 'utf8' });
      expect(compare.status, `${glob}: ${compare.stdout}${compare.stderr}`).toBe(0);
    }
  });

  it('every Word document, web page and PDF raises exactly the rules about the text its expected file lists (docfindings)', async () => {
    const inputs = files();
    const { stdout } = await cli(['check', '--format', 'json', ...inputs]);
    const results = (JSON.parse(stdout) as { results: Array<{ file: string; diagnostics: Array<{ rule: string; paragraph?: number }> }> }).results;
    let documents = 0;
    for (const r of results) {
      const name = r.file.slice(r.file.lastIndexOf('/') + 1);
      const expected = JSON.parse(readFileSync(join(dir, 'expected', `${name}.json`), 'utf8')) as Expected;
      const raised = r.diagnostics.filter((d) => DOCUMENT_RULES.has(d.rule));
      expect([...new Set(raised.map((d) => d.rule))].sort(), name).toEqual([...(expected.docfindings ?? [])].sort());
      // Each is located at a paragraph of the narrative.
      for (const d of raised) expect(d.paragraph, `${name} ${d.rule}`).toBeGreaterThan(0);
      if (expected.docfindings?.length) documents++;
    }
    expect(documents).toBeGreaterThanOrEqual(4);
  });

  it('every Word document, web page and PDF converts to the expected body, year, edition and values', async () => {
    for (const file of files()) {
      const name = file.slice(file.lastIndexOf('/') + 1);
      const expected = JSON.parse(readFileSync(join(dir, 'expected', `${name}.json`), 'utf8')) as Expected;
      const r = await cli(['convert', '--to', 'json', file]);
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      const got = JSON.parse(r.stdout) as { agency: string; year: number; edition: string; tables: Expected['values'] };
      expect({ agency: got.agency, year: got.year, edition: got.edition }, name).toEqual({ agency: expected.agency, year: expected.year, edition: expected.format });
      for (const [table, rows] of Object.entries(expected.values)) {
        if (table === 't2' && !expected.t2_known) continue;
        for (const [row, cells] of Object.entries(rows)) {
          for (const [column, value] of Object.entries(cells)) expect(got.tables[table]?.[row]?.[column], `${name} ${table}.${row}.${column}`).toBe(value);
        }
      }
    }
  });
});

/** The plausibility rules (what a body's level allows) on every conformance report, tables and published forms. */
describe.skipIf(!DIR)('plausibility rules on the conformance reports', () => {
  it('give no finding: a township with no 规章 and no fee, and a body no division list holds', async () => {
    const dir = DIR!;
    const files = [
      ...readdirSync(join(dir, 'files')).map((f) => join(dir, 'files', f)),
      ...(PUBLISHED_DIR ? readdirSync(join(PUBLISHED_DIR, 'files')).filter(isPublished).map((f) => join(PUBLISHED_DIR, 'files', f)) : []),
    ];
    const { stdout } = await cli(['check', '--format', 'json', ...files]);
    const results = (JSON.parse(stdout) as { results: Array<{ agency: string | null; diagnostics: Array<{ rule: string }> }> }).results;
    expect(results).toHaveLength(files.length);
    expect(results.flatMap((r) => r.diagnostics.filter((d) => d.rule === 'rule-power' || d.rule === 'fee-unit'))).toEqual([]);
    // What the level reader makes of their bodies: the township is placed, the made-up county is not.
    const levels = new Map(results.map((r) => [r.agency, bodyLevel(r.agency ?? '')?.level ?? null]));
    expect(Object.fromEntries(levels)).toEqual({ 顿坊店乡人民政府: 'township', 示例县人民政府办公室: null });
  });
});
