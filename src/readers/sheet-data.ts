// The fast path through a sheet's <sheetData>, where nearly all of its tags are. Excel, WPS,
// LibreOffice and exceljs all write rows of cells in one plain form:
//
//   <row r="3" spans="1:4" ht="20"><c r="A3" s="2" t="s"><v>1</v></c><c r="B3" s="2"/></row>
//
// This reads that form and nothing else: it gives up (returns -1) at the first thing outside it,
// such as a prefix, a comment, CDATA, a reference outside an inline string's text, rich text, a
// tab or line end inside an attribute value, a space around '=', or a row number that is not
// plain digits. The general scanner (xml.ts, through sheet.ts) then reads the whole element
// instead, and gives the same cells or refuses the same damage. So this path never has to decide
// what is an error: whatever it accepts is well-formed XML that the general path reads the same
// way, which tests/readers/sheet-data.test.ts checks on every fixture and on many random and
// damaged sheets. Its work stays linear in the part: each <sheetData> is tried once, and what it
// read before giving up is read once more at most.

import type { RawCell, SheetCells } from './sheet.js';
import { StringText, unescapeText } from './string-item.js';
import { decodeEntities, isSpace } from './xml.js';

/** The largest sheet Excel (and WPS, LibreOffice) can hold: a reference beyond it is damage. */
export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_384;

const GIVE_UP = -1;

/** Attributes a tag may have on this path; a tag with more is left to the general scanner. */
const MAX_ATTRIBUTES = 12;

/** Characters of an attribute name on this path: letters, digits, ':', '_', '-', '.'. */
const isNameChar = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x3a) || c === 0x5f || c === 0x2d || c === 0x2e;

/**
 * Where the next '&' of a document is, looked for only forward: a sheet may hold many <sheetData>
 * elements, and searching the rest of the document afresh for each would take quadratic time.
 */
export class Ampersands {
  private at = -1;

  constructor(private readonly xml: string) {}

  /** The first '&' at or after `from` (the length when there is none). */
  from(from: number): number {
    if (this.at < from) {
      const at = this.xml.indexOf('&', from);
      this.at = at < 0 ? this.xml.length : at;
    }
    return this.at;
  }
}

