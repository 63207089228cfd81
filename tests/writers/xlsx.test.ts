// The official-layout workbook: converted reports read back through the real reader and extractor
// to the same model and findings; annotations land on the right cells; the template validates its
// inputs, protects its labels, and its live check formulas fail exactly where the rules do.

import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport, type Diagnostic } from '../../src/engine/index.js';
import { extract } from '../../src/extract/index.js';
import { EDITIONS } from '../../src/form/index.js';
import type { EditionId, TableId } from '../../src/form/types.js';
import type { Report } from '../../src/model/report.js';
import { readGridFromBytes } from '../../src/readers/index.js';
import { readDelimited } from '../../src/readers/text.js';
import { officialLayout, T3_NOTE, type Position } from '../../src/model/layout.js';
import { layoutCsv, layoutFor } from '../../src/writers/layout.js';
import { blankReport, normalize, type NormalizedReport } from '../../src/writers/normalize.js';
import { RESULTS_SHEET, SHEET, writeOfficialXlsx } from '../../src/writers/xlsx.js';
import { fillTemplate } from '../helpers/template.js';

async function load(file: string): Promise<Report> {
  return extract(await readGridFromBytes(file, readFileSync(`fixtures/${file}`)));
}

async function read(bytes: Uint8Array, name = 'out.xlsx'): Promise<Report> {
  return extract(await readGridFromBytes(name, bytes));
}

async function workbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

const sheetOf = (wb: ExcelJS.Workbook) => wb.getWorksheet(SHEET)!;
const at = (ws: ExcelJS.Worksheet, p: Position | null) => ws.getCell(p!.row, p!.col);
/** How the source wrote a number (full-width, with a unit, as text) is not part of the model. */
const HOW_WRITTEN = 'cell-number-text';
const findings = (r: Report) =>
  checkReport(r)
    .diagnostics.filter((d) => d.rule !== HOW_WRITTEN)
    .map((d) => `${d.rule} ${d.table ?? '-'} ${d.row ?? '-'} ${d.column ?? '-'}`);
const IDENTITIES = ['t3-balance', 't3-row-total', 't3-result-total', 't4-total'];
const identityFindings = (r: Report) => findings(r).filter((f) => IDENTITIES.includes(f.split(' ')[0]!));

const ROUND_TRIP = [
  'official-2022.xlsx',
  'edition2019-2020.xlsx',
  'edition2019-2019.csv',
  'six-as-one-2022.xlsx',
  'dunfangdian-2021.txt',
  'pasted-variants-2021.txt',
  'per-sheet-2023.xlsx',
  'label-variants-2022.xlsx',
  'seeded-errors-2022.xlsx',
  'gbk-seeded-2021.tsv',
  'missing-t4-2022.csv',
];

