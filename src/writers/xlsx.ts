// Normalized report -> an .xlsx in the official layout (the national Word template's three tables
// on one sheet): the converted report, the annotated copy `report check --annotate` writes, and the
// self-checking blank template clerks fill in. Cells are placed by layout.ts; this file only styles
// them. exceljs is imported lazily so that commands writing JSON or CSV do not pay for loading it.

import type { Diagnostic } from '../engine/index.js';
import { REPORT_YEARS, TABLE_NAMES } from '../form/index.js';
import { a1, columnLetters, type Range } from '../model/grid.js';
import { columnLabel, place, rowLabel } from '../rules/places.js';
import type { Lang, Severity } from '../rules/types.js';
import { diagnosticCell, type Check, type CheckRule, type OfficialLayout, type Position, type ValueCell } from '../model/layout.js';
import { layoutFor } from './layout.js';
import { MARK_COLORS, noteLines, worstSeverity } from './marks.js';
import type { NormalizedReport } from './normalize.js';

type ExcelJS = typeof import('exceljs');
type Worksheet = import('exceljs').Worksheet;
type Cell = import('exceljs').Cell;
type Style = Partial<import('exceljs').Style>;
type DataValidation = import('exceljs').DataValidation;

let excel: Promise<ExcelJS> | null = null;
function loadExcel(): Promise<ExcelJS> {
  excel ??= import('exceljs').then((m) => ((m as { default?: ExcelJS }).default ?? m) as ExcelJS);
  return excel;
}

export interface OfficialXlsxOptions {
  /** Diagnostics to mark on their cells, and to list on a second sheet. */
  annotations?: Diagnostic[];
  /** A blank workbook for clerks: input validation, live checks, protected labels. */
  template?: boolean;
  /** Language of the diagnostics sheet's headings and row and column names. */
  lang?: Lang;
  /** What source cells said where they hold no number (`table.row.column` -> text): kept, not blanked. */
  texts?: ReadonlyMap<string, string>;
}

export const SHEET = '年度报告';
export const RESULTS_SHEET = '检查结果';

/** What a failing check cell says: text, never a number, so the extractor cannot read it as a value. */
const FAILED: Record<CheckRule, string> = {
  't3-balance': '不平衡',
  't3-row-total': '总计不符',
  't3-result-total': '总计不符',
  't4-total': '总计不符',
};
/**
 * What a passing (or not yet evaluable) check cell says: one space, not "". Applications store an
 * empty string result as `<v></v>`, which exceljs reads back as a formula without a value, and the
 * extractor takes such a cell for a table value; a space reads back as an empty cell.
 */
const PASSED = ' ';

// SimSun is 宋体's own English family name: Excel and WPS resolve it on Chinese Windows, and
// LibreOffice and fontconfig map it to an installed serif CJK face elsewhere.
const FONT = { name: 'SimSun', size: 10.5, charset: 134 };
const BORDER_SIDE = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: BORDER_SIDE, left: BORDER_SIDE, bottom: BORDER_SIDE, right: BORDER_SIDE };
const solid = (argb: string) => ({ type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb }, bgColor: { argb } });
const FILL = {
  label: solid('FFF2F2F2'),
  error: solid(`FF${MARK_COLORS.error}`),
  warning: solid(`FF${MARK_COLORS.warning}`),
  failing: solid('FFFF7C80'),
};
const LINE_HEIGHT = 14;

/** Excel formula text for a list of cells: ranges where they run along a row or a column. */
function refs(cells: Position[], absolute = false): string {
  const addr = (p: Position) => (absolute ? `$${columnLetters(p.col)}$${p.row}` : a1(p.row, p.col));
  const runs: Array<[Position, Position]> = [];
  for (const p of cells) {
    const run = runs.at(-1);
    if (run) {
      const [start, end] = run;
      // A run grows down a column or along a row, never both.
      const down = start.col === p.col && end.col === p.col && p.row === end.row + 1;
      const across = start.row === p.row && end.row === p.row && p.col === end.col + 1;
      if (down || across) {
        run[1] = p;
        continue;
      }
    }
    runs.push([p, p]);
  }
  return runs.map(([s, e]) => (s.row === e.row && s.col === e.col ? addr(s) : `${addr(s)}:${addr(e)}`)).join(',');
}

