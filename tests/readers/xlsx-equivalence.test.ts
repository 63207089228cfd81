// The lean XLSX reader against the exceljs reader: the same Grid for every workbook in fixtures/
// and the shared conformance set (when ../shared is beside the checkout), for workbooks exceljs and
// LibreOffice write and for hand-written XML; what it reads where exceljs loses the file's values or
// rejects the file; bad input.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Cell, Grid, Range } from '../../src/model/grid.js';
import { ReadError } from '../../src/readers/errors.js';
import { readXlsx as readXlsxLean } from '../../src/readers/xlsx.js';
import { readXlsx } from '../helpers/exceljs-reader.js';
import { sharedPath } from '../helpers/shared.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures', import.meta.url));
const CONFORMANCE = sharedPath('conformance/files');
const xlsxIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort().map((f) => join(dir, f));
const REAL = [...xlsxIn(FIXTURES), ...(CONFORMANCE ? xlsxIn(CONFORMANCE) : [])];

const byRange = (a: Range, b: Range) => a.top - b.top || a.left - b.left || a.bottom - b.bottom || a.right - b.right;

/** A Grid as plain data in which order matters: rows in order, merges sorted. */
/** A cell without its undefined fields. */
const defined = (cell: Cell) => Object.fromEntries(Object.entries(cell).filter(([, v]) => v !== undefined));

function plain(grid: Grid) {
  return {
    ...grid,
    // Cells compared by what they hold: a reader may spell an absent field as undefined.
    sheets: grid.sheets.map((s) => ({ name: s.name, hidden: s.hidden, merges: [...s.merges].sort(byRange), rows: [...s.rows].map(([r, cells]) => [r, cells.map(defined)]) })),
  };
}

/** Both readers give the same Grid; returns it. */
async function expectSame(bytes: Uint8Array): Promise<Grid> {
  const lean = await readXlsxLean('t.xlsx', bytes);
  expect(plain(lean)).toStrictEqual(plain(await readXlsx('t.xlsx', bytes)));
  return lean;
}

const cellsOf = (grid: Grid, sheet = 0): Cell[] => [...grid.sheets[sheet]!.rows.values()].flat();
const allCells = (grid: Grid): Cell[] => grid.sheets.flatMap((_, i) => cellsOf(grid, i));
const cellAt = (grid: Grid, row: number, col: number, sheet = 0) => grid.sheets[sheet]!.rows.get(row)?.find((c) => c.col === col);

async function reason(read: Promise<Grid>): Promise<string> {
  try {
    await read;
    return 'read';
  } catch (err) {
    return err instanceof ReadError ? err.reason : `not a ReadError: ${String(err)}`;
  }
}

/** One workbook exercising every kind of cell exceljs writes. */
async function exceljsWorkbook(options: { sharedStrings: boolean; date1904?: boolean }): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  if (options.date1904) wb.properties.date1904 = true;
  const ws = wb.addWorksheet('表三');
  ws.getCell('A1').value = '法人或其他组织';
  ws.mergeCells('A1:E1');
  ws.getCell('A2').value = 12;
  ws.getCell('B2').value = 3.5;
  ws.getCell('C2').value = '12';
  ws.getCell('D2').value = { richText: [{ text: '商业', font: { bold: true } }, { text: '企业' }] };
  ws.getCell('E2').value = '   ';
  ws.getCell('F2').value = 'line\nbreak';
  ws.getCell('A3').value = { formula: 'A2+1', result: 13 };
  ws.getCell('B3').value = { formula: 'A2&"件"', result: '12件' };
  ws.getCell('C3').value = { formula: 'A2>1', result: true };
  ws.getCell('D3').value = { formula: '1/0', result: { error: '#DIV/0!' } };
  ws.getCell('E3').value = { formula: 'A2*2' };
  ws.getCell('F3').value = { formula: 'A2+B2', result: 15.5, shareType: 'shared', ref: 'F3:G3' } as ExcelJS.CellFormulaValue;
  ws.getCell('G3').value = { sharedFormula: 'F3', result: 16.5 };
  ws.getCell('A4').value = new Date(Date.UTC(2021, 11, 31));
  ws.getCell('B4').value = new Date(Date.UTC(2022, 0, 5, 13, 30));
  const formats: Array<[string, string, number]> = [
    ['C4', 'yyyy"年"m"月"d"日"', 44561],
    ['D4', 'yyyy/m/d', 2],
    ['E4', 'h:mm:ss', 0.5],
    ['F4', '[h]:mm:ss', 1.25],
    ['G4', 'mmss.0', 0.01],
    ['A5', '0.0000', 1.23456],
    ['B5', '#,##0.00"元"', 3.5],
    ['C5', '0.00%', 0.125],
    ['D5', '[Red]0.00', 7],
    ['E5', '@', 8],
  ];
  for (const [address, numFmt, value] of formats) {
    ws.getCell(address).value = value;
    ws.getCell(address).numFmt = numFmt;
  }
  ws.getCell('F5').value = { formula: 'A4+1', result: new Date(Date.UTC(2022, 0, 1)) };
  ws.getCell('F5').numFmt = 'yyyy-mm-dd';
  ws.getCell('A6').value = false;
  ws.getCell('B6').value = { error: '#N/A' };
  ws.getCell('C6').numFmt = '0.00';
  ws.getCell('A7').value = '合并';
  ws.getCell('B8').value = 'inside a merge';
  ws.mergeCells('A7:B8');
  ws.getCell('C30').value = -0.25;
  wb.addWorksheet('表四').getCell('B2').value = '第二张表';
  wb.addWorksheet('去年', { state: 'hidden' }).getCell('A1').value = 2021;
  wb.addWorksheet('备用', { state: 'veryHidden' }).getCell('A1').value = 'x';
  return new Uint8Array(await wb.xlsx.writeBuffer({ useSharedStrings: options.sharedStrings } as ExcelJS.XlsxWriteOptions));
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface RawSheet {
  name: string;
  xml: string;
  state?: string;
  /** Relationship target; default worksheets/sheetN.xml. */
  target?: string;
  rels?: string;
}

