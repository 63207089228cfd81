// `report convert`, `report template`, `report schema` and `report check --annotate` as users run them:
// outputs, round trips through our own reader, safe writing, and exit codes.

import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile, loadReport } from '../src/index.js';
import { normalize } from '../src/writers/normalize.js';
import { cli } from './helpers/cli.js';

const FIXTURES = readdirSync('fixtures').filter((f) => /\.(xlsx|csv|tsv|txt)$/.test(f)).sort();
/** Every rule but cell-number-text (how a number was written is normalized) and metadata-missing (the title is written). */
const IDENTITY_AND_STRUCTURE = new Set(['t3-balance', 't3-row-total', 't3-result-total', 't4-total', 'table-missing', 'row-missing', 'column-missing', 'edition-mismatch', 'cell-negative', 'cell-not-integer', 'cell-not-number', 'cell-blank']);
const tmp = () => mkdtempSync(join(tmpdir(), 'report-cli-'));
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function keyFindings(file: string) {
  return (await checkFile(file)).diagnostics.filter((d) => IDENTITY_AND_STRUCTURE.has(d.rule)).map((d) => `${d.rule} ${d.table} ${d.row} ${d.column}`);
}

describe('report convert --to json', () => {
  it('prints the normalized report with the source hash', async () => {
    const r = await cli(['convert', '--to', 'json', 'fixtures/dunfangdian-2021.txt']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ version: 1, edition: '2021', agency: '顿坊店乡人民政府', year: 2021 });
    expect(out.source).toEqual({ file: 'fixtures/dunfangdian-2021.txt', sha256: sha('fixtures/dunfangdian-2021.txt') });
    expect(out.tables.t2.coercion.decisions).toBe(22);
  });

  it('several inputs give an array; an unreadable one is named on stderr and makes exit 1', async () => {
    const r = await cli(['convert', '--to', 'json', 'fixtures/dunfangdian-2021.txt', 'fixtures/README.md', 'fixtures/utf16-2022.txt']);
    expect(JSON.parse(r.stdout).map((x: { agency: string }) => x.agency)).toEqual(['顿坊店乡人民政府', '示例县水利局']);
    expect(r.stderr).toContain('fixtures/README.md');
    expect(r.code).toBe(1);
  });
});

describe('report convert --to xlsx: round trip', () => {
  it.each(FIXTURES)('%s -> json -> xlsx -> check -> json keeps values, keys and findings', async (file) => {
    const dir = tmp();
    const source = `fixtures/${file}`;
    const before = sha(source);
    const out = join(dir, 'official.xlsx');
    const r = await cli(['convert', '--to', 'xlsx', source, '-o', out]);
    expect(r.code).toBe(0);
    const original = normalize(await loadReport(source));
    const back = normalize(await loadReport(out));
    expect(back.tables).toEqual(original.tables);
    expect([back.agency, back.year, back.edition]).toEqual([original.agency, original.year, original.edition]);
    expect(await keyFindings(out)).toEqual(await keyFindings(source));
    expect(sha(source)).toBe(before);
  });

  it.each(FIXTURES)('%s -> json -> xlsx -> check -> json is identical (values and keys) and fails the same identities', async (file) => {
    const dir = tmp();
    const source = `fixtures/${file}`;
    const json = join(dir, 'a.json');
    const xlsx = join(dir, 'b.xlsx');
    expect((await cli(['convert', '--to', 'json', source, '-o', json])).code).toBe(0);
    expect((await cli(['convert', '--to', 'xlsx', json, '-o', xlsx])).code).toBe(0);
    const first = JSON.parse(readFileSync(json, 'utf8'));
    const again = JSON.parse((await cli(['convert', '--to', 'json', xlsx])).stdout);
    expect(again.tables).toEqual(first.tables);
    expect([again.agency, again.year, again.edition]).toEqual([first.agency, first.year, first.edition]);
    // A JSON report has no cells to sort its findings by: compare them as sets.
    const identities = (f: string[]) => f.filter((x) => /^(t3-|t4-|table-missing|row-missing|column-missing)/.test(x)).sort();
    expect(identities(await keyFindings(xlsx))).toEqual(identities(await keyFindings(source)));
    expect(identities(await keyFindings(json))).toEqual(identities(await keyFindings(source)));
  });

  it('several inputs into a folder, one workbook each', async () => {
    const dir = tmp();
    const r = await cli(['convert', '--to', 'xlsx', 'fixtures/dunfangdian-2021.txt', 'fixtures/gb18030-2022.csv', '-o', join(dir, 'out')]);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['dunfangdian-2021.official.xlsx', 'gb18030-2022.official.xlsx']);
  });
});

