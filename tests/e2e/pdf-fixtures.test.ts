// The PDFs of fixtures/pdf (scripts/make-pdf-fixtures.py: Word documents exported by LibreOffice):
// each gives exactly the findings fixtures/pdf/expected.json lists, on the pages it lists, and
// converts to its figures; two forms of one report are one report, two that disagree are a
// rendering-mismatch naming the cells. Also the same report as pdftotext -layout text.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { reportFromJson } from '../../src/extract/normalized.js';
import { reportSchema } from '../../src/writers/schema.js';
import { cli, ROOT } from '../helpers/cli.js';

const DIR = join(ROOT, 'fixtures/pdf');

interface Expected {
  agency?: string;
  year?: number;
  edition?: string;
  readable: boolean;
  findings: Array<{ rule: string; messageId?: string; table: string | null; row: string | null; column: string | null; page?: number; pages?: number[] }>;
  figures?: Record<string, Record<string, Record<string, number | null>>>;
}

const EXPECTED = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as {
  files: Record<string, Expected>;
  pairs: Array<{ docx: string; pdf: string; differences: Array<{ table: string; row: string; column: string; docx: number; pdf: number }> }>;
};

interface Json {
  results: Array<{
    file: string;
    agency: string | null;
    year: number | null;
    edition: string | null;
    diagnostics: Array<{ rule: string; messageId: string; message: string; table: string | null; row: string | null; column: string | null; page: number | null; sheet: string | null }>;
    sameReport?: Array<{ file: string; kind: string }>;
  }>;
  summary: { sameReports: number; sameReportFiles: number };
}

const singles = Object.keys(EXPECTED.files).filter((name) => !name.includes('/'));

describe('fixtures/pdf', () => {
  it.each(singles)('%s gives exactly the expected findings, on the expected pages', async (name) => {
    const expected = EXPECTED.files[name]!;
    const r = await cli(['check', '--format', 'json', join(DIR, name)]);
    const [result] = (JSON.parse(r.stdout) as Json).results;
    expect(result!.diagnostics.map(key).sort()).toEqual(expected.findings.map(key).sort());
    for (const f of expected.findings) {
      const d = result!.diagnostics.find((x) => key(x) === key(f))!;
      if (f.messageId) expect(d.messageId).toBe(f.messageId);
      if (f.page !== undefined) expect(d.page).toBe(f.page);
      if (f.pages !== undefined) expect(f.pages).toContain(d.page);
    }
    if (expected.readable) expect({ agency: result!.agency, year: result!.year, edition: result!.edition }).toEqual({ agency: expected.agency, year: expected.year, edition: expected.edition });
  });

  it.each(singles.filter((name) => EXPECTED.files[name]!.figures))('%s converts to its figures', async (name) => {
    const r = await cli(['convert', '--to', 'json', join(DIR, name)]);
    expect(r.code, r.stderr).toBe(0);
    const tables = (JSON.parse(r.stdout) as { tables: Record<string, Record<string, Record<string, number | null>>> }).tables;
    for (const [table, rows] of Object.entries(EXPECTED.files[name]!.figures!)) {
      for (const [row, cells] of Object.entries(rows)) for (const [column, value] of Object.entries(cells)) expect(tables[table]?.[row]?.[column], `${table}.${row}.${column}`).toBe(value);
    }
  });

  it('--annotate on a PDF writes the official-layout workbook marked, with the PDF’s findings', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'pdf-annotate-')), '标注.xlsx');
    const r = await cli(['check', join(DIR, 'seeded-errors-2022.pdf'), '--annotate', out]);
    expect(r.code).toBe(1);
    const again = JSON.parse((await cli(['check', '--format', 'json', out])).stdout) as Json;
    // (The workbook's 检查结果 sheet, which lists the findings, is itself taken for a second table 4.)
    const balancing = again.results[0]!.diagnostics.filter((d) => d.rule !== 'table-duplicate');
    expect(balancing.map(key).sort()).toEqual(EXPECTED.files['seeded-errors-2022.pdf']!.findings.map(key).sort());
  });

  it('converts to normalized JSON the schema accepts, its paragraphs with their pages, and reads it back the same', async () => {
    const r = await cli(['convert', '--to', 'json', join(DIR, 'portrait-2022.pdf')]);
    const json = JSON.parse(r.stdout) as { paragraphs: Array<{ page: number }> };
    const validate = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true }).compile(reportSchema());
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json.paragraphs.map((p) => p.page)).toContain(2);
    expect(reportFromJson('r.json', r.stdout).paragraphs).toEqual(json.paragraphs);
  });

  it('says a picture is likely the missing table, and names its page', async () => {
    const r = await cli(['check', join(DIR, 'image-table-2022.pdf')]);
    expect(r.stdout).toContain('找不到表三（三、收到和处理政府信息公开申请情况）：第 2 页有表格大小的图片');
  });

  it('one report as a Word document and a PDF is one report; two forms that disagree are a rendering-mismatch naming each cell with both values', async () => {
    const r = await cli(['check', '--format', 'json', join(DIR, 'forms')]);
    const json = JSON.parse(r.stdout) as Json;
    const byName = (n: string) => json.results.find((x) => x.file.endsWith(n))!;
    const [same, mismatch] = EXPECTED.pairs.sort((a, b) => a.differences.length - b.differences.length);
    for (const f of [same!.docx, same!.pdf]) {
      expect(byName(f).diagnostics).toEqual([]);
      expect(byName(f).sameReport?.map((s) => s.kind).sort()).toEqual(['docx', 'pdf']);
    }
    expect(json.summary).toMatchObject({ sameReports: 1, sameReportFiles: 2 });
    const found = byName(mismatch!.pdf).diagnostics;
    expect(found.map((d) => d.rule)).toEqual(['rendering-mismatch']);
    expect(found[0]!.message).toContain(`但有 ${mismatch!.differences.length} 个格子的数字不同`);
    expect(found[0]!.message).toContain(`表三（一）予以公开·自然人 ${mismatch!.differences[0]!.pdf} 与 ${mismatch!.differences[0]!.docx}`);
    expect(byName(mismatch!.docx).diagnostics.map((d) => d.rule)).toEqual(['rendering-mismatch']);
    expect(r.code).toBe(1);
  });

  it('reads a landscape page, a repeated header and a footer between a table’s halves as one table, and keeps the text', async () => {
    for (const name of ['landscape-2023.pdf', 'repeated-header-2022.pdf', 'portrait-2022.pdf']) {
      const r = await cli(['convert', '--to', 'json', join(DIR, name)]);
      const doc = JSON.parse(r.stdout) as { paragraphs: Array<{ text: string; page: number }> };
      expect(doc.paragraphs[0]!.text, name).toMatch(/年政府信息公开工作年度报告$/);
      expect(doc.paragraphs.some((p) => /^-?\s*\d+\s*-?$|^第 \d+ 页$/.test(p.text)), `${name}: a page footer taken for text`).toBe(false);
    }
  });
});