/** A workbook from hand-written XML parts, for what exceljs does not write. */
function rawWorkbook(sheets: RawSheet[], parts: { styles?: string; strings?: string; workbookPr?: string } = {}): Uint8Array {
  const files: Record<string, string> = {};
  const rels: string[] = [];
  const entries = sheets.map((s, i) => {
    const target = s.target ?? `worksheets/sheet${i + 1}.xml`;
    files[target.startsWith('/') ? target.slice(1) : `xl/${target}`] = s.xml;
    if (s.rels) files[`xl/worksheets/_rels/sheet${i + 1}.xml.rels`] = s.rels;
    rels.push(`<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${target}"/>`);
    return `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`;
  });
  if (parts.styles) {
    files['xl/styles.xml'] = `<styleSheet ${NS}>${parts.styles}</styleSheet>`;
    rels.push(`<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/>`);
  }
  if (parts.strings) {
    files['xl/sharedStrings.xml'] = `<sst ${NS}>${parts.strings}</sst>`;
    rels.push(`<Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  }
  files['xl/workbook.xml'] = `<?xml version="1.0" encoding="UTF-8"?>\n<workbook ${NS}>${parts.workbookPr ?? ''}<sheets>${entries.join('')}</sheets></workbook>`;
  files['xl/_rels/workbook.xml.rels'] = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`;
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, xml]) => [name, strToU8(xml)])));
}

const sheetXml = (data: string, after = '') => `<worksheet ${NS}><sheetData>${data}</sheetData>${after}</worksheet>`;