function sumOf(cells: Position[], absolute: boolean): string {
  return cells.length === 1 ? refs(cells, absolute) : `SUM(${refs(cells, absolute)})`;
}

/**
 * True in Excel, WPS and LibreOffice when the identity fails: every member filled in with a
 * number (docs/format.md: an identity with a blank member is not evaluated) and the sums differ.
 */
export function failingCondition(check: Check, absolute = false): string {
  const all = [...check.left, ...check.right];
  return `AND(COUNT(${refs(all, absolute)})=${all.length},${sumOf(check.left, absolute)}<>${sumOf(check.right, absolute)})`;
}

export function checkFormula(check: Check): string {
  return `IF(${failingCondition(check)},"${FAILED[check.rule]}","${PASSED}")`;
}

/** The check's result for the values written, cached in the file for readers that do not calculate. */
function checkResult(check: Check, valueAt: (p: Position) => number | null): string {
  const left = check.left.map(valueAt);
  const right = check.right.map(valueAt);
  if ([...left, ...right].some((v) => v === null)) return PASSED;
  const sum = (vs: Array<number | null>) => Math.round(vs.reduce<number>((a, b) => a + (b ?? 0), 0) * 1e6) / 1e6;
  return sum(left) === sum(right) ? PASSED : FAILED[check.rule];
}

function numFmt(cell: ValueCell, value: number | null): string {
  // A count with a fraction, or an amount with more decimals than the format shows, is shown as
  // written so that the clerk sees what the checker complains about.
  const decimals = value === null || Number.isInteger(value) ? 0 : (String(Number(value.toPrecision(12))).split('.')[1]?.length ?? 0);
  if (decimals > cell.decimals) return 'General';
  return cell.decimals === 0 ? '0' : `0.${'0'.repeat(cell.decimals)}`;
}

function validation(cell: ValueCell): DataValidation {
  const where = place(cell.table, cell.rowKey, cell.columnKey).zh;
  const common = { allowBlank: true, showInputMessage: true, showErrorMessage: true, errorStyle: 'stop', promptTitle: '填写提示', errorTitle: '输入有误' } as const;
  if (cell.kind === 'signed') {
    return { ...common, type: 'whole', operator: 'between', formulae: [-999999999, 999999999], prompt: `${where}：填写整数，减少的填负数（如 -2），没有变化的填 0。`, error: '这里只能填写整数（减少的填负数）。' };
  }
  if (cell.kind === 'amount') {
    const unit = cell.decimals >= 4 ? `单位：万元，最多保留 ${cell.decimals} 位小数` : '只填数字，不带单位';
    return { ...common, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], prompt: `${where}：填写金额（${unit}），没有的填 0。`, error: '这里只能填写不小于 0 的数字。' };
  }
  return { ...common, type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], prompt: `${where}：填写件数（0 或正整数），没有的填 0。`, error: '这里只能填写不小于 0 的整数。' };
}

const META_VALIDATION: Record<'agency' | 'year', DataValidation> = {
  agency: {
    type: 'textLength',
    operator: 'between',
    formulae: [2, 60],
    allowBlank: true,
    showInputMessage: true,
    showErrorMessage: true,
    promptTitle: '填写提示',
    prompt: '填写报告单位全称，如“××市××局”。',
    errorTitle: '输入有误',
    error: '请填写单位全称（2 至 60 个字）。',
  },
  year: {
    type: 'whole',
    operator: 'between',
    formulae: [REPORT_YEARS.first, REPORT_YEARS.last],
    allowBlank: true,
    showInputMessage: true,
    showErrorMessage: true,
    promptTitle: '填写提示',
    prompt: '填写报告年度（四位数字），如 2024。',
    errorTitle: '输入有误',
    error: '请填写四位数字的年份，如 2024。',
  },
};

