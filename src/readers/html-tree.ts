// A web page's tree built without parse5, for the markup reports are published in: Word's and
// WPS's "save as web page", and the articles of government sites. Such a page is a few hundred
// tags in 100 KB of style attributes; parse5 tokenizes every character of them, builds every
// attribute and node, and a folder of such pages spends most of its time there and in collecting
// the garbage (docs/performance.md). This reader finds the tags with indexOf, skips what a report
// never reads (attribute values other than a cell's spans and an input's type, the head, comments,
// scripts and styles), and builds the same tree parse5 builds for the rest: the elements, their text, and
// each one's line, as html.ts's walk reads them.
//
// It follows the WHATWG tree construction (as parse5 8.1.1 implements it) only where a page is
// well formed or broken in the common ways: implied html, head, body, tbody and tr; end tags left
// out where the standard implies them (p, li, td, tr …); stray end tags ignored; text and
// elements in a table outside its cells put before the table (foster parenting). Wherever a page
// needs more of the standard (misnested formatting elements that the adoption agency would move
// or reopen, foreign content, templates, pre, a page nested deeper than MAX_DEPTH …) it gives up,
// and the page is read by parse5. Giving up is
// always safe; building a different tree is not: tests/readers/html-tree.test.ts checks, on every
// page in the fixtures and the conformance set and on thousands of generated ones, that the
// tree is parse5's or none.

/** The nodes html.ts's walk reads: parse5's tree has these shapes, and so does this reader's. */
export interface PageAttribute {
  name: string;
  value: string;
}
export interface PageElement {
  nodeName: string;
  tagName: string;
  attrs: PageAttribute[];
  parentNode: PageParent | null;
  childNodes: PageChild[];
  /** The line of the start tag it was made from; none for an element the parser implied. */
  line?: number;
}
export interface PageTextNode {
  nodeName: '#text';
  value: string;
  parentNode: PageParent | null;
  /** The line its text starts on. */
  line?: number;
}
export interface PageDocument {
  nodeName: string;
  childNodes: PageChild[];
}
export type PageParent = PageElement | PageDocument;
/** An element, a text, or a node the walk passes over (comments, the doctype). */
export type PageChild = PageElement | PageTextNode | { nodeName: string; parentNode: PageParent | null };

/** Thrown where the page needs more of the standard than this reader follows. */
class Unread extends Error {}
const UNREAD = new Unread('left to parse5');

/** A stack deeper than this is left to parse5 (whose scope lookups are indexed, where these scan). */
const MAX_DEPTH = 512;
/** A token longer than this, reaching past its piece of text, makes the rest of the page one string. */
const CARRY = 16 << 10;

const NO_ATTRIBUTES: PageAttribute[] = [];

// Character codes.
const TAB = 0x09;
const LF = 0x0a;
const FF = 0x0c;
const CR = 0x0d;
const SPACE = 0x20;
const BANG = 0x21;
const DQUOTE = 0x22;
const AMP = 0x26;
const SQUOTE = 0x27;
const DASH = 0x2d;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const GT = 0x3e;
const QUESTION = 0x3f;

const isSpace = (c: number) => c === SPACE || c === LF || c === TAB || c === FF || c === CR;
const isAlpha = (c: number) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
const ONLY_SPACE = /^[\t\n\f\r ]*$/;
/** What a character reference cut short may look like. */
const REFERENCE_START = /^&#?[0-9A-Za-z]*$/;

// Tag classes, from the standard's lists as parse5 8.1.1 has them.
const SPECIAL = 1 << 0; // "special" elements: a generic end tag does not close through them
const FORMATTING = 1 << 1; // formatting elements: kept in the list of active formatting elements
const SCOPE = 1 << 2; // bound an element's "scope" (and list item, button scope)
const LIST_SCOPE = 1 << 3; // also bound list item scope
const BUTTON_SCOPE = 1 << 4; // also bound button scope
const CLOSES_P = 1 << 5; // a start tag that closes an open p first
const BLOCK_END = 1 << 6; // an end tag closing its element and everything above it, if in scope
const VOID = 1 << 7; // inserted and popped at once
const RAW = 1 << 8; // text up to its end tag (RAWTEXT, RCDATA or script data), not read
const HEAD = 1 << 9; // processed "using the rules for in head" after the head
const HEADING = 1 << 10;
const TABLE_PART = 1 << 11; // sets the insertion mode in a table (see `mode`)
const UNSUPPORTED = 1 << 12; // left to parse5
const IMPLIED_END = 1 << 13; // closed by "generate implied end tags"
const TEXT_IN_TABLE = 1 << 14; // text put here is the table's ("in table text"): white space stays, other text is moved before the table

