// A small, strict XML tokenizer for the parts of an .xlsx package. Spreadsheet XML uses a narrow
// slice of XML (elements, attributes, text, the five entities and character references, now and
// then CDATA, comments and processing instructions), and a sheet holds tens of thousands of tags:
// a general SAX parser spends most of its time on what these parts never use. This one scans with
// indexOf and still refuses what is not well-formed (unbalanced or mismatched tags, broken
// attributes, unknown entities, text outside the root), so a damaged part is reported as damaged
// rather than read as something else.
//
// XmlScanner is a pull tokenizer that keeps only offsets: a name, an attribute value or a text is
// sliced out of the document when the caller asks for it, so a sheet's thousands of tags cost no
// strings or objects beyond the values read (the sheet reader asks three attributes of a <c> and
// nothing of most other tags). Only a text or value holding a reference is decoded as it is met,
// so that a bad reference is refused wherever it stands, read or not. parseXml is the callback
// form over it for small parts and tests.

export type Attributes = Record<string, string>;

export interface XmlHandlers {
  /** An element starts: its name without prefix (<x:sheet> is 'sheet'), its attributes as written. */
  open(name: string, attributes: Attributes): void;
  /** Character data inside the root, entities decoded (CDATA sections included). */
  text?(text: string): void;
  /** An element ends (also right after open for <empty/>). */
  close?(name: string): void;
}

export class XmlError extends Error {
  constructor(message: string, offset: number) {
    super(`${message} (at character ${offset})`);
    this.name = 'XmlError';
  }
}

/** What XmlScanner.next() found. */
export const END = 0;
export const OPEN = 1;
export const TEXT = 2;
export const CLOSE = 3;
export type XmlEvent = typeof END | typeof OPEN | typeof TEXT | typeof CLOSE;

/** XML's whitespace: space, tab, line feed, carriage return. */
export const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;

