// A real spreadsheet application opens what we write: LibreOffice (headless) converts the official
// layout, the annotated copy and filled templates to CSV and PDF. The CSV shows the values and the
// template's own check formulas as LibreOffice computes them; the PDF renders, and poppler's
// pdftotext shows what lands on which printed page.
// Skipped with a message where LibreOffice or poppler is absent locally; in CI (.ci/run installs
// them, and the CJK font the page breaks depend on) never.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkReport } from '../src/engine/index.js';
import { loadReport } from '../src/index.js';
import { DEFAULT_LIMITS } from '../src/readers/limits.js';
import { ZipArchive } from '../src/readers/zip.js';
import { annotateDocx } from '../src/writers/docx.js';
import { officialLayout } from '../src/model/layout.js';
import { layoutFor } from '../src/writers/layout.js';
import { blankReport, normalize, type NormalizedReport } from '../src/writers/normalize.js';
import { writeOfficialXlsx } from '../src/writers/xlsx.js';
import { fillTemplate } from './helpers/template.js';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));
const REQUIRED = Boolean(process.env.CI);
if (!SOFFICE && !REQUIRED) console.warn('LibreOffice (soffice) not found: skipping tests/libreoffice.test.ts (apt-get install libreoffice-calc-nogui)');
const poppler = (tool: string) => ['/usr/bin', '/usr/local/bin'].map((d) => join(d, tool)).find((p) => existsSync(p));
const PDFTOTEXT = poppler('pdftotext');
const PDFINFO = poppler('pdfinfo');
const POPPLER = Boolean(PDFTOTEXT && PDFINFO);
if (SOFFICE && !POPPLER && !REQUIRED) console.warn('pdftotext or pdfinfo not found: skipping the printed-page tests of tests/libreoffice.test.ts (apt-get install poppler-utils)');

// Writer (libreoffice-writer-nogui) opens the annotated Word document.
const WRITER = Boolean(SOFFICE) && ['/usr/lib/libreoffice/program/libswlo.so', '/opt/libreoffice/program/libswlo.so'].some((p) => existsSync(p));
if (SOFFICE && !WRITER && !REQUIRED) console.warn('LibreOffice Writer not found: skipping the Word tests of tests/libreoffice.test.ts (apt-get install libreoffice-writer-nogui)');

const dir = mkdtempSync(join(tmpdir(), 'report-lo-'));

/** The filters: CSV of a sheet; PDF of a workbook; PDF of a Word document, its comments as PDF annotations. */
const FILTERS = {
  csv: 'csv:Text - txt - csv (StarCalc):44,34,76,1',
  pdf: 'pdf',
  'docx-pdf': 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}',
};

function convert(format: keyof typeof FILTERS, files: string[]): void {
  const filter = FILTERS[format];
  execFileSync(SOFFICE!, ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', filter, '--outdir', join(dir, format), ...files], {
    stdio: 'pipe',
    timeout: 180_000,
  });
}

/** The texts of a PDF's annotations (/Contents, as LibreOffice writes them: UTF-16 in hex, or literal strings). */
function annotations(pdf: Uint8Array): string[] {
  const raw = Buffer.from(pdf).toString('latin1');
  return [...raw.matchAll(/\/Contents\s*(?:<([0-9A-Fa-f\s]*)>|\(((?:\\.|[^\\)])*)\))/g)].map(([, hex, literal]) => {
    const bytes = hex !== undefined ? Buffer.from(hex.replace(/\s/g, ''), 'hex') : Buffer.from(literal!.replace(/\\(.)/g, '$1'), 'latin1');
    return bytes[0] === 0xfe && bytes[1] === 0xff ? Buffer.from(bytes.subarray(2)).swap16().toString('utf16le') : bytes.toString('latin1');
  });
}

const csv = (name: string) => readFileSync(join(dir, 'csv', `${name}.csv`), 'utf8');