const CLASSES = new Map<string, number>();
const mark = (bits: number, tags: string) => {
  for (const tag of tags.split(' ')) CLASSES.set(tag, (CLASSES.get(tag) ?? 0) | bits);
};
mark(
  SPECIAL,
  'address applet area article aside base basefont bgsound blockquote body br button caption center col colgroup dd details ' +
    'dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html ' +
    'iframe img input li link listing main marquee menu meta nav noembed noframes noscript object ol p param plaintext pre ' +
    'script section select source style summary table tbody td template textarea tfoot th thead title tr track ul wbr xmp',
);
mark(FORMATTING, 'a b big code em font i nobr s small strike strong tt u');
mark(SCOPE, 'applet caption html table td th marquee object template');
mark(
  CLOSES_P,
  'address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer header hgroup main ' +
    'menu nav ol p search section summary ul',
);
mark(
  BLOCK_END,
  'address article aside blockquote button center details dialog dir div dl fieldset figcaption figure footer header hgroup ' +
    'listing main menu nav ol pre search section summary ul',
);
mark(VOID, 'area br embed img keygen wbr input param source track hr base basefont bgsound link meta');
mark(RAW, 'script style noframes iframe noembed noscript title textarea');
mark(HEAD, 'base basefont bgsound link meta noframes script style template title');
mark(HEADING, 'h1 h2 h3 h4 h5 h6');
mark(LIST_SCOPE, 'ol ul');
mark(TABLE_PART, 'td th tr tbody thead tfoot table caption colgroup');
mark(BUTTON_SCOPE, 'button');
mark(IMPLIED_END, 'dd dt li optgroup option p rb rp rt rtc');
mark(TEXT_IN_TABLE, 'table tbody thead tfoot tr');
mark(UNSUPPORTED, 'pre listing plaintext xmp image rb rtc rp rt svg math applet marquee object template frameset');

const classOf = (tag: string) => CLASSES.get(tag) ?? 0;

