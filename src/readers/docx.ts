// Word reader: a .docx (its main part, word/document.xml) or a Word 2003 XML document -> a Grid of
// its tables and the paragraphs around them, in one pass of the scanner (xml.ts) over the XML. Both
// formats name the table elements alike (w:tbl, w:tr, w:tc, w:gridSpan, w:vMerge or w:vmerge, w:t),
// so one code path reads both. Each table becomes a sheet named 表格N, N counting tables where they
// start in the document (a table nested in a cell included, as a sheet of its own); the cells are
// placed on the table's grid as Word lays it out, merges kept as a workbook keeps them.
//
// What a reader of the printed document sees is what is read: tracked insertions but not
// deletions, a field's result but not its instruction, the content of content controls (not their
// grey placeholder), hyperlinks, smart tags and custom XML read through; text boxes, drawings,
// embedded objects, headers, footers, footnotes and comments left out. Nesting is followed with a
// stack of frames, never recursion, so no document can overflow the call stack; the limits bound
// the tables, rows, cells and paragraphs a document may hold.

import { posix } from 'node:path';
import { makeCell, type Cell, type Grid, type Paragraph, type Range, type Sheet } from '../model/grid.js';
import { corrupt, ReadError } from './errors.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { CLOSE, END, OPEN, TEXT, XmlError, XmlScanner } from './xml.js';
import { ZipError, type ZipArchive } from './zip.js';

/** Where Word keeps the document when the package's relationships do not say otherwise. */
const MAIN_PART = 'word/document.xml';
const PACKAGE_RELS = '_rels/.rels';

/** The widest grid a table may have: Excel's last column (Word itself stops at 63). */
const MAX_COL = 16_384;

/** The sheet name of the n-th table (1-based). */
const tableName = (n: number) => `表格${n}`;

/** The place named in a too-many-cells error about the text outside the tables. */
const BODY_TEXT = '正文';

/** A Word document that cannot be read (damaged XML or zip): corrupt-docx; anything else is a bug, thrown as it is. */
export function corruptDocx(err: unknown): unknown {
  return err instanceof XmlError || err instanceof ZipError ? corrupt('corrupt-docx', err) : err;
}

// What an element is to this reader, by its name without prefix. Names not listed are read through.
const TABLE = 1;
const ROW = 2;
const CELL = 3;
const PARAGRAPH = 4;
const TEXT_RUN = 5;
const BREAK = 6;
const TAB = 7;
const HYPHEN = 8;
const FIELD_CHAR = 9;
const SKIP = 10;
const ROW_PROPERTIES = 11;
const CELL_PROPERTIES = 12;
const GRID_SPAN = 13;
const VERTICAL_MERGE = 14;
const GRID_BEFORE = 15;
const DELETED = 16;
const CONTROL = 17;
const CONTROL_PLACEHOLDER = 18;
const CONTROL_CONTENT = 19;
const ANNOTATION = 20;

const ELEMENTS = new Map<string, number>([
  ['tbl', TABLE],
  ['tr', ROW],
  ['tc', CELL],
  ['p', PARAGRAPH],
  ['t', TEXT_RUN], // w:t, and m:t in equations
  ['br', BREAK],
  ['cr', BREAK],
  ['tab', TAB],
  ['ptab', TAB],
  ['noBreakHyphen', HYPHEN],
  ['fldChar', FIELD_CHAR],
  ['trPr', ROW_PROPERTIES],
  ['tcPr', CELL_PROPERTIES],
  ['gridSpan', GRID_SPAN],
  ['vMerge', VERTICAL_MERGE],
  ['vmerge', VERTICAL_MERGE], // Word 2003 XML
  ['gridBefore', GRID_BEFORE],
  ['del', DELETED],
  ['sdt', CONTROL],
  ['showingPlcHdr', CONTROL_PLACEHOLDER],
  ['sdtContent', CONTROL_CONTENT],
  ['annotation', ANNOTATION], // Word 2003 XML: aml:annotation (insertions, deletions, comments)
  // Tracked moves away (deletions are w:del above). Only w:t holds text, so w:delText and
  // w:instrText (a field's instruction) are never read as such.
  ['moveFrom', SKIP],
  // Drawings, VML shapes, embedded objects and the text boxes inside them (their a:tbl and a:t are
  // not the document's), and mc:Choice: of an mc:AlternateContent only mc:Fallback is read.
  ['drawing', SKIP],
  ['pict', SKIP],
  ['object', SKIP],
  ['txbxContent', SKIP],
  ['Choice', SKIP],
  // Properties hold no text (their w:tab is a tab stop): skipped whole, their elements cost no
  // look-ups. The earlier properties of a revision would give a cell its old merges; Word 2003 XML
  // keeps the headers and footers themselves in w:sectPr.
  ['pPr', SKIP],
  ['rPr', SKIP],
  ['tblPr', SKIP],
  ['tblPrEx', SKIP],
  ['tblGrid', SKIP],
  ['tcPrChange', SKIP],
  ['trPrChange', SKIP],
  ['sectPr', SKIP],
  ['sdtEndPr', SKIP],
  // Word 2003 XML keeps footnotes in the text; ruby text (w:rt) is a reading aid over the base text.
  ['footnote', SKIP],
  ['endnote', SKIP],
  ['rt', SKIP],
]);