/** Each printed page's text, spaces and line ends taken out (pdftotext lays cells out with them). */
function pages(name: string): string[] {
  const pdf = join(dir, 'pdf', `${name}.pdf`);
  const count = Number(/^Pages:\s+(\d+)/m.exec(execFileSync(PDFINFO!, [pdf], { encoding: 'utf8' }))![1]);
  return Array.from({ length: count }, (_, i) => execFileSync(PDFTOTEXT!, ['-layout', '-f', `${i + 1}`, '-l', `${i + 1}`, pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ''));
}

const T3_TITLE = '三、收到和处理政府信息公开申请情况';
const T3_LAST_ROW = '四、结转下年度继续办理';
const T3_HEADER = ['申请人情况', '法人或其他组织', '自然人', '总计'];
/** The pages table 3 is printed on: from its title's page to its last row's. */
function t3Pages(printed: string[]): string[] {
  const first = printed.findIndex((p) => p.includes(T3_TITLE));
  const last = printed.findIndex((p) => p.includes(T3_LAST_ROW));
  expect(first).toBeGreaterThanOrEqual(0);
  expect(last).toBeGreaterThanOrEqual(first);
  return printed.slice(first, last + 1);
}

/**
 * The workbook with table 3’s data rows made 90 points high, as a printer with larger fonts or
 * margins would make them, so that table 3 cannot fit on one page. The sheet XML is edited in
 * place: read back and written by exceljs, the workbook would lose its manual page break.
 */
function tall(bytes: Uint8Array, model: NormalizedReport): Uint8Array {
  const layout = layoutFor(model);
  const [from, to] = [layout.headerRows.t3!.bottom + 1, layout.boxes.t3!.bottom];
  const files = unzipSync(bytes);
  const sheet = 'xl/worksheets/sheet1.xml';
  files[sheet] = strToU8(
    strFromU8(files[sheet]!).replace(/<row r="(\d+)"([^>]*)>/g, (row, r: string, attributes: string) =>
      Number(r) >= from && Number(r) <= to ? `<row r="${r}"${attributes.replace(/ (ht|customHeight)="[^"]*"/g, '')} ht="90" customHeight="1">` : row,
    ),
  );
  return zipSync(files);
}

const FAILING = /不平衡|总计不符/;
/** The check cells' texts, without the instruction line that names them. */
const marks = (text: string) => text.split('\n').filter((l) => !l.includes('说明')).filter((l) => FAILING.test(l));

describe.skipIf(!SOFFICE && !REQUIRED)('LibreOffice', () => {
  beforeAll(async () => {
    expect(SOFFICE, 'LibreOffice is required in CI: .ci/run installs libreoffice-calc-nogui').toBeTruthy();
    const source = await loadReport('fixtures/official-2022.xlsx');
    const model = normalize(source);
    const model2019 = normalize(await loadReport('fixtures/edition2019-2020.xlsx'));
    const broken = await loadReport('fixtures/seeded-errors-2022.xlsx');
    const unbalanced = structuredClone(model);
    unbalanced.tables.t3.granted!.natural! += 2;
    unbalanced.tables.t4.review!.total! += 1;
    const files: Record<string, Uint8Array> = {
      official: await writeOfficialXlsx(model),
      official2019: await writeOfficialXlsx(model2019),
      tall: tall(await writeOfficialXlsx(model), model),
      annotated: await writeOfficialXlsx(normalize(broken), { annotations: checkReport(broken).diagnostics }),
      template: await writeOfficialXlsx(blankReport('2021'), { template: true }),
      balanced: (await fillTemplate('2021', model)).bytes,
      unbalanced: (await fillTemplate('2021', unbalanced)).bytes,
      balanced2019: (await fillTemplate('2019', model2019)).bytes,
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, `${name}.xlsx`), bytes);
    const paths = Object.keys(files).map((n) => join(dir, `${n}.xlsx`));
    convert('csv', paths);
    convert('pdf', ['official', 'official2019', 'tall', 'annotated', 'template', 'unbalanced'].map((n) => join(dir, `${n}.xlsx`)));
  }, 240_000);

  it('shows the converted report’s values where the official layout puts them', () => {
    const rows = csv('official').split('\n');
    expect(rows[0]).toMatch(/^"?示例市生态环境局2022年政府信息公开工作年度报告/);
    const received = rows.find((r) => r.startsWith('"一、本年新收政府信息公开申请数量"'))!;
    const first = officialLayout('2021').cellOf('t3', 'received', 'natural')!.col - 1;
    expect(received.split(',').slice(first, first + 7).every((v) => /^\d+$/.test(v))).toBe(true);
    expect(rows.some((r) => r.includes('"（七）总计"'))).toBe(true);
  });

  it('opens the blank template with its 填报单位 area and every table', () => {
    const text = csv('template');
    for (const label of ['填报单位', '报告年度', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']) expect(text).toContain(label);
  });

  it('a balanced template shows no failing check, in both editions', () => {
    expect(marks(csv('balanced'))).toEqual([]);
    expect(marks(csv('balanced2019'))).toEqual([]);
  });

  it('an unbalanced template shows its failing checks, computed by LibreOffice', () => {
    const failing = marks(csv('unbalanced'));
    expect(failing.length).toBeGreaterThanOrEqual(3);
    // Label cells merged across columns leave empty fields between the two labels.
    expect(failing.some((l) => /^"三、本年度办理结果",+"（一）予以公开"/.test(l))).toBe(true);
  });

  it('renders PDFs', () => {
    for (const name of ['official', 'official2019', 'tall', 'annotated', 'template', 'unbalanced']) {
      const pdf = join(dir, 'pdf', `${name}.pdf`);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      expect(statSync(pdf).size).toBeGreaterThan(10_000);
    }
  });

  describe.skipIf(!POPPLER && !REQUIRED)('printed pages', () => {
    beforeAll(() => {
      expect(POPPLER, 'pdftotext and pdfinfo are required in CI: .ci/run installs poppler-utils').toBe(true);
    });

    // Not the filled templates: tests/helpers/template.ts re-saves them with exceljs, which drops page breaks.
    it.each(['official', 'official2019', 'template'])('%s: the title and table 2 on page 1, table 3 whole on page 2 with table 4 after it', (name) => {
      const printed = pages(name);
      expect(printed).toHaveLength(2);
      expect(printed[0]).toContain('二、主动公开政府信息情况');
      expect(printed[0]).not.toContain(T3_TITLE);
      expect(printed[0]).not.toContain('申请人情况');
      expect(t3Pages(printed)).toEqual([printed[1]]);
      for (const text of T3_HEADER) expect(printed[1]).toContain(text);
      expect(printed[1]).toContain('四、政府信息公开行政复议、行政诉讼情况');
    });

    it('repeats table 3’s header rows on every page table 3 runs over, and on no page before it', () => {
      const printed = pages('tall');
      const t3 = t3Pages(printed);
      expect(t3.length).toBeGreaterThanOrEqual(2);
      for (const [i, page] of t3.entries()) for (const text of T3_HEADER) expect(page, `page ${i + 1} of table 3: ${text}`).toContain(text);
      expect(printed[0]).not.toContain('申请人情况');
      expect(printed.at(-1)).toContain('四、政府信息公开行政复议、行政诉讼情况');
    });

    it('prints the annotated copy’s results after the report, with the marked cells’ addresses', () => {
      const printed = pages('annotated');
      const results = printed.at(-1)!;
      expect(results).toContain('标注位置');
      expect(results).not.toContain('原文件位置');
      expect(results).toContain('t3-row-total');
    });
  });
});

describe.skipIf(!WRITER && !REQUIRED)('LibreOffice Writer', () => {
  const findings: string[] = [];
  beforeAll(async () => {
    expect(WRITER, 'LibreOffice Writer is required in CI: .ci/run installs libreoffice-writer-nogui').toBe(true);
    const source = 'fixtures/documents/seeded-errors-2022.docx';
    const result = checkReport(await loadReport(source));
    findings.push(...result.diagnostics.map((d) => `${d.rule}: ${d.message}`));
    writeFileSync(join(dir, 'marked.docx'), annotateDocx(new ZipArchive(readFileSync(source), DEFAULT_LIMITS.maxInflatedBytes), result.diagnostics));
    convert('docx-pdf', [join(dir, 'marked.docx')]);
  }, 240_000);

  it('opens the annotated Word document, and its PDF holds a comment for each finding in the terminal’s words', () => {
    const pdf = readFileSync(join(dir, 'docx-pdf', 'marked.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(findings).toHaveLength(3);
    expect(annotations(pdf).sort()).toEqual([...findings].sort());
  });

  it.skipIf(!POPPLER && !REQUIRED)('prints the whole document, its title and tables', () => {
    const text = execFileSync(PDFTOTEXT!, [join(dir, 'docx-pdf', 'marked.pdf'), '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).replace(/\s+/g, '');
    for (const part of ['示例县医疗保障局', T3_TITLE, '四、政府信息公开行政复议、行政诉讼情况']) expect(text).toContain(part);
  });
});
