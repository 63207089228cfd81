// XLSX reader on workbooks written by exceljs: value kinds, merges, sheets, corrupt files.

import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readGridFromBytes } from '../../src/readers/index.js';
import { ReadError } from '../../src/readers/errors.js';

async function workbook(build: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('表三'), wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('readXlsx', () => {
  it('reads values by kind: numbers, text, rich text, cached formula results, dates, errors', async () => {
    const bytes = await workbook((ws) => {
      ws.getCell('A1').value = 12;
      ws.getCell('B1').value = '12';
      ws.getCell('C1').value = { richText: [{ text: '商业' }, { text: '企业' }] };
      ws.getCell('D1').value = { formula: 'A1+1', result: 13 };
      ws.getCell('E1').value = { formula: 'A1*2' };
      ws.getCell('F1').value = new Date(Date.UTC(2021, 11, 31));
      ws.getCell('G1').value = { error: '#REF!' };
    });
    const grid = await readGridFromBytes('t.xlsx', bytes);
    const cells = grid.sheets[0]!.rows.get(1)!;
    expect(cells.map((c) => [c.col, c.kind, c.text, c.number])).toEqual([
      [1, 'number', '12', 12],
      [2, 'text', '12', undefined],
      [3, 'text', '商业企业', undefined],
      [4, 'number', '13', 13],
      [5, 'formula', '', undefined],
      [6, 'date', '2021-12-31', 44561],
      [7, 'error', '#REF!', undefined],
    ]);
  });

  it('shows a small number in a date-formatted cell as Excel does, and keeps the number', async () => {
    const bytes = await workbook((ws) => {
      ws.getCell('A1').value = 2;
      ws.getCell('A1').numFmt = 'yyyy/m/d';
    });
    const [cell] = (await readGridFromBytes('d.xlsx', bytes)).sheets[0]!.rows.get(1)!;
    expect(cell).toMatchObject({ kind: 'date', text: '1900-01-02', number: 2 });
  });

  it('keeps merged ranges and reads only their top-left cell', async () => {
    const bytes = await workbook((ws) => {
      ws.getCell('A1').value = '法人或其他组织';
      ws.mergeCells('A1:E1');
      ws.getCell('A2').value = 1;
    });
    const sheet = (await readGridFromBytes('m.xlsx', bytes)).sheets[0]!;
    expect(sheet.rows.get(1)!.map((c) => c.text)).toEqual(['法人或其他组织']);
    expect(sheet.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 5 }]);
  });

  it('reads every sheet in order', async () => {
    const bytes = await workbook((ws, wb) => {
      ws.getCell('A1').value = 'x';
      wb.addWorksheet('表四').getCell('B2').value = 'y';
    });
    const grid = await readGridFromBytes('s.xlsx', bytes);
    expect(grid.sheets.map((s) => s.name)).toEqual(['表三', '表四']);
  });

  it('turns a corrupt zip into a ReadError', async () => {
    const bytes = await workbook((ws) => (ws.getCell('A1').value = 1));
    const truncated = bytes.subarray(0, Math.floor(bytes.length / 2));
    await expect(readGridFromBytes('t.xlsx', truncated)).rejects.toBeInstanceOf(ReadError);
  });
});

describe('hostile sheets stay bounded (found in review)', () => {
  /** A workbook whose only sheet is `sheetXml`, zipped by hand. */
  function sheetWorkbook(sheetXml: string, comment = ''): Uint8Array {
    const parts = {
      '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      'xl/workbook.xml': strToU8('<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      'xl/worksheets/sheet1.xml': strToU8(sheetXml),
    };
    return zipSync(parts, { comment });
  }

  it('many merges over one crowded row: refused as too many cells, not a quadratic hang', async () => {
    // 30,000 cells and 30,000 merges are each within the limits; the merges would look at 900
    // million cells, past the budget of ten times the cell limit, which refuses the sheet instead.
    const n = 30_000;
    const xml = `<worksheet><sheetData><row r="1">${'<c r="A1"><v>1</v></c>'.repeat(n)}</row></sheetData><mergeCells>${'<mergeCell ref="A1:B1"/>'.repeat(n)}</mergeCells></worksheet>`;
    await expect(readGridFromBytes('m.xlsx', sheetWorkbook(xml), { maxCells: 50_000 })).rejects.toMatchObject({ reason: 'too-many-cells' });
  });

  it('styled blank cells are not content: they count against --max-cells only as work (ten times the limit)', async () => {
    const xml = `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>总计</t></is></c>${'<c s="1"/>'.repeat(50)}</row></sheetData></worksheet>`;
    const grid = await readGridFromBytes('s.xlsx', sheetWorkbook(xml), { maxCells: 10 });
    expect(grid.sheets[0]!.rows.get(1)!.map((c) => c.text)).toEqual(['总计']);
  });

  it('a numeric cell that holds no number reads as its text, not NaN', async () => {
    const grid = await readGridFromBytes('n.xlsx', sheetWorkbook('<worksheet><sheetData><row r="1"><c r="A1"><v>abc</v></c><c r="B1"><v> </v></c></row></sheetData></worksheet>'));
    expect(grid.sheets[0]!.rows.get(1)).toEqual([{ row: 1, col: 1, kind: 'text', text: 'abc' }]);
  });

  it('a zip comment holding the end-of-directory signature does not hide the real directory', async () => {
    const grid = await readGridFromBytes('c.xlsx', sheetWorkbook('<worksheet><sheetData><row r="1"><c r="A1"><v>7</v></c></row></sheetData></worksheet>', 'PK\u0005\u0006 a comment'));
    expect(grid.sheets[0]!.rows.get(1)![0]!.number).toBe(7);
  });
});