/**
 * Where text goes: the document body or a table cell. Paragraphs end in `done`; the open complex
 * fields (w:fldChar) are followed per sink, so a broken field cannot hide the rest of the document.
 */
class Sink {
  /** The paragraph being read. */
  text = '';
  /** Finished paragraphs, as written (cleaned when the cell or document is done). */
  readonly done: string[] = [];
  /** The open fields, innermost last: true once past their separator (their result is shown). */
  private readonly fields: boolean[] = [];
  /** How many open fields are still in their instruction (before w:fldChar separate). */
  private instruction = 0;

  get visible(): boolean {
    return this.instruction === 0;
  }

  field(type: string | undefined): void {
    if (type === 'begin') {
      this.fields.push(false);
      this.instruction++;
    } else if (type === 'separate') {
      if (this.fields.length > 0 && !this.fields[this.fields.length - 1]) {
        this.fields[this.fields.length - 1] = true;
        this.instruction--;
      }
    } else if (type === 'end' && this.fields.length > 0) {
      if (!this.fields.pop()) this.instruction--;
    }
  }

  /** The paragraph ends; false when it held nothing. */
  end(): boolean {
    if (this.text === '') return false;
    this.done.push(this.text);
    this.text = '';
    return true;
  }
}

/** A paragraph's text as people read it: white space other than line breaks collapsed, each line trimmed, blank lines dropped. */
function clean(raw: string): string {
  const spaced = raw.replace(/[^\S\n]+/g, ' ');
  if (!spaced.includes('\n')) return spaced.trim();
  let out = '';
  for (const line of spaced.split('\n')) {
    const trimmed = line.trim();
    if (trimmed) out = out ? `${out}\n${trimmed}` : trimmed;
  }
  return out;
}

/** A cell being read. */
interface CellState {
  /** Where its w:tc element starts in the XML (for cellPlaces). */
  start: number;
  col: number;
  span: number;
  /** w:vMerge: 0 none, 1 restart, 2 continue. */
  vertical: number;
  sink: Sink;
}

/** A table being read. */
interface TableState {
  sheet: Sheet;
  /** Every merge begun in the table, single cells included until the end (a restart never continued). */
  merges: Range[];
  /** The vertical merge each grid column last began, by its left column. */
  vertical: Map<number, Range>;
  filled: number;
  row: number;
  /** The grid column the next cell of the row starts at. */
  col: number;
  inRow: boolean;
  /** Cells read in the row so far. */
  cellsInRow: number;
  /** The row is a tracked deletion (w:trPr/w:del): its cells are left out and it takes no row number. */
  deleted: boolean;
  cell: CellState | null;
  /** The table and sink around this one, restored when it ends. */
  outerTable: TableState | null;
  outerSink: Sink | null;
}

interface Frame {
  kind: number;
  /** The element's depth: the frame ends with the end tag at this depth. */
  depth: number;
  /** PARAGRAPH: the sink it writes to. TABLE, CELL: the sink around it. */
  sink: Sink | null;
  /** TABLE, ROW, CELL, ROW_PROPERTIES, CELL_PROPERTIES: the table. */
  table: TableState | null;
  /** CONTROL: its content is the placeholder text (w:showingPlcHdr). */
  placeholder: boolean;
  /** PARAGRAPH: where its element starts in the XML. */
  start: number;
}