describe('readXlsxLean gives the Grid readXlsx gives', () => {
  it('found the real workbooks', () => {
    expect(xlsxIn(FIXTURES).length).toBeGreaterThan(0);
    if (CONFORMANCE) expect(xlsxIn(CONFORMANCE).length).toBeGreaterThan(0);
  });

  it.each(REAL)('%s', async (path) => {
    const grid = await expectSame(new Uint8Array(readFileSync(path)));
    expect(allCells(grid).length).toBeGreaterThan(20);
  });

  it.each([true, false])('on a workbook exceljs wrote (shared strings: %s): every kind of cell, merges, hidden sheets', async (sharedStrings) => {
    const grid = await expectSame(await exceljsWorkbook({ sharedStrings }));
    expect(grid.sheets.map((s) => [s.name, s.hidden ?? false])).toEqual([
      ['表三', false],
      ['表四', false],
      ['去年', true],
      ['备用', true],
    ]);
    const kinds = new Set(cellsOf(grid).map((c) => c.kind));
    expect([...kinds].sort()).toEqual(['boolean', 'date', 'error', 'formula', 'number', 'text']);
    expect(cellAt(grid, 2, 4)?.text).toBe('商业企业');
    expect(cellAt(grid, 2, 5)).toBeUndefined();
    expect(cellAt(grid, 4, 3)).toMatchObject({ kind: 'date', text: '2021-12-31', number: 44561 });
    expect(cellAt(grid, 4, 4)).toMatchObject({ kind: 'date', text: '1900-01-02', number: 2 });
    expect(cellAt(grid, 5, 1)).toMatchObject({ kind: 'number', number: 1.23456, text: '1.23456' });
    expect(cellAt(grid, 8, 2)).toBeUndefined();
  });

  it('on a workbook in the 1904 date system', async () => {
    const grid = await expectSame(await exceljsWorkbook({ sharedStrings: true, date1904: true }));
    expect(cellAt(grid, 4, 1)).toMatchObject({ kind: 'date', text: '2021-12-31' });
  });

  it('when every sheet is hidden, none is flagged', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('a', { state: 'hidden' }).getCell('A1').value = 1;
    wb.addWorksheet('b', { state: 'veryHidden' }).getCell('A1').value = 2;
    const grid = await expectSame(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(grid.sheets.map((s) => s.hidden)).toEqual([undefined, undefined]);
  });

  it('on hand-written XML: phonetic guides, escapes, CJK and custom formats, absolute targets, styled blanks', async () => {
    const styles =
      '<numFmts count="4"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/><numFmt numFmtId="165" formatCode="0.0000"/>' +
      '<numFmt numFmtId="166" formatCode="[DBNum1][$-804]G/通用格式"/><numFmt numFmtId="167" formatCode="#,##0.00_ ;[Red]\\-#,##0.00\\ "/></numFmts>' +
      '<cellStyleXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellStyleXfs>' +
      '<cellXfs count="8"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="31"/><xf numFmtId="58"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="167"/></cellXfs>' +
      '<dxfs count="1"><dxf><numFmt numFmtId="168" formatCode="yyyy"/></dxf></dxfs>';
    const strings =
      '<si><t>总计</t></si><si><r><rPr><b/></rPr><t>商业</t></r><r><t xml:space="preserve">企业 </t></r></si>' +
      '<si><t>行政复议</t><rPh sb="0" eb="2"><t>ぎょうせい</t></rPh><phoneticPr fontId="1"/></si><si><t xml:space="preserve">  </t></si><si><t>a_x000D_b</t></si><si><t/></si>';
    const first = sheetXml(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c></row>' +
        '<row r="2"><c r="A2" s="1"><v>44561</v></c><c r="B2" s="2"><v>44561</v></c><c r="C2" s="3"><v>44561</v></c><c r="D2" s="4"><v>44561.5</v></c><c r="E2" s="5"><v>0.5</v></c><c r="F2" s="6"><v>7</v></c><c r="G2" s="7"><v>-3</v></c></row>' +
        '<row r="3"><c r="A3" t="inlineStr"><is><t>内联</t></is></c><c r="B3" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c><c r="C3" t="str"><v>公式文本</v></c><c r="D3" s="1"/><c r="E3"><v></v></c>' +
        '<c r="F3" t="str"><f>""</f><v></v></c><c r="G3" t="str"><f>" "</f><v> </v></c><c r="H3" t="e"><f>NA()</f><v>#N/A</v></c><c r="I3"><f>X</f><v>abc</v></c></row>' +
        '<row r="4"><c r="A4"><f t="shared" ref="A4:C4" si="0">A2+1</f><v>44562</v></c><c r="B4"><f t="shared" si="0"/><v>44563</v></c><c r="C4" s="1"><f t="shared" si="0"/><v>44564</v></c><c r="D4" t="b"><v>1</v></c><c r="E4"><v>1E-3</v></c><c r="F4"><f t="shared" si="0"/></c></row>',
      '<mergeCells count="1"><mergeCell ref="A3:A4"/></mergeCells>',
    );
    const second = sheetXml('<row r="2"><c r="B2"><v>2</v></c></row>');
    const bytes = rawWorkbook(
      [
        { name: '表三', xml: first },
        { name: '去年 &amp; 前年', xml: second, target: '/xl/worksheets/sheet2.xml', state: 'veryHidden' },
      ],
      { styles, strings },
    );
    const grid = await expectSame(bytes);
    expect(grid.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['表三', undefined],
      ['去年 & 前年', true],
    ]);
    expect(grid.sheets[0]!.rows.get(1)!.map((c) => c.text)).toEqual(['总计', '商业企业 ', '行政复议', 'a\rb']);
    expect(grid.sheets[0]!.rows.get(2)!.map((c) => [c.kind, c.text])).toEqual([
      ['date', '2021-12-31'],
      ['number', '44561'], // CJK built-in 31: exceljs knows no format for it, so neither do we
      ['number', '44561'],
      ['date', '2021-12-31T12:00:00Z'],
      ['number', '0.5'],
      ['number', '7'],
      ['number', '-3'],
    ]);
    expect(grid.sheets[0]!.rows.get(3)!.map((c) => [c.col, c.kind, c.text])).toEqual([
      [1, 'text', '内联'],
      [2, 'text', '富文本'],
      [3, 'text', '公式文本'],
      [6, 'formula', ''],
      [8, 'error', '#N/A'],
      [9, 'formula', ''],
    ]);
    expect(grid.sheets[0]!.rows.get(4)!.map((c) => [c.kind, c.text])).toEqual([
      ['number', '44563'],
      ['date', '2022-01-03'],
      ['boolean', 'TRUE'],
      ['number', '0.001'],
      ['formula', ''],
    ]);
  });
  it('never reads the default style (cellXfs 0) as a date format, as exceljs', async () => {
    const bytes = rawWorkbook([{ name: 's', xml: sheetXml('<row r="1"><c r="A1" s="0"><v>5</v></c><c r="B1"><v>6</v></c><c r="C1" s="1"><v>7</v></c></row>') }], {
      styles: '<cellXfs count="2"><xf numFmtId="14"/><xf numFmtId="14"/></cellXfs>',
    });
    expect(cellsOf(await expectSame(bytes)).map((c) => c.kind)).toEqual(['number', 'number', 'date']);
  });
});