describe('report convert --to csv', () => {
  it('writes one combined table with a BOM to -o', async () => {
    const dir = tmp();
    const out = join(dir, 'all.csv');
    const r = await cli(['convert', '--to', 'csv', 'fixtures/dunfangdian-2021.txt', 'fixtures/edition2019-2019.csv', '-o', out]);
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\ufeffagency,year,edition,table,row,column,label,value')).toBe(true);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(1 + 200 + 198);
  });
});

describe('safe output', () => {
  it('refuses to write over an input: one line, exit 2, the input unchanged', async () => {
    const before = sha('fixtures/dunfangdian-2021.txt');
    const r = await cli(['convert', '--to', 'json', 'fixtures/dunfangdian-2021.txt', '-o', 'fixtures/dunfangdian-2021.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('report: 不能写到输入文件上：fixtures/dunfangdian-2021.txt（请换一个输出文件名）\n');
    expect(sha('fixtures/dunfangdian-2021.txt')).toBe(before);
  });

  it('an output that is a folder, or under a file: one line, exit 2', async () => {
    const dir = tmp();
    expect((await cli(['convert', '--to', 'json', 'fixtures/dunfangdian-2021.txt', '-o', dir])).stderr).toMatch(/^report: 输出路径是一个文件夹/);
    const under = await cli(['convert', '--lang', 'en', '--to', 'json', 'fixtures/dunfangdian-2021.txt', '-o', 'fixtures/README.md/x.json']);
    expect(under.code).toBe(2);
    expect(under.stderr).toBe('report: cannot write fixtures/README.md/x.json: part of the path is a file, not a folder\n');
  });
});

describe('report check --annotate', () => {
  it('writes the marked-up workbook and keeps the exit code of the check', async () => {
    const dir = tmp();
    const out = join(dir, 'marked.xlsx');
    const r = await cli(['check', 'fixtures/seeded-errors-2022.xlsx', '--annotate', out]);
    expect(r.code).toBe(1);
    expect(statSync(out).size).toBeGreaterThan(5000);
    expect(await keyFindings(out)).toEqual(await keyFindings('fixtures/seeded-errors-2022.xlsx'));
  });

  it('needs exactly one input', async () => {
    const r = await cli(['check', 'fixtures/dunfangdian-2021.txt', 'fixtures/gb18030-2022.csv', '--annotate', join(tmp(), 'x.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('report: --annotate 只能用于一个输入文件\n');
  });

  it('writes the official-layout workbook for a Word document or a web page too; a .docx only for a Word document; nothing else', async () => {
    const out = join(tmp(), 'page.xlsx');
    expect((await cli(['check', 'fixtures/pages/wps-2022.html', '--annotate', out])).code).toBe(0);
    expect((await loadReport(out)).agency?.value).toBe('示例县退役军人事务局');
    const word = join(tmp(), '标注.docx');
    expect((await cli(['check', 'fixtures/documents/balanced-2022.docx', '--annotate', word])).code).toBe(0);
    expect((await loadReport(word)).agency?.value).toBe((await loadReport('fixtures/documents/balanced-2022.docx')).agency?.value);
    for (const [input, wrong] of [
      ['fixtures/pages/wps-2022.html', join(tmp(), '标注.docx')],
      ['fixtures/documents/balanced-2022.docx', join(tmp(), '标注.pdf')],
    ] as const) {
      const r = await cli(['check', input, '--annotate', wrong]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('.xlsx');
      expect(existsSync(wrong)).toBe(false);
    }
  });
});

describe('report template and schema', () => {
  it.each(['2021', '2019'])('the %s template checks as a blank report of that edition', async (edition) => {
    const out = join(tmp(), `t-${edition}.xlsx`);
    expect((await cli(['template', '--edition', edition, '-o', out])).code).toBe(0);
    const result = await checkFile(out);
    expect(result.edition).toBe(edition);
    expect(new Set(result.diagnostics.map((d) => d.rule))).toEqual(new Set(['cell-blank', 'metadata-missing']));
  });

  it('--to csv prints the skeleton, which reads back as a blank report', async () => {
    const r = await cli(['template', '--to', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('三、收到和处理政府信息公开申请情况');
    expect(r.stdout).toContain('填报单位');
  });

  it('schema prints a JSON Schema', async () => {
    const r = await cli(['schema']);
    expect(JSON.parse(r.stdout)).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', required: expect.arrayContaining(['tables']) });
  });
});