/** Start tags that begin a part of a table (and close a cell or a caption first). */
const TABLE_PARTS = new Set(['caption', 'col', 'colgroup', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr']);
export const ROW_GROUPS = new Set(['tbody', 'thead', 'tfoot']);
/** What the standard clears the stack back to before a table's parts are put in ("clear the stack back to a table … context"). */
const TABLE_CONTEXT = new Set(['table', 'html']);
const GROUP_CONTEXT = new Set(['tbody', 'thead', 'tfoot', 'html']);
const ROW_CONTEXT = new Set(['tr', 'html']);
/** End tags the table modes ignore. */
const IGNORED_IN_TABLE = new Set(['body', 'caption', 'col', 'colgroup', 'html', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr']);

// Where the parser is: before the body (the html and head elements and what may stand between
// them), or in it; in the body, the insertion mode follows from the table element nearest the
// top of the stack (`mode`).
const BEFORE_HEAD = 0;
const IN_HEAD = 1;
const AFTER_HEAD = 2;
const IN_BODY = 3;

const BODY = 0;
const CELL = 1;
const ROW = 2;
const GROUP = 3;
const TABLE = 4;
const CAPTION = 5;
const COLUMNS = 6;

/**
 * The tree of a page in pieces of text (decodePage's), or null when it needs parse5.
 * `decode` resolves character references in a run of text (entities' decodeHTML, which is
 * parse5's own decoder).
 */
export function pageTree(pieces: readonly string[], decode: (text: string) => string): PageDocument | null {
  try {
    return new TreeReader(plain(pieces), decode).read();
  } catch (error) {
    if (error === UNREAD) return null;
    throw error;
  }
}

/** The pieces with line breaks as the standard's input stream has them (CR LF and CR made LF). */
function plain(pieces: readonly string[]): readonly string[] {
  if (!pieces.some((piece) => piece.includes('\r'))) return pieces;
  const out: string[] = [];
  let afterCr = false;
  for (let piece of pieces) {
    if (piece === '') continue;
    if (afterCr && piece.startsWith('\n')) piece = piece.slice(1);
    afterCr = piece.endsWith('\r');
    out.push(piece.replace(/\r\n?/g, '\n'));
  }
  return out;
}

const IBM_TRANSITIONAL = 'http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd';

/**
 * Whether a doctype puts the page in quirks mode (WHATWG HTML, "the initial insertion mode"), for
 * the doctypes pages are published with: <!DOCTYPE html>, HTML 3.2, 4.0 and 4.01, XHTML 1.0 and 1.1
 * (limited quirks counts as not); null for any other, whose mode this reader does not work out.
 */
function quirksOf(doctype: string): boolean | null {
  const m = /^<!doctype[\t\n\f ]+html(?:[\t\n\f ]+public[\t\n\f ]*"([^"]*)"(?:[\t\n\f ]*"([^"]*)")?)?[\t\n\f ]*>$/i.exec(doctype);
  if (!m) return null;
  const [, publicId, systemId] = m;
  if (publicId === undefined) return false;
  if (systemId?.toLowerCase() === IBM_TRANSITIONAL) return true;
  const id = publicId.toLowerCase();
  const startsWith = (...prefixes: string[]) => prefixes.some((prefix) => id.startsWith(prefix));
  if (startsWith('-//w3c//dtd html 4.0 transitional//', '-//w3c//dtd html 4.0 frameset//', '-//w3c//dtd html 3.2 final//', '-//w3c//dtd html 3.2//')) return true;
  if (startsWith('-//w3c//dtd html 4.01 transitional//', '-//w3c//dtd html 4.01 frameset//')) return systemId === undefined;
  if (startsWith('-//w3c//dtd xhtml 1.0 transitional//', '-//w3c//dtd xhtml 1.0 frameset//', '-//w3c//dtd xhtml 1.0 strict//', '-//w3c//dtd xhtml 1.1//', '-//w3c//dtd html 4.01//')) {
    return false;
  }
  return null;
}

class TreeReader {
  /** The text being read: a piece, after what was left of the one before. */
  private s: string;
  private pos = 0;
  private nextPiece = 1;
  /** The line of the position `lineAt` was last asked for, and the next line feed at or after it (-1: none in `s`). */
  private line = 1;
  private lf: number;

  private readonly document: PageDocument = { nodeName: '#document', childNodes: [] };
  private readonly stack: PageElement[] = [];
  /** The class of each element on the stack. */
  private readonly classes: number[] = [];
  private html: PageElement | null = null;
  private phase = BEFORE_HEAD;
  /** Before any tag or text: where a doctype still sets the document's mode. */
  private initial = true;
  /** Whether the document is in quirks mode (no doctype); null for a doctype this reader does not classify. */
  private quirks: boolean | null = true;
  /** The form element pointer: the last form opened, open or not, until a </form>. */
  private form: PageElement | null = null;
  /** Inside a select, whose options are not read. */
  private select = false;
  /** The element whose text is being passed over (script, style …). */
  private raw: string | null = null;
  /** Inside a comment, being passed over. */
  private comment = false;
  /**
   * Whether a node this reader does not build (a comment, a script, a select …) was put where
   * text goes since the last text: parse5 starts a new text node after it, and the walk reads each
   * text node's line from its start.
   */
  private split = false;
  /** After </body> (or </html>) in the body: a comment then goes to the html element, not between texts. */
  private afterBody = false;
  /** Where in `s` the end of the comment or element passed over may start. */
  private skipFrom = 0;
  /** Where what is passed over must be read again from, with the next piece. */
  private keepFrom = 0;
  /** Whether the script passed over has opened a comment, and a script tag (the standard's escaped states). */
  private scriptComment = false;
  private scriptTag = false;
  /**
   * While a tag in a table's own content (not a cell's) is read by the body's rules: what it puts
   * where a table part is current goes before the table instead (foster parenting).
   */
  private fostering = false;
  /** Tables put right after a node this reader does not build (a comment, a script …): text put before them starts a text node. */
  private readonly splitBefore = new Set<PageElement>();
  /** Text read where text is the table's, held until the next tag decides where it goes (all before the table, or all in place). */
  private pending: Array<{ value: string; line: number }> = [];
  /** The colspan, rowspan and type of the tag just read (td, th and input only). */
  private colspan: string | undefined;
  private rowspan: string | undefined;
  private type: string | undefined;

  constructor(
    private readonly pieces: readonly string[],
    private readonly decode: (text: string) => string,
  ) {
    this.s = pieces[0] ?? '';
    this.lf = this.s.indexOf('\n');
  }

  read(): PageDocument {
    for (;;) {
      const s = this.s;
      if (this.raw !== null || this.comment) {
        const end = this.raw !== null ? this.rawEnd(this.raw) : this.commentEnd();
        if (end >= 0) {
          this.raw = null;
          this.comment = false;
          this.pos = end;
          continue;
        }
        if (!this.more(this.keepFrom)) throw UNREAD; // a page ending inside a comment or a script
        this.skipFrom = 0;
        continue;
      }
      if (this.pos >= s.length) {
        if (!this.more(this.pos)) break;
        continue;
      }
      const lt = s.indexOf('<', this.pos);
      if (lt !== this.pos) {
        let end = lt < 0 ? s.length : lt;
        if (lt < 0 && this.nextPiece < this.pieces.length) {
          // Text running into the next piece: read up to a character reference it may cut, if any.
          const amp = s.lastIndexOf('&');
          if (amp >= this.pos && REFERENCE_START.test(s.slice(amp))) end = amp;
          if (end > this.pos) this.text(this.pos, end);
          this.more(end);
          continue;
        }
        this.text(this.pos, end);
        this.pos = end;
        continue;
      }
      if (s.length - lt < 16 && this.more(lt)) continue;
      const end = this.markup(lt);
      if (end < 0) {
        if (!this.more(lt)) throw UNREAD; // a page ending inside a tag
        continue;
      }
      this.pos = end;
    }
    if (this.pending.length > 0) this.flush();
    if (this.phase !== IN_BODY) this.toBody();
    return this.document;
  }

  /** Goes on to the next piece, keeping what is left of this one from `from`; false at the end of the page. */
  private more(from: number): boolean {
    if (this.nextPiece >= this.pieces.length) return false;
    this.lineAt(from);
    const rest = this.s.slice(from);
    if (rest.length > CARRY) {
      this.s = rest + this.pieces.slice(this.nextPiece).join('');
      this.nextPiece = this.pieces.length;
    } else {
      this.s = rest + this.pieces[this.nextPiece++]!;
    }
    this.pos = 0;
    this.lf = this.s.indexOf('\n');
    return true;
  }

  /** The line of position `at` (positions are asked for in order). */
  private lineAt(at: number): number {
    while (this.lf >= 0 && this.lf < at) {
      this.line++;
      this.lf = this.s.indexOf('\n', this.lf + 1);
    }
    return this.line;
  }

  // -------------------------------------------------------------------------------------------
  // Tokens
  // -------------------------------------------------------------------------------------------

  /** The markup at '<' (`at`): its end, or -1 when it runs past the text read. */
  private markup(at: number): number {
    const s = this.s;
    const c = s.charCodeAt(at + 1);
    if (isAlpha(c)) return this.tag(at, false);
    if (c === SLASH) {
      const d = s.charCodeAt(at + 2);
      if (isAlpha(d)) return this.tag(at, true);
      if (d === GT) return at + 3; // '</>' is nothing
      if (Number.isNaN(d)) return -1;
      return this.bogusComment(at + 2);
    }
    if (c === BANG) {
      if (s.charCodeAt(at + 2) === DASH && s.charCodeAt(at + 3) === DASH) {
        const from = at + 4;
        // '<!-->' and '<!--->' end where they start.
        this.commented();
        if (s.charCodeAt(from) === GT) return from + 1;
        if (s.charCodeAt(from) === DASH && s.charCodeAt(from + 1) === GT) return from + 2;
        this.comment = true;
        this.skipFrom = from;
        return from;
      }
      if (at + 9 > s.length) return -1;
      if (s.slice(at + 2, at + 9).toLowerCase() === 'doctype') return this.doctype(at);
      return this.bogusComment(at + 2);
    }
    if (c === QUESTION) return this.bogusComment(at + 1);
    if (Number.isNaN(c)) return -1;
    this.text(at, at + 1); // a '<' that starts no tag is text
    return at + 1;
  }

  private bogusComment(from: number): number {
    const end = this.s.indexOf('>', from);
    if (end < 0) return -1;
    this.commented();
    return end + 1;
  }

  private commented(): void {
    if (this.pending.length > 0) this.flush();
    if (!this.afterBody) this.split = true;
  }

  /** The end of the comment being passed over, or -1. */
  private commentEnd(): number {
    const s = this.s;
    const a = s.indexOf('-->', this.skipFrom);
    const b = s.indexOf('--!>', this.skipFrom);
    if (b >= 0 && (a < 0 || b < a)) return b + 4;
    if (a >= 0) return a + 3;
    // Only the end of what is passed over is kept: '-->' may start in it.
    this.keepFrom = Math.max(this.skipFrom, s.length - 3);
    return -1;
  }

  private doctype(at: number): number {
    const end = this.s.indexOf('>', at);
    if (end < 0) return -1;
    if (this.pending.length > 0) this.flush();
    if (this.initial) {
      this.initial = false;
      this.quirks = quirksOf(this.s.slice(at, end + 1));
    }
    return end + 1;
  }

  /** A start or end tag at `at`: its end, or -1. */
  private tag(at: number, isEnd: boolean): number {
    const s = this.s;
    const from = at + (isEnd ? 2 : 1);
    let q = from;
    let upper = false;
    for (; q < s.length; q++) {
      const c = s.charCodeAt(q);
      if (isSpace(c) || c === SLASH || c === GT) break;
      if (c >= 0x41 && c <= 0x5a) upper = true;
      else if (c >= 0x80 || c === 0) throw UNREAD; // parse5 lowercases ASCII letters only, and makes NUL U+FFFD
    }
    if (q >= s.length) return -1;
    const name = upper ? s.slice(from, q).toLowerCase() : s.slice(from, q);
    const wanted = !isEnd && (name === 'td' || name === 'th' || name === 'input');
    const end = this.attributes(q, wanted);
    if (end < 0) return -1;
    this.initial = false;
    if (this.pending.length > 0) this.flush();
    // After the body, <html> is read by the body's rules and leaves the parser after it.
    if (isEnd || name !== 'html') this.afterBody = false;
    if (isEnd) this.end(name);
    else this.start(name, this.lineAt(at));
    if (this.raw !== null) this.skipFrom = end;
    return end;
  }

  /**
   * The attributes from `q` to the tag's end (the tokenizer's attribute states): the position
   * after its '>', or -1. With `wanted`, colspan, rowspan and type are kept (the first of each).
   */
  private attributes(q: number, wanted: boolean): number {
    const s = this.s;
    const n = s.length;
    this.colspan = this.rowspan = this.type = undefined;
    for (;;) {
      let c = s.charCodeAt(q);
      while (isSpace(c) || c === SLASH) {
        if (c === SLASH && s.charCodeAt(q + 1) === GT) return q + 2;
        c = s.charCodeAt(++q);
      }
      if (q >= n) return -1;
      if (c === GT) return q + 1;
      const nameFrom = q++;
      for (; q < n; q++) {
        c = s.charCodeAt(q);
        if (isSpace(c) || c === SLASH || c === GT || c === EQUALS) break;
      }
      const nameTo = q;
      while (isSpace(c)) c = s.charCodeAt(++q);
      if (q >= n) return -1;
      let value = '';
      if (c === EQUALS) {
        c = s.charCodeAt(++q);
        while (isSpace(c)) c = s.charCodeAt(++q);
        if (q >= n) return -1;
        if (c === DQUOTE || c === SQUOTE) {
          const close = s.indexOf(c === DQUOTE ? '"' : "'", q + 1);
          if (close < 0) return -1;
          if (wanted) value = s.slice(q + 1, close);
          q = close + 1;
        } else if (c !== GT) {
          const from = q;
          for (; q < n; q++) {
            c = s.charCodeAt(q);
            if (isSpace(c) || c === GT) break;
          }
          if (q >= n) return -1;
          if (wanted) value = s.slice(from, q);
        }
      }
      if (wanted) this.attribute(s.slice(nameFrom, nameTo).toLowerCase(), value);
    }
  }

  private attribute(name: string, value: string): void {
    if (name !== 'colspan' && name !== 'rowspan' && name !== 'type') return;
    if (value.includes('&') || value.includes('\0')) throw UNREAD; // a character reference in these: rare enough to leave
    if (name === 'colspan') this.colspan ??= value;
    else if (name === 'rowspan') this.rowspan ??= value;
    else this.type ??= value;
  }

  /** The end of the element whose text is passed over (its end tag's '>'), or -1. */
  private rawEnd(name: string): number {
    const s = this.s;
    for (let i = s.indexOf('</', this.skipFrom); i >= 0; i = s.indexOf('</', i + 2)) {
      const after = i + 2 + name.length;
      if (after >= s.length) {
        this.scriptText(i);
        this.keepFrom = i;
        return -1;
      }
      const c = s.charCodeAt(after);
      if (!(isSpace(c) || c === SLASH || c === GT) || s.slice(i + 2, after).toLowerCase() !== name) continue;
      this.scriptText(i);
      const end = this.attributes(after, false);
      if (end < 0) this.keepFrom = i;
      return end;
    }
    this.scriptText(s.length);
    // Only the end of what is passed over is kept: its end tag may start in it.
    this.keepFrom = Math.max(this.skipFrom, s.length - name.length - 2);
    return -1;
  }

  /**
   * A script's text up to `to`: one that opens a comment and a script tag has the standard's
   * escaped states, where its end tag may not end it; left to parse5. (Without both, the first
   * end tag ends it.) The kept end of a piece is read again with the next, so neither is missed.
   */
  private scriptText(to: number): void {
    if (this.raw !== 'script') return;
    const text = this.s.slice(this.skipFrom, to).toLowerCase();
    if (text.includes('<!--')) this.scriptComment = true;
    if (text.includes('<script')) this.scriptTag = true;
    if (this.scriptComment && this.scriptTag) throw UNREAD;
  }

  private text(from: number, to: number): void {
    const raw = this.s.slice(from, to);
    // NUL in text is dropped in the body but is text before it: left to parse5.
    if (raw.includes('\0')) throw UNREAD;
    // Before the body, white space is dropped and the body's text starts at the first other
    // character, on its line in the source: a character reference there is left to parse5.
    if (this.phase !== IN_BODY) {
      let i = 0;
      while (i < raw.length && isSpace(raw.charCodeAt(i))) i++;
      if (raw.charCodeAt(i) === AMP) throw UNREAD;
    }
    this.characters(raw.indexOf('&') >= 0 ? this.decode(raw) : raw, this.lineAt(from));
  }

  // -------------------------------------------------------------------------------------------
  // Tree construction
  // -------------------------------------------------------------------------------------------

  private get current(): PageElement {
    return this.stack[this.stack.length - 1]!;
  }

  private element(tag: string, line: number | undefined): PageElement {
    return { nodeName: tag, tagName: tag, attrs: NO_ATTRIBUTES, parentNode: null, childNodes: [], line };
  }

  private append(el: PageElement, parent: PageParent): void {
    el.parentNode = parent;
    parent.childNodes.push(el);
  }

  private insert(el: PageElement): void {
    if (this.stack.length >= MAX_DEPTH) throw UNREAD;
    this.put(el);
    this.push(el);
  }

  /** Puts an element where the next node goes: in the current node, or before the table when fostering. */
  private put(el: PageElement): void {
    if (!this.fostering || !(this.classes[this.classes.length - 1]! & TEXT_IN_TABLE)) return this.append(el, this.current);
    const table = this.lastTable();
    const parent = table.parentNode!;
    el.parentNode = parent;
    parent.childNodes.splice(parent.childNodes.indexOf(table), 0, el);
    this.splitBefore.delete(table);
  }

  private lastTable(): PageElement {
    for (let i = this.stack.length - 1; ; i--) if (this.stack[i]!.tagName === 'table') return this.stack[i]!;
  }

  /** Pops what stands above the innermost element of `context` (the standard's "clear the stack back to a table … context"). */
  private clearTo(context: Set<string>): void {
    while (!context.has(this.current.tagName)) {
      // A formatting element put before the table stays active, to be reopened: left to parse5.
      if (this.classes[this.classes.length - 1]! & FORMATTING) throw UNREAD;
      this.pop();
    }
  }

  private push(el: PageElement): void {
    this.stack.push(el);
    this.classes.push(classOf(el.tagName));
  }

  private pop(): void {
    this.stack.pop();
    this.classes.pop();
  }

  /** Pops the element at `i` and all above it; an active formatting element above it would be reconstructed later, so is left to parse5. */
  private popTo(i: number, formattingCleared = false): void {
    if (!formattingCleared) for (let j = this.stack.length - 1; j > i; j--) if (this.classes[j]! & FORMATTING) throw UNREAD;
    while (this.stack.length > i) this.pop();
  }

  /** The topmost `tag` in scope (the SCOPE elements bound it, and those of class `bound`), or -1. */
  private inScope(tag: string, bound = 0): number {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      if (this.stack[i]!.tagName === tag) return i;
      if (this.classes[i]! & (SCOPE | bound)) return -1;
    }
    return -1;
  }

  /** The open cell (in the CELL mode). */
  private openCell(): number {
    for (let i = this.stack.length - 1; ; i--) {
      const t = this.stack[i]!.tagName;
      if (t === 'td' || t === 'th') return i;
    }
  }

  private inTableScope(tag: string): number {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const t = this.stack[i]!.tagName;
      if (t === tag) return i;
      if (t === 'table' || t === 'html') return -1;
    }
    return -1;
  }

  private closeP(): void {
    const p = this.inScope('p', BUTTON_SCOPE);
    if (p >= 0) this.popTo(p);
  }

  /** The insertion mode the body is in, from the table part nearest the top of the stack. */
  private mode(): number {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      if (!(this.classes[i]! & TABLE_PART)) continue;
      switch (this.stack[i]!.tagName) {
        case 'td':
        case 'th':
          return CELL;
        case 'tr':
          return ROW;
        case 'tbody':
        case 'thead':
        case 'tfoot':
          return GROUP;
        case 'table':
          return TABLE;
        case 'caption':
          return CAPTION;
        case 'colgroup':
          return COLUMNS;
      }
    }
    return BODY;
  }

  private ensureHtml(line?: number): void {
    if (this.html) return;
    this.html = this.element('html', line);
    this.append(this.html, this.document);
    this.push(this.html);
  }

  /** The body, implied where the page's content begins without one. */
  private toBody(line?: number): void {
    this.ensureHtml();
    this.insert(this.element('body', line));
    this.phase = IN_BODY;
  }

  private characters(value: string, line: number): void {
    if (this.select) return;
    if (this.phase !== IN_BODY) {
      let i = 0;
      while (i < value.length && isSpace(value.charCodeAt(i))) i++;
      if (i > 0) {
        const space = value.slice(0, i);
        // Between </head> and <body>, white space is the html element's.
        if (this.phase === AFTER_HEAD) this.appendText(this.html!, space, line);
        for (let j = space.indexOf('\n'); j >= 0; j = space.indexOf('\n', j + 1)) line++;
        value = value.slice(i);
      }
      if (value === '') return;
      this.initial = false;
      this.toBody();
    }
    const mode = this.mode();
    if (mode === COLUMNS && !ONLY_SPACE.test(value)) throw UNREAD; // would close the column group mid-text
    if (this.classes[this.classes.length - 1]! & TEXT_IN_TABLE) {
      this.pending.push({ value, line });
      return;
    }
    if (this.afterBody && !ONLY_SPACE.test(value)) this.afterBody = false;
    this.appendText(this.current, value, line);
  }

  /**
   * The text held in a table's own content, at the next tag, comment or the end: if any of it is
   * not white space, all of it goes before the table (foster parenting), merged with a text there;
   * else all of it stays where it was read.
   */
  private flush(): void {
    const pending = this.pending;
    this.pending = [];
    if (pending.every((run) => ONLY_SPACE.test(run.value))) {
      for (const run of pending) this.appendText(this.current, run.value, run.line);
      return;
    }
    const table = this.lastTable();
    const kids = table.parentNode!.childNodes;
    for (const { value, line } of pending) {
      const at = kids.indexOf(table);
      const before = kids[at - 1];
      if (before !== undefined && before.nodeName === '#text' && !this.splitBefore.has(table)) (before as PageTextNode).value += value;
      else {
        kids.splice(at, 0, { nodeName: '#text', value, parentNode: table.parentNode, line } satisfies PageTextNode);
        this.splitBefore.delete(table);
      }
    }
  }

  private appendText(parent: PageElement, value: string, line: number): void {
    const kids = parent.childNodes;
    const last = kids[kids.length - 1];
    if (!this.split && last !== undefined && last.nodeName === '#text') (last as PageTextNode).value += value;
    else kids.push({ nodeName: '#text', value, parentNode: parent, line } satisfies PageTextNode);
    this.split = false;
  }

  /** Passes over the text of a script, a style, a title … up to its end tag. */
  private skipRaw(tag: string): void {
    this.raw = tag;
    this.split = true;
    this.scriptComment = this.scriptTag = false;
  }

  private start(tag: string, line: number): void {
    if (this.select) return this.startInSelect(tag);
    const cls = classOf(tag);
    if (this.phase !== IN_BODY) {
      if (tag === 'html') return this.ensureHtml(line);
      if (tag === 'head') {
        if (this.phase === BEFORE_HEAD) {
          this.ensureHtml();
          this.phase = IN_HEAD;
        }
        return;
      }
      // The head's content (after the head, noscript is the body's).
      if (cls & HEAD || (tag === 'noscript' && this.phase !== AFTER_HEAD)) {
        if (tag === 'template') throw UNREAD;
        if (this.phase === BEFORE_HEAD) {
          this.ensureHtml();
          this.phase = IN_HEAD;
        }
        if (cls & RAW) this.skipRaw(tag);
        return;
      }
      if (tag === 'body') return this.toBody(line);
      if (tag === 'frameset') throw UNREAD;
      this.toBody();
    }
    this.startInBody(tag, cls, line);
  }

  private startInBody(tag: string, cls: number, line: number): void {
    const mode = this.mode();
    if (mode === TABLE || mode === GROUP || mode === ROW || mode === COLUMNS) return this.startInTable(mode, tag, line);
    this.bodyStart(tag, cls, line, mode);
  }

  /** A start tag by the body's rules (`mode` BODY, CELL or CAPTION; BODY when fostering). */
  private bodyStart(tag: string, cls: number, line: number, mode: number): void {
    if (TABLE_PARTS.has(tag)) {
      if (mode === CELL) {
        // The cell ends; the tag is read again in its row.
        this.popTo(this.openCell(), true);
        return this.startInBody(tag, cls, line);
      }
      if (mode === CAPTION) throw UNREAD;
      return; // ignored outside a table
    }
    if (cls & UNSUPPORTED) throw UNREAD;
    if (tag === 'html' || tag === 'body') return; // a second one adds attributes only
    if (cls & RAW) return this.skipRaw(tag);
    if (cls & CLOSES_P) {
      this.closeP();
      return this.insert(this.element(tag, line));
    }
    if (cls & HEADING) {
      this.closeP();
      if (this.classes[this.classes.length - 1]! & HEADING) this.pop();
      return this.insert(this.element(tag, line));
    }
    if (cls & VOID) {
      if (tag === 'hr') this.closeP();
      return this.put(this.element(tag, line));
    }
    if (cls & FORMATTING) {
      if (tag === 'a' && this.formattingAfterMarker('a')) throw UNREAD;
      if (tag === 'nobr' && this.inScope('nobr') >= 0) throw UNREAD;
      return this.insert(this.element(tag, line));
    }
    switch (tag) {
      case 'li':
      case 'dd':
      case 'dt':
        this.closeListItem(tag);
        this.closeP();
        return this.insert(this.element(tag, line));
      case 'form':
        if (this.form) return; // a form in a form is ignored
        this.closeP();
        this.form = this.element(tag, line);
        return this.insert(this.form);
      case 'button': {
        const open = this.inScope('button');
        if (open >= 0) this.popTo(open);
        return this.insert(this.element(tag, line));
      }
      case 'table': {
        if (this.quirks !== true && this.inScope('p', BUTTON_SCOPE) >= 0) {
          if (this.quirks === null) throw UNREAD;
          this.closeP();
        }
        const table = this.element(tag, line);
        if (this.split) this.splitBefore.add(table);
        return this.insert(table);
      }
      case 'select':
        this.select = true;
        this.split = true;
        return;
      case 'option':
      case 'optgroup':
        if (this.current.tagName === 'option') this.pop();
        return this.insert(this.element(tag, line));
      case 'frame':
      case 'head':
        return;
    }
    this.insert(this.element(tag, line));
  }

  /** Whether an open `tag` formatting element stands above the last cell or caption. */
  private formattingAfterMarker(tag: string): boolean {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const t = this.stack[i]!.tagName;
      if (t === tag) return true;
      if (t === 'td' || t === 'th' || t === 'caption') return false;
    }
    return false;
  }

  /** A new li closes the open one (dd and dt each other), unless a special element other than address, div and p is in between. */
  private closeListItem(tag: string): void {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const t = this.stack[i]!.tagName;
      if (tag === 'li' ? t === 'li' : t === 'dd' || t === 'dt') return this.popTo(i);
      if (this.classes[i]! & SPECIAL && t !== 'address' && t !== 'div' && t !== 'p') return;
    }
  }

  private startInTable(mode: number, tag: string, line: number): void {
    const again = () => this.startInBody(tag, classOf(tag), line);
    if (mode === COLUMNS) {
      if (tag === 'col') return this.append(this.element(tag, line), this.current);
      if (tag === 'html') return; // read by the body's rules, which ignore it
      if (tag === 'template') throw UNREAD;
      this.pop();
      return again();
    }
    if (mode === ROW) {
      if (tag === 'td' || tag === 'th') {
        this.clearTo(ROW_CONTEXT);
        return this.insert(this.cell(tag, line));
      }
      if (TABLE_PARTS.has(tag)) {
        this.clearTo(ROW_CONTEXT);
        this.pop();
        return again();
      }
    } else if (mode === GROUP) {
      if (tag === 'tr' || tag === 'td' || tag === 'th') {
        this.clearTo(GROUP_CONTEXT);
        if (tag === 'tr') return this.insert(this.element(tag, line));
        this.insert(this.element('tr', undefined));
        return again();
      }
      if (TABLE_PARTS.has(tag)) {
        this.clearTo(GROUP_CONTEXT);
        this.pop();
        return again();
      }
    }
    switch (tag) {
      case 'caption':
      case 'colgroup':
      case 'tbody':
      case 'thead':
      case 'tfoot':
        this.clearTo(TABLE_CONTEXT);
        return this.insert(this.element(tag, line));
      // The part they go in, implied.
      case 'col':
      case 'td':
      case 'th':
      case 'tr':
        this.clearTo(TABLE_CONTEXT);
        this.insert(this.element(tag === 'col' ? 'colgroup' : 'tbody', undefined));
        return again();
      case 'style':
      case 'script':
        return this.skipRaw(tag);
      // A hidden input stays in the table (another is moved before it); a form is left empty there.
      case 'input':
        if (this.type?.toLowerCase() !== 'hidden') throw UNREAD;
        return this.append(this.element(tag, line), this.current);
      case 'form':
        if (this.form) return;
        this.form = this.element(tag, line);
        return this.append(this.form, this.current);
      // A nested <table> here closes the open one.
      case 'table':
      case 'template':
        throw UNREAD;
    }
    // Anything else is read by the body's rules, and what it puts in a table part goes before the
    // table. (Elements passed over, which this reader does not build, would stand there between
    // texts: left to parse5.)
    if (classOf(tag) & RAW || tag === 'select') throw UNREAD;
    this.fostering = true;
    try {
      this.bodyStart(tag, classOf(tag), line, BODY);
    } finally {
      this.fostering = false;
    }
  }

  private cell(tag: string, line: number): PageElement {
    const el = this.element(tag, line);
    if (this.colspan !== undefined || this.rowspan !== undefined) {
      el.attrs = [];
      if (this.colspan !== undefined) el.attrs.push({ name: 'colspan', value: this.colspan });
      if (this.rowspan !== undefined) el.attrs.push({ name: 'rowspan', value: this.rowspan });
    }
    return el;
  }

  private startInSelect(tag: string): void {
    // Options are not read; what would close the select is left to parse5.
    if (tag === 'script') return this.skipRaw(tag);
    if (tag === 'select' || tag === 'input' || tag === 'keygen' || tag === 'textarea' || tag === 'template' || tag === 'table' || TABLE_PARTS.has(tag)) {
      throw UNREAD;
    }
  }

  private end(tag: string): void {
    if (this.select) {
      if (tag === 'select') this.select = false;
      else if (tag === 'table' || TABLE_PARTS.has(tag)) throw UNREAD;
      return;
    }
    if (this.phase !== IN_BODY) {
      if (tag === 'head') {
        if (this.phase !== AFTER_HEAD) {
          this.ensureHtml();
          this.phase = AFTER_HEAD;
        }
        return;
      }
      if (tag !== 'body' && tag !== 'html' && tag !== 'br') return;
      this.toBody();
    }
    // After </body> and </html> the standard reads on in the body, into the element still open.
    const mode = this.mode();
    if (tag === 'body' || tag === 'html') {
      if (mode === BODY) this.afterBody = true;
      // A column group ends at any tag but col (a table ignores these end tags after it).
      if (mode === COLUMNS) this.pop();
      return;
    }
    if (mode === BODY) return this.endInBody(tag);
    if (mode === CELL) {
      if (tag === 'td' || tag === 'th') {
        const cell = this.inTableScope(tag);
        if (cell >= 0) this.popTo(cell, true);
        return;
      }
      if (tag === 'table' || ROW_GROUPS.has(tag) || tag === 'tr') {
        if (this.inTableScope(tag) < 0) return;
        this.popTo(this.openCell(), true);
        return this.end(tag);
      }
      if (IGNORED_IN_TABLE.has(tag)) return;
      return this.endInBody(tag);
    }
    if (mode === CAPTION) {
      if (tag === 'caption') return this.popTo(this.inTableScope('caption'), true);
      if (tag === 'table') throw UNREAD;
      if (IGNORED_IN_TABLE.has(tag)) return;
      return this.endInBody(tag);
    }
    if (mode === COLUMNS) {
      if (tag === 'col') return;
      this.pop();
      if (tag === 'colgroup') return;
      return this.end(tag);
    }
    if (mode === ROW) {
      // parse5 ends the row at any row group's end tag (the standard, only at an open one's).
      if (tag === 'tr' || tag === 'table' || ROW_GROUPS.has(tag)) {
        this.clearTo(ROW_CONTEXT);
        this.pop();
        return tag === 'tr' ? undefined : this.end(tag);
      }
    } else if (mode === GROUP) {
      if (ROW_GROUPS.has(tag) || tag === 'table') {
        if (tag !== 'table' && this.inTableScope(tag) < 0) return;
        this.clearTo(GROUP_CONTEXT);
        this.pop();
        return tag === 'table' ? this.end(tag) : undefined;
      }
    }
    if (tag === 'table') return this.popTo(this.inTableScope('table'));
    if (IGNORED_IN_TABLE.has(tag)) return;
    // </form> here finds no form in scope: it only clears the form element pointer.
    if (tag === 'form') {
      this.form = null;
      return;
    }
    if (tag === 'template') throw UNREAD;
    // Anything else by the body's rules: what </p> or </br> put in a table part goes before the table.
    this.fostering = true;
    try {
      this.endInBody(tag);
    } finally {
      this.fostering = false;
    }
  }

  private endInBody(tag: string): void {
    const cls = classOf(tag);
    if (cls & FORMATTING) return this.adoption(tag);
    if (cls & BLOCK_END) {
      const open = this.inScope(tag);
      if (open >= 0) this.popTo(open);
      return;
    }
    switch (tag) {
      case 'p': {
        const open = this.inScope('p', BUTTON_SCOPE);
        if (open >= 0) this.popTo(open);
        else this.put(this.element('p', undefined)); // </p> alone makes an empty p
        return;
      }
      case 'li': {
        const open = this.inScope('li', LIST_SCOPE);
        if (open >= 0) this.popTo(open);
        return;
      }
      case 'dd':
      case 'dt': {
        const open = this.inScope(tag);
        if (open >= 0) this.popTo(open);
        return;
      }
      case 'br':
        return this.put(this.element('br', undefined));
      case 'form': {
        // The form element pointer is cleared; with a form (any) in scope, what the standard
        // implies closes (an open p …), and the pointer's form, if open, is taken off the stack
        // wherever it is (left to parse5 unless it is then on top).
        const form = this.form;
        this.form = null;
        if (form === null || this.inScope('form') < 0) return;
        while (this.classes[this.classes.length - 1]! & IMPLIED_END) this.pop();
        const open = this.stack.lastIndexOf(form);
        if (open < 0) return;
        if (open !== this.stack.length - 1) throw UNREAD;
        return this.pop();
      }
      case 'applet':
      case 'marquee':
      case 'object':
      case 'template':
        throw UNREAD;
    }
    if (cls & HEADING) {
      for (let i = this.stack.length - 1; i >= 0; i--) {
        if (this.classes[i]! & HEADING) return this.popTo(i);
        if (this.classes[i]! & SCOPE) return;
      }
      return;
    }
    // Any other end tag closes the topmost element of its name, unless a special element is above it.
    for (let i = this.stack.length - 1; i > 0; i--) {
      if (this.stack[i]!.tagName === tag) return this.popTo(i);
      if (this.classes[i]! & SPECIAL) return;
    }
  }

  /** The end tag of a formatting element, where the adoption agency would only pop it. */
  private adoption(tag: string): void {
    let special = false;
    for (let i = this.stack.length - 1; i > 0; i--) {
      if (this.stack[i]!.tagName === tag) {
        if (special) throw UNREAD; // the adoption agency would move the elements in between
        return this.popTo(i);
      }
      const cls = this.classes[i]!;
      if (cls & SCOPE) return;
      if (cls & SPECIAL) special = true;
    }
  }
}