/** Where a table cell's w:tc element is in the document's XML: [start, end), at its place in the table's grid (columns col to right). */
export interface CellPlace {
  sheet: string;
  row: number;
  col: number;
  right: number;
  start: number;
  end: number;
}

/** The places of a document's cells, of its first paragraph of text outside the tables (its title), and of each such paragraph by its index (Paragraph.index). */
export interface DocumentPlaces {
  cells: CellPlace[];
  title: { start: number; end: number } | null;
  paragraphs: Map<number, { start: number; end: number }>;
}

/** An attribute in Word's namespace, whatever its prefix ('w:val' as Word writes it). */
function wordAttribute(scan: XmlScanner, prefixed: string, local: string): string | undefined {
  const value = scan.attr(prefixed);
  if (value !== undefined) return value;
  const all = scan.allAttributes();
  for (const name in all) if (name === local || name.endsWith(`:${local}`)) return all[name];
  return undefined;
}

/** A positive count attribute (w:gridSpan, w:gridBefore); `fallback` when absent or not a number. */
function gridCount(value: string | undefined, fallback: number): number {
  const n = parseInt(value ?? '', 10);
  return n >= 0 && n <= MAX_COL ? n : fallback;
}

/** Where the tag just opened starts: its '<' (no attribute value holds one). */
const tagStart = (xml: string, scan: XmlScanner) => xml.lastIndexOf('<', scan.offset - 1);

/** An on/off property: on unless its w:val says off. */
const isOn = (value: string | undefined) => value !== 'false' && value !== '0' && value !== 'off';

class DocumentReader {
  readonly sheets: Sheet[] = [];
  private readonly body = new Sink();
  private readonly frames: Frame[] = [];
  /** The innermost table, and the sink text goes to (null between the cells of a table). */
  private table: TableState | null = null;
  private sink: Sink | null = null;
  /** Tables, rows, cells and paragraphs read: the work the document costs. */
  private work = 0;
  private readonly maxWork: number;

  /** Where each cell and the title are, when asked for (DocumentReader.places). */
  private readonly places: DocumentPlaces | null;
  /** Where each body paragraph that ended at its end tag is, by its place in body.done (when asked for). */
  private readonly bodyPlaces = new Map<number, { start: number; end: number }>();

  constructor(
    private readonly maxCells: number,
    locate = false,
  ) {
    this.maxWork = 10 * maxCells;
    this.places = locate ? { cells: [], title: null, paragraphs: new Map() } : null;
  }

  /** The places found, once the document is read (a reader made with `locate`); paragraphs by the index paragraphs() gives them. */
  located(): DocumentPlaces {
    const places = this.places!;
    let index = 0;
    places.paragraphs.clear();
    this.body.done.forEach((raw, i) => {
      if (!clean(raw)) return;
      index++;
      const at = this.bodyPlaces.get(i);
      if (at) places.paragraphs.set(index, at);
    });
    return places;
  }

  private tooMany(): ReadError {
    return new ReadError('too-many-cells', { sheet: this.table?.sheet.name ?? BODY_TEXT, limit: this.maxCells });
  }

  private count(): void {
    if (++this.work > this.maxWork) throw this.tooMany();
  }