describe.skipIf(!existsSync('/usr/bin/soffice') && !process.env.CI)('readXlsxLean on a workbook LibreOffice wrote', () => {
  it('gives the Grid readXlsx gives', async () => {
    expect(existsSync('/usr/bin/soffice'), 'LibreOffice is required in CI: .ci/run installs libreoffice-calc-nogui').toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'lean-lo-'));
    try {
      writeFileSync(join(dir, 'source.xlsx'), await exceljsWorkbook({ sharedStrings: true }));
      execFileSync(
        '/usr/bin/soffice',
        ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'xlsx', '--outdir', join(dir, 'out'), join(dir, 'source.xlsx')],
        { stdio: 'pipe', timeout: 180_000 },
      );
      const bytes = new Uint8Array(readFileSync(join(dir, 'out', 'source.xlsx')));
      const lean = await readXlsxLean('t.xlsx', bytes);
      const exceljs = await readXlsx('t.xlsx', bytes);
      // LibreOffice writes FALSE as the formula FALSE() with the cached result 0, which exceljs drops
      // (see 'keeps a cached 0 or FALSE' below); every other cell is the same.
      expect(cellAt(exceljs, 6, 1)).toMatchObject({ kind: 'formula' });
      expect(defined(cellAt(lean, 6, 1)!)).toStrictEqual({ row: 6, col: 1, kind: 'boolean', text: 'FALSE' });
      exceljs.sheets[0]!.rows.get(6)![0] = cellAt(lean, 6, 1)!;
      expect(plain(lean)).toStrictEqual(plain(exceljs));
      expect(cellAt(lean, 4, 3)).toMatchObject({ kind: 'date', number: 44561 });
      expect(cellAt(lean, 3, 5)).toMatchObject({ kind: 'number', number: 24 }); // LibreOffice computed the formula
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
if (!existsSync('/usr/bin/soffice') && !process.env.CI) console.warn('LibreOffice (soffice) not found: skipping the LibreOffice case of tests/readers/xlsx-equivalence.test.ts');

describe('readXlsxLean where exceljs loses what the file says', () => {
  it('keeps a cached 0 or FALSE (exceljs drops falsy cached results and calls the cell a formula)', async () => {
    const bytes = rawWorkbook([
      { name: 's', xml: sheetXml('<row r="1"><c r="A1"><f>B1-B1</f><v>0</v></c><c r="B1" t="b"><f>1&gt;2</f><v>0</v></c><c r="C1"><f>1+1</f><v>2</v></c></row>') },
    ]);
    const lean = await readXlsxLean('t.xlsx', bytes);
    expect(cellsOf(lean).map((c) => [c.kind, c.text, c.number])).toEqual([
      ['number', '0', 0],
      ['boolean', 'FALSE', undefined],
      ['number', '2', 2],
    ]);
    const exceljs = await readXlsx('t.xlsx', bytes);
    expect(cellsOf(exceljs).map((c) => c.kind)).toEqual(['formula', 'formula', 'number']);
  });

  it('decodes entities once, reads CDATA, keeps text results in date-formatted cells and numbers under hyperlinks', async () => {
    const styles = '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>';
    const xml = sheetXml(
      '<row r="1"><c r="A1" t="str"><v>a&amp;lt;b</v></c><c r="B1" s="1" t="str"><f>TEXT(A2,"yyyy")</f><v>2021年</v></c><c r="C1"><v>12</v></c>' +
        '<c r="D1" t="inlineStr"><is><t><![CDATA[<总计>]]></t></is></c></row>',
      '<hyperlinks><hyperlink ref="C1" r:id="rId1"/></hyperlinks>',
    );
    const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/hyperlink" Target="https://www.gov.cn" TargetMode="External"/></Relationships>`;
    const lean = await readXlsxLean('t.xlsx', rawWorkbook([{ name: 's', xml, rels }], { styles }));
    expect(cellsOf(lean).map((c) => [c.kind, c.text])).toEqual([
      ['text', 'a&lt;b'],
      ['text', '2021年'],
      ['number', '12'],
      ['text', '<总计>'],
    ]);
  });

  it('reads date1904="true" (as LibreOffice writes it) as the 1904 date system', async () => {
    const bytes = rawWorkbook([{ name: 's', xml: sheetXml('<row r="1"><c r="A1" s="1"><v>43099</v></c></row>') }], {
      styles: '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>',
      workbookPr: '<workbookPr date1904="true"/>',
    });
    expect(cellsOf(await readXlsxLean('t.xlsx', bytes)).map(defined)).toStrictEqual([{ row: 1, col: 1, kind: 'date', text: '2021-12-31', number: 44561 }]);
  });

  it('reads files Excel opens and exceljs rejects: rows and cells without addresses, overlapping merges, long sheet names, sheet parts not named sheetN.xml, prefixed tags', async () => {
    const name = '示例市生态环境局2022年政府信息公开工作年度报告表三（收到和处理政府信息公开申请情况）';
    const xml = sheetXml(
      '<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row>',
      '<mergeCells><mergeCell ref="A1:B1"/><mergeCell ref="B1:B2"/></mergeCells>',
    );
    const lean = await readXlsxLean('t.xlsx', rawWorkbook([{ name, xml }]));
    expect(lean.sheets[0]!.name).toBe(name);
    expect(cellsOf(lean).map((c) => [c.row, c.col, c.text])).toEqual([
      [1, 1, '1'],
      [2, 3, '3'],
      [2, 4, '4'],
    ]);
    expect(await reason(readXlsx('t.xlsx', rawWorkbook([{ name, xml }])))).toBe('corrupt-xlsx');

    const renamed = rawWorkbook([{ name: 's', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'), target: 'worksheets/data.xml' }]);
    expect(cellsOf(await readXlsxLean('t.xlsx', renamed)).map((c) => c.text)).toEqual(['1']);

    const prefixed = rawWorkbook([{ name: 's', xml: `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>总计</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>` }]);
    expect(cellsOf(await readXlsxLean('t.xlsx', prefixed)).map((c) => c.text)).toEqual(['总计']);
  });
});

describe('readXlsxLean on bad input', () => {
  const good = rawWorkbook([{ name: 's', xml: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') }], { strings: '<si><t>x</t></si>' });
  const cases: Array<[string, string, () => Promise<Uint8Array> | Uint8Array]> = [
    ['a truncated zip', 'corrupt-xlsx', async () => (await exceljsWorkbook({ sharedStrings: true })).subarray(0, 4000)],
    ['bytes that are not a zip', 'corrupt-xlsx', () => strToU8('PK\u0003\u0004 this is not a zip archive at all')],
    ['a zip without workbook.xml', 'no-sheets', () => zipSync({ 'word/document.xml': strToU8('<w:document/>') })],
    ['a workbook without sheets', 'no-sheets', () => rawWorkbook([])],
    ['malformed sheet XML', 'corrupt-xlsx', () => rawWorkbook([{ name: 's', xml: sheetXml('<row r="1"><c r="A1"><v>1</c></row>') }])],
    ['sheet XML cut short', 'corrupt-xlsx', () => rawWorkbook([{ name: 's', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>').slice(0, 150) }])],
    ['malformed styles', 'corrupt-xlsx', () => rawWorkbook([{ name: 's', xml: sheetXml('') }], { styles: '<cellXfs><xf></cellXfs>' })],
    ['a shared string that is not there', 'corrupt-xlsx', () => rawWorkbook([{ name: 's', xml: sheetXml('<row r="1"><c r="A1" t="s"><v>7</v></c></row>') }], { strings: '<si><t>x</t></si>' })],
  ];

  it('reads the well-formed workbook these are made from', async () => {
    expect(cellsOf(await expectSame(good)).map((c) => c.text)).toEqual(['x']);
  });

  it.each(cases)('%s: ReadError %s, as readXlsx', async (_, expected, make) => {
    const bytes = await make();
    expect(await reason(readXlsxLean('t.xlsx', bytes))).toBe(expected);
    expect(await reason(readXlsx('t.xlsx', bytes))).toBe(expected);
  });
});