/** The value of the digits in xml[from, to), or -1 unless there are one to seven digits and nothing else. */
function digits(xml: string, from: number, to: number): number {
  if (to <= from || to - from > 7) return -1;
  let value = 0;
  for (let k = from; k < to; k++) {
    const d = xml.charCodeAt(k) - 0x30;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

class SheetDataReader {
  /** Where the first '&' at or after the start is: a text or value reaching it is left to the general scanner. */
  private amp: number;
  /** The current tag's attributes, four offsets each: name start and end, value start and end. */
  private readonly attributes = new Int32Array(4 * MAX_ATTRIBUTES);
  private count = 0;
  private selfClosing = false;
  private readonly cell: RawCell = { type: '', style: undefined, formula: false, value: undefined, inline: undefined };

  constructor(
    private readonly xml: string,
    from: number,
    private readonly cells: SheetCells,
    private readonly ampersands: Ampersands,
  ) {
    this.amp = ampersands.from(from);
  }

  /** From just after <sheetData ...>: the offset after </sheetData>, or GIVE_UP. */
  read(from: number): number {
    const { xml } = this;
    let i = from;
    for (;;) {
      const lt = this.nextTag(i);
      if (lt < 0) return GIVE_UP;
      if (xml.startsWith('</sheetData>', lt)) return lt + 12;
      if (!xml.startsWith('<row', lt)) return GIVE_UP;
      i = this.row(lt + 4);
      if (i < 0) return GIVE_UP;
    }
  }

  /** The next '<' at or after i, or GIVE_UP when there is none or the text before it holds a reference. */
  private nextTag(i: number): number {
    const lt = this.xml.indexOf('<', i);
    return lt < 0 || this.amp < lt ? GIVE_UP : lt;
  }

  /** A <row> from just after its name: the offset after </row>, or GIVE_UP. */
  private row(i: number): number {
    const { xml, cells } = this;
    i = this.tag(i);
    if (i < 0) return GIVE_UP;
    const r = this.find(0x72 /* r */);
    let number = 0;
    if (r >= 0) {
      number = digits(xml, this.attributes[r + 2]!, this.attributes[r + 3]!);
      if (number < 0) return GIVE_UP;
    }
    // As the general path reads it: no r (or r="0") follows the previous row.
    cells.row = number || cells.row + 1;
    if (cells.row > MAX_ROW) return GIVE_UP;
    cells.col = 0;
    if (this.selfClosing) return i;
    for (;;) {
      const lt = this.nextTag(i);
      if (lt < 0) return GIVE_UP;
      if (xml.startsWith('</row>', lt)) return lt + 6;
      if (!xml.startsWith('<c', lt)) return GIVE_UP;
      i = this.c(lt + 2);
      if (i < 0) return GIVE_UP;
    }
  }

  /** A <c> from just after its name: the offset after it, or GIVE_UP. */
  private c(i: number): number {
    const { xml, cells, cell, attributes: a } = this;
    i = this.tag(i);
    if (i < 0) return GIVE_UP;
    cells.element();
    const r = this.find(0x72 /* r */);
    // The column from the address's letters, as the general path reads it; none follows the previous cell.
    let col = 0;
    if (r >= 0) {
      for (let k = a[r + 2]!, end = a[r + 3]!; k < end && col <= MAX_COL; k++) {
        const letter = (xml.charCodeAt(k) | 32) - 96;
        if (letter < 1 || letter > 26) break;
        col = col * 26 + letter;
      }
    }
    cells.col = col || cells.col + 1;
    if (cells.col > MAX_COL) return GIVE_UP;
    if (this.selfClosing) return i;
    const t = this.find(0x74 /* t */);
    const s = this.find(0x73 /* s */);
    cell.type = t < 0 ? '' : this.typeAt(a[t + 2]!, a[t + 3]!);
    cell.style = s < 0 ? undefined : xml.slice(a[s + 2]!, a[s + 3]!);
    cell.formula = false;
    cell.value = undefined;
    cell.inline = undefined;
    for (;;) {
      const lt = this.nextTag(i);
      if (lt < 0) return GIVE_UP;
      if (xml.startsWith('</c>', lt)) {
        cells.add(cell);
        return lt + 4;
      }
      if (xml.startsWith('<is', lt)) {
        i = this.inlineString(lt + 3);
        if (i < 0) return GIVE_UP;
        continue;
      }
      const name = xml.charCodeAt(lt + 1);
      if (name !== 0x76 /* v */ && name !== 0x66 /* f */) return GIVE_UP;
      i = this.tag(lt + 2);
      if (i < 0) return GIVE_UP;
      // A shared formula's other cells have <f t="shared" si="0"/> without text.
      if (name === 0x66) {
        const ft = this.find(0x74 /* t */);
        cell.formula ||= ft >= 0 && a[ft + 3]! > a[ft + 2]!;
      }
      if (this.selfClosing) continue;
      const end = this.nextTag(i);
      if (end < 0 || xml.charCodeAt(end + 1) !== 0x2f /* / */ || xml.charCodeAt(end + 2) !== name || xml.charCodeAt(end + 3) !== 0x3e /* > */) return GIVE_UP;
      if (end > i) {
        if (name === 0x66) cell.formula = true;
        else {
          const text = xml.slice(i, end);
          // A line end (\r\n or \r) the general path would turn into \n.
          if (text.includes('\r')) return GIVE_UP;
          cell.value = cell.value === undefined ? text : cell.value + text;
        }
      }
      i = end + 4;
    }
  }

  /**
   * An inline string (<is><t>text</t></is>, runs of plain <t> only) from just after its name: the
   * offset after it, or GIVE_UP. Its texts may hold references (some writers spell every CJK
   * character as &#NNNNN;); a bad one is left to the general scanner to refuse.
   */
  private inlineString(i: number): number {
    const { xml } = this;
    i = this.tag(i);
    if (i < 0) return GIVE_UP;
    const text = new StringText();
    this.cell.inline = text;
    if (this.selfClosing) return i;
    for (;;) {
      const lt = this.nextTag(i);
      if (lt < 0) return GIVE_UP;
      if (xml.startsWith('</is>', lt)) return lt + 5;
      if (xml.charCodeAt(lt + 1) !== 0x74 /* t */) return GIVE_UP;
      i = this.tag(lt + 2);
      if (i < 0) return GIVE_UP;
      if (this.selfClosing) continue;
      const end = xml.indexOf('<', i);
      if (end < 0 || !xml.startsWith('</t>', end)) return GIVE_UP;
      let run = xml.slice(i, end);
      if (this.amp < end) {
        try {
          run = decodeEntities(run, i);
        } catch {
          return GIVE_UP;
        }
        this.amp = this.ampersands.from(end);
      }
      // Line ends as XML reads them, as in XmlScanner's text.
      if (run.includes('\r')) run = run.replace(/\r\n?/g, '\n');
      text.text += unescapeText(run);
      i = end + 4;
    }
  }

  /** The t attribute's value, the usual ones without making a new string. */
  private typeAt(from: number, to: number): string {
    const { xml } = this;
    if (to - from === 1) {
      const c = xml.charCodeAt(from);
      if (c === 0x73) return 's';
      if (c === 0x6e) return 'n';
      if (c === 0x62) return 'b';
      if (c === 0x65) return 'e';
    }
    if (to - from === 3 && xml.startsWith('str', from)) return 'str';
    return xml.slice(from, to);
  }

  /** The attribute named by the one character `name`: its index into this.attributes, or -1. */
  private find(name: number): number {
    const a = this.attributes;
    for (let k = 0; k < 4 * this.count; k += 4) {
      if (a[k + 1]! - a[k]! === 1 && this.xml.charCodeAt(a[k]!) === name) return k;
    }
    return -1;
  }

  /**
   * The attributes of a tag, from just after its name to its '>' or '/>': the offset after it, or
   * GIVE_UP for anything but name="value" pairs (or 'value') separated by whitespace, each name
   * once, no '<', '&', tab or line end in a value.
   */
  private tag(i: number): number {
    const { xml, attributes: a } = this;
    this.count = 0;
    for (;;) {
      let c = xml.charCodeAt(i);
      if (c === 0x3e /* > */) {
        this.selfClosing = false;
        return i + 1;
      }
      if (c === 0x2f /* / */) {
        this.selfClosing = true;
        return xml.charCodeAt(i + 1) === 0x3e ? i + 2 : GIVE_UP;
      }
      if (!isSpace(c)) return GIVE_UP;
      do c = xml.charCodeAt(++i);
      while (isSpace(c));
      if (c === 0x3e || c === 0x2f) continue;
      const nameStart = i;
      while (isNameChar(c)) c = xml.charCodeAt(++i);
      const nameEnd = i;
      if (nameEnd === nameStart || c !== 0x3d /* = */) return GIVE_UP;
      const quote = xml.charCodeAt(++i);
      if (quote !== 0x22 && quote !== 0x27) return GIVE_UP;
      const valueStart = i + 1;
      const valueEnd = xml.indexOf(quote === 0x22 ? '"' : "'", valueStart);
      if (valueEnd < 0) return GIVE_UP;
      for (let k = valueStart; k < valueEnd; k++) {
        const v = xml.charCodeAt(k);
        if (v === 0x3c || v === 0x26 || v === 0x09 || v === 0x0a || v === 0x0d) return GIVE_UP;
      }
      if (this.count === MAX_ATTRIBUTES) return GIVE_UP;
      for (let k = 0; k < 4 * this.count; k += 4) {
        if (a[k + 1]! - a[k]! === nameEnd - nameStart && xml.startsWith(xml.slice(nameStart, nameEnd), a[k]!)) return GIVE_UP;
      }
      const at = 4 * this.count++;
      a[at] = nameStart;
      a[at + 1] = nameEnd;
      a[at + 2] = valueStart;
      a[at + 3] = valueEnd;
      i = valueEnd + 1;
    }
  }
}

/**
 * Reads the rows and cells of <sheetData> into `cells`, from `from`, just after its start tag: the
 * offset just after its </sheetData>, or -1 where it leaves the plain form (`cells` is then
 * partly filled, and to be thrown away). Throws what `cells` throws (the cell limits, a missing
 * shared string), which the general path would throw at the same cell. `ampersands` is shared by
 * the calls for one document.
 */
export function readSheetData(xml: string, from: number, cells: SheetCells, ampersands = new Ampersands(xml)): number {
  return new SheetDataReader(xml, from, cells, ampersands).read(from);
}
