// XLSX reader: zip.ts inflates only the parts a Grid needs (workbook, its relationships, styles,
// shared strings, the sheets) and xml.ts reads each part in one pass; exceljs, five times slower to
// load and to read, stays the writer. It gives the Grid exceljs gives (tests/helpers/exceljs-reader.ts
// is the oracle). Where exceljs loses or garbles what the file holds (a cached 0 or FALSE, entities
// decoded twice, hyperlinked numbers turned into text, CDATA, date1904="true") or rejects a file
// Excel opens (rows or cells without an address, overlapping merges, long sheet names, sheet parts
// not named sheetN.xml), this reader keeps what the file says; tests/readers/xlsx-equivalence.test.ts
// shows those cases.

import { posix } from 'node:path';
import type { Cell, Grid, Range, Sheet } from '../model/grid.js';
import { ascending, makeCell, parseRange } from '../model/grid.js';
import { ReadError } from './errors.js';
import { dateCell } from './dates.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { END, OPEN, TEXT, XmlScanner, parseXml as parseXmlText, type XmlHandlers } from './xml.js';
import { ZipArchive } from './zip.js';

const utf8 = new TextDecoder();

/** Parse one XML part; throws XmlError on anything that is not well-formed XML. */
const parseXml = (part: Uint8Array, on: XmlHandlers) => parseXmlText(utf8.decode(part), on);

/** A relationship target as a part name: relative to xl/ ('worksheets/sheet1.xml') or absolute ('/xl/…'). */
function resolveTarget(target: string): string {
  const path = target.trim();
  return posix.join(path.startsWith('/') ? '/' : '/xl', path).slice(1);
}

interface Relationship {
  type: string;
  part: string;
}

function readRelationships(part: Uint8Array | undefined): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  if (part) {
    parseXml(part, {
      open(name, a) {
        if (name === 'Relationship' && a.Id && a.Target && a.TargetMode !== 'External') {
          rels.set(a.Id, { type: a.Type ?? '', part: resolveTarget(a.Target) });
        }
      },
    });
  }
  return rels;
}

const isType = (rel: Relationship, type: string) => rel.type.endsWith(`/${type}`);

interface SheetEntry {
  name: string;
  hidden: boolean;
  part: string;
}

/** The sheets in tab order, each with its part (chart sheets and dangling ones left out), and the date system. */
function readWorkbook(part: Uint8Array, rels: Map<string, Relationship>): { sheets: SheetEntry[]; date1904: boolean } {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  parseXml(part, {
    open(name, a) {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name !== 'sheet') return;
      const rel = rels.get(a['r:id'] ?? '');
      if (rel && isType(rel, 'worksheet')) sheets.push({ name: a.name ?? '', hidden: Boolean(a.state) && a.state !== 'visible', part: rel.part });
    },
  });
  return { sheets, date1904 };
}

/** Built-in number formats that show dates or times (as exceljs knows them: not the CJK ids 27–36, 50–58). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** exceljs's test: date letters outside [colour/locale] brackets and "quoted text". */
const isDateFormat = (code: string) => /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** For each cell style (cellXfs index): does it show a number as a date? */
function readDateStyles(part: Uint8Array | undefined): boolean[] {
  if (!part) return [];
  const custom = new Map<number, string>();
  const styles: number[] = [];
  let within = '';
  parseXml(part, {
    open(name, a) {
      if (name === 'numFmts' || name === 'cellXfs') within = name;
      else if (name === 'numFmt' && within === 'numFmts') custom.set(parseInt(a.numFmtId ?? '', 10), a.formatCode ?? '');
      else if (name === 'xf' && within === 'cellXfs') styles.push(parseInt(a.numFmtId ?? '', 10));
    },
    close(name) {
      if (name === within) within = '';
    },
  });
  return styles.map((id) => {
    const code = custom.get(id);
    return code ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id);
  });
}

/** Characters Excel cannot store in XML are written _xHHHH_. */
const unescapeText = (text: string) => (text.includes('_x') ? text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text);

