// Single-file web pages (.mht, .mhtml): a MIME multipart/related message (RFC 2557) as Word
// ("单个文件网页"), Internet Explorer and old browsers save a page. The page is its HTML part,
// read by the web page reader in the part's charset; images and the rest are not needed.

import type { Grid } from '../model/grid.js';
import { ReadError } from './errors.js';
import { readHtml } from './html.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';

/** One MIME entity: its headers (names lower-cased, the first of each kept, folded lines unfolded) and its raw body. */
interface Entity {
  headers: Map<string, string>;
  /** The body as bytes, one character per byte (latin1), before its transfer encoding is undone. */
  body: string;
}

/** Multipart messages inside multipart messages, at most this deep (a real MHT nests one level, an e-mail two). */
const MAX_DEPTH = 8;

function entity(text: string): Entity {
  // A part may have no headers: then it starts with the blank line.
  const blank = /^\r?\n/.exec(text) ?? /\r?\n\r?\n/.exec(text);
  const head = blank ? text.slice(0, blank.index) : text;
  const body = blank ? text.slice(blank.index + blank[0].length) : '';
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** 'text/html; charset="gb2312"' -> type 'text/html' and parameters { charset: 'gb2312' }. */
function contentType(value: string | undefined): { type: string; params: Map<string, string> } {
  const params = new Map<string, string>();
  const [type = '', ...rest] = (value ?? '').split(';');
  const list = rest.join(';');
  const re = /([^\s=;]+)\s*=\s*(?:"([^"]*)"|([^\s;]*))/g;
  for (let m = re.exec(list); m; m = re.exec(list)) {
    const name = m[1]!.toLowerCase();
    if (!params.has(name)) params.set(name, m[2] ?? m[3] ?? '');
  }
  return { type: type.trim().toLowerCase(), params };
}

/**
 * The bodies of a multipart body: what lies between lines that start with '--' and the boundary,
 * up to the closing one ('--' boundary '--'); a message cut short keeps its last part as it is.
 */
function splitParts(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  /** The next delimiter line at or after `from`: the index of its '--', or -1. */
  const nextDelimiter = (from: number) => {
    for (let at = body.indexOf(delimiter, from); at >= 0; at = body.indexOf(delimiter, at + 1)) {
      const atLineStart = at === 0 || body[at - 1] === '\n';
      const after = body[at + delimiter.length];
      // The boundary, not a longer word that starts with it.
      if (atLineStart && (after === undefined || after === '-' || after === '\r' || after === '\n' || after === ' ' || after === '\t')) return at;
    }
    return -1;
  };
  const parts: string[] = [];
  let start = -1;
  for (let at = nextDelimiter(0); at >= 0; ) {
    if (start >= 0) {
      // The line break before a delimiter belongs to the delimiter.
      let end = at;
      if (body[end - 1] === '\n') end--;
      if (body[end - 1] === '\r') end--;
      parts.push(body.slice(start, Math.max(start, end)));
    }
    if (body.startsWith('--', at + delimiter.length)) return parts;
    const eol = body.indexOf('\n', at);
    if (eol < 0) return parts;
    start = eol + 1;
    at = nextDelimiter(start);
  }
  if (start >= 0 && start < body.length) parts.push(body.slice(start));
  return parts;
}

/** The leaf entities of a message in order, multipart bodies opened (nested ones too). */
function leaves(message: Entity, depth: number, out: Entity[]): Entity[] {
  const { type, params } = contentType(message.headers.get('content-type'));
  const boundary = params.get('boundary');
  if (type.startsWith('multipart/') && boundary && depth < MAX_DEPTH) {
    for (const part of splitParts(message.body, boundary)) leaves(entity(part), depth + 1, out);
  } else {
    out.push(message);
  }
  return out;
}

const hexValue = (c: number) => (c >= 0x30 && c <= 0x39 ? c - 0x30 : (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 ? (c | 0x20) - 0x57 : -1);

/** Quoted-printable (RFC 2045): '=XX' is a byte, '=' at a line's end joins lines; anything else, as it stands. */
function quotedPrintable(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3d) {
      const high = hexValue(text.charCodeAt(i + 1));
      const low = hexValue(text.charCodeAt(i + 2));
      if (high >= 0 && low >= 0) {
        out[n++] = high * 16 + low;
        i += 2;
        continue;
      }
      // A soft line break, perhaps with blanks a mail system added before it.
      let j = i + 1;
      while (text[j] === ' ' || text[j] === '\t') j++;
      if (text[j] === '\r' && text[j + 1] === '\n') j++;
      if (text[j] === '\n') {
        i = j;
        continue;
      }
    }
    out[n++] = c;
  }
  return out.subarray(0, n);
}

function bodyBytes(part: Entity): Uint8Array {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '').trim().toLowerCase();
  if (encoding === 'quoted-printable') return quotedPrintable(part.body);
  // Node's base64 decoder skips the line breaks and anything else that is not base64.
  if (encoding === 'base64') return Buffer.from(part.body, 'base64');
  return Buffer.from(part.body, 'latin1');
}

const isPage = (part: Entity) => /^(?:text\/html|application\/xhtml\+xml)$/.test(contentType(part.headers.get('content-type')).type);
const bare = (id: string | undefined) => id?.trim().replace(/^<|>$/g, '');

/**
 * The page of an MHT file: the part the message names as its root (the `start` parameter, or the
 * Content-Location a browser records for the page) when that is HTML, else the first HTML part.
 * Null when there is none.
 */
export function mhtPage(bytes: Uint8Array): { html: Uint8Array; charset: string | undefined } | null {
  const top = entity(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1').replace(/^\s+/, ''));
  const parts = leaves(top, 0, []);
  const { params } = contentType(top.headers.get('content-type'));
  const start = bare(params.get('start'));
  const location = (top.headers.get('content-location') ?? top.headers.get('snapshot-content-location'))?.trim();
  const root = parts.find((p) =>
    start ? bare(p.headers.get('content-id')) === start : location !== undefined && p.headers.get('content-location')?.trim() === location,
  );
  const page = root && isPage(root) ? root : parts.find(isPage);
  if (!page) return null;
  return { html: bodyBytes(page), charset: contentType(page.headers.get('content-type')).params.get('charset') };
}

/** Read an MHT file: its HTML part, as a web page (kind 'html', the encoding the part's charset). */
export async function readMht(file: string, bytes: Uint8Array, limits: Limits = DEFAULT_LIMITS): Promise<Grid> {
  const page = mhtPage(bytes);
  if (!page) throw new ReadError('mht-no-html');
  return readHtml(file, page.html, limits, page.charset);
}
