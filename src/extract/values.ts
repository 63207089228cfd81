// Reading one cell as a number the way a clerk meant it: text digits, full-width digits,
// thousands separators and units are numbers; placeholders and dates are not.

import { remember } from '../form/labels.js';
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

/**
 * Whether a cell's text can name a label, a header or a column: text, and an error cell's text (as
 * the file spells it). A number, date, truth value or formula cannot: their texts are the reader's own.
 */
export function mayName(cell: Cell): boolean {
  return cell.kind === 'text' || cell.kind === 'error';
}

/** True when a cell looks like a table value (a number or a placeholder) rather than a label. */
export function isValueLike(cell: Cell): boolean {
  if (cell.kind !== 'text') return true;
  const status = parseText(cell.text).status;
  return status === 'ok' || status === 'placeholder';
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

/** Every CellValue has this one shape (a hot path: thousands per file, so no spreads). */
function value(text: string, number: number | null, status: CellValue['status'], notes: ValueNote[], decimals: number, loc: Location | null): CellValue {
  return { text, value: number, status, notes, decimals, loc };
}

export function blankValue(loc: Location | null): CellValue {
  return value('', null, 'blank', [], 0, loc);
}

/** What a text cell says, apart from where it is. */
interface TextReading {
  value: number | null;
  status: CellValue['status'];
  notes: readonly ValueNote[];
  decimals: number;
}

const BLANK: TextReading = { value: null, status: 'blank', notes: [], decimals: 0 };
const NOT_NUMBER: TextReading = { value: null, status: 'not-number', notes: [], decimals: 0 };
const PLACEHOLDER_READING: TextReading = { value: null, status: 'placeholder', notes: [], decimals: 0 };
const AS_TEXT: readonly ValueNote[] = ['stored-as-text'];

/**
 * The same few hundred texts (labels, small numbers) recur in every file of a batch: remember
 * what each says (bounded, so a hostile file cannot grow the cache without limit).
 */
const readings = new Map<string, TextReading>();

const parseText = (text: string): TextReading => remember(readings, text, parseTextOnce);

function parseTextOnce(text: string): TextReading {
  const trimmed = text.trim();
  if (trimmed === '') return BLANK;
  // Most text cells (every CSV value) are plain digits: no normalising needed.
  if (/^\d{1,15}$/.test(trimmed)) return { value: Number(trimmed), status: 'ok', notes: AS_TEXT, decimals: 0 };
  // Labels and prose are long; no number a clerk writes is (1,234,567件 is 10 characters).
  if (trimmed.length > 24) return NOT_NUMBER;
  if (isPlaceholder(trimmed)) return PLACEHOLDER_READING;
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
  if (!PLAIN_NUMBER.test(s)) return NOT_NUMBER;
  if (s.startsWith('+')) notes.push('plus-sign');
  return { value: Number(s), status: 'ok', notes: [...notes, 'stored-as-text'], decimals: decimalsOf(s) };
}

export function readValue(cell: Cell | undefined, loc: Location | null): CellValue {
  if (!cell) return blankValue(loc);
  switch (cell.kind) {
    case 'number':
      return value(cell.text, cell.number ?? null, 'ok', [], numberDecimals(cell.number ?? 0), loc);
    case 'date': {
      const v = value(cell.text, null, 'date', [], 0, loc);
      if (cell.number !== undefined) v.serial = cell.number;
      return v;
    }
    case 'error':
      return value(cell.text, null, 'error', [], 0, loc);
    case 'formula':
      return value(cell.text, null, 'formula', [], 0, loc);
    case 'boolean':
      return value(cell.text, null, 'not-number', [], 0, loc);
    case 'empty':
      return blankValue(loc);
    case 'text': {
      const r = parseText(cell.text);
      return r === BLANK ? blankValue(loc) : value(cell.text, r.value, r.status, [...r.notes], r.decimals, loc);
    }
  }
}