/**
 * Collects the text of <t> elements (plain or rich-text runs) inside a string item, leaving out
 * phonetic guides (<rPh>), which hold the reading of the text rather than the text.
 */
class StringText {
  text = '';
  private run: string | null = null;
  private phonetic = 0;

  open(scan: XmlScanner): void {
    if (scan.is('rPh')) this.phonetic++;
    else if (scan.is('t') && this.phonetic === 0) this.run = '';
  }

  add(scan: XmlScanner): void {
    if (this.run !== null) this.run += scan.text;
  }

  close(scan: XmlScanner): void {
    if (scan.is('rPh')) this.phonetic--;
    else if (scan.is('t') && this.run !== null) {
      this.text += unescapeText(this.run);
      this.run = null;
    }
  }
}

function readSharedStrings(part: Uint8Array | undefined): string[] {
  const strings: string[] = [];
  if (!part) return strings;
  let item: StringText | null = null;
  const scan = new XmlScanner(utf8.decode(part));
  for (let event = scan.next(); event !== END; event = scan.next()) {
    if (event === OPEN) {
      if (scan.is('si')) item = new StringText();
      else item?.open(scan);
    } else if (event === TEXT) item?.add(scan);
    else if (item && scan.is('si')) {
      strings.push(item.text);
      item = null;
    } else item?.close(scan);
  }
  return strings;
}

interface Workbook {
  strings: string[];
  dateStyles: boolean[];
  date1904: boolean;
}

/** A <c> element as read: its type attribute, style, whether it holds a formula, its value text. */
interface RawCell {
  type: string;
  /** The s attribute: the cell style's index, read only for numbers (which a style may show as dates). */
  style: string | undefined;
  formula: boolean;
  value?: string;
  inline?: StringText;
}

/** The Date exceljs makes of a serial number (whole milliseconds). */
function serialDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

function textCell(row: number, col: number, text: string): Cell | null {
  return text.trim() === '' ? null : makeCell(row, col, 'text', text);
}

function toCell(raw: RawCell, row: number, col: number, book: Workbook): Cell | null {
  if (raw.type === 'inlineStr') return textCell(row, col, raw.inline?.text ?? '');
  const v = raw.value;
  // An empty <v> is no cached result (exceljs reads it so too, even for an empty string result).
  if (raw.formula && !v) return makeCell(row, col, 'formula', '');
  if (v === undefined) return null; // a styled blank or a placeholder inside a merge
  switch (raw.type) {
    case 's': {
      const text = book.strings[parseInt(v, 10)];
      if (text === undefined) throw new ReadError('corrupt-xlsx', { detail: `shared string ${v} is missing` });
      return textCell(row, col, text);
    }
    case 'str':
      return textCell(row, col, v);
    case 'b':
      return makeCell(row, col, 'boolean', parseInt(v, 10) !== 0 ? 'TRUE' : 'FALSE');
    case 'e':
      return makeCell(row, col, 'error', v);
  }
  if (v.trim() === '') return null;
  const number = Number(v.trim());
  if (raw.formula && Number.isNaN(number)) return makeCell(row, col, 'formula', '');
  // A numeric cell whose value is not a number (hand-edited XML): what it says, as text.
  if (Number.isNaN(number)) return textCell(row, col, v);
  // exceljs never applies style 0 (the default style) as a number format.
  const style = raw.style ? parseInt(raw.style, 10) : 0;
  if (style > 0 && book.dateStyles[style]) {
    const date = dateCell(serialDate(number, book.date1904));
    return makeCell(row, col, 'date', date.text, date.number);
  }
  return makeCell(row, col, 'number', String(number), number);
}

/** Column number of an A1 reference ('AB12' -> 28), or null without one. */
function columnOf(ref: string | undefined): number | null {
  let col = 0;
  for (let i = 0; ref && i < ref.length; i++) {
    const letter = (ref.charCodeAt(i) | 32) - 96; // 'a' or 'A' -> 1
    if (letter < 1 || letter > 26) break;
    col = col * 26 + letter;
  }
  return col || null;
}