describe('writeOfficialXlsx: converting', () => {
  it.each(ROUND_TRIP)('%s: written and read back gives the same model and the same findings', async (file) => {
    const source = await load(file);
    const model = normalize(source);
    const back = normalize(await read(await writeOfficialXlsx(model)));
    expect(back.tables).toEqual(model.tables);
    expect([back.agency, back.year, back.edition]).toEqual([model.agency, model.year, model.edition]);
    expect(findings(await read(await writeOfficialXlsx(model)))).toEqual(findings(source));
  });

  it('keeps every number of a report with unreadable cells; those cells come back blank', async () => {
    const source = await load('cell-errors-2023.csv');
    const back = await read(await writeOfficialXlsx(normalize(source)));
    expect(normalize(back).tables).toEqual(normalize(source).tables);
    expect(findings(back)).toContain('cell-blank t3 unavailable.unclear legal');
    expect(findings(back)).toContain('cell-negative t3 notProcessed.excessive commercial');
  });

  it('writes the title without a missing body or year, and puts what is known in the 填报单位 / 报告年度 area', async () => {
    const model = normalize(await load('official-2022.xlsx'));
    const noYear = await writeOfficialXlsx({ ...model, year: null });
    const ws = sheetOf(await workbook(noYear));
    expect(ws.getCell('A1').value).toBe('示例市生态环境局政府信息公开工作年度报告');
    expect([ws.getCell('A2').value, ws.getCell('I2').value, ws.getCell('A3').value]).toEqual(['填报单位：', '示例市生态环境局', '报告年度：']);
    const back = await read(noYear, 'no-year.xlsx');
    expect([back.agency?.value, back.year]).toEqual(['示例市生态环境局', null]);

    const noAgency = await read(await writeOfficialXlsx({ ...model, agency: null }), 'x.xlsx');
    expect([noAgency.agency, noAgency.year?.value]).toEqual([null, 2022]);
    const neither = sheetOf(await workbook(await writeOfficialXlsx({ ...model, agency: null, year: null })));
    expect(neither.getCell('A1').value).toBe('政府信息公开工作年度报告');
  });

  it('places the 2021 tables at the rows documented for the layout', () => {
    const layout = officialLayout('2021');
    const cell = (t: TableId, r: string, c: string) => {
      const p = layout.cellOf(t, r, c)!;
      return `${String.fromCharCode(64 + p.col)}${p.row}`;
    };
    expect(layout.titleOf(null)).toEqual({ row: 1, col: 1 });
    expect(layout.titleOf('t2')).toEqual({ row: 3, col: 1 });
    expect([cell('t2', 'regulations', 'issued'), cell('t2', 'regulations', 'repealed'), cell('t2', 'regulations', 'inForce')]).toEqual(['I6', 'K6', 'M6']);
    expect([cell('t2', 'licensing', 'decisions'), cell('t2', 'coercion', 'decisions'), cell('t2', 'fees', 'amount')]).toEqual(['I10', 'I14', 'I17']);
    expect(layout.titleOf('t3')).toEqual({ row: 19, col: 1 });
    expect([cell('t3', 'received', 'natural'), cell('t3', 'granted', 'total'), cell('t3', 'denied.stateSecret', 'commercial')]).toEqual(['I23', 'O25', 'J27']);
    expect([cell('t3', 'otherHandling.other', 'other'), cell('t3', 'resultTotal', 'natural'), cell('t3', 'carriedForward', 'total')]).toEqual(['N45', 'I46', 'O47']);
    expect(layout.titleOf('t4')).toEqual({ row: 49, col: 1 });
    expect([cell('t4', 'review', 'upheld'), cell('t4', 'suitDirect', 'total'), cell('t4', 'suitAfterReview', 'total')]).toEqual(['A53', 'J53', 'O53']);
  });

  it('prints the official headers, merges, number formats, font and A4 page setup', async () => {
    const model = normalize(await load('official-2022.xlsx'));
    const ws = sheetOf(await workbook(await writeOfficialXlsx(model)));
    const merges = (ws.model as { merges: string[] }).merges;
    expect(merges).toEqual(
      expect.arrayContaining(['A1:O1', 'A4:O4', 'I6:J6', 'M6:O6', 'I10:O10', 'A20:H22', 'I20:O20', 'I21:I22', 'J21:N21', 'O21:O22', 'A23:H23', 'A25:B46', 'C25:H25', 'C27:D34', 'E27:H27', 'C43:D45', 'C46:H46', 'A47:H47', 'A50:E50', 'F50:O50', 'A51:A52', 'F51:J51', 'K51:O51']),
    );
    expect(ws.getCell('A1').value).toBe('示例市生态环境局2022年政府信息公开工作年度报告');
    expect(ws.getCell('A20').value).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    expect([ws.getCell('A25').value, ws.getCell('C25').value, ws.getCell('C27').value, ws.getCell('E27').value]).toEqual(['三、本年度办理结果', '（一）予以公开', '（三）不予公开', '1.属于国家秘密']);
    expect([ws.getCell('C46').value, ws.getCell('A47').value]).toEqual(['（七）总计', '四、结转下年度继续办理']);
    expect([ws.getCell('I17').value, ws.getCell('I17').numFmt]).toEqual([3.5, '0.0000']);
    expect([ws.getCell('I23').value, ws.getCell('I23').numFmt, ws.getCell('I23').type]).toEqual([136, '0', ExcelJS.ValueType.Number]);
    expect(ws.getCell('E27').font.name).toBe('SimSun');
    expect(ws.getCell('I23').border.left?.style).toBe('thin');
    expect(ws.getCell('E27').alignment.wrapText).toBe(true);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });

    const ws2019 = sheetOf(await workbook(await writeOfficialXlsx(normalize(await load('edition2019-2020.xlsx')))));
    const layout2019 = layoutFor(normalize(await load('edition2019-2020.xlsx')));
    expect(at(ws2019, layout2019.cellOf('t2', 'procurement', 'amount')).numFmt).toBe('0.00');
    expect(at(ws2019, layout2019.cellOf('t2', 'otherServices', 'change')).value).toBe(-2);
  });

  it('prints all three tables at the same width, table 3 from a new page with its header rows repeated', async () => {
    for (const [file, options] of [['official-2022.xlsx', {}], ['edition2019-2020.xlsx', {}], ['official-2022.xlsx', { template: true }]] as const) {
      const model = normalize(await load(file));
      const layout = layoutFor(model, options);
      const bytes = await writeOfficialXlsx(model, options);
      const ws = sheetOf(await workbook(bytes));
      // The same sheet columns for every table: the same printed width.
      const spans = (['t2', 't3', 't4'] as const).map((t) => [layout.boxes[t]!.left, layout.boxes[t]!.right]);
      expect(spans, file).toEqual([spans[0], spans[0], spans[0]]);
      expect(spans[0]).toEqual([1, layout.columnWidths.length - ('template' in options ? 1 : 0)]);
      const t3 = layout.titleOf('t3')!;
      expect(ws.getRow(t3.row + 1).getCell(1).value).toBe(T3_NOTE);
      expect(ws.pageSetup.printTitlesRow).toBe(`${t3.row + 1}:${t3.row + 3}`);
      // A manual break after the row above table 3's title (exceljs does not read breaks back).
      expect(rowBreaks(bytes)).toEqual([t3.row - 1]);
    }
  });

  it('breaks no page when table 3 comes first, and repeats no rows without table 3', async () => {
    const model = normalize(await load('official-2022.xlsx'));
    const noT2 = await writeOfficialXlsx({ ...model, tables: { ...model.tables, t2: {} } });
    expect(rowBreaks(noT2)).toEqual([]);
    expect(sheetOf(await workbook(noT2)).pageSetup.printTitlesRow).toBe('4:6');
    const noT3 = await writeOfficialXlsx({ ...model, tables: { ...model.tables, t3: {} } });
    expect(rowBreaks(noT3)).toEqual([]);
    expect(sheetOf(await workbook(noT3)).pageSetup.printTitlesRow).toBeUndefined();
  });

  it('leaves out a table with no value at all, as the source lacked it', async () => {
    const model = normalize(await load('missing-t4-2022.csv'));
    const ws = sheetOf(await workbook(await writeOfficialXlsx(model)));
    const texts: unknown[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(c.value)));
    expect(texts).not.toContain('四、政府信息公开行政复议、行政诉讼情况');
  });

  it('keeps （六） printed as one row in a 2021 report as that one row', async () => {
    const model = normalize(await load('six-as-one-2022.xlsx'));
    const layout = layoutFor(model);
    expect(layout.labelOf('t3', 'otherHandling.other')).toBeNull();
    const six = layout.labelOf('t3', 'otherHandling')!;
    const ws = sheetOf(await workbook(await writeOfficialXlsx(model)));
    expect(at(ws, six).value).toBe('（六）其他处理');
    expect(at(ws, layout.cellOf('t3', 'otherHandling', 'total')).value).toBe(model.tables.t3.otherHandling!.total);
  });

  it('lays out a CSV of the official layout that reads back to the same model', async () => {
    const model = normalize(await load('edition2019-2020.xlsx'));
    const back = normalize(extract(readDelimited('x.csv', new TextEncoder().encode(layoutCsv(model)))));
    expect(back.tables).toEqual(model.tables);
    expect([back.agency, back.year, back.edition]).toEqual([model.agency, model.year, model.edition]);
  });
});

