// A reference reading of the XML subset src/readers/xml.ts reads, and of cell ranges: the plain,
// regex-based reader that the fast pull scanner replaced, kept as the oracle the scanner must agree
// with (tests/readers/xml-reference.test.ts), as tests/helpers/exceljs-reader.ts is the xlsx
// reader's. Slow and obviously correct beats fast here; do not optimise it.

import type { Range } from '../../src/model/grid.js';
import type { Attributes, XmlHandlers } from '../../src/readers/xml.js';

class ReferenceXmlError extends Error {
  constructor(message: string, offset: number) {
    super(`${message} (at character ${offset})`);
    this.name = 'XmlError';
  }
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(raw: string, offset: number): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&([^;&\s]{0,12});?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new ReferenceXmlError(`unterminated entity reference '${whole}'`, offset);
    const named = NAMED[ref];
    if (named !== undefined) return named;
    const code = ref.startsWith('#x') ? parseInt(ref.slice(2), 16) : ref.startsWith('#') ? parseInt(ref.slice(1), 10) : NaN;
    if (!/^#(?:x[0-9a-fA-F]+|[0-9]+)$/.test(ref) || !(code > 0 && code <= 0x10ffff)) throw new ReferenceXmlError(`unknown entity '&${ref};'`, offset);
    return String.fromCodePoint(code);
  });
}

/** Line ends as XML reads them: \r\n and \r become \n. */
const lineEnds = (text: string) => (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text);

const NO_ATTRIBUTES: Attributes = Object.freeze({});

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;

/** Where a name ends: at whitespace, '/', '>' or '='. */
function nameEnd(xml: string, i: number): number {
  for (; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (isSpace(c) || c === 0x2f || c === 0x3e || c === 0x3d) break;
  }
  return i;
}

const local = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

/** Parse one XML document, calling the handlers in document order; throws (name 'XmlError') when it is not well-formed. */
export function referenceParseXml(xml: string, on: XmlHandlers): void {
  const stack: string[] = [];
  let rootSeen = false;
  // Most parts have no entity at all: then no text or attribute needs decoding.
  const decode = xml.includes('&') ? decodeEntities : (raw: string) => raw;
  let i = 0;
  const n = xml.length;
  const text = (from: number, to: number) => {
    if (from === to) return;
    const raw = xml.slice(from, to);
    if (stack.length === 0) {
      if (raw.trim() !== '') throw new ReferenceXmlError('text outside the root element', from);
      return;
    }
    if (on.text) on.text(lineEnds(decode(raw, from)));
  };
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      text(i, n);
      break;
    }
    text(i, lt);
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end < 0) throw new ReferenceXmlError('unterminated comment', lt);
        i = end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0) throw new ReferenceXmlError('unterminated CDATA section', lt);
        if (stack.length === 0) throw new ReferenceXmlError('CDATA outside the root element', lt);
        on.text?.(lineEnds(xml.slice(lt + 9, end)));
        i = end + 3;
      } else if (xml.startsWith('<!DOCTYPE', lt) && !rootSeen) {
        // No internal subset in spreadsheet XML; one would define entities this reader refuses anyway.
        const end = xml.indexOf('>', lt);
        if (end < 0 || xml.lastIndexOf('[', end) > lt) throw new ReferenceXmlError('unsupported DOCTYPE', lt);
        i = end + 1;
      } else throw new ReferenceXmlError('unexpected <!', lt);
      continue;
    }
    if (next === 0x3f /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) throw new ReferenceXmlError('unterminated processing instruction', lt);
      i = end + 2;
      continue;
    }
    if (next === 0x2f /* / */) {
      const end = nameEnd(xml, lt + 2);
      const name = xml.slice(lt + 2, end);
      let j = end;
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (xml.charCodeAt(j) !== 0x3e) throw new ReferenceXmlError(`malformed end tag </${name}`, lt);
      const open = stack.pop();
      if (open !== name) throw new ReferenceXmlError(open === undefined ? `end tag </${name}> without a start tag` : `</${name}> closes <${open}>`, lt);
      on.close?.(local(name));
      i = j + 1;
      continue;
    }
    // A start tag: <name attr="value" ...> or <name .../>.
    const end = nameEnd(xml, lt + 1);
    const name = xml.slice(lt + 1, end);
    if (name === '') throw new ReferenceXmlError("'<' not followed by a name", lt);
    if (stack.length === 0 && rootSeen) throw new ReferenceXmlError('a second root element', lt);
    // Most tags (<v>, </c>, <t>) have no attributes: they share one empty, frozen object.
    let attributes: Attributes = NO_ATTRIBUTES;
    let j = end;
    let selfClosing = false;
    for (;;) {
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (j >= n) throw new ReferenceXmlError(`unterminated start tag <${name}`, lt);
      const c = xml.charCodeAt(j);
      if (c === 0x3e) {
        j++;
        break;
      }
      if (c === 0x2f) {
        if (xml.charCodeAt(j + 1) !== 0x3e) throw new ReferenceXmlError(`malformed start tag <${name}`, lt);
        selfClosing = true;
        j += 2;
        break;
      }
      const attrEnd = nameEnd(xml, j);
      const attr = xml.slice(j, attrEnd);
      j = attrEnd;
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (attr === '' || xml.charCodeAt(j) !== 0x3d) throw new ReferenceXmlError(`malformed attribute in <${name}`, j);
      j++;
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      const quote = xml[j];
      if (quote !== '"' && quote !== "'") throw new ReferenceXmlError(`unquoted attribute ${attr} in <${name}`, j);
      const close = xml.indexOf(quote, j + 1);
      if (close < 0) throw new ReferenceXmlError(`unterminated attribute ${attr} in <${name}`, j);
      const raw = xml.slice(j + 1, close);
      if (raw.includes('<')) throw new ReferenceXmlError(`'<' in attribute ${attr} of <${name}`, j);
      if (attributes === NO_ATTRIBUTES) attributes = {};
      else if (Object.hasOwn(attributes, attr)) throw new ReferenceXmlError(`attribute ${attr} given twice in <${name}`, j);
      attributes[attr] = decode(/[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, ' ') : raw, j);
      j = close + 1;
      const after = xml.charCodeAt(j);
      if (!isSpace(after) && after !== 0x3e && after !== 0x2f) throw new ReferenceXmlError(`no space between attributes in <${name}`, j);
    }
    rootSeen = true;
    const localName = local(name);
    on.open(localName, attributes);
    if (selfClosing) on.close?.(localName);
    else stack.push(name);
    i = j;
  }
  if (stack.length > 0) throw new ReferenceXmlError(`unclosed element <${stack[stack.length - 1]}>`, n);
  if (!rootSeen) throw new ReferenceXmlError('no root element', 0);
}

/** Parse 'B3' or 'A1:C3' into a range. */
export function referenceParseRange(ref: string): Range | null {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref.replace(/\$/g, '').toUpperCase());
  if (!m) return null;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const top = Number(m[2]);
  const left = col(m[1]!);
  const bottom = m[4] ? Number(m[4]) : top;
  const right = m[3] ? col(m[3]) : left;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}