/** The largest sheet Excel (and WPS, LibreOffice) can hold: a reference beyond it is damage. */
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

function outsideSheet(what: string): ReadError {
  return new ReadError('corrupt-xlsx', { detail: `${what.slice(0, 40)} is outside the sheet (rows 1-${MAX_ROW}, columns A-XFD)` });
}

/**
 * Only the top-left cell of a merged range keeps its value, as in Excel. Each merge visits only
 * the rows that hold cells (found by binary search), never every row it spans. False when that
 * would look at more than `budget` cells.
 */
function dropMerged(rows: Map<number, Cell[]>, merges: Range[], budget: number): boolean {
  if (merges.length === 0) return true;
  let visits = 0;
  const numbers = [...rows.keys()].sort((a, b) => a - b);
  const firstAtOrAfter = (row: number) => {
    let lo = 0;
    let hi = numbers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (numbers[mid]! < row) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const m of merges) {
    for (let i = firstAtOrAfter(m.top); i < numbers.length && numbers[i]! <= m.bottom; i++) {
      const r = numbers[i]!;
      const cells = rows.get(r)!;
      // The work is the cells looked at, not the rows.
      visits += cells.length;
      if (visits > budget) return false;
      const hidden = (c: Cell) => c.col >= m.left && c.col <= m.right && (r !== m.top || c.col !== m.left);
      // Most merges hide nothing (a title over blank cells): the row is copied only when one does.
      if (cells.some(hidden)) rows.set(r, cells.filter((c) => !hidden(c)));
    }
  }
  return true;
}

function readSheet(part: Uint8Array, book: Workbook, sheetName: string, maxCells: number): Pick<Sheet, 'rows' | 'merges'> {
  // Cells with something in them count against the limit; every <c> and merge against ten times
  // it (styled blanks are not content, but a sheet of millions of them is still work).
  let filled = 0;
  let elements = 0;
  const tooMany = () => new ReadError('too-many-cells', { sheet: sheetName, limit: maxCells });
  const found = new Map<number, Cell[]>();
  const merges: Range[] = [];
  let row = 0;
  let col = 0;
  // The <c> being read (one object, reused), and which of its children the text belongs to.
  const cell: RawCell = { type: '', style: undefined, formula: false };
  let inCell = false;
  let into: 'f' | 'v' | null = null;
  const scan = new XmlScanner(utf8.decode(part));
  for (let event = scan.next(); event !== END; event = scan.next()) {
    if (event === OPEN) {
      if (scan.is('c')) {
        if (++elements > 10 * maxCells) throw tooMany();
        const r = scan.attr('r');
        col = columnOf(r) ?? col + 1;
        if (col > MAX_COL) throw outsideSheet(`cell ${r ?? col}`);
        // <c r="B2" s="3"/> holds nothing: a styled blank, a form's most common cell.
        inCell = !scan.empty;
        if (!inCell) continue;
        cell.type = scan.attr('t') ?? '';
        cell.style = scan.attr('s');
        cell.formula = false;
        cell.value = undefined;
        cell.inline = undefined;
      } else if (scan.is('row')) {
        // Rows and cells may leave out their address; they then follow the previous one.
        const r = scan.attr('r');
        row = parseInt(r ?? '', 10) || row + 1;
        if (row < 1 || row > MAX_ROW) throw outsideSheet(`row ${r ?? row}`);
        col = 0;
      } else if (scan.is('mergeCell')) {
        // Merges count as work like cells: a sheet of a million merges is as much as a million cells.
        if (++elements > 10 * maxCells) throw tooMany();
        const ref = scan.attr('ref');
        const range = parseRange(ref ?? '');
        if (range && (range.bottom > MAX_ROW || range.right > MAX_COL || range.top < 1 || range.left < 1)) throw outsideSheet(`merged range ${ref}`);
        if (range) merges.push(range);
      } else if (inCell) {
        if (scan.is('v')) into = 'v';
        else if (scan.is('f')) {
          // A shared formula's other cells have <f t="shared" si="0"/> without text.
          cell.formula ||= Boolean(scan.attr('t'));
          into = 'f';
        } else if (scan.is('is')) cell.inline = new StringText();
        else cell.inline?.open(scan);
      }
    } else if (event === TEXT) {
      if (!inCell) continue;
      if (into === 'f') cell.formula = true;
      else if (into === 'v') cell.value = cell.value === undefined ? scan.text : cell.value + scan.text;
      else cell.inline?.add(scan);
    } else {
      if (inCell && scan.is('c')) {
        const out = toCell(cell, row, col, book);
        if (out) {
          if (++filled > maxCells) throw tooMany();
          const inRow = found.get(row);
          if (inRow) inRow.push(out);
          else found.set(row, [out]);
        }
        inCell = false;
      } else if (scan.is('v') || scan.is('f')) into = null;
      else if (inCell) cell.inline?.close(scan);
    }
  }
  // Merges that each span thousands of filled rows are hostile, not a report: bounded like cells.
  if (!dropMerged(found, merges, 10 * maxCells)) throw tooMany();
  const rows = new Map<number, Cell[]>();
  // Sheets list rows and cells in order, each once; sorting and de-duplicating only when they do not.
  const numbers = [...found.keys()];
  if (!ascending(numbers, (r) => r)) numbers.sort((a, b) => a - b);
  for (const r of numbers) {
    let cells = found.get(r)!;
    // Ordered by column; a column given twice keeps its last cell.
    if (!ascending(cells, (c) => c.col)) cells = cells.sort((a, b) => a.col - b.col).filter((c, i, all) => all[i + 1]?.col !== c.col);
    if (cells.length) rows.set(r, cells);
  }
  return { rows, merges };
}

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';