/** Display width in Excel character units: a CJK character takes two. */
function displayWidth(text: string): number {
  return [...text].reduce((n, ch) => n + (/[\u2e80-\uffff]/.test(ch) ? 2 : 1), 0);
}

/** Row heights that show every wrapped label: Excel does not grow rows for merged cells. */
function rowHeights(layout: OfficialLayout): Map<number, number> {
  const heights = new Map<number, number>();
  for (const t of layout.texts) {
    const m: Range = t.merge ?? { top: t.row, left: t.col, bottom: t.row, right: t.col };
    const width = layout.columnWidths.slice(m.left - 1, m.right).reduce((a, b) => a + b, 0) - 1;
    const size = t.role === 'title' ? 16 / FONT.size : 1;
    const lines = t.text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil((displayWidth(part) * size) / width)), 0);
    const perRow = (lines * LINE_HEIGHT * size + 4) / (m.bottom - m.top + 1);
    for (let r = m.top; r <= m.bottom; r++) heights.set(r, Math.max(heights.get(r) ?? 0, Math.ceil(perRow)));
  }
  return heights;
}

function style(cell: Cell, s: Style): void {
  cell.style = { ...cell.style, ...s };
}

export async function writeOfficialXlsx(report: NormalizedReport, options: OfficialXlsxOptions = {}): Promise<Uint8Array> {
  const { Workbook } = await loadExcel();
  const template = Boolean(options.template);
  const layout = layoutFor(report, { template, keepEmpty: options.annotations !== undefined });
  const workbook = new Workbook();
  workbook.creator = 'nianbao';
  const ws = workbook.addWorksheet(SHEET, { views: [{ showGridLines: false }] });
  setUpPrinting(ws, layout);
  layout.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));

  writeTexts(ws, layout, template);
  const valueAt = writeValues(ws, layout, report, template, options.texts);
  if (layout.meta) writeMeta(ws, layout.meta, report, template);
  if (template) await writeChecks(ws, layout, valueAt);
  for (const [row, height] of rowHeights(layout)) if (height > LINE_HEIGHT + 4) ws.getRow(row).height = height;
  if (options.annotations) {
    annotate(ws, layout, options.annotations);
    writeResults(workbook.addWorksheet(RESULTS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] }), layout, options.annotations, options.lang ?? 'zh');
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A4 portrait, scaled to the page width: as many pages down as the content needs. */
const A4_PORTRAIT = {
  paperSize: 9,
  orientation: 'portrait',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  horizontalCentered: true,
  margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
} as const;

/**
 * How the report prints: A4 portrait like the national Word template, every table at the page
 * width (the layout gives them the same columns). Table 3 starts a new page and table 4 follows it
 * on that page, so that table 3, which a clerk checks column by column, prints whole: page 1 has
 * the title and table 2, page 2 tables 3 and 4. Where table 3 still runs over (larger fonts, other
 * margins), its header rows repeat at the top of the next page. A sheet has one print-titles range
 * and table 3 is the only table long enough to need it: each block of table 2 has its own header
 * row, table 4 is one row of figures. Table 4 gets no page of its own, as the repeated rows would
 * head that page too. The rows repeat only from the page where they first appear (LibreOffice,
 * checked by tests/libreoffice.test.ts), so page 1 does not get them.
 */
function setUpPrinting(ws: Worksheet, layout: OfficialLayout): void {
  ws.pageSetup = { ...ws.pageSetup, ...A4_PORTRAIT, printArea: `A1:${a1(layout.lastRow, layout.width)}` };
  const t3 = layout.titleOf('t3');
  const head = layout.headerRows.t3;
  if (!t3 || !head) return;
  // The break goes after the row above table 3's title, unless nothing but the report title is above it.
  if (layout.boxes.t2) ws.getRow(t3.row - 1).addPageBreak();
  ws.pageSetup.printTitlesRow = `${head.top}:${head.bottom}`;
}

