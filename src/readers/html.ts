// Web pages (.html, .htm, and the page inside an .mht): every <table> becomes a sheet named for its
// place (表格1, 表格2 … in the order the tables start), cells where the HTML table model puts them,
// spans as merges; the text outside the tables becomes the narrative, one paragraph per line a
// browser would show. The tree walked is the one a browser builds (implied end tags, misnested
// table markup moved out), so a page published with broken markup reads as it looks: html-tree.ts
// builds it for the markup pages are published in, faster, and parse5 for the rest.

import { isUtf8 } from 'node:buffer';
import { basename, extname } from 'node:path';
import type { DefaultTreeAdapterMap, DefaultTreeAdapterTypes, Token, TreeAdapter } from 'parse5';
import { makeCell, type Cell, type Grid, type Paragraph, type Range, type Sheet } from '../model/grid.js';
import { ReadError } from './errors.js';
import { pageTree, ROW_GROUPS, type PageDocument, type PageElement, type PageParent, type PageTextNode } from './html-tree.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';

type Element = DefaultTreeAdapterTypes.Element;
type TextNode = DefaultTreeAdapterTypes.TextNode;
/** A node (or token) as `lineParser` (below) leaves it: the line of the source it starts on. */
type Placed = { line?: number };

// ---------------------------------------------------------------------------------------------
// Encoding
// ---------------------------------------------------------------------------------------------

