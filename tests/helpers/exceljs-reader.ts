// The exceljs reading of a workbook, kept as an oracle: the project's own XLSX reader
// (src/readers/xlsx.ts) must give the same grid wherever exceljs reads a file correctly.

import type { Cell, Grid, Sheet } from '../../src/model/grid.js';
import { parseRange } from '../../src/model/grid.js';
import { dateCell } from '../../src/readers/dates.js';
import { ReadError } from '../../src/readers/errors.js';

type ExcelJS = typeof import('exceljs');
let excel: Promise<ExcelJS> | null = null;
function loadExcel(): Promise<ExcelJS> {
  excel ??= import('exceljs').then((m) => ((m as { default?: ExcelJS }).default ?? m) as ExcelJS);
  return excel;
}

/** Turn one exceljs value (or a formula's cached result) into our cell fields. */
function toCell(value: unknown, row: number, col: number, isFormula = false): Cell | null {
  const base = { row, col };
  if (value === null || value === undefined) {
    return isFormula ? { ...base, kind: 'formula', text: '' } : null;
  }
  if (typeof value === 'number') return { ...base, kind: 'number', number: value, text: String(value) };
  if (typeof value === 'string') return value.trim() === '' ? null : { ...base, kind: 'text', text: value };
  if (typeof value === 'boolean') return { ...base, kind: 'boolean', text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { ...base, kind: 'date', ...dateCell(value) };
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('error' in v) return { ...base, kind: 'error', text: String(v.error) };
    if ('formula' in v || 'sharedFormula' in v) return toCell(v.result, row, col, true);
    if (Array.isArray(v.richText)) {
      const text = (v.richText as Array<{ text?: string }>).map((t) => t.text ?? '').join('');
      return text.trim() === '' ? null : { ...base, kind: 'text', text };
    }
    if ('text' in v) return toCell(typeof v.text === 'object' ? v.text : String(v.text ?? ''), row, col);
  }
  return { ...base, kind: 'text', text: String(value) };
}

export async function readXlsx(file: string, bytes: Uint8Array): Promise<Grid> {
  const { Workbook, ValueType } = await loadExcel();
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (err) {
    throw new ReadError('corrupt-xlsx', { detail: err instanceof Error ? err.message.split('\n')[0]!.slice(0, 120) : String(err) });
  }
  const sheets: Sheet[] = [];
  for (const ws of workbook.worksheets) {
    const rows = new Map<number, Cell[]>();
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.type === ValueType.Merge) return;
        const out = toCell(cell.value, r, c);
        if (out) cells.push(out);
      });
      if (cells.length) rows.set(r, cells);
    });
    const merges = ((ws.model as { merges?: string[] }).merges ?? []).flatMap((m) => parseRange(m) ?? []);
    sheets.push({ name: ws.name, rows, merges, ...(ws.state !== 'visible' ? { hidden: true } : {}) });
  }
  if (sheets.length === 0) throw new ReadError('no-sheets');
  // A workbook whose every sheet is hidden still shows something when opened: read them all.
  if (sheets.every((s) => s.hidden)) for (const s of sheets) delete s.hidden;
  return { file, kind: 'xlsx', sheets };
}