  read(xml: string): void {
    const scan = new XmlScanner(xml);
    const frames = this.frames;
    let depth = 0;
    /** The depth of the element whose content is being skipped (0: none). */
    let skipping = 0;
    /** The depth of the w:t being read (0: none). */
    let inText = 0;
    /** The depth of the w:body (0: outside it; nothing outside is the document's text). */
    let inBody = 0;
    for (let event = scan.next(); event !== END; event = scan.next()) {
      if (event === TEXT) {
        if (inText === depth && inText > 0 && this.sink?.visible) this.sink.text += scan.text;
        continue;
      }
      if (event === CLOSE) {
        if (skipping === depth) skipping = 0;
        else if (skipping === 0) {
          if (inText === depth) inText = 0;
          else if (inBody === depth) {
            this.paragraphEnd(this.body);
            this.sink = null;
            inBody = 0;
          } else if (frames.length > 0 && frames[frames.length - 1]!.depth === depth) this.close(frames.pop()!, scan.offset);
        }
        depth--;
        continue;
      }
      depth++;
      if (skipping > 0) continue;
      if (inBody === 0) {
        if (scan.is('body')) {
          inBody = depth;
          this.sink = this.body;
        }
        continue;
      }
      const kind = ELEMENTS.get(scan.name);
      if (kind === undefined) continue;
      const top = frames.length > 0 ? frames[frames.length - 1]! : null;
      switch (kind) {
        case TEXT_RUN:
          inText = depth;
          break;
        case PARAGRAPH:
          // Text outside any paragraph (or a paragraph inside another) ends where a paragraph starts.
          if (this.sink) this.paragraphEnd(this.sink);
          frames.push({ kind, depth, sink: this.sink, table: null, placeholder: false, start: this.places ? tagStart(xml, scan) : 0 });
          break;
        case BREAK:
          if (this.sink?.visible) this.sink.text += '\n';
          break;
        case TAB:
          if (this.sink?.visible) this.sink.text += ' ';
          break;
        case HYPHEN:
          if (this.sink?.visible) this.sink.text += '-';
          break;
        case FIELD_CHAR:
          this.sink?.field(wordAttribute(scan, 'w:fldCharType', 'fldCharType'));
          skipping = depth; // its w:ffData (a form field's settings) is no text
          break;
        case TABLE:
          this.openTable(depth);
          break;
        case ROW:
          // A row belongs to the innermost table when no cell of it is open; otherwise it is stray markup, read through.
          if (this.table && !this.table.inRow && !this.table.cell) this.openRow(depth);
          break;
        case CELL:
          if (this.table?.inRow && !this.table.cell) {
            if (this.table.deleted) skipping = depth;
            else this.openCell(depth, this.places ? tagStart(xml, scan) : 0);
          }
          break;
        case ROW_PROPERTIES:
          if (top?.kind === ROW) frames.push({ kind, depth, sink: null, table: top.table, placeholder: false, start: 0 });
          break;
        case CELL_PROPERTIES:
          if (top?.kind === CELL) frames.push({ kind, depth, sink: null, table: top.table, placeholder: false, start: 0 });
          break;
        case GRID_SPAN:
          if (top?.kind === CELL_PROPERTIES) top.table!.cell!.span = Math.max(1, gridCount(wordAttribute(scan, 'w:val', 'val'), 1));
          break;
        case VERTICAL_MERGE:
          if (top?.kind === CELL_PROPERTIES) top.table!.cell!.vertical = wordAttribute(scan, 'w:val', 'val') === 'restart' ? 1 : 2;
          break;
        case GRID_BEFORE:
          if (top?.kind === ROW_PROPERTIES && top.table!.cellsInRow === 0) top.table!.col = 1 + gridCount(wordAttribute(scan, 'w:val', 'val'), 0);
          break;
        case DELETED:
          if (top?.kind === ROW_PROPERTIES && top.table!.cellsInRow === 0) top.table!.deleted = true;
          skipping = depth;
          break;
        case CONTROL:
          frames.push({ kind, depth, sink: null, table: null, placeholder: false, start: 0 });
          break;
        case CONTROL_PLACEHOLDER:
          // Directly in w:sdtPr, whose control is then the top frame.
          if (top?.kind === CONTROL) top.placeholder = isOn(wordAttribute(scan, 'w:val', 'val'));
          break;
        case CONTROL_CONTENT:
          if (top?.kind === CONTROL && top.placeholder) skipping = depth;
          break;
        case ANNOTATION: {
          const type = wordAttribute(scan, 'w:type', 'type') ?? '';
          if (type === 'Word.Deletion' || type.startsWith('Word.Comment')) skipping = depth;
          break;
        }
        case SKIP:
          skipping = depth;
          break;
      }
    }
  }

  /** Paragraph text at its end: a body paragraph counts as work (and memory). False when it held nothing. */
  private paragraphEnd(sink: Sink): boolean {
    if (!sink.end()) return false;
    this.count();
    return true;
  }