function writeTexts(ws: Worksheet, layout: OfficialLayout, template: boolean): void {
  for (const t of layout.texts) {
    const cell = ws.getCell(t.row, t.col);
    cell.value = t.text;
    const centred = t.role === 'title' || t.role === 'header' || t.role === 'caption';
    style(cell, {
      font: { ...FONT, ...(t.role === 'title' ? { size: 16, bold: true } : t.role === 'section' ? { bold: true } : t.role === 'check-label' ? { color: { argb: 'FF7F7F7F' } } : {}) },
      // Section titles run on over the empty cells to their right; wrapped, they would fill column A only.
      alignment: { horizontal: centred ? 'center' : 'left', vertical: 'middle', wrapText: t.role !== 'section' },
      ...(template && (t.role === 'header' || t.role === 'label' || t.role === 'caption') ? { fill: FILL.label } : {}),
    });
  }
  // Borders on every cell of each table's grid first, so that merging gives each area its frame.
  for (const box of Object.values(layout.boxes)) {
    for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) ws.getCell(r, c).border = BORDER;
  }
  for (const t of layout.texts) if (t.merge) ws.mergeCells(t.merge.top, t.merge.left, t.merge.bottom, t.merge.right);
}

/** Writes every value; returns the values by position, for the template checks' cached results. */
function writeValues(ws: Worksheet, layout: OfficialLayout, report: NormalizedReport, template: boolean, texts?: ReadonlyMap<string, string>): (p: Position) => number | null {
  const byPosition = new Map<string, number | null>();
  for (const v of layout.values) {
    const value = report.tables[v.table][v.rowKey]?.[v.columnKey] ?? null;
    byPosition.set(a1(v.row, v.col), value);
    const cell = ws.getCell(v.row, v.col);
    const text = texts?.get(`${v.table}.${v.rowKey}.${v.columnKey}`);
    if (value !== null) cell.value = value;
    else if (text) cell.value = text;
    style(cell, {
      font: { ...FONT },
      numFmt: numFmt(v, value),
      alignment: { horizontal: 'center', vertical: 'middle' },
      ...(template ? { protection: { locked: false } } : {}),
    });
    if (template) cell.dataValidation = validation(v);
    if (v.merge) ws.mergeCells(v.merge.top, v.merge.left, v.merge.bottom, v.merge.right);
  }
  return (p) => byPosition.get(a1(p.row, p.col)) ?? null;
}

function writeMeta(ws: Worksheet, meta: NonNullable<OfficialLayout['meta']>, report: NormalizedReport, template: boolean): void {
  const entries = [
    ['agency', meta.agency, report.agency],
    ['year', meta.year, report.year],
  ] as const;
  for (const [key, at, value] of entries) {
    const cell = ws.getCell(at.row, at.col);
    if (value !== null) cell.value = value;
    style(cell, {
      font: { ...FONT },
      alignment: { horizontal: 'left', vertical: 'middle' },
      border: { bottom: BORDER_SIDE },
      ...(key === 'year' ? { numFmt: '0' } : {}),
      ...(template ? { protection: { locked: false } } : {}),
    });
    if (template) cell.dataValidation = META_VALIDATION[key];
  }
  for (const m of meta.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
}

async function writeChecks(ws: Worksheet, layout: OfficialLayout, valueAt: (p: Position) => number | null): Promise<void> {
  for (const [i, check] of layout.checks.entries()) {
    const cell = ws.getCell(check.at.row, check.at.col);
    cell.value = { formula: checkFormula(check), result: checkResult(check, valueAt) };
    style(cell, {
      font: { ...FONT, bold: true, color: { argb: 'FFC00000' } },
      alignment: { horizontal: 'center', vertical: 'middle', shrinkToFit: true },
      border: BORDER,
    });
    // One rule per total with absolute references: every application reads those the same way.
    ws.addConditionalFormatting({
      ref: a1(check.target.row, check.target.col),
      rules: [{ type: 'expression', priority: i + 1, formulae: [failingCondition(check, true)], style: { fill: FILL.failing, font: { bold: true, color: { argb: 'FF9C0006' } } } }],
    });
  }
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatCells: true,
    formatColumns: true,
    formatRows: true,
  });
}

