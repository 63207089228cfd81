// Reading one cell as a number the way a clerk meant it: text digits, full-width digits,
// thousands separators and units are numbers; placeholders and dates are not.

import type { Cell } from '../model/grid.js';
import type { CellValue, Location, ValueNote } from '../model/report.js';

/** Cell contents clerks write for "nothing": the format wants 0 there. */
const PLACEHOLDER = /^(?:[-—–－―~～/／\\、.。*＊]+|无|空|暂无|N\/?A|null|none)$/i;
const UNIT = /(?:件|个|项|条|次|人|家|宗|起|万元|元)$/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const THOUSANDS = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

export function isPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text.normalize('NFKC').replace(/\s+/g, ''));
}

/** True when a cell looks like a table value (a number or a placeholder) rather than a label. */
const valueLike = new WeakMap<Cell, boolean>();

export function isValueLike(cell: Cell): boolean {
  if (cell.kind !== 'text') return true;
  let known = valueLike.get(cell);
  if (known === undefined) {
    const v = readValue(cell, null);
    known = v.status === 'ok' || v.status === 'placeholder';
    valueLike.set(cell, known);
  }
  return known;
}

function decimalsOf(text: string): number {
  const m = /\.(\d+)$/.exec(text);
  return m ? m[1]!.length : 0;
}

/** Digits of a JS number as written, without float noise (0.30000000000000004 -> 0.3). */
function numberDecimals(n: number): number {
  if (Number.isInteger(n)) return 0;
  const s = String(Number(n.toPrecision(12)));
  return decimalsOf(s.includes('e') ? n.toFixed(10).replace(/0+$/, '') : s);
}

export function blankValue(loc: Location | null): CellValue {
  return { text: '', value: null, status: 'blank', notes: [], decimals: 0, loc };
}

export function readValue(cell: Cell | undefined, loc: Location | null): CellValue {
  if (!cell) return blankValue(loc);
  const base = { text: cell.text, notes: [] as ValueNote[], decimals: 0, loc };
  switch (cell.kind) {
    case 'number':
      return { ...base, value: cell.number ?? null, status: 'ok', decimals: numberDecimals(cell.number ?? 0) };
    case 'date':
      return { ...base, value: null, status: 'date', ...(cell.number !== undefined ? { serial: cell.number } : {}) };
    case 'error':
      return { ...base, value: null, status: 'error' };
    case 'formula':
      return { ...base, value: null, status: 'formula' };
    case 'boolean':
      return { ...base, value: null, status: 'not-number' };
    case 'empty':
      return blankValue(loc);
    case 'text':
      break;
  }
  const trimmed = cell.text.trim();
  if (trimmed === '') return blankValue(loc);
  // Most text cells (every CSV value) are plain digits: no normalising needed.
  if (/^\d{1,15}$/.test(trimmed)) return { ...base, value: Number(trimmed), status: 'ok', notes: ['stored-as-text'] };
  // Labels and prose are long; no number a clerk writes is (1,234,567件 is 10 characters).
  if (trimmed.length > 24) return { ...base, value: null, status: 'not-number' };
  if (isPlaceholder(trimmed)) return { ...base, value: null, status: 'placeholder' };
  const notes: ValueNote[] = [];
  const nfkc = trimmed.normalize('NFKC').replace(/\s+/g, '');
  if (nfkc !== trimmed.replace(/\s+/g, '')) notes.push('full-width');
  // NFKC leaves the minus sign (U+2212) and the dashes typed for it as they are.
  let s = nfkc.replace(/^[\u2212\u2012\u2013]/, '-');
  if (UNIT.test(s) && /\d/.test(s)) {
    s = s.replace(UNIT, '');
    notes.push('unit');
  }
  if (THOUSANDS.test(s)) {
    s = s.replace(/,/g, '');
    notes.push('thousands');
  }
  if (!PLAIN_NUMBER.test(s)) return { ...base, value: null, status: 'not-number' };
  if (s.startsWith('+')) notes.push('plus-sign');
  return { ...base, value: Number(s), status: 'ok', notes: [...notes, 'stored-as-text'], decimals: decimalsOf(s) };
}