  /** An element's frame ends with its end tag, which ends at `end`. */
  private close(frame: Frame, end: number): void {
    switch (frame.kind) {
      case PARAGRAPH:
        // The title: the first paragraph outside the tables with text a reader sees (not only spaces or breaks).
        if (frame.sink && this.paragraphEnd(frame.sink) && frame.sink === this.body && this.places) {
          this.bodyPlaces.set(this.body.done.length - 1, { start: frame.start, end });
          if (!this.places.title && clean(this.body.done.at(-1)!) !== '') this.places.title = { start: frame.start, end };
        }
        break;
      case TABLE:
        this.closeTable(frame.table!);
        break;
      case ROW:
        this.closeRow(frame.table!);
        break;
      case CELL:
        this.sink = frame.sink;
        this.closeCell(frame.table!, end);
        break;
    }
  }

  private openTable(depth: number): void {
    this.count();
    if (this.sheets.length >= this.maxCells) throw this.tooMany();
    const sheet: Sheet = { name: tableName(this.sheets.length + 1), rows: new Map(), merges: [] };
    this.sheets.push(sheet);
    const table: TableState = {
      sheet,
      merges: [],
      vertical: new Map(),
      filled: 0,
      row: 0,
      col: 1,
      inRow: false,
      cellsInRow: 0,
      deleted: false,
      cell: null,
      outerTable: this.table,
      outerSink: this.sink,
    };
    this.table = table;
    this.sink = null;
    this.frames.push({ kind: TABLE, depth, sink: null, table, placeholder: false, start: 0 });
  }

  private closeTable(table: TableState): void {
    for (const m of table.merges) if (m.bottom > m.top || m.right > m.left) table.sheet.merges.push(m);
    this.table = table.outerTable;
    this.sink = table.outerSink;
  }

  private openRow(depth: number): void {
    this.count();
    const table = this.table!;
    table.row++;
    table.col = 1;
    table.inRow = true;
    table.cellsInRow = 0;
    table.deleted = false;
    this.frames.push({ kind: ROW, depth, sink: null, table, placeholder: false, start: 0 });
  }

  private closeRow(table: TableState): void {
    table.inRow = false;
    if (table.deleted) table.row--;
  }

  private openCell(depth: number, start: number): void {
    this.count();
    const table = this.table!;
    const sink = new Sink();
    table.cell = { start, col: table.col, span: 1, vertical: 0, sink };
    this.frames.push({ kind: CELL, depth, sink: this.sink, table, placeholder: false, start: 0 });
    this.sink = sink;
  }

  private closeCell(table: TableState, end: number): void {
    const cell = table.cell!;
    table.cell = null;
    const { row } = table;
    const { col, span } = cell;
    const right = col + span - 1;
    if (right > MAX_COL) throw new ReadError('corrupt-docx', { detail: `a row of ${table.sheet.name} is wider than ${MAX_COL} columns` });
    this.places?.cells.push({ sheet: table.sheet.name, row, col, right, start: cell.start, end });
    table.col = right + 1;
    table.cellsInRow++;
    if (cell.vertical === 2) {
      // Continues the merge above over the same grid columns: its own content is not shown.
      const above = table.vertical.get(col);
      if (above && above.bottom === row - 1 && above.right === right) {
        above.bottom = row;
        return;
      }
      // Nothing above to continue (or a merge of another width, which would overlap other cells):
      // a cell that starts a merge of its own.
    }
    if (span > 1 || cell.vertical > 0) {
      const range: Range = { top: row, left: col, bottom: row, right };
      table.merges.push(range);
      if (cell.vertical > 0) table.vertical.set(col, range);
    }
    cell.sink.end();
    let text = '';
    for (const raw of cell.sink.done) {
      const line = clean(raw);
      if (line) text = text ? `${text}\n${line}` : line;
    }
    if (!text) return;
    if (++table.filled > this.maxCells) throw this.tooMany();
    const made: Cell = makeCell(row, col, 'text', text);
    const inRow = table.sheet.rows.get(row);
    if (inRow) inRow.push(made);
    else table.sheet.rows.set(row, [made]);
  }

  /**
   * The paragraphs outside the tables, non-empty ones only; `index` is the paragraph's place among
   * them (1-based), so the n-th paragraph of text a reader sees is index n.
   */
  paragraphs(): Paragraph[] {
    const out: Paragraph[] = [];
    for (const raw of this.body.done) {
      const text = clean(raw);
      if (text) out.push({ text, index: out.length + 1 });
    }
    return out;
  }
}

/** The tables and paragraphs of a WordprocessingML document (document.xml, or a Word 2003 XML file). */
function readDocument(file: string, xml: string, limits: Limits): Grid {
  const reader = new DocumentReader(limits.maxCells);
  reader.read(xml);
  return { file, kind: 'docx', sheets: reader.sheets, paragraphs: reader.paragraphs() };
}