function annotate(ws: Worksheet, layout: OfficialLayout, diagnostics: Diagnostic[]): void {
  const byCell = new Map<string, { at: Position; list: Diagnostic[] }>();
  for (const d of diagnostics) {
    const at = diagnosticCell(layout, d);
    const key = a1(at.row, at.col);
    const entry = byCell.get(key) ?? { at, list: [] };
    entry.list.push(d);
    byCell.set(key, entry);
  }
  for (const { at, list } of byCell.values()) {
    const cell = ws.getCell(at.row, at.col);
    cell.fill = FILL[worstSeverity(list)];
    cell.note = noteLines(list).join('\n');
  }
}

const RESULT_HEADINGS: Record<Lang, string[]> = {
  zh: ['级别', '规则', '表', '行', '列', '标注位置', '说明'],
  en: ['severity', 'rule', 'table', 'row', 'column', 'marked cell', 'message'],
};
/** Column widths of the results sheet: together about an A4 portrait page's width at 100%. */
const RESULT_WIDTHS = [7, 16, 7, 22, 13, 9.5, 42];
const SEVERITY_NAMES: Record<Lang, Record<Severity, string>> = { zh: { error: '错误', warning: '警告' }, en: { error: 'error', warning: 'warning' } };
const NONE: Record<Lang, string> = { zh: '未发现问题', en: 'no problems found' };
const LINK = { color: { argb: 'FF0563C1' }, underline: true } as const;

/**
 * Every diagnostic on its own row, file-level ones included, which have no cell to sit on. Rows and
 * columns go by their labels; the one address is that of the cell this workbook marks, linked to it.
 * The source's cell is left out: this workbook is laid out anew, so the source's addresses point
 * at cells of another file.
 */
function writeResults(ws: Worksheet, layout: OfficialLayout, diagnostics: Diagnostic[], lang: Lang): void {
  ws.addRow(RESULT_HEADINGS[lang]);
  for (const d of diagnostics) {
    const marked = diagnosticCell(layout, d);
    const at = a1(marked.row, marked.col);
    const row = d.table && d.row ? rowLabel(d.table, d.row, lang) : '';
    const column = d.table && d.column ? columnLabel(d.table, d.column, d.row, lang) : '';
    const added = ws.addRow([SEVERITY_NAMES[lang][d.severity], d.rule, d.table ? TABLE_NAMES[d.table][lang] : '', row, column, null, d.message]);
    added.getCell(6).value = { formula: `HYPERLINK("#'${SHEET}'!${at}","${at}")`, result: at };
  }
  if (diagnostics.length === 0) ws.addRow([NONE[lang]]);
  RESULT_WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.eachRow((row, r) => {
    row.eachCell((cell, c) => style(cell, { font: { ...FONT, ...(r === 1 ? { bold: true } : c === 6 ? LINK : {}) }, alignment: { vertical: 'top', wrapText: true }, border: BORDER }));
    const severity = diagnostics[r - 2]?.severity;
    if (r > 1 && severity) row.getCell(1).fill = FILL[severity];
    // Heights set here rather than left to the application: not every one grows a row for wrapped
    // text when it opens a file.
    const lines = Math.max(...RESULT_WIDTHS.map((w, i) => Math.ceil(displayWidth(row.getCell(i + 1).text) / (w - 1)) || 1));
    if (lines > 1) row.height = lines * LINE_HEIGHT + 4;
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: RESULT_HEADINGS[lang].length } };
  ws.pageSetup = { ...ws.pageSetup, ...A4_PORTRAIT, horizontalCentered: false, printTitlesRow: '1:1' };
}