const POPPLER = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('text laid out by position', () => {
  it('reads fixtures/pdf/portrait-2022.txt (pdftotext -layout of the PDF, committed) to the same figures as the PDF', async () => {
    const fromText = await cli(['convert', '--to', 'json', join(DIR, 'portrait-2022.txt')]);
    const fromPdf = await cli(['convert', '--to', 'json', join(DIR, 'portrait-2022.pdf')]);
    expect(JSON.parse(fromText.stdout).tables).toEqual(JSON.parse(fromPdf.stdout).tables);
  });

  it.skipIf(!POPPLER)('reads pdftotext -layout output of every readable fixture to the figures of its PDF', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layout-'));
    for (const name of singles.filter((n) => EXPECTED.files[n]!.figures && !n.includes('password'))) {
      const txt = join(dir, name.replace(/\.pdf$/, '.txt'));
      execFileSync('pdftotext', ['-layout', join(DIR, name), txt]);
      const r = await cli(['convert', '--to', 'json', txt]);
      const tables = (JSON.parse(r.stdout) as { tables: Record<string, Record<string, Record<string, number | null>>> }).tables;
      for (const [table, rows] of Object.entries(EXPECTED.files[name]!.figures!)) {
        for (const [row, cells] of Object.entries(rows)) for (const [column, value] of Object.entries(cells)) expect(tables[table]?.[row]?.[column], `${name} ${table}.${row}.${column}`).toBe(value);
      }
    }
  }, 60_000);
});

/** A finding as the expected findings name it (as the shared conformance compare.py does): a column's identity by its column, a row's by its row. */
function key(f: { rule: string; table: string | null; row: string | null; column: string | null }): string {
  if (f.rule === 't3-balance' || f.rule === 't3-result-total') return `${f.rule} ${f.column}`;
  if (f.rule === 't3-row-total' || f.rule === 't4-total') return `${f.rule} ${f.row}`;
  return `${f.rule} ${f.table} ${f.row ?? ''} ${f.column ?? ''}`;
}
