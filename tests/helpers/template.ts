// A template filled in the way a clerk would: the report's figures typed into the layout's input
// cells of a blank `report template` workbook (formulas and validation left as they are).

import ExcelJS from 'exceljs';
import type { EditionId } from '../../src/form/types.js';
import { layoutFor } from '../../src/writers/layout.js';
import { blankReport, type NormalizedReport } from '../../src/writers/normalize.js';
import { SHEET, writeOfficialXlsx } from '../../src/writers/xlsx.js';

export async function fillTemplate(edition: EditionId, model: Pick<NormalizedReport, 'agency' | 'year' | 'tables'>) {
  const blank = blankReport(edition);
  const layout = layoutFor(blank, { template: true });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await writeOfficialXlsx(blank, { template: true })) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(SHEET)!;
  for (const v of layout.values) {
    const n = model.tables[v.table][v.rowKey]?.[v.columnKey];
    if (n !== null && n !== undefined) ws.getCell(v.row, v.col).value = n;
  }
  ws.getCell(layout.meta!.agency.row, layout.meta!.agency.col).value = model.agency;
  ws.getCell(layout.meta!.year.row, layout.meta!.year.col).value = model.year;
  return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), layout, ws };
}