const ENCODING = /^[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/;

/**
 * XML bytes as text: a byte-order mark decides, then the XML declaration's encoding (GB2312 and
 * GBK read as GB18030, which contains them); UTF-8 otherwise and for names TextDecoder does not know.
 */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  // UTF-16 without a mark: '<' and a zero byte.
  if (bytes[0] === 0x3c && bytes[1] === 0) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0 && bytes[1] === 0x3c) return new TextDecoder('utf-16be').decode(bytes);
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const declared = head.startsWith('<?xml') ? ENCODING.exec(head)?.[1]?.toLowerCase() : undefined;
  let label = 'utf-8';
  if (declared && /^(gb2312|gbk|gb18030|cp936|x-gbk|euc-cn)$/.test(declared)) label = 'gb18030';
  else if (declared && !declared.startsWith('utf-16')) label = declared;
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/**
 * The part that a relationships part (its XML, `rels`) points to with a relationship whose type
 * `wanted` accepts, a target inside the package that the archive holds, resolved from `base` (the
 * folder of the part the relationships are of); undefined when there is none.
 */
export function relatedPart(zip: ZipArchive, rels: string, base: string, wanted: (type: string) => boolean): string | undefined {
  const scan = new XmlScanner(rels, { texts: false });
  for (let event = scan.next(); event !== END; event = scan.next()) {
    if (event !== OPEN || !scan.is('Relationship') || !wanted(scan.attr('Type') ?? '') || scan.attr('TargetMode') === 'External') continue;
    const target = scan.attr('Target')?.trim() ?? '';
    const part = posix.join('/', target.startsWith('/') ? '' : base, target).slice(1);
    if (target && zip.has(part)) return part;
  }
  return undefined;
}

/** The package's main document: word/document.xml, or where _rels/.rels points. */
export function mainPart(zip: ZipArchive): string {
  if (zip.has(MAIN_PART)) return MAIN_PART;
  zip.checkDeclared([PACKAGE_RELS]);
  const rels = zip.part(PACKAGE_RELS);
  const part = rels && relatedPart(zip, decodeXml(rels), '', (type) => type.endsWith('/officeDocument'));
  if (part) return part;
  throw new ReadError('corrupt-docx', { detail: `${MAIN_PART} is missing` });
}

/**
 * Read a .docx (its archive already opened) into a Grid: its tables as sheets 表格1, 表格2 …, its
 * paragraphs outside the tables. Throws only ReadError ('corrupt-docx', 'inflated-too-large',
 * 'too-many-cells').
 */
export async function readDocx(file: string, zip: ZipArchive, limits: Limits = DEFAULT_LIMITS): Promise<Grid> {
  try {
    const part = mainPart(zip);
    zip.checkDeclared([part]);
    return readDocument(file, decodeXml(zip.part(part)!), limits);
  } catch (err) {
    throw corruptDocx(err);
  }
}

/**
 * Read a Word 2003 XML document (w:wordDocument, saved by old Word or WPS as .xml or .doc; also
 * Word's flat XML package, whose w:body is read the same way) into a Grid as readDocx does.
 * Throws only ReadError ('corrupt-docx', 'too-many-cells').
 */
export async function readWordXml(file: string, bytes: Uint8Array, limits: Limits = DEFAULT_LIMITS): Promise<Grid> {
  try {
    return readDocument(file, decodeXml(bytes), limits);
  } catch (err) {
    throw corruptDocx(err);
  }
}

/**
 * A .docx's main part as text, with the places of its cells and title, for a writer that marks
 * them (--annotate). Read as readDocx reads it, so a place is where readDocx found that cell.
 * Throws only ReadError, as readDocx.
 */
export function locateDocx(zip: ZipArchive, limits: Limits = DEFAULT_LIMITS): { part: string; xml: string; places: DocumentPlaces } {
  try {
    const part = mainPart(zip);
    zip.checkDeclared([part]);
    const xml = decodeXml(zip.part(part)!);
    const reader = new DocumentReader(limits.maxCells, true);
    reader.read(xml);
    return { part, xml, places: reader.located() };
  } catch (err) {
    throw corruptDocx(err);
  }
}