describe('writeOfficialXlsx: annotations', () => {
  async function annotated(file: string, lang: 'zh' | 'en' = 'zh') {
    const source = await load(file);
    const model = normalize(source);
    const diagnostics = checkReport(source, { lang }).diagnostics;
    const bytes = await writeOfficialXlsx(model, { annotations: diagnostics, lang });
    return { model, diagnostics, bytes, layout: layoutFor(model, { keepEmpty: true }), wb: await workbook(bytes) };
  }

  it('fills each flagged cell and notes rule and message on it; t3-balance on the column’s 结转下年度 cell', async () => {
    const { diagnostics, layout, wb } = await annotated('seeded-errors-2022.xlsx');
    const ws = sheetOf(wb);
    const rowTotal = at(ws, layout.cellOf('t3', 'granted', 'total'));
    expect(rowTotal.fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    expect(rowTotal.note).toBe(`t3-row-total: ${diagnostics.find((d) => d.rule === 't3-row-total')!.message}`);
    for (const column of ['natural', 'commercial']) {
      expect(String(at(ws, layout.cellOf('t3', 'carriedForward', column)).note)).toMatch(/^t3-balance: /);
    }
    expect(at(ws, layout.cellOf('t3', 'carriedForward', 'research')).note).toBeUndefined();
    expect(String(at(ws, layout.cellOf('t3', 'resultTotal', 'legal')).note)).toMatch(/^t3-result-total: /);
    expect(String(at(ws, layout.cellOf('t4', 'review', 'total')).note)).toMatch(/^t4-total: /);
    expect(at(ws, layout.cellOf('t3', 'granted', 'natural')).note).toBeUndefined();
  });

  it('puts warnings in yellow, joins several findings on one cell, and maps row- and table-wide ones', async () => {
    const cells = await annotated('cell-errors-2023.csv');
    const ws = sheetOf(cells.wb);
    const precision = at(ws, cells.layout.cellOf('t2', 'fees', 'amount'));
    expect(precision.fill).toMatchObject({ fgColor: { argb: 'FFFFEB9C' } });
    // Shown as written (General, which exceljs reads back as no format), not rounded to 0.0000.
    expect(precision.numFmt ?? 'General').toBe('General');

    const six = await annotated('six-as-one-2022.xlsx');
    expect(String(at(sheetOf(six.wb), six.layout.labelOf('t3', 'otherHandling')).note)).toMatch(/^row-missing: /);

    const missing = await annotated('missing-t4-2022.csv');
    expect(String(at(sheetOf(missing.wb), missing.layout.titleOf('t4')).note)).toMatch(/^table-missing: /);

    const model = normalize(await load('official-2022.xlsx'));
    const twice: Diagnostic[] = ['a', 'b'].map((m) => ({ ...diagnostic(), rule: `rule-${m}`, message: m }));
    const ws2 = sheetOf(await workbook(await writeOfficialXlsx({ ...model, agency: null }, { annotations: [...twice, { ...diagnostic(), rule: 'metadata-missing', messageId: 'agency', table: null, row: null, column: null, message: 'm' }] })));
    const layout = layoutFor({ ...model, agency: null }, { keepEmpty: true });
    expect(at(ws2, layout.cellOf('t3', 'received', 'legal')).note).toBe('rule-a: a\nrule-b: b');
    expect(at(ws2, layout.meta!.agency).note).toBe('metadata-missing: m');
  });

  const RESULT_HEADINGS = { zh: ['级别', '规则', '表', '行', '列', '标注位置', '说明'], en: ['severity', 'rule', 'table', 'row', 'column', 'marked cell', 'message'] };
  /** A results row as shown: each cell's text (a link shows its address), the link's formula apart. */
  const shown = (ws: ExcelJS.Worksheet, r: number) => {
    const row = ws.getRow(r);
    return { cells: RESULT_HEADINGS.zh.map((_, i) => row.getCell(i + 1).text), link: (row.getCell(6).value as { formula?: string } | null)?.formula };
  };

  it('lists every finding on a second sheet, and the annotated copy still reads back to the same model', async () => {
    const { model, diagnostics, bytes, wb } = await annotated('seeded-errors-2022.xlsx');
    const results = wb.getWorksheet(RESULTS_SHEET)!;
    expect(results.rowCount).toBe(diagnostics.length + 1);
    expect(shown(results, 1).cells).toEqual(RESULT_HEADINGS.zh);
    const back = normalize(await read(bytes));
    expect(back.tables).toEqual(model.tables);
  });

  it('names rows and columns by their labels, in the language asked for, not by their keys', async () => {
    const zh = await annotated('seeded-errors-2022.xlsx');
    const sheet = zh.wb.getWorksheet(RESULTS_SHEET)!;
    const first = zh.diagnostics.map((d, i) => [d.rule, shown(sheet, i + 2).cells.slice(0, 5)]);
    expect(first).toEqual([
      ['t3-row-total', ['错误', 't3-row-total', '表三', '（一）予以公开', '总计']],
      ['t3-result-total', ['错误', 't3-result-total', '表三', '（七）总计', '法律服务机构']],
      ['t3-balance', ['错误', 't3-balance', '表三', '', '自然人']],
      ['t3-balance', ['错误', 't3-balance', '表三', '', '商业企业']],
      ['t4-total', ['错误', 't4-total', '表四', '行政复议', '总计']],
    ]);

    const en = await annotated('seeded-errors-2022.xlsx', 'en');
    const english = en.wb.getWorksheet(RESULTS_SHEET)!;
    expect(shown(english, 1).cells).toEqual(RESULT_HEADINGS.en);
    expect(en.diagnostics.map((_, i) => shown(english, i + 2).cells.slice(0, 5))).toEqual([
      ['error', 't3-row-total', 'Table 3', '(1) granted', 'total'],
      ['error', 't3-result-total', 'Table 3', '(7) total', 'legal service institutions'],
      ['error', 't3-balance', 'Table 3', '', 'natural persons'],
      ['error', 't3-balance', 'Table 3', '', 'commercial enterprises'],
      ['error', 't4-total', 'Table 4', 'administrative review', 'total'],
    ]);
    const missing = await annotated('missing-t4-2022.csv', 'en');
    expect(shown(missing.wb.getWorksheet(RESULTS_SHEET)!, 2).cells.slice(0, 5)).toEqual(['error', 'table-missing', 'Table 4', '', '']);
  });

  it('gives each finding the address of the cell it marks in this workbook, linked to it, and no address of the source', async () => {
    for (const file of ['seeded-errors-2022.xlsx', 'cell-errors-2023.csv', 'missing-t4-2022.csv', 'six-as-one-2022.xlsx']) {
      const { diagnostics, wb } = await annotated(file);
      const ws = sheetOf(wb);
      const results = wb.getWorksheet(RESULTS_SHEET)!;
      diagnostics.forEach((d, i) => {
        const { cells, link } = shown(results, i + 2);
        const address = cells[5]!;
        expect(address, `${file} ${d.rule}`).toMatch(/^[A-Z]+[0-9]+$/);
        expect(link).toBe(`HYPERLINK("#'${SHEET}'!${address}","${address}")`);
        // The address is a cell of the layout sheet, the one that carries this finding's note.
        expect(String(ws.getCell(address).note), `${file} ${d.rule} at ${address}`).toContain(`${d.rule}: ${d.message}`);
        expect(cells[6]).toBe(d.message);
      });
    }
    // The source put this total at J32; this workbook lays it out at O25, and says so.
    const { diagnostics, wb } = await annotated('seeded-errors-2022.xlsx');
    expect([diagnostics[0]!.cell, shown(wb.getWorksheet(RESULTS_SHEET)!, 2).cells[5]]).toEqual(['J32', 'O25']);
  });

  it('prints the results on A4 portrait across the page width, the heading row on every page', async () => {
    const { diagnostics, wb } = await annotated('cell-errors-2023.csv', 'en');
    const results = wb.getWorksheet(RESULTS_SHEET)!;
    expect(results.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
    const widths = RESULT_HEADINGS.en.map((_, i) => results.getColumn(i + 1).width!);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(120);
    expect(Math.max(...widths)).toBe(widths[6]);
    const message = results.getCell(2, 7);
    expect(message.alignment.wrapText).toBe(true);
    // A message longer than its column gets the row height its wrapped lines need.
    const long = diagnostics.findIndex((d) => d.message.length > widths[6]! * 1.5);
    expect(results.getRow(long + 2).height).toBeGreaterThan(30);
  });
});

function diagnostic(): Diagnostic {
  return {
    rule: 'r',
    severity: 'error',
    message: '',
    messages: { zh: '', en: '' },
    messageId: 'm',
    table: 't3',
    row: 'received',
    column: 'legal',
    sheet: null,
    cell: null,
    line: null,
    page: null,
    paragraph: null,
    excerpt: null,
    anchor: null,
    expected: null,
    actual: null,
    difference: null,
    sheetRow: null,
    sheetColumn: null,
    cells: [],
    fingerprint: 'f',
  };
}

/** Evaluates the template's check formulas, which use only IF, AND, COUNT, SUM, <> and cell ranges. */
function evaluate(formula: string, value: (address: string) => number | null): string {
  const m = /^IF\(AND\(COUNT\(([^)]*)\)=(\d+),(.+)<>(.+)\),"([^"]+)"," "\)$/.exec(formula);
  if (!m) throw new Error(`unexpected formula ${formula}`);
  const cells = (list: string) =>
    list.split(',').flatMap((part) => {
      const [from, to = from] = part.split(':') as [string, string?];
      const [c1, r1] = [from.charCodeAt(0) - 64, Number(from.slice(1))];
      const [c2, r2] = [to!.charCodeAt(0) - 64, Number(to!.slice(1))];
      const out: string[] = [];
      for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) out.push(`${String.fromCharCode(64 + c)}${r}`);
      return out;
    });
  const sum = (term: string) => cells(term.replace(/^SUM\((.*)\)$/, '$1')).reduce((n, a) => n + (value(a) ?? 0), 0);
  const counted = cells(m[1]!).filter((a) => value(a) !== null).length;
  return counted === Number(m[2]) && sum(m[3]!) !== sum(m[4]!) ? m[5]! : ' ';
}