/** Whitespace as a regular expression's \s knows it (Unicode spaces too), which ends a reference. */
const isWhitespace = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c > 0x7f && /\s/.test(String.fromCharCode(c)));

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The reference between '&' and ';' at raw[start, end) ('amp', '#x4E2D', '#22269') as the text it stands for. */
function entity(raw: string, start: number, end: number, offset: number): string {
  if (raw.charCodeAt(start) !== 0x23 /* # */) {
    const named = NAMED[raw.slice(start, end)];
    if (named === undefined) throw new XmlError(`unknown entity '${raw.slice(start - 1, end + 1)}'`, offset);
    return named;
  }
  const hex = raw.charCodeAt(start + 1) === 0x78; /* x */
  let code = 0;
  let k = hex ? start + 2 : start + 1;
  if (k === end) code = -1;
  for (; k < end && code >= 0; k++) {
    const c = raw.charCodeAt(k);
    const digit = c >= 0x30 && c <= 0x39 ? c - 0x30 : hex && (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 ? (c | 0x20) - 0x57 : -1;
    code = digit < 0 || code > 0x10ffff ? -1 : code * (hex ? 16 : 10) + digit;
  }
  if (!(code > 0 && code <= 0x10ffff)) throw new XmlError(`unknown entity '${raw.slice(start - 1, end + 1)}'`, offset);
  return String.fromCodePoint(code);
}

/** Text with its references decoded. Some writers spell every CJK character as &#NNNNN;: a loop, not a regex. */
export function decodeEntities(raw: string, offset: number): string {
  let out = '';
  let from = 0;
  for (let amp = raw.indexOf('&'); amp >= 0; amp = raw.indexOf('&', from)) {
    let end = amp + 1;
    // A reference is at most 12 characters before its ';' and holds no whitespace or '&'.
    while (end < raw.length && end - amp <= 13) {
      const c = raw.charCodeAt(end);
      if (c === 0x3b /* ; */ || c === 0x26 /* & */ || isWhitespace(c)) break;
      end++;
    }
    if (raw.charCodeAt(end) !== 0x3b || end - amp > 13) throw new XmlError(`unterminated entity reference '${raw.slice(amp, Math.min(end, amp + 13))}'`, offset);
    out += raw.slice(from, amp) + entity(raw, amp + 1, end, offset);
    from = end + 1;
  }
  return from === 0 ? raw : out + raw.slice(from);
}

const NO_ATTRIBUTES: Attributes = Object.freeze({});

/** Whitespace inside an attribute value is read as spaces, as XML does. */
const spaced = (raw: string) => (/[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, ' ') : raw);

/** Four offsets per attribute: name start and end, value start and end (inside the quotes). */
const ATTRIBUTE_SLOTS = 4;

/** Past this many attributes in one tag, duplicates are found through a set. */
const MANY_ATTRIBUTES = 16;

export class XmlScanner {
  private readonly xml: string;
  private readonly n: number;
  /** Whether texts are decoded (and their references checked): not for a caller that reads none. */
  private readonly texts: boolean;
  /** The next '&' at or after where the scan last looked for one (the length when there is none). */
  private nextAmp: number;
  private i = 0;
  private rootSeen = false;
  /** Open elements as name start and end offsets, two slots each. */
  private stack = new Int32Array(64);
  private depth = 0;
  /** An <empty/> element: its CLOSE comes with the next call. */
  private pendingClose = false;
  /**
   * The first '<' after the last start tag with attributes (found to check that no value holds
   * one): where the next event starts, so that it is not looked for twice.
   */
  private ltAfterTag = -1;
  // The current event: the element's name (OPEN, CLOSE) or the text's range (TEXT).
  private nameStart = 0;
  private localStart = 0;
  private nameEnd = 0;
  private attributes = new Int32Array(8 * ATTRIBUTE_SLOTS);
  private attributeCount = 0;
  /** Values holding references, decoded (and so checked) as their tag is read; by attribute. */
  private decodedValues: Array<string | undefined> = [];
  /** The names of a tag with very many attributes, so that finding one given twice stays linear. */
  private names: Set<string> | null = null;
  private textStart = 0;
  private textEnd = 0;
  /** The text with its references decoded, when it has any (null: the text is as written). */
  private decodedText: string | null = null;

  constructor(xml: string, options: { texts?: boolean } = {}) {
    this.xml = xml;
    this.n = xml.length;
    this.texts = options.texts ?? true;
    this.nextAmp = this.ampFrom(0);
  }

  /** The next event; END once the document is read. Throws XmlError where it is not well-formed. */
  next(): XmlEvent {
    if (this.pendingClose) {
      this.pendingClose = false;
      return CLOSE;
    }
    const { xml, n } = this;
    for (;;) {
      const i = this.i;
      if (i >= n) {
        if (this.depth > 0) throw new XmlError(`unclosed element <${this.stackName(this.depth - 1)}>`, n);
        if (!this.rootSeen) throw new XmlError('no root element', 0);
        return END;
      }
      let lt = this.ltAfterTag >= i ? this.ltAfterTag : xml.indexOf('<', i);
      if (lt < 0) lt = n;
      if (lt > i) {
        this.i = lt;
        if (this.depth > 0) {
          this.textStart = i;
          this.textEnd = lt;
          // References are checked where they are met, as the text is read, whether or not the caller wants it.
          this.decodedText = this.texts && this.hasAmp(i, lt) ? decodeEntities(xml.slice(i, lt), i) : null;
          return TEXT;
        }
        for (let k = i; k < lt; k++) {
          // Only whitespace may stand outside the root (a stray BOM or no-break space included).
          if (!isSpace(xml.charCodeAt(k)) && xml.slice(i, lt).trim() !== '') throw new XmlError('text outside the root element', i);
        }
        continue;
      }
      const next = xml.charCodeAt(lt + 1);
      if (next === 0x21 /* ! */) {
        if (xml.startsWith('<!--', lt)) {
          const end = xml.indexOf('-->', lt + 4);
          if (end < 0) throw new XmlError('unterminated comment', lt);
          this.i = end + 3;
        } else if (xml.startsWith('<![CDATA[', lt)) {
          const end = xml.indexOf(']]>', lt + 9);
          if (end < 0) throw new XmlError('unterminated CDATA section', lt);
          if (this.depth === 0) throw new XmlError('CDATA outside the root element', lt);
          this.i = end + 3;
          this.textStart = lt + 9;
          this.textEnd = end;
          this.decodedText = null;
          return TEXT;
        } else if (xml.startsWith('<!DOCTYPE', lt) && !this.rootSeen) {
          // No internal subset in spreadsheet XML; one would define entities this reader refuses anyway.
          const end = xml.indexOf('>', lt);
          if (end < 0 || xml.lastIndexOf('[', end) > lt) throw new XmlError('unsupported DOCTYPE', lt);
          this.i = end + 1;
        } else throw new XmlError('unexpected <!', lt);
        continue;
      }
      if (next === 0x3f /* ? */) {
        const end = xml.indexOf('?>', lt + 2);
        if (end < 0) throw new XmlError('unterminated processing instruction', lt);
        this.i = end + 2;
        continue;
      }
      if (next === 0x2f /* / */) return this.endTag(lt);
      return this.startTag(lt);
    }
  }

  /** The element's name without prefix (OPEN and CLOSE). */
  get name(): string {
    return this.xml.slice(this.localStart, this.nameEnd);
  }

  /** Whether the element's name is written without a prefix (<sheetData>, not <x:sheetData>). */
  get unprefixed(): boolean {
    return this.localStart === this.nameStart;
  }

  /** Where the scan stands: just after the tag or text of the current event. */
  get offset(): number {
    return this.i;
  }

  /**
   * The caller has read the element just opened itself, through its end tag, which ends at `end`
   * (and has refused what is not well-formed there, as next() would): the scan goes on after it.
   */
  skipElement(end: number): void {
    if (this.pendingClose || this.depth === 0 || end < this.i) throw new Error('skipElement: no open element to skip');
    this.depth--;
    this.i = end;
  }

  /** Whether the element just opened is empty (<c r="B2"/>): its CLOSE comes next. */
  get empty(): boolean {
    return this.pendingClose;
  }

  /** Whether the element's name without prefix is `local`, without making a string of it. */
  is(local: string): boolean {
    return this.nameEnd - this.localStart === local.length && this.xml.startsWith(local, this.localStart);
  }

  /** An attribute of the element just opened, by its name as written ('r', 'r:id'), decoded. */
  attr(name: string): string | undefined {
    const a = this.attributes;
    for (let k = 0; k < this.attributeCount; k++) {
      const at = k * ATTRIBUTE_SLOTS;
      if (a[at + 1]! - a[at]! === name.length && this.xml.startsWith(name, a[at]!)) return this.value(k);
    }
    return undefined;
  }

  /** Every attribute of the element just opened, as an object. */
  allAttributes(): Attributes {
    if (this.attributeCount === 0) return NO_ATTRIBUTES;
    const out: Attributes = {};
    const a = this.attributes;
    for (let k = 0; k < this.attributeCount; k++) out[this.xml.slice(a[k * ATTRIBUTE_SLOTS]!, a[k * ATTRIBUTE_SLOTS + 1]!)] = this.value(k);
    return out;
  }

  /** The text (TEXT): entities decoded, line ends as XML reads them (\r\n and \r become \n). */
  get text(): string {
    const text = this.decodedText ?? this.xml.slice(this.textStart, this.textEnd);
    return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  }

  /** Attribute k's value: its references decoded (done as the tag was read), whitespace read as spaces. */
  private value(k: number): string {
    const decoded = this.decodedValues[k];
    if (decoded !== undefined) return decoded;
    const from = this.attributes[k * ATTRIBUTE_SLOTS + 2]!;
    const to = this.attributes[k * ATTRIBUTE_SLOTS + 3]!;
    const raw = this.xml.slice(from, to);
    for (let c = from; c < to; c++) if (isSpace(this.xml.charCodeAt(c))) return spaced(raw);
    return raw;
  }

  /** Where the next '&' at or after `from` is (the length when there is none). */
  private ampFrom(from: number): number {
    const at = this.xml.indexOf('&', from);
    return at < 0 ? this.n : at;
  }

  /** Whether xml[from, to) holds an '&'; the scan moves forward, so each is looked for once. */
  private hasAmp(from: number, to: number): boolean {
    if (this.nextAmp < from) this.nextAmp = this.ampFrom(from);
    return this.nextAmp < to;
  }

  private stackName(level: number): string {
    return this.xml.slice(this.stack[2 * level]!, this.stack[2 * level + 1]!);
  }

  /** Where a name ends: at whitespace, '/', '>' or '='. */
  private nameEndFrom(i: number): number {
    const { xml, n } = this;
    for (; i < n; i++) {
      const c = xml.charCodeAt(i);
      if (isSpace(c) || c === 0x2f || c === 0x3e || c === 0x3d) break;
    }
    return i;
  }

  private setName(start: number, end: number): void {
    this.nameStart = start;
    this.nameEnd = end;
    // The name after its prefix: after the first colon (<a:b:c> is 'b:c').
    this.localStart = start;
    for (let k = start; k < end; k++) {
      if (this.xml.charCodeAt(k) === 0x3a /* : */) {
        this.localStart = k + 1;
        break;
      }
    }
  }

  private endTag(lt: number): XmlEvent {
    const { xml, n } = this;
    const start = lt + 2;
    const end = this.nameEndFrom(start);
    let j = end;
    while (j < n && isSpace(xml.charCodeAt(j))) j++;
    if (xml.charCodeAt(j) !== 0x3e) throw new XmlError(`malformed end tag </${xml.slice(start, end)}`, lt);
    if (this.depth === 0) throw new XmlError(`end tag </${xml.slice(start, end)}> without a start tag`, lt);
    const level = --this.depth;
    const openStart = this.stack[2 * level]!;
    const openEnd = this.stack[2 * level + 1]!;
    if (!this.same(start, end, openStart, openEnd)) {
      throw new XmlError(`</${xml.slice(start, end)}> closes <${xml.slice(openStart, openEnd)}>`, lt);
    }
    this.setName(start, end);
    this.i = j + 1;
    return CLOSE;
  }

  /** A start tag: <name attr="value" ...> or <name .../>. */
  private startTag(lt: number): XmlEvent {
    const { xml, n } = this;
    const start = lt + 1;
    const end = this.nameEndFrom(start);
    if (end === start) throw new XmlError("'<' not followed by a name", lt);
    if (this.depth === 0 && this.rootSeen) throw new XmlError('a second root element', lt);
    this.attributeCount = 0;
    if (this.decodedValues.length > 0) this.decodedValues = [];
    this.names = null;
    // The first '<' after this one (the length when there is none): an attribute value must end before it.
    let nextLt = -1;
    let j = end;
    let selfClosing = false;
    for (;;) {
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (j >= n) throw new XmlError(`unterminated start tag <${xml.slice(start, end)}`, lt);
      const c = xml.charCodeAt(j);
      if (c === 0x3e) {
        j++;
        break;
      }
      if (c === 0x2f) {
        if (xml.charCodeAt(j + 1) !== 0x3e) throw new XmlError(`malformed start tag <${xml.slice(start, end)}`, lt);
        selfClosing = true;
        j += 2;
        break;
      }
      const attrStart = j;
      const attrEnd = this.nameEndFrom(j);
      j = attrEnd;
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (attrEnd === attrStart || xml.charCodeAt(j) !== 0x3d) throw new XmlError(`malformed attribute in <${xml.slice(start, end)}`, j);
      j++;
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      const quote = xml.charCodeAt(j);
      if (quote !== 0x22 && quote !== 0x27) throw new XmlError(`unquoted attribute ${xml.slice(attrStart, attrEnd)} in <${xml.slice(start, end)}`, j);
      const close = xml.indexOf(quote === 0x22 ? '"' : "'", j + 1);
      if (close < 0) throw new XmlError(`unterminated attribute ${xml.slice(attrStart, attrEnd)} in <${xml.slice(start, end)}`, j);
      if (nextLt < j) {
        nextLt = xml.indexOf('<', j);
        if (nextLt < 0) nextLt = n;
      }
      if (nextLt < close) throw new XmlError(`'<' in attribute ${xml.slice(attrStart, attrEnd)} of <${xml.slice(start, end)}`, j);
      // A value with references is decoded now, so a bad one is refused wherever it is.
      if (this.hasAmp(j + 1, close)) this.decodedValues[this.attributeCount] = decodeEntities(spaced(xml.slice(j + 1, close)), j);
      if (!this.addAttribute(attrStart, attrEnd, j + 1, close)) throw new XmlError(`attribute ${xml.slice(attrStart, attrEnd)} given twice in <${xml.slice(start, end)}`, j);
      j = close + 1;
      const after = xml.charCodeAt(j);
      if (!isSpace(after) && after !== 0x3e && after !== 0x2f) throw new XmlError(`no space between attributes in <${xml.slice(start, end)}`, j);
    }
    this.rootSeen = true;
    this.ltAfterTag = nextLt;
    this.setName(start, end);
    if (selfClosing) this.pendingClose = true;
    else this.push(start, end);
    this.i = j;
    return OPEN;
  }

  /** Records an attribute; false when the element already has one of that name. */
  private addAttribute(nameStart: number, nameEnd: number, valueStart: number, valueEnd: number): boolean {
    let a = this.attributes;
    if (this.attributeCount < MANY_ATTRIBUTES) {
      for (let k = 0; k < this.attributeCount * ATTRIBUTE_SLOTS; k += ATTRIBUTE_SLOTS) {
        if (this.same(nameStart, nameEnd, a[k]!, a[k + 1]!)) return false;
      }
    } else {
      // A hostile tag with thousands of attributes: their names in a set, not compared pairwise.
      if (!this.names) {
        this.names = new Set();
        for (let k = 0; k < this.attributeCount * ATTRIBUTE_SLOTS; k += ATTRIBUTE_SLOTS) this.names.add(this.xml.slice(a[k]!, a[k + 1]!));
      }
      const name = this.xml.slice(nameStart, nameEnd);
      if (this.names.has(name)) return false;
      this.names.add(name);
    }
    const at = this.attributeCount++ * ATTRIBUTE_SLOTS;
    if (at + ATTRIBUTE_SLOTS > a.length) {
      a = new Int32Array(a.length * 2);
      a.set(this.attributes);
      this.attributes = a;
    }
    a[at] = nameStart;
    a[at + 1] = nameEnd;
    a[at + 2] = valueStart;
    a[at + 3] = valueEnd;
    return true;
  }

  /** Whether two ranges of the document hold the same characters. */
  private same(start: number, end: number, otherStart: number, otherEnd: number): boolean {
    if (end - start !== otherEnd - otherStart) return false;
    for (let k = 0; k < end - start; k++) if (this.xml.charCodeAt(start + k) !== this.xml.charCodeAt(otherStart + k)) return false;
    return true;
  }

  private push(start: number, end: number): void {
    if (2 * this.depth + 2 > this.stack.length) {
      const grown = new Int32Array(this.stack.length * 2);
      grown.set(this.stack);
      this.stack = grown;
    }
    this.stack[2 * this.depth] = start;
    this.stack[2 * this.depth + 1] = end;
    this.depth++;
  }
}

/** Parse one XML document, calling the handlers in document order. Throws XmlError when it is not well-formed. */
export function parseXml(xml: string, on: XmlHandlers): void {
  const scan = new XmlScanner(xml, { texts: Boolean(on.text) });
  for (let event = scan.next(); event !== END; event = scan.next()) {
    if (event === OPEN) on.open(scan.name, scan.allAttributes());
    else if (event === TEXT) on.text?.(scan.text);
    else on.close?.(scan.name);
  }
}