function read(file: string, bytes: Uint8Array, limits: Limits): Grid {
  const zip = new ZipArchive(bytes, limits.maxInflatedBytes);
  const main = zip.read([WORKBOOK, WORKBOOK_RELS]);
  const workbookPart = main.get(WORKBOOK);
  // A zip without a workbook (a renamed archive) has no sheets, as readers/xlsx.ts says too.
  if (!workbookPart) throw new ReadError('no-sheets');
  const rels = readRelationships(main.get(WORKBOOK_RELS));
  const { sheets: entries, date1904 } = readWorkbook(workbookPart, rels);
  const relOf = (type: string) => [...rels.values()].find((rel) => isType(rel, type))?.part ?? '';
  const stylesPart = relOf('styles');
  const stringsPart = relOf('sharedStrings');
  zip.checkDeclared([stylesPart, stringsPart, ...entries.map((e) => e.part)]);
  const book: Workbook = { strings: readSharedStrings(zip.part(stringsPart)), dateStyles: readDateStyles(zip.part(stylesPart)), date1904 };
  const sheets: Sheet[] = [];
  for (const entry of entries) {
    // One sheet's XML in memory at a time.
    const part = zip.part(entry.part);
    if (!part) continue;
    sheets.push({ name: entry.name, ...readSheet(part, book, entry.name, limits.maxCells), ...(entry.hidden ? { hidden: true } : {}) });
  }
  if (sheets.length === 0) throw new ReadError('no-sheets');
  // A workbook whose every sheet is hidden still shows something when opened: read them all.
  if (sheets.every((s) => s.hidden)) for (const s of sheets) delete s.hidden;
  return { file, kind: 'xlsx', sheets };
}

/** Read an .xlsx workbook's bytes into a Grid. Throws only ReadError ('corrupt-xlsx', 'no-sheets'). */
export async function readXlsx(file: string, bytes: Uint8Array, limits: Limits = DEFAULT_LIMITS): Promise<Grid> {
  try {
    return read(file, bytes, limits);
  } catch (err) {
    if (err instanceof ReadError) throw err;
    throw new ReadError('corrupt-xlsx', { detail: err instanceof Error ? err.message.split('\n')[0]!.slice(0, 120) : String(err) });
  }
}