describe('writeOfficialXlsx: template', () => {
  const SOURCES: Record<EditionId, string> = { '2021': 'official-2022.xlsx', '2019': 'edition2019-2020.xlsx' };

  async function template(edition: EditionId) {
    const blank = blankReport(edition);
    const bytes = await writeOfficialXlsx(blank, { template: true });
    return { bytes, layout: layoutFor(blank, { template: true }) };
  }

  /** The template filled in the way a clerk would, cell by cell at the layout's input cells. */
  async function filled(edition: EditionId, change: (t: NormalizedReport['tables']) => void = () => {}) {
    const model = normalize(await load(SOURCES[edition]));
    const tables = structuredClone(model.tables);
    change(tables);
    const { bytes, layout, ws } = await fillTemplate(edition, { ...model, tables });
    return { model, tables, layout, ws, report: await read(bytes, 'filled.xlsx') };
  }

  it('2021: blank, it says 政府信息公开工作年度报告 and asks for every cell', async () => {
    const { bytes, layout } = await template('2021');
    const ws = sheetOf(await workbook(bytes));
    expect(ws.getCell('A1').value).toBe('政府信息公开工作年度报告');
    const report = await read(bytes);
    const blanks = checkReport(report).diagnostics.filter((d) => d.rule === 'cell-blank');
    expect(blanks).toHaveLength(layout.values.length);
    expect(new Set(findings(report).map((f) => f.split(' ')[0]))).toEqual(new Set(['cell-blank', 'metadata-missing']));
  });

  it('2019: blank, it asks for every cell, those of the single （六）其他处理 row included', async () => {
    const { bytes, layout } = await template('2019');
    const report = await read(bytes);
    const blanks = checkReport(report).diagnostics.filter((d) => d.rule === 'cell-blank');
    expect(blanks).toHaveLength(layout.values.length);
    expect(findings(report).filter((f) => !/^(cell-blank|metadata-missing) /.test(f))).toEqual([]);
  });

  it.each(['2021', '2019'] as EditionId[])('%s: filled with a balanced report, it checks clean and reads back as that report', async (edition) => {
    const { model, report } = await filled(edition);
    expect(findings(report)).toEqual([]);
    const back = normalize(report);
    expect(back.tables).toEqual(model.tables);
    expect([back.agency, back.year, back.edition]).toEqual([model.agency, model.year, edition]);
  });

  it('filled with seeded errors, it gives exactly those identity failures, and its own formulas fail at the same places', async () => {
    const { layout, ws, report } = await filled('2021', (t) => {
      t.t3.carriedForward!.natural! -= 1;
      t.t3.carriedForward!.commercial! += 1;
      t.t3.granted!.natural! += 2;
      t.t4.review!.total! += 1;
    });
    const expected = ['t3-row-total t3 granted total', 't3-result-total t3 resultTotal natural', 't3-balance t3 - natural', 't3-balance t3 - commercial', 't4-total t4 review total'];
    expect(identityFindings(report)).toEqual(expected);
    expect(findings(report)).toEqual(expected);

    const value = (address: string) => {
      const v = ws.getCell(address).value;
      return typeof v === 'number' ? v : null;
    };
    const failing = layout.checks
      .filter((c) => evaluate(formulaAt(ws, c.at), value) !== ' ')
      .map((c) => `${c.rule} ${c.table} ${c.row ?? '-'} ${c.column ?? '-'}`);
    expect(failing.sort()).toEqual([...expected].sort());
  });

  it('has a check for every identity instance, and each formula fails exactly when its rule does', async () => {
    for (const edition of ['2021', '2019'] as EditionId[]) {
      const { bytes, layout } = await template(edition);
      const ws = sheetOf(await workbook(bytes));
      const ed = EDITIONS[edition];
      const count = (rule: string) => layout.checks.filter((c) => c.rule === rule).length;
      expect([count('t3-balance'), count('t3-row-total'), count('t3-result-total'), count('t4-total')]).toEqual([7, ed.t3.rows.length, 7, 3]);

      // Change one value at a time: the formulas (evaluated on the template's cells) and the rules
      // (run on the same figures laid out as CSV and read back) must name the same failures.
      const base = normalize(await load(SOURCES[edition]));
      const formulas = layout.checks.map((c) => ({ check: c, formula: formulaAt(ws, c.at) }));
      for (const v of layout.values.filter((x) => x.table !== 't2')) {
        const tables = structuredClone(base.tables);
        tables[v.table][v.rowKey]![v.columnKey]! += 1;
        const byAddress = new Map(layout.values.map((x) => [`${String.fromCharCode(64 + x.col)}${x.row}`, tables[x.table][x.rowKey]![x.columnKey] ?? null]));
        const fromFormulas = formulas
          .filter(({ formula }) => evaluate(formula, (a) => byAddress.get(a) ?? null) !== ' ')
          .map(({ check: c }) => `${c.rule} ${c.table} ${c.row ?? '-'} ${c.column ?? '-'}`)
          .sort();
        const csv = layoutCsv({ ...base, tables });
        const fromRules = identityFindings(extract(readDelimited('x.csv', new TextEncoder().encode(csv)))).sort();
        expect(fromFormulas, `${v.table} ${v.rowKey} ${v.columnKey}`).toEqual(fromRules);
        expect(fromRules.length, `${v.table} ${v.rowKey} ${v.columnKey}`).toBeGreaterThan(0);
      }
    }
  });

  it('puts its check formulas beside and under the tables, referring to the right cells', async () => {
    const { bytes, layout } = await template('2021');
    const ws = sheetOf(await workbook(bytes));
    // The template has the 填报单位 / 报告年度 area and a hint line: table 3 starts three rows lower.
    expect(layout.cellOf('t3', 'granted', 'total')).toEqual({ row: 28, col: 15 });
    expect(formulaAt(ws, { row: 28, col: 16 })).toBe('IF(AND(COUNT(O28,I28:N28)=7,O28<>SUM(I28:N28)),"总计不符"," ")');
    expect(ws.getCell('A51').value).toBe('校验：一＋二＝（七）＋四');
    expect(formulaAt(ws, { row: 51, col: 9 })).toBe('IF(AND(COUNT(I26:I27,I49:I50)=4,SUM(I26:I27)<>SUM(I49:I50)),"不平衡"," ")');
    expect(formulaAt(ws, { row: 52, col: 15 })).toBe('IF(AND(COUNT(O49,O28:O48)=22,O49<>SUM(O28:O48)),"总计不符"," ")');
    expect(formulaAt(ws, { row: 59, col: 15 })).toBe('IF(AND(COUNT(O58,K58:N58)=5,O58<>SUM(K58:N58)),"总计不符"," ")');
    expect(ws.getCell('P23').value).toBe('校验');

    const rules = (ws as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<{ type: string; formulae: string[] }> }> }).conditionalFormattings;
    expect(rules).toHaveLength(layout.checks.length);
    const rule = (ref: string) => rules.find((r) => r.ref === ref)?.rules[0];
    expect(rule('O28')).toMatchObject({ type: 'expression', formulae: ['AND(COUNT($O$28,$I$28:$N$28)=7,$O$28<>SUM($I$28:$N$28))'] });
    expect(rule('I50')?.formulae).toEqual(['AND(COUNT($I$26:$I$27,$I$49:$I$50)=4,SUM($I$26:$I$27)<>SUM($I$49:$I$50))']);
    expect(rule('E58')?.formulae).toEqual(['AND(COUNT($E$58,$A$58:$D$58)=5,$E$58<>SUM($A$58:$D$58))']);
  });

  it('validates every input cell with a Chinese prompt and alert, unlocks only the inputs, and protects the sheet', async () => {
    for (const edition of ['2021', '2019'] as EditionId[]) {
      const { bytes, layout } = await template(edition);
      const ws = sheetOf(await workbook(bytes));
      for (const v of layout.values) {
        const cell = ws.getCell(v.row, v.col);
        const dv = cell.dataValidation;
        const want = v.kind === 'signed' ? { type: 'whole', operator: 'between' } : v.kind === 'amount' ? { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] } : { type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] };
        expect(dv, `${v.table} ${v.rowKey} ${v.columnKey}`).toMatchObject({ ...want, showInputMessage: true, showErrorMessage: true });
        expect(dv.prompt).toMatch(/[\u4e00-\u9fff]/);
        expect(dv.error).toMatch(/[\u4e00-\u9fff]/);
        expect(cell.protection?.locked).toBe(false);
      }
      for (const p of [layout.meta!.agency, layout.meta!.year]) {
        expect(at(ws, p).protection?.locked).toBe(false);
        expect(at(ws, p).dataValidation?.showInputMessage).toBe(true);
      }
      for (const t of layout.texts) expect(ws.getCell(t.row, t.col).protection?.locked ?? true).toBe(true);
      for (const c of layout.checks) expect(at(ws, c.at).protection?.locked ?? true).toBe(true);
      const protection = (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
      expect(protection).toMatchObject({ sheet: true, formatCells: true });
      expect(protection).not.toHaveProperty('hashValue');
    }
    const ws2019 = sheetOf(await workbook((await template('2019')).bytes));
    const change = officialLayout('2019', { metadata: true, checks: true }).cellOf('t2', 'licensing', 'change')!;
    expect(at(ws2019, change).dataValidation).toMatchObject({ type: 'whole', operator: 'between', formulae: [-999999999, 999999999] });
  });
});

/** The rows after which the layout sheet breaks pages by hand. */
function rowBreaks(bytes: Uint8Array): number[] {
  const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!);
  return [...xml.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]));
}

function formulaAt(ws: ExcelJS.Worksheet, p: Position): string {
  const v = ws.getCell(p.row, p.col).value as { formula?: string } | null;
  if (!v?.formula) throw new Error(`no formula at ${p.row},${p.col}`);
  return v.formula;
}

