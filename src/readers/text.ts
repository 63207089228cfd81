// CSV, TSV and pasted text (tabs, commas, semicolons, Markdown pipe tables, columns aligned with
// spaces as `pdftotext -layout` writes them): detect the encoding and the delimiter, then parse
// with csv-parse, or find the columns from where text stands (columns.ts).
// Cells get the address the same file shows in a spreadsheet (record number, column) and their line.

import { parse } from 'csv-parse/sync';
import { eastAsianWidth } from 'get-east-asian-width';
import { basename, extname } from 'node:path';
import { makeCell, type Cell, type Grid } from '../model/grid.js';
import { alignColumns, isValue, type Chunk } from './columns.js';
import { ReadError } from './errors.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

/** Decode bytes: a BOM decides; otherwise strict UTF-8, then GB18030 (Excel on Chinese Windows). */
export function decode(bytes: Uint8Array): Decoded {
  const strict = (label: string, data: Uint8Array) => new TextDecoder(label, { fatal: true }).decode(data);
  /**
   * UTF-8 damaged in a few places (a line cut mid-character when pasted) stays UTF-8: GB18030
   * would decode it without complaint, as mojibake everywhere. Null when damaged throughout.
   */
  const slightlyDamagedUtf8 = (data: Uint8Array) => {
    const lenient = new TextDecoder('utf-8').decode(data);
    const damaged = lenient.split('\ufffd').length - 1;
    return damaged <= Math.max(3, lenient.length / 1000) ? lenient : null;
  };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    try {
      return { text: strict('utf-8', bytes.subarray(3)), encoding: 'utf-8-bom' };
    } catch {
      const text = slightlyDamagedUtf8(bytes.subarray(3));
      if (text === null) throw new ReadError('undecodable');
      return { text, encoding: 'utf-8-bom' };
    }
  }
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: strict('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: strict('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  } catch {
    throw new ReadError('undecodable');
  }
  try {
    return { text: strict('utf-8', bytes), encoding: 'utf-8' };
  } catch {
    const text = slightlyDamagedUtf8(bytes);
    if (text !== null) return { text, encoding: 'utf-8' };
    try {
      return { text: strict('gb18030', bytes), encoding: 'gb18030' };
    } catch {
      throw new ReadError('undecodable');
    }
  }
}

/**
 * The delimiter: a tab when a few lines have tabs (prose never does); `|` when a few lines are
 * split by it into three or more cells (Markdown pipe tables, which PDF-to-Markdown converters
 * write, and cells copied out as `a | b | c`); otherwise whichever of comma and semicolon splits
 * more lines into three or more cells (prose has a stray comma or two).
 */
export function detectDelimiter(text: string): string {
  const lines = text.split(/\r\n|\n|\r/, 2000);
  const linesWith = (delimiter: string, min: number) => lines.filter((l) => l.split(delimiter).length > min).length;
  if (linesWith('\t', 1) >= Math.min(3, lines.length)) return '\t';
  const comma = linesWith(',', 2);
  const semicolon = linesWith(';', 2);
  const pipe = linesWith('|', 2);
  if (pipe >= Math.min(3, lines.length) && pipe > Math.max(comma, semicolon)) return '|';
  // Rows of a table laid out with spaces: a label, then two or more numbers, each two spaces or more
  // apart (only a line with such a gap can be one: a CSV's lines are not taken apart for nothing).
  const laidOut = lines.filter((l) => HAS_GAP.test(l) && layoutChunks(l).slice(-2).filter(isValue).length === 2).length;
  if (laidOut >= 3 && laidOut > Math.max(comma, semicolon)) return LAYOUT;
  if (comma === 0 && semicolon === 0) return linesWith('\t', 1) > 0 ? '\t' : ',';
  return semicolon > comma ? ';' : ',';
}

/** The delimiter of text laid out by position: no character, runs of spaces. */
export const LAYOUT = 'spaces';

/** Two spaces or more (a full-width space counts as two), or a form feed (a page break in pdftotext's output). */
const GAP = /(?: |\u3000){2,}|\u3000|\f/g;
const HAS_GAP = /(?: |\u3000){2,}|\u3000|\f/;

/**
 * A line laid out by position as chunks, placed by display column (a Chinese character takes two):
 * runs of text a gap of two spaces or more apart. One space stays inside a chunk (2021 年, Word 2016).
 */