/** The WHATWG name of an encoding label ('gb2312' -> 'gbk'); null when the label names none. */
function encodingOf(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

const isSpace = (b: number) => b === 0x09 || b === 0x0a || b === 0x0c || b === 0x0d || b === 0x20;
const isLetter = (b: number) => (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a;
const lower = (b: number) => (b >= 0x41 && b <= 0x5a ? b | 0x20 : b);

/** Whether `bytes` at `at` start with the ASCII `text`, compared case-insensitively. */
function startsWith(bytes: Uint8Array, at: number, text: string): boolean {
  if (at + text.length > bytes.length) return false;
  for (let i = 0; i < text.length; i++) if (lower(bytes[at + i]!) !== text.charCodeAt(i)) return false;
  return true;
}

/** The charset a meta element's content attribute names ('text/html; charset=gb2312' -> 'gb2312'). */
function charsetInContent(content: string): string | null {
  const re = /charset/gi;
  for (let m = re.exec(content); m; m = re.exec(content)) {
    let i = m.index + 7;
    while (/[\t\n\f\r ]/.test(content[i] ?? '')) i++;
    if (content[i] !== '=') continue;
    i++;
    while (/[\t\n\f\r ]/.test(content[i] ?? '')) i++;
    const quote = content[i];
    if (quote === '"' || quote === "'") {
      const end = content.indexOf(quote, i + 1);
      return end < 0 ? null : content.slice(i + 1, end);
    }
    const rest = /^[^\t\n\f\r ;]*/.exec(content.slice(i))![0];
    return rest === '' ? null : rest;
  }
  return null;
}

/**
 * The encoding a page declares in its first 1024 bytes, found as a browser's prescan finds it
 * (WHATWG HTML, "prescan a byte stream to determine its encoding"): <meta charset=…> or
 * <meta http-equiv="Content-Type" content="…charset=…">, skipping comments and other tags'
 * attributes; its WHATWG name, or null when the page declares none the decoder knows.
 */
export function prescanCharset(page: Uint8Array): string | null {
  const bytes = page.subarray(0, 1024);
  const end = bytes.length;
  let pos = 0;
  /** One attribute at pos (the algorithm "get an attribute"); null at the tag's end. */
  const attribute = (): { name: string; value: string } | null => {
    while (pos < end && (isSpace(bytes[pos]!) || bytes[pos] === 0x2f)) pos++;
    if (pos >= end || bytes[pos] === 0x3e) return null;
    let name = '';
    let value = '';
    for (;;) {
      if (pos >= end) return null;
      const b = bytes[pos]!;
      if (b === 0x3d && name !== '') {
        pos++;
        break;
      }
      if (isSpace(b)) {
        while (pos < end && isSpace(bytes[pos]!)) pos++;
        if (bytes[pos] !== 0x3d) return { name, value };
        pos++;
        break;
      }
      if (b === 0x2f || b === 0x3e) return { name, value };
      name += String.fromCharCode(lower(b));
      pos++;
    }
    while (pos < end && isSpace(bytes[pos]!)) pos++;
    if (pos >= end) return null;
    const quote = bytes[pos]!;
    if (quote === 0x22 || quote === 0x27) {
      for (pos++; pos < end; pos++) {
        if (bytes[pos] === quote) {
          pos++;
          return { name, value };
        }
        value += String.fromCharCode(lower(bytes[pos]!));
      }
      return null;
    }
    if (quote === 0x3e) return { name, value };
    for (; pos < end; pos++) {
      const b = bytes[pos]!;
      if (isSpace(b) || b === 0x3e) return { name, value };
      value += String.fromCharCode(lower(b));
    }
    return null;
  };
  for (; pos < end; pos++) {
    if (startsWith(bytes, pos, '<!--')) {
      // The first '>' preceded by '--' after the '<' ('<!-->' closes itself, as in the tokenizer).
      let close = pos + 4;
      while (close < end && !(bytes[close] === 0x3e && bytes[close - 1] === 0x2d && bytes[close - 2] === 0x2d)) close++;
      pos = close;
    } else if (startsWith(bytes, pos, '<meta') && (isSpace(bytes[pos + 5] ?? 0) || bytes[pos + 5] === 0x2f)) {
      pos += 6;
      const seen = new Set<string>();
      let gotPragma = false;
      let needPragma: boolean | null = null;
      let charset: string | null = null;
      for (let attr = attribute(); attr; attr = attribute()) {
        if (seen.has(attr.name)) continue;
        seen.add(attr.name);
        if (attr.name === 'http-equiv' && attr.value === 'content-type') gotPragma = true;
        else if (attr.name === 'content' && charset === null) {
          charset = charsetInContent(attr.value);
          if (charset !== null) needPragma = true;
        } else if (attr.name === 'charset') {
          charset = attr.value;
          needPragma = false;
        }
      }
      pos--;
      if (needPragma === null || (needPragma && !gotPragma) || charset === null) continue;
      const name = encodingOf(charset);
      if (name === null) continue;
      // A page whose bytes a prescan can read as ASCII is not UTF-16, whatever it says.
      if (name === 'utf-16le' || name === 'utf-16be') return 'utf-8';
      return name === 'x-user-defined' ? 'windows-1252' : name;
    } else if (bytes[pos] === 0x3c && (isLetter(bytes[pos + 1] ?? 0) || (bytes[pos + 1] === 0x2f && isLetter(bytes[pos + 2] ?? 0)))) {
      while (pos < end && !isSpace(bytes[pos]!) && bytes[pos] !== 0x3e) pos++;
      while (attribute());
    } else if (startsWith(bytes, pos, '<!') || startsWith(bytes, pos, '</') || startsWith(bytes, pos, '<?')) {
      while (pos < end && bytes[pos] !== 0x3e) pos++;
    }
  }
  return null;
}

const GB = new Set(['gbk', 'gb18030']);

/**
 * Bytes decoded a piece at a time. A page's text is handed to the parser in pieces of at most
 * PIECE bytes' worth: a string of more than 128 KB (a page of 64,000 Chinese-text characters) goes
 * to V8's large-object space, which maps fresh memory for each, and on the project's machines the
 * page faults cost more than the decoding (docs/performance.md).
 */
const PIECE = 16 << 10;

/**
 * The text of `bytes` in `encoding`, in pieces; `fatal` throws (TypeError) on bytes that do not
 * decode. A piece ends before a '<' where one is in its second half, so that a tag seldom runs
 * from one piece into the next (html-tree.ts reads a piece at a time; the decoder carries a
 * character cut in two, so any cut decodes alike).
 */
function decodePieces(bytes: Uint8Array, encoding: string, fatal = false): string[] {
  const decoder = new TextDecoder(encoding, { fatal });
  const pieces: string[] = [];
  for (let at = 0; at < bytes.length; ) {
    let to = at + PIECE;
    if (to < bytes.length) {
      const lt = bytes.lastIndexOf(0x3c, to - 1);
      if (lt > at + PIECE / 2) to = lt;
    }
    pieces.push(decoder.decode(bytes.subarray(at, to), { stream: true }));
    at = to;
  }
  pieces.push(decoder.decode());
  return pieces;
}

/**
 * UTF-8 damaged in a few places at most (a page cut mid-character, a stray byte): at least four of
 * its non-ASCII characters decode for each that does not. GBK bytes read as UTF-8 decode about one
 * character in ten, by chance, so the two are not confused however short the page (text.ts's rule
 * for pasted text, a few damaged characters at most, takes a page with two Chinese words in GBK for
 * UTF-8). Its text, or null when it is not that.
 */
function nearlyUtf8(bytes: Uint8Array): string[] | null {
  if (isUtf8(bytes)) return decodePieces(bytes, 'utf-8');
  const pieces = decodePieces(bytes, 'utf-8');
  let damaged = 0;
  let decoded = 0;
  for (const piece of pieces) {
    for (let i = 0; i < piece.length; i++) {
      const c = piece.charCodeAt(i);
      if (c === 0xfffd) damaged++;
      else if (c >= 0x80) decoded++;
    }
  }
  return damaged * 4 <= decoded ? pieces : null;
}

/** Valid GB18030 (which holds GBK and GB2312), or null. */
function strictGb(bytes: Uint8Array): string[] | null {
  try {
    return decodePieces(bytes, 'gb18030', true);
  } catch {
    return null;
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

/** A page's text, in the pieces it was decoded in (PIECE), and the encoding it was read in. */
export interface PageText {
  pieces: string[];
  encoding: string;
}

/**
 * A page's text and the encoding it was read in. A byte-order mark decides (as in a browser, it
 * outranks any label); then the label given (an MHT part's charset) or the page's own meta
 * declaration, with GB2312/GBK read as GB18030, its superset; a page that declares none is read
 * as UTF-8 when it is UTF-8 (damaged in a few places at most) and as GB18030 otherwise.
 *
 * One departure from a browser, for the pages Chinese sites publish after moving between
 * systems: a page labelled GB2312/GBK whose bytes are valid UTF-8 (with non-ASCII text, which GBK
 * text practically never is) is read as UTF-8, and one labelled UTF-8 that is not UTF-8 but is
 * valid GB18030 is read as GB18030. A browser shows such a page garbled; its author saw it right.
 *
 * Bytes that do not decode become U+FFFD, as in a browser; only a page that is mostly such
 * characters is refused as undecodable.
 */
export function decodePage(bytes: Uint8Array, label?: string): PageText {
  let pieces: string[];
  let encoding: string;
  const bom =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
      ? 'utf-8'
      : bytes[0] === 0xff && bytes[1] === 0xfe
        ? 'utf-16le'
        : bytes[0] === 0xfe && bytes[1] === 0xff
          ? 'utf-16be'
          : null;
  const declared = bom ? null : label !== undefined ? encodingOf(label) : prescanCharset(bytes);
  if (bom) {
    pieces = decodePieces(bytes, bom); // the decoder drops the mark
    encoding = bom === 'utf-8' ? 'utf-8-bom' : bom;
  } else if (declared && GB.has(declared)) {
    encoding = hasNonAscii(bytes) && isUtf8(bytes) ? 'utf-8' : 'gb18030';
    pieces = decodePieces(bytes, encoding);
  } else if (declared === 'utf-8') {
    const utf8 = nearlyUtf8(bytes);
    const gb = utf8 === null ? strictGb(bytes) : null;
    pieces = gb ?? utf8 ?? decodePieces(bytes, 'utf-8');
    encoding = gb !== null ? 'gb18030' : 'utf-8';
  } else if (declared) {
    pieces = decodePieces(bytes, declared);
    encoding = declared;
  } else {
    const utf8 = nearlyUtf8(bytes);
    pieces = utf8 ?? decodePieces(bytes, 'gb18030');
    encoding = utf8 !== null ? 'utf-8' : 'gb18030';
  }
  let replaced = 0;
  let length = 0;
  for (const piece of pieces) {
    length += piece.length;
    for (let i = piece.indexOf('\ufffd'); i >= 0; i = piece.indexOf('\ufffd', i + 1)) replaced++;
  }
  if (replaced > 16 && replaced > length / 10) throw new ReadError('undecodable');
  return { pieces, encoding };
}

// ---------------------------------------------------------------------------------------------
// Text as a browser lays it out
// ---------------------------------------------------------------------------------------------

/** Characters of East Asian width F or W (CJK ideographs and punctuation, kana, full-width forms). */
const WIDE = /[\u2e80-\u303e\u3040-\ua4cf\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\ud800-\udfff]/;
const RUN = /\s+/g;

/**
 * A line's text as shown: white space (with no-break and ideographic spaces) collapsed to one
 * space, trimmed. A run that is only a source line break with the blanks around it, between two
 * wide characters, is dropped (CSS Text's segment break rule): Word and editors wrap long lines
 * in the middle of Chinese text, and '本年新收\n政府信息' is one label, not two words.
 */
function tidy(raw: string): string {
  if (!raw.includes('\n')) return raw.replace(RUN, ' ').trim();
  return raw
    .replace(RUN, (run: string, at: number, all: string) =>
      run.includes('\n') && /^[\t\n\f\r ]+$/.test(run) && WIDE.test(all[at - 1] ?? '') && WIDE.test(all[at + run.length] ?? '') ? '' : ' ',
    )
    .trim();
}

const VISIBLE = /\S/;

/** The lines of one block of flow (a cell, the page, a table's narrative): text added, broken at blocks and <br>. */
class Lines {
  private raw = '';
  /** Source line of the current line's first visible character; 0 before it has one. */
  private start = 0;

  constructor(private readonly emit: (text: string, line: number) => void) {}

  add(text: string, line: number): void {
    if (this.start > 0) {
      this.raw += text;
      return;
    }
    const first = text.search(VISIBLE);
    if (first < 0) return;
    let newlines = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < first; i = text.indexOf('\n', i + 1)) newlines++;
    this.start = line + newlines;
    this.raw = text.slice(first);
  }

  break(): void {
    if (this.start === 0) return;
    const text = tidy(this.raw);
    if (text !== '') this.emit(text, this.start);
    this.raw = '';
    this.start = 0;
  }
}

/**
 * Where narrative text goes: the page's own flow, a table's (narrative only if the table is a
 * layout table inside narrative, which is known when the walk is done), or site chrome's (nowhere).
 */
interface Flow {
  lines: Lines;
  /** The table whose flow this is; null for the page's own flow and for site chrome's. */
  table: TableReader | null;
}

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

/** The HTML "rules for parsing non-negative integers": leading digits after blanks and '+'; null when none. */
function nonNegative(value: string | undefined): number | null {
  const m = value === undefined ? null : /^[\t\n\f\r ]*\+?(\d+)/.exec(value);
  return m ? Number(m[1]) : null;
}

function attribute(el: PageElement, name: string): string | undefined {
  for (const a of el.attrs) if (a.name === name) return a.value;
  return undefined;
}

interface OpenCell {
  row: number;
  col: number;
  line: number | undefined;
  texts: string[];
  lines: Lines;
}

/**
 * One table being read: its sheet, and the table model's state (WHATWG HTML, "forming a table").
 * Slots covered by an earlier row's rowspan are skipped; colspan is clamped to 1–1000 and rowspan
 * to 0–65534 as browsers do, rowspan=0 reaching to the end of the row group, and (as browsers
 * render it, where the model would add empty rows) no rowspan reaching past it. Each column keeps
 * only the last row a span covers it to, which is all placing a cell needs: rows are placed in
 * order, so a slot is covered exactly when an earlier span reaches down to its row.
 *
 * Limits as in the other readers: non-empty cells against maxCells, and the slots the cells cover
 * (colspan × rowspan, the work and the grid's size) against ten times it, so that
 * colspan="100000" or rowspan="65535" cost what a real table costs.
 */
class TableReader {
  readonly sheet: Sheet;
  /** Whether this table frames the page rather than holds data (see `readHtml`). */
  layout = false;
  /** Whether its narrative is the page's: a layout table in the page's flow or a kept table's (set after the walk). */
  kept = false;
  cell: OpenCell | null = null;
  private row: PageElement | null = null;
  private y = 0;
  private x = 0;
  private groupEnd = 0;
  private readonly coveredTo: number[] = [];
  private slots = 0;
  private filled = 0;

  constructor(
    readonly node: PageElement,
    name: string,
    /** The flow around the table, which its caption and (for a layout table) its narrative join. */
    readonly outer: Flow,
    private readonly maxCells: number,
  ) {
    this.sheet = { name, rows: new Map(), merges: [] };
  }

  private tooMany(): ReadError {
    return new ReadError('too-many-cells', { sheet: this.sheet.name, limit: this.maxCells });
  }

  /**
   * thead, tbody or tfoot of this table: its rows are the next ones. (The parser puts every row
   * in one: a <tr> straight in a <table> gets the <tbody> a browser gives it.)
   */
  group(el: PageElement): void {
    let rows = 0;
    for (const child of el.childNodes) if (child.nodeName === 'tr') rows++;
    this.groupEnd = this.y + rows;
  }

  /** Whether `tr` is one of this table's rows. */
  owns(tr: PageElement): boolean {
    const group = tr.parentNode;
    return group !== null && 'tagName' in group && group.parentNode === this.node && ROW_GROUPS.has(group.tagName);
  }

  startRow(tr: PageElement): void {
    this.row = tr;
    this.x = 0;
  }

  endRow(): void {
    this.row = null;
    this.y++;
  }

  /** Whether `el` (a td or th) is a cell of the row being read. */
  ownsCell(el: PageElement): boolean {
    return this.row !== null && el.parentNode === this.row;
  }

  startCell(td: PageElement): void {
    const y = this.y;
    let x = this.x;
    while ((this.coveredTo[x] ?? -1) >= y) x++;
    const colspan = Math.min(Math.max(nonNegative(attribute(td, 'colspan')) || 1, 1), 1000);
    const rowspan = Math.min(nonNegative(attribute(td, 'rowspan')) ?? 1, 65534);
    const rows = rowspan === 0 ? this.groupEnd - y : Math.min(rowspan, this.groupEnd - y);
    this.slots += colspan * rows;
    if (this.slots > 10 * this.maxCells) throw this.tooMany();
    if (rows > 1) for (let c = x; c < x + colspan; c++) this.coveredTo[c] = Math.max(this.coveredTo[c] ?? -1, y + rows - 1);
    if (colspan > 1 || rows > 1) this.sheet.merges.push({ top: y + 1, left: x + 1, bottom: y + rows, right: x + colspan } satisfies Range);
    this.x = x + colspan;
    const texts: string[] = [];
    this.cell = { row: y + 1, col: x + 1, line: td.line, texts, lines: new Lines((text) => texts.push(text)) };
  }

  endCell(): void {
    const cell = this.cell!;
    this.cell = null;
    cell.lines.break();
    if (cell.texts.length === 0) return;
    const text = cell.texts.join('\n');
    // An article set in a cell: two or more blocks of prose (data cells hold a label or a figure).
    if (cell.texts.length >= 2 && text.length >= 200) this.layout = true;
    if (++this.filled > this.maxCells) throw this.tooMany();
    const out: Cell = makeCell(cell.row, cell.col, 'text', text, undefined, cell.line);
    const inRow = this.sheet.rows.get(cell.row);
    if (inRow) inRow.push(out);
    else this.sheet.rows.set(cell.row, [out]);
  }
}

// ---------------------------------------------------------------------------------------------
// The walk
// ---------------------------------------------------------------------------------------------

const SKIP = 1; // never shown: code, styles, the head, form controls' option lists
const BLOCK = 2; // starts and ends a line
const NOT_NARRATIVE = 4; // site chrome: its text is no paragraph (its tables are still sheets)
const SECTIONING = 8; // a header or footer inside is the section's, not the page's
const HEADING = 16;
const PRE = 32; // line breaks in the source are line breaks

/** What entering an element began, to be ended when it ends. */
const BEGUN_FLOW = 1;
const BEGUN_TABLE = 2;
const BEGUN_ROW = 4;
const BEGUN_CELL = 8;

const FLAGS = new Map<string, number>();
for (const tag of ['head', 'script', 'style', 'template', 'noscript', 'title', 'select', 'datalist', 'textarea', 'iframe', 'noembed', 'noframes']) {
  FLAGS.set(tag, SKIP);
}
for (const tag of [
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'listing',
  'main', 'menu', 'nav', 'ol', 'optgroup', 'option', 'p', 'plaintext', 'pre', 'section', 'summary', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'xmp',
]) {
  FLAGS.set(tag, BLOCK);
}
for (const tag of ['h1', 'h2', 'h3', 'h4', 'h5', 'h6']) FLAGS.set(tag, BLOCK | HEADING);
for (const tag of ['nav', 'aside']) FLAGS.set(tag, BLOCK | NOT_NARRATIVE | SECTIONING);
for (const tag of ['article', 'main', 'section']) FLAGS.set(tag, BLOCK | SECTIONING);
FLAGS.set('form', BLOCK | NOT_NARRATIVE);
for (const tag of ['pre', 'listing', 'plaintext']) FLAGS.set(tag, BLOCK | PRE);

/** The start tags of a page in pieces ('<' and a letter, also across two pieces), counted up to one past `max`. */
function countTags(pieces: readonly string[], max: number): number {
  let tags = 0;
  let open = false;
  const isLetter = (c: number) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
  for (const text of pieces) {
    if (text === '') continue;
    if (open && isLetter(text.charCodeAt(0))) tags++;
    for (let i = text.indexOf('<'); i >= 0 && tags <= max; i = text.indexOf('<', i + 1)) if (isLetter(text.charCodeAt(i + 1))) tags++;
    open = text.charCodeAt(text.length - 1) === 0x3c;
  }
  return tags;
}

/** ASCII characters marked in a table of 128. */
function asciiSet(chars: string): Uint8Array {
  const set = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) set[chars.charCodeAt(i)] = 1;
  return set;
}

// What ends a run of plain characters in a state (LineTokenizer.takeRun): the characters the state
// handles itself, NUL, and line breaks.
const DOUBLE_QUOTED = asciiSet('"&\0\r\n');
const SINGLE_QUOTED = asciiSet("'&\0\r\n");
const COMMENT = asciiSet('-<\0\r\n');
const UNQUOTED = asciiSet('\t\n\f\r &>\0"\'<=`');

type Parse5 = typeof import('parse5');
type Document = DefaultTreeAdapterTypes.Document;
type CharacterToken = Token.CharacterToken;

/**
 * A parse that gives each element made from a start tag, and each text node, the line of the
 * source it starts on: the line parse5's own location info gives (`sourceCodeLocationInfo`), at
 * half the cost. That option makes an object per token, per node and per attribute and updates
 * elements' ends as they close, doubling the parse; but parse5's preprocessor counts lines
 * whether or not it is on. So the tokenizer notes, as it starts a start tag or a run of text,
 * the line it is on (the line parse5's location info would give the token), and the tree adapter
 * hands it to the node the token makes:
 *
 * - an element gets its start tag's line only if it is made from the tag being processed, which
 *   the token's attribute list tells (the parser passes the token's own `attrs` to createElement).
 *   Elements the parser makes without a tag (the implied html, head, body, tbody, tr) or from an
 *   earlier tag (formatting elements reconstructed or split by the adoption agency) get no line;
 *   a tag the parser ignores (a second <body>, a stray <td>) makes no element; and a '<td'
 *   in a comment or a script is no tag to the tokenizer. Lines are those of the tags that made
 *   the elements, or none: never another tag's.
 * - a text node gets the line of the first run of text put in it (parse5 adds text piece by
 *   piece), as parse5's location info gives it. Runs held back in a table and put before it
 *   (foster parenting) keep their own lines.
 *
 * This subclasses parse5's parser and tokenizer (which parse5 marks internal) and relies on three
 * of their methods (_createStartTagToken, _createCharacterToken, _insertCharacters) and the
 * parser's current token, as in parse5 8.1.1 (pinned); tests/readers/html.test.ts checks, on
 * every page under fixtures/pages/, that the lines are those of parse5's own location info.
 */
function lineParser(parse5: Parse5): (pieces: readonly string[]) => Document {
  const { Parser, Tokenizer, defaultTreeAdapter: base } = parse5;

  class LineTokenizer extends Tokenizer {
    protected override _createStartTagToken(): void {
      super._createStartTagToken();
      (this.currentToken as Placed).line = this.preprocessor.line;
    }

    /**
     * After a plain character of an attribute value (or a comment), the characters after it that
     * the state would also just add to the value, taken at once: the preprocessor moved past them
     * and the run extended over them, as one call of the state per character would leave them.
     * Stops before any character the state treats otherwise, before line breaks (the preprocessor
     * counts lines and folds CR LF as it advances) and before surrogates (it pairs them).
     */
    private takeRun(cp: number, stops: Uint8Array): void {
      if (cp >= 0x80 ? cp > 0xffff : stops[cp] !== 0) return;
      const pre = this.preprocessor;
      const { html } = pre;
      const from = pre.pos + 1;
      let to = from;
      for (; to < html.length; to++) {
        const c = html.charCodeAt(to);
        if (c < 0x80 ? stops[c] !== 0 : c >= 0xd800 && c <= 0xdfff) break;
      }
      if (to === from) return;
      pre.pos = to - 1;
      this.runEnd = to;
      this.consumedAfterSnapshot += to - from;
    }

    protected override _stateAttributeValueDoubleQuoted(cp: number): void {
      super._stateAttributeValueDoubleQuoted(cp);
      this.takeRun(cp, DOUBLE_QUOTED);
    }

    protected override _stateAttributeValueSingleQuoted(cp: number): void {
      super._stateAttributeValueSingleQuoted(cp);
      this.takeRun(cp, SINGLE_QUOTED);
    }

    protected override _stateAttributeValueUnquoted(cp: number): void {
      super._stateAttributeValueUnquoted(cp);
      this.takeRun(cp, UNQUOTED);
    }

    protected override _stateComment(cp: number): void {
      super._stateComment(cp);
      this.takeRun(cp, COMMENT);
    }

    /**
     * A '&' that starts no character reference: parse5 goes back to it by setting the
     * preprocessor's position, not by `retreat`, and leaves the end-of-line flag of the character
     * after it set; a line break there (a bare '&' at the end of a line) was then counted twice,
     * and every line after it was one too many. The '&' ends no line.
     */
    protected override _stateCharacterReference(): void {
      const at = this.preprocessor.pos;
      super._stateCharacterReference();
      if (this.preprocessor.pos < at) (this.preprocessor as unknown as { isEol: boolean }).isEol = false;
    }

    protected override _createCharacterToken(type: CharacterToken['type']): void {
      super._createCharacterToken(type);
      (this.currentCharacterToken as Placed).line = this.preprocessor.line;
    }
  }

  class LineParser extends Parser<DefaultTreeAdapterMap> {
    /** The line of the run of text being inserted. */
    textLine: number | undefined;

    constructor(treeAdapter: TreeAdapter<DefaultTreeAdapterMap>) {
      super({ treeAdapter });
      this.tokenizer = new LineTokenizer(this.options, this);
    }

    override _insertCharacters(token: CharacterToken): void {
      this.textLine = (token as Placed).line;
      super._insertCharacters(token);
    }

    /** The line of the start tag `attrs` belong to, if it is the tag being processed. */
    tagLine(attrs: Element['attrs']): number | undefined {
      const token = this.currentToken;
      return token !== null && 'attrs' in token && token.attrs === attrs ? (token as Placed).line : undefined;
    }
  }

  return (pieces) => {
    const textNode = (value: string): TextNode => {
      const node = base.createTextNode(value) as TextNode & Placed;
      node.line = parser.textLine;
      return node;
    };
    const adapter: TreeAdapter<DefaultTreeAdapterMap> = {
      ...base,
      createElement(tagName, namespaceURI, attrs) {
        const el = base.createElement(tagName, namespaceURI, attrs) as Element & Placed;
        const line = parser.tagLine(attrs);
        if (line !== undefined) el.line = line;
        return el;
      },
      // As the default adapter's, the new text node placed.
      insertText(parent, value) {
        const last = parent.childNodes[parent.childNodes.length - 1];
        if (last !== undefined && base.isTextNode(last)) last.value += value;
        else base.appendChild(parent, textNode(value));
      },
      insertTextBefore(parent, value, reference) {
        const { childNodes } = parent;
        const at = childNodes[childNodes.length - 1] === reference ? childNodes.length - 1 : childNodes.indexOf(reference);
        const previous = childNodes[at - 1];
        if (previous !== undefined && base.isTextNode(previous)) previous.value += value;
        else base.insertBefore(parent, textNode(value), reference);
      },
    };
    const parser = new LineParser(adapter);
    const { tokenizer } = parser;
    // What the tokenizer has read is let go of at about a piece's length (parse5's default is 64K
    // characters), so that the text it holds, and joins the next piece to, stays small.
    tokenizer.preprocessor.bufferWaterline = PIECE;
    for (let i = 0; i < pieces.length; i++) tokenizer.write(pieces[i]!, i === pieces.length - 1);
    return parser.document;
  };
}

let parseWithLines: ((pieces: readonly string[]) => Document) | undefined;
/** The character reference decoder parse5 uses (its dependency), for html-tree.ts. */
let entities: ((text: string) => string) | undefined;

/**
 * The tree parse5 builds of a page (its text whole, or in the pieces decodePage gives), td, th and
 * other elements made from a start tag, and text nodes, with `line`: the line of the source they
 * start on (see `lineParser`). Exported for tests.
 */
export async function parsePage(text: string | readonly string[]): Promise<Document> {
  parseWithLines ??= lineParser(await import('parse5'));
  return parseWithLines(typeof text === 'string' ? [text] : text);
}

/**
 * Read a web page: its tables as sheets and its narrative as paragraphs. `encoding` (an MHT part's
 * charset) is used unless the page starts with a byte-order mark.
 *
 * Cells: a cell's text is its content without nested tables (each is a sheet of its own), with
 * <br> and block elements as line breaks, white space collapsed, each line trimmed, empty lines
 * dropped; script, style and comments (Word's conditional comments too) are not text, unknown
 * elements such as Word's <o:p> are read through. Cell.line is the line of the cell's start tag.
 *
 * Paragraphs: each line of text a browser would show outside the tables (a block element such as
 * p, h1–h6, li or div, or a <br>, ends one), skipping the page's navigation, asides, forms, and
 * its header and footer (a header or footer inside an article or section is the article's and
 * is read).
 *
 * Layout tables: old sites set the whole page in a table, the article in one of its cells, the
 * report's tables nested in that. A table is taken for such a frame when one of its own cells
 * holds a nested table, a heading, or prose (two or more lines, 200 characters or more); a data
 * table's cells hold a label or a figure, sometimes in a <p> or two (Word's cells), never these.
 * The text of a layout table's cells is narrative, in reading order around its nested tables;
 * the text of any other table is not. Every table, layout or not, is also a sheet.
 *
 * The tree is walked without recursion: a page nested 100,000 elements deep (which parse5 builds
 * without recursion too) neither overflows the stack nor takes more than linear time.
 */
export async function readHtml(file: string, bytes: Uint8Array, limits: Limits = DEFAULT_LIMITS, encoding?: string): Promise<Grid> {
  const decoded = decodePage(bytes, encoding);
  if (!decoded.pieces.some((piece) => VISIBLE.test(piece))) throw new ReadError('empty');
  // Every element is work and memory before a cell is counted: the tags, counted first, are
  // held to ten times the cell limit, as the text reader holds its fields.
  if (countTags(decoded.pieces, 10 * limits.maxCells) > 10 * limits.maxCells) {
    throw new ReadError('too-many-cells', { sheet: basename(file, extname(file)), limit: limits.maxCells });
  }
  const tree = (await quickTree(decoded.pieces)) ?? (await parsePage(decoded.pieces));
  return pageGrid(file, tree, decoded.encoding, limits);
}

/**
 * The tree html-tree.ts builds of a page without parse5, or null where it leaves the page to
 * parse5 (tests/readers/html-tree.test.ts checks that the two agree). Exported for tests.
 */
export async function quickTree(pieces: readonly string[]): Promise<PageDocument | null> {
  entities ??= (await import('entities/decode')).decodeHTML;
  return pageTree(pieces, entities);
}

/** The sheets and paragraphs of a page's tree (readHtml's second half; exported for tests). */
export function pageGrid(file: string, document: PageDocument, encoding: string, limits: Limits = DEFAULT_LIMITS): Grid {
  /** The lines of narrative in the order they appear, each with the flow it belongs to. */
  const lines: Array<{ text: string; line: number; from: Flow }> = [];
  const flowOf = (owner: TableReader | null): Flow => {
    const made: Flow = { table: owner, lines: new Lines((text, line) => lines.push({ text, line, from: made })) };
    return made;
  };
  const page = flowOf(null);
  const sink: Flow = { table: null, lines: new Lines(() => {}) };
  const sheets: Sheet[] = [];
  const readers: TableReader[] = [];
  const flows: Flow[] = [page];
  const outerTables: TableReader[] = [];
  let flow = page;
  let table: TableReader | null = null;
  let sections = 0;
  let pre = 0;

  const breakLines = () => {
    table?.cell?.lines.break();
    flow.lines.break();
  };
  const pushFlow = (next: Flow) => {
    flows.push(next);
    flow = next;
  };

  const text = (node: PageTextNode) => {
    const line = node.line ?? 0;
    const cell = table?.cell;
    if (pre > 0 && node.value.includes('\n')) {
      node.value.split('\n').forEach((part, i) => {
        if (i > 0) breakLines();
        cell?.lines.add(part, line + i);
        flow.lines.add(part, line + i);
      });
      return;
    }
    cell?.lines.add(node.value, line);
    flow.lines.add(node.value, line);
  };

  /** An element's start: what was begun (for `exit`), or -1 when its content is not to be read. */
  const enter = (el: PageElement): number => {
    const tag = el.tagName;
    const flags = FLAGS.get(tag) ?? 0;
    if (flags & SKIP) return -1;
    if (tag === 'br') {
      breakLines();
      return -1;
    }
    let begun = 0;
    if (flags & BLOCK) breakLines();
    if (flags & PRE) pre++;
    if (flags & SECTIONING) sections++;
    if (flags & HEADING && table?.cell) table.layout = true;
    if (tag === 'table') {
      if (table?.cell) table.layout = true;
      if (table) outerTables.push(table);
      table = new TableReader(el, `表格${sheets.length + 1}`, flow, limits.maxCells);
      sheets.push(table.sheet);
      readers.push(table);
      pushFlow(flowOf(table));
      return BEGUN_TABLE | BEGUN_FLOW;
    }
    if (table && el.parentNode === table.node) {
      // A caption titles the table: narrative where the table stands.
      if (tag === 'caption') {
        pushFlow(table.outer);
        begun |= BEGUN_FLOW;
      } else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') table.group(el);
    }
    if (tag === 'tr' && table?.owns(el)) {
      table.startRow(el);
      begun |= BEGUN_ROW;
    } else if ((tag === 'td' || tag === 'th') && table?.ownsCell(el)) {
      table.startCell(el);
      begun |= BEGUN_CELL;
    } else if (flags & NOT_NARRATIVE || ((tag === 'header' || tag === 'footer') && sections === 0)) {
      pushFlow(sink);
      begun |= BEGUN_FLOW;
    }
    return begun;
  };

  const exit = (el: PageElement, begun: number) => {
    const flags = FLAGS.get(el.tagName) ?? 0;
    if (flags & BLOCK) breakLines();
    if (flags & PRE) pre--;
    if (flags & SECTIONING) sections--;
    if (begun & BEGUN_CELL) table!.endCell();
    if (begun & BEGUN_ROW) table!.endRow();
    if (begun & BEGUN_FLOW) {
      flows.pop();
      flow = flows[flows.length - 1]!;
    }
    if (begun & BEGUN_TABLE) table = outerTables.pop() ?? null;
  };

  // Depth-first without recursion: the path from the root, the next child to visit at each step,
  // and what each element on the path began.
  const path: PageParent[] = [document];
  const next: number[] = [0];
  const begun: number[] = [0];
  while (path.length > 0) {
    const depth = path.length - 1;
    const parent = path[depth]!;
    const i = next[depth]!++;
    if (i >= parent.childNodes.length) {
      path.pop();
      next.pop();
      const did = begun.pop()!;
      if (depth > 0) exit(parent as PageElement, did);
      continue;
    }
    const node = parent.childNodes[i]!;
    if (node.nodeName === '#text') text(node as PageTextNode);
    else if ('tagName' in node) {
      const did = enter(node);
      if (did >= 0) {
        path.push(node);
        next.push(0);
        begun.push(did);
      }
    }
  }
  flow.lines.break();

  // A layout table's narrative is read where the table stands, when the flow it stands in is read;
  // outer tables come first, so one pass decides.
  const read = (f: Flow) => (f.table ? f.table.kept : f === page);
  for (const reader of readers) reader.kept = reader.layout && read(reader.outer);
  const paragraphs: Paragraph[] = [];
  for (const l of lines) if (read(l.from)) paragraphs.push({ text: l.text, index: paragraphs.length + 1, line: l.line });
  return { file, kind: 'html', encoding, sheets, paragraphs };
}
