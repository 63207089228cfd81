// XLSX reader: zip.ts inflates only the parts a Grid needs (workbook, its relationships, styles,
// shared strings, the sheets), xml.ts reads each part in one pass, and sheet.ts turns a sheet part
// into cells; exceljs, far slower to load and to read, stays the writer. It gives the Grid exceljs
// gives (tests/helpers/exceljs-reader.ts is the oracle). Where exceljs loses or garbles what the file holds (a cached 0 or FALSE, entities
// decoded twice, hyperlinked numbers turned into text, CDATA, date1904="true") or rejects a file
// Excel opens (rows or cells without an address, overlapping merges, long sheet names, sheet parts
// not named sheetN.xml), this reader keeps what the file says; tests/readers/xlsx-equivalence.test.ts
// shows those cases.

import { posix } from 'node:path';
import type { Grid, Sheet } from '../model/grid.js';
import { corruptXlsx, ReadError } from './errors.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { PartMemo } from './part-memo.js';
import { readSheet, type Workbook } from './sheet.js';
import { StringText } from './string-item.js';
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
  // Through parseXml's one loop, which every small part shares: a loop of its own over the scanner
  // would be compiled (with the scanner inlined into it) for this part alone, in every worker.
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
  const dates: boolean[] = [];
  for (const id of styles) {
    const code = custom.get(id);
    dates.push(code ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id));
  }
  return dates;
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

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';

/** What the workbook and its relationships say: the sheets, the date system, the parts of the strings and styles. */
interface Outline {
  entries: SheetEntry[];
  date1904: boolean;
  stringsPart: string;
  stylesPart: string;
}

function readOutline(zip: ZipArchive): Outline {
  const main = zip.read([WORKBOOK, WORKBOOK_RELS]);
  const workbookPart = main.get(WORKBOOK);
  // A zip without a workbook (a renamed archive) has no sheets, as readers/xlsx.ts says too.
  if (!workbookPart) throw new ReadError('no-sheets');
  const rels = readRelationships(main.get(WORKBOOK_RELS));
  const { sheets: entries, date1904 } = readWorkbook(workbookPart, rels);
  const relOf = (type: string) => [...rels.values()].find((rel) => isType(rel, type))?.part ?? '';
  return { entries, date1904, stringsPart: relOf('sharedStrings'), stylesPart: relOf('styles') };
}

// The outline and the styles of the last few templates seen (values shared between files: read only).
const outlines = new PartMemo<Outline>();
const styles = new PartMemo<boolean[]>();

function read(file: string, zip: ZipArchive, limits: Limits): Grid {
  zip.checkDeclared([WORKBOOK, WORKBOOK_RELS]);
  const { entries, date1904, stringsPart, stylesPart } = outlines.value(zip, [WORKBOOK, WORKBOOK_RELS], () => readOutline(zip));
  const parts = [stylesPart, stringsPart];
  for (const e of entries) parts.push(e.part);
  zip.checkDeclared(parts);
  const strings = readSharedStrings(zip.part(stringsPart));
  const book: Workbook = { strings, dateStyles: styles.value(zip, [stylesPart], () => readDateStyles(zip.part(stylesPart))), date1904 };
  const sheets: Sheet[] = [];
  for (const entry of entries) {
    // One sheet's XML in memory at a time.
    const part = zip.part(entry.part);
    if (!part) continue;
    sheets.push({ name: entry.name, ...readSheet(utf8.decode(part), book, entry.name, limits.maxCells), ...(entry.hidden ? { hidden: true } : {}) });
  }
  if (sheets.length === 0) throw new ReadError('no-sheets');
  // A workbook whose every sheet is hidden still shows something when opened: read them all.
  if (sheets.every((s) => s.hidden)) for (const s of sheets) delete s.hidden;
  return { file, kind: 'xlsx', sheets };
}

/**
 * Read an .xlsx workbook (its bytes, or its archive already opened) into a Grid. Throws only
 * ReadError ('corrupt-xlsx', 'no-sheets', and the limits').
 */
export async function readXlsx(file: string, workbook: Uint8Array | ZipArchive, limits: Limits = DEFAULT_LIMITS): Promise<Grid> {
  try {
    return read(file, workbook instanceof ZipArchive ? workbook : new ZipArchive(workbook, limits.maxInflatedBytes), limits);
  } catch (err) {
    throw corruptXlsx(err);
  }
}