export function layoutChunks(line: string): Chunk[] {
  const chunks: Chunk[] = [];
  let x = 0;
  let at = 0;
  const advance = (to: number) => {
    for (; at < to; at++) {
      const code = line.charCodeAt(at);
      x += code === 0x3000 ? 2 : code < 0x7f || (code >= 0xd800 && code < 0xdc00) ? (code === 9 ? 8 - (x % 8) : 1) : eastAsianWidth(code);
    }
  };
  for (const part of line.split(GAP)) {
    const start = line.indexOf(part, at);
    const text = part.trim();
    if (text !== '') {
      const lead = start + part.indexOf(text);
      advance(lead);
      const x0 = x;
      advance(lead + text.length);
      chunks.push({ x0, x1: x, text });
    }
    advance(start + part.length);
  }
  return chunks;
}

/** Text laid out by position as records: columns.ts finds the columns, a row takes the lines its label wrapped onto. */
function splitLayout(text: string): Array<{ record: string[]; info: { lines: number } }> {
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.at(-1) === '') lines.pop();
  return alignColumns(lines.map((line) => ({ chunks: layoutChunks(line) }))).map((row) => {
    const record: string[] = [];
    for (const cell of row.cells) record[cell.col - 1] = cell.text;
    return { record: Array.from(record, (t) => t ?? ''), info: { lines: row.last + 1 } };
  });
}

/** A Markdown table's rule under its header: `|---|:---:|`. */
const RULE = /^\s*:?-{3,}:?\s*$/;

/**
 * Cells separated by `|`: the outer pipes of a Markdown row dropped, each cell trimmed, `<br>`
 * (how converters write a label that wraps in its cell) a line break, a rule row an empty record.
 */
function splitPipes(text: string): Array<{ record: string[]; info: { lines: number } }> {
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line, i) => {
    let row = line.trim();
    if (row.startsWith('|')) row = row.slice(1);
    if (row.endsWith('|') && !row.endsWith('\\|')) row = row.slice(0, -1);
    const record = row.split('|').map((cell) => cell.replace(/<br\s*\/?>/gi, '\n').trim());
    return { record: record.every((cell) => RULE.test(cell)) ? [] : record, info: { lines: i + 1 } };
  });
}

/**
 * Text without a single quote character cannot quote anything: each line is a record, split at
 * the delimiter. (csv-parse builds an error object for every row whose length differs from the
 * first, even when told to accept it; a report's rows all differ, and that cost dominated.)
 */
function splitPlain(text: string, delimiter: string): Array<{ record: string[]; info: { lines: number } }> {
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line, i) => ({ record: line.split(delimiter), info: { lines: i + 1 } }));
}

function parseRecords(text: string, delimiter: string, quote: string | false) {
  return parse(text, {
    delimiter,
    quote,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    info: true,
    bom: false,
  }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
}

export function readDelimited(file: string, bytes: Uint8Array, limits: Limits = DEFAULT_LIMITS): Grid {
  const { text, encoding } = decode(bytes);
  if (text.includes('\u0000')) throw new ReadError('binary');
  // Only a byte-order mark, or only blank lines: as empty as 0 bytes.
  if (text.trim() === '') throw new ReadError('empty');
  const delimiter = detectDelimiter(text);
  let records;
  if (delimiter === '|') {
    records = splitPipes(text);
  } else if (delimiter === LAYOUT) {
    records = splitLayout(text);
  } else if (!text.includes('"')) {
    records = splitPlain(text, delimiter);
  } else {
    try {
      records = parseRecords(text, delimiter, '"');
    } catch {
      // An unbalanced quote in pasted text: read it literally rather than refuse it.
      records = parseRecords(text, delimiter, false);
    }
  }
  const rows = new Map<number, Cell[]>();
  // Excel names a CSV's only sheet after the file.
  const sheetName = basename(file, extname(file));
  let count = 0;
  let fields = 0;
  let previousEnd = 0;
  records.forEach(({ record, info }, index) => {
    const row = index + 1;
    const line = previousEnd + 1;
    previousEnd = info.lines;
    const cells: Cell[] = [];
    record.forEach((value, i) => {
      // Fields with something in them count against the limit, every field against ten times it.
      if (++fields > 10 * limits.maxCells) throw new ReadError('too-many-cells', { sheet: sheetName, limit: limits.maxCells });
      if (value.trim() === '') return;
      cells.push(makeCell(row, i + 1, 'text', value, undefined, line));
      if (++count > limits.maxCells) throw new ReadError('too-many-cells', { sheet: sheetName, limit: limits.maxCells });
    });
    if (cells.length) rows.set(row, cells);
  });
  return {
    file,
    kind: /\.(csv|tsv|tab)$/i.test(file) ? 'csv' : 'text',
    encoding,
    delimiter,
    sheets: [{ name: sheetName, rows, merges: [] }],
  };
}
