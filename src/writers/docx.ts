// The clerk's own Word document, annotated: `report check 报告.docx --annotate 标注.docx`. Every cell a
// finding names is shaded in the colour of its worst finding and carries a Word comment (批注)
// holding the findings in the terminal's words; findings with no cell of the document to sit on
// (a table not found, the report's year) are one comment on the title; findings on the text (a
// section missing, a figure the text states differently) a comment on their paragraph. Everything else of the
// document stays as it was: the main part is edited at the cells' places, which the Word reader
// itself finds (so a finding's 表格3!D23 is the cell it read), the package's relationships and
// content types gain the comments part, and every other part is copied as it is stored.
//
// Written to Office Open XML (ECMA-376 Part 1, transitional): w:shd in w:tcPr at its place in the
// schema's sequence, w:commentRangeStart/End and a w:commentReference run in the cell's first
// paragraph, w:comment elements in the comments part (a document's own comments kept, ours numbered
// after every id it uses).

import { posix } from 'node:path';
import type { Diagnostic } from '../engine/index.js';
import { corruptDocx, decodeXml, locateDocx, mainPart, relatedPart, type CellPlace } from '../readers/docx.js';
import { DEFAULT_LIMITS, type Limits } from '../readers/limits.js';
import { CLOSE, END, OPEN, XmlScanner } from '../readers/xml.js';
import type { ZipArchive } from '../readers/zip.js';
import { MARK_COLORS, noteLines, worstSeverity } from './marks.js';
import { writeZip, type ZipPart } from './zip.js';

const WORD_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const COMMENTS_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const COMMENTS_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const CONTENT_TYPES = '[Content_Types].xml';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
/** Who the comments are by, as Word shows it. */
const AUTHOR = 'report';
const INITIALS = 'R';

/** The children of w:tcPr that come after w:shd in the schema's sequence (CT_TcPr): w:shd goes before the first of them. */
const AFTER_SHADING = new Set(['noWrap', 'tcMar', 'textDirection', 'tcFitText', 'vAlign', 'hideMark', 'headers', 'cellIns', 'cellDel', 'cellMerge', 'tcPrChange']);

/** The Word packages by their main part's content type, and the extension each is saved under. */
const WORD_KINDS = new Map([
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', '.docx'],
  ['application/vnd.ms-word.document.macroEnabled.main+xml', '.docm'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml', '.dotx'],
  ['application/vnd.ms-word.template.macroEnabledTemplate.main+xml', '.dotm'],
]);

/**
 * The extension the annotated copy of a Word package must have, by its main part's content type
 * (Word refuses a .docx whose content type is a macro-enabled document's or a template's); '.docx'
 * when the content types say nothing known. Throws ReadError as the Word reader does.
 */
export function wordExtension(zip: ZipArchive): string {
  let part: string;
  try {
    part = `/${mainPart(zip)}`;
  } catch (err) {
    throw corruptDocx(err);
  }
  zip.checkDeclared([CONTENT_TYPES]);
  const types = zip.part(CONTENT_TYPES);
  if (!types) return '.docx';
  const scan = new XmlScanner(decodeXml(types), { texts: false });
  try {
    for (let event = scan.next(); event !== END; event = scan.next()) {
      if (event === OPEN && scan.is('Override') && scan.attr('PartName')?.toLowerCase() === part.toLowerCase()) return WORD_KINDS.get(scan.attr('ContentType') ?? '') ?? '.docx';
    }
  } catch {
    // Content types Word could not read either: the copy keeps them, under the usual name.
  }
  return '.docx';
}

/** Replace [start, end) of the text with `text` (an insertion when start === end). */
interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The element markup of one comment, written with the prefix the document uses for Word's namespace. */
class Markup {
  /** The prefix written: the document's, or `w` declared on each element written at the top of an insertion. */
  readonly prefix: string;
  /** That declaration, where the document binds no prefix to Word's namespace ('' where it does). */
  readonly namespace: string;

  constructor(prefix: string) {
    this.prefix = prefix || 'w';
    this.namespace = prefix ? '' : ` xmlns:w="${WORD_NS}"`;
  }


  shading(fill: string): string {
    const { prefix: p, namespace: ns } = this;
    return `<${p}:shd${ns} ${p}:val="clear" ${p}:color="auto" ${p}:fill="${fill}"/>`;
  }

  cellProperties(fill: string): string {
    const { prefix: p, namespace: ns } = this;
    return `<${p}:tcPr${ns}>${new Markup(p).shading(fill)}</${p}:tcPr>`;
  }

  rangeStart(id: number): string {
    const { prefix: p, namespace: ns } = this;
    return `<${p}:commentRangeStart${ns} ${p}:id="${id}"/>`;
  }

  rangeEnd(id: number): string {
    const { prefix: p, namespace: ns } = this;
    return `<${p}:commentRangeEnd${ns} ${p}:id="${id}"/><${p}:r${ns}><${p}:commentReference ${p}:id="${id}"/></${p}:r>`;
  }

  /** A paragraph of its own holding comment `id` (where there is none to put it in). */
  commentParagraph(id: number): string {
    const { prefix: p, namespace: ns } = this;
    const inner = new Markup(p);
    return `<${p}:p${ns}>${inner.rangeStart(id)}${inner.rangeEnd(id)}</${p}:p>`;
  }
}

/** Text as XML character data: markup escaped, characters XML cannot hold left out. */
function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** The prefix of an element's name as written at `start` ('w' for <w:tc>, '' for <tc>). */
function prefixAt(xml: string, start: number): string {
  return /^<(?:([^\s/>:]+):)?/.exec(xml.slice(start, start + 64))?.[1] ?? '';
}

/** Where the parts of a paragraph element are that a comment's range goes into (offsets in the XML). */
interface ParagraphShape {
  start: number;
  /** Just after its start tag; just after its w:pPr when it has one (the range starts there). */
  contentStart: number;
  /** Where its end tag starts (the range ends there); -1 for an empty element (<w:p/>). */
  end: number;
  /** Just after the element. */
  after: number;
}

/** Where the parts of a cell element are that its shading goes into. */
interface CellShape {
  /** Just after the cell's start tag. */
  tagEnd: number;
  /** The cell is an empty element (<w:tc/>: no properties, not even the paragraph a cell must hold). */
  empty: boolean;
  properties: { start: number; after: number; empty: boolean; end: number; children: Array<{ name: string; start: number; after: number }> } | null;
  paragraph: ParagraphShape | null;
}

/**
 * The shape of the element that starts at `start` and ends at `end` in `xml`: a w:tc (its
 * properties and first paragraph outside any nested table) or a w:p (itself as the paragraph).
 */
function shapeOf(xml: string, start: number, end: number): CellShape {
  const scan = new XmlScanner(xml.slice(start, end), { texts: false });
  const shape: CellShape = { tagEnd: 0, empty: false, properties: null, paragraph: null };
  let depth = 0;
  let nested = 0;
  let inProperties = false;
  let paragraphDepth = 0;
  let paragraphChildren = 0;
  let inParagraphProperties = false;
  /** Where the tag just read starts, in `xml`. */
  const at = () => xml.lastIndexOf('<', start + scan.offset - 1);
  for (let event = scan.next(); event !== END; event = scan.next()) {
    if (event === OPEN) {
      depth++;
      const tag = at();
      if (depth === 1) {
        shape.tagEnd = start + scan.offset;
        shape.empty = scan.empty;
      }
      if (depth === 2 && !shape.properties && !shape.paragraph && scan.is('tcPr')) {
        shape.properties = { start: tag, after: start + scan.offset, empty: scan.empty, end: -1, children: [] };
        inProperties = !scan.empty;
      } else if (depth === 3 && inProperties) {
        shape.properties!.children.push({ name: scan.name, start: tag, after: -1 });
      } else if (scan.is('tbl')) nested++;
      else if (nested === 0 && !shape.paragraph && scan.is('p')) {
        shape.paragraph = { start: tag, contentStart: start + scan.offset, end: -1, after: start + scan.offset };
        paragraphDepth = scan.empty ? 0 : depth;
      } else if (paragraphDepth > 0 && depth === paragraphDepth + 1 && paragraphChildren++ === 0 && scan.is('pPr')) inParagraphProperties = true;
    } else if (event === CLOSE) {
      const after = start + scan.offset;
      if (depth === 2 && inProperties) {
        inProperties = false;
        shape.properties!.end = at();
        shape.properties!.after = after;
      } else if (depth === 3 && inProperties) shape.properties!.children.at(-1)!.after = after;
      else if (inParagraphProperties && depth === paragraphDepth + 1) {
        inParagraphProperties = false;
        shape.paragraph!.contentStart = after;
      } else if (paragraphDepth > 0 && depth === paragraphDepth) {
        shape.paragraph!.end = at();
        shape.paragraph!.after = after;
        paragraphDepth = 0;
      }
      if (scan.is('tbl')) nested--;
      depth--;
    }
  }
  return shape;
}

/** The edits that put comment `id` on a paragraph: its range round the paragraph's content. */
function commentEdits(xml: string, paragraph: ParagraphShape, id: number, markup: Markup): Edit[] {
  if (paragraph.end < 0) {
    // <w:p .../>: opened up to hold the range.
    const [tag, name] = opened(xml, paragraph.start, paragraph.after);
    return [{ start: paragraph.start, end: paragraph.after, text: `${tag}${markup.rangeStart(id)}${markup.rangeEnd(id)}</${name}>` }];
  }
  return [
    { start: paragraph.contentStart, end: paragraph.contentStart, text: markup.rangeStart(id) },
    { start: paragraph.end, end: paragraph.end, text: markup.rangeEnd(id) },
  ];
}

/** An empty element's start tag opened up: '<w:tc w:x="1"/>' -> ['<w:tc w:x="1">', 'w:tc']. */
function opened(xml: string, start: number, after: number): [string, string] {
  const tag = xml.slice(start, after).replace(/\s*\/>$/, '');
  return [`${tag}>`, /^<([^\s/>]+)/.exec(tag)![1]!];
}

/** The edit that shades a cell: its w:shd replaced, or one put in its place in w:tcPr, or a w:tcPr made. */
function shadingEdit(cell: CellShape, fill: string, markup: Markup): Edit {
  const properties = cell.properties;
  if (!properties) return { start: cell.tagEnd, end: cell.tagEnd, text: markup.cellProperties(fill) };
  if (properties.empty) return { start: properties.start, end: properties.after, text: markup.cellProperties(fill) };
  const shading = properties.children.find((c) => c.name === 'shd');
  if (shading) return { start: shading.start, end: shading.after, text: markup.shading(fill) };
  const at = properties.children.find((c) => AFTER_SHADING.has(c.name))?.start ?? properties.end;
  return { start: at, end: at, text: markup.shading(fill) };
}

function applyEdits(xml: string, edits: Edit[]): string {
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let from = 0;
  for (const edit of edits) {
    if (edit.start < from) throw new Error(`overlapping edits at ${edit.start}`);
    out += xml.slice(from, edit.start) + edit.text;
    from = edit.end;
  }
  return out + xml.slice(from);
}

/** The highest number any `id` attribute holds in these parts (comments, bookmarks and revisions share Word's ids). */
function highestId(...texts: string[]): number {
  let max = -1;
  for (const text of texts) for (const m of text.matchAll(/\bid\s*=\s*["'](\d{1,9})["']/g)) max = Math.max(max, Number(m[1]));
  return max;
}

/** `xml` with `child(prefix)` added as the last child of its root element (written with the root's prefix). */
function appendToRoot(xml: string, child: (prefix: string) => string): string {
  // Read whole, so that a part that is not well-formed is refused (XmlError) rather than added to.
  const scan = new XmlScanner(xml, { texts: false });
  while (scan.next() !== OPEN);
  const start = xml.lastIndexOf('<', scan.offset - 1);
  const tagEnd = scan.offset;
  const empty = scan.empty;
  let end = tagEnd;
  for (let event = scan.next(); event !== END; event = scan.next()) if (event === CLOSE) end = scan.offset;
  const prefix = prefixAt(xml, start);
  if (empty) {
    const [tag, name] = opened(xml, start, tagEnd);
    return `${xml.slice(0, start)}${tag}${child(prefix)}</${name}>${xml.slice(tagEnd)}`;
  }
  // The root's end tag is the last one closed.
  const close = xml.lastIndexOf('</', end - 1);
  return xml.slice(0, close) + child(prefix) + xml.slice(close);
}

const qualified = (prefix: string, name: string) => (prefix ? `${prefix}:${name}` : name);

/** XML text as the bytes of a part: UTF-8, and a declaration that says so. */
function xmlBytes(xml: string): Uint8Array {
  return new TextEncoder().encode(xml.replace(/^(<\?xml[^>]*?\bencoding\s*=\s*["'])[^"']*/, '$1UTF-8'));
}

/** A part's relationships part: word/_rels/document.xml.rels for word/document.xml. */
const relationshipsOf = (part: string) => posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);

/** A name for a new part beside `part` that the archive does not hold yet. */
function freeName(zip: ZipArchive, dir: string, base: string): string {
  for (let n = 0; ; n++) {
    const name = posix.join(dir, `${base}${n || ''}.xml`);
    if (!zip.has(name)) return name;
  }
}

/** A relationship id the relationships part does not use yet. */
function freeRelationshipId(rels: string): string {
  for (let n = 1; ; n++) if (!rels.includes(`Id="rIdReport${n}"`)) return `rIdReport${n}`;
}

/** One w:comment: a paragraph per line, the first holding the reference mark Word shows. */
function commentXml(id: number, lines: string[]): string {
  const paragraphs = lines
    .flatMap((line) => line.split('\n'))
    .map((line, i) => `<w:p>${i === 0 ? '<w:r><w:annotationRef/></w:r>' : ''}<w:r><w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r></w:p>`)
    .join('');
  return `<w:comment xmlns:w="${WORD_NS}" w:id="${id}" w:author="${AUTHOR}" w:initials="${INITIALS}">${paragraphs}</w:comment>`;
}

/** The place of the cell a finding names, when it names one of the document's table cells. */
function placeOf(d: Diagnostic, places: Map<string, CellPlace[]>): CellPlace | undefined {
  if (!d.sheet || d.sheetRow === null || d.sheetColumn === null) return undefined;
  const column = d.sheetColumn;
  // A cell merged across columns is one w:tc; across rows, each row's w:tc is a place of its own.
  return places.get(`${d.sheet}!${d.sheetRow}`)?.find((p) => p.col <= column && column <= p.right);
}

/**
 * The .docx `zip` (opened from the bytes the check read) with the findings marked on it. Throws
 * ReadError when the package cannot be read (damaged parts the check did not need, or the inflate
 * limit), as the Word reader does.
 */
export function annotateDocx(zip: ZipArchive, diagnostics: readonly Diagnostic[], limits: Limits = DEFAULT_LIMITS): Uint8Array {
  try {
    return annotate(zip, diagnostics, limits);
  } catch (err) {
    throw corruptDocx(err);
  }
}

function annotate(zip: ZipArchive, diagnostics: readonly Diagnostic[], limits: Limits): Uint8Array {
  const { part, xml, places } = locateDocx(zip, limits);
  const byRow = new Map<string, CellPlace[]>();
  for (const place of places.cells) {
    const key = `${place.sheet}!${place.row}`;
    const row = byRow.get(key);
    if (row) row.push(place);
    else byRow.set(key, [place]);
  }
  // Findings by the cell they are on, in the document's order; findings on the text by their
  // paragraph; the rest go on the title.
  const onCells = new Map<CellPlace, Diagnostic[]>();
  const onParagraphs = new Map<number, Diagnostic[]>();
  const onDocument: Diagnostic[] = [];
  for (const d of diagnostics) {
    const place = placeOf(d, byRow);
    if (place) {
      if (onCells.has(place)) onCells.get(place)!.push(d);
      else onCells.set(place, [d]);
    } else if (d.paragraph !== null && places.paragraphs.has(d.paragraph)) {
      if (onParagraphs.has(d.paragraph)) onParagraphs.get(d.paragraph)!.push(d);
      else onParagraphs.set(d.paragraph, [d]);
    } else onDocument.push(d);
  }

  const relsPart = relationshipsOf(part);
  zip.checkDeclared([relsPart, CONTENT_TYPES]);
  const rels = zip.has(relsPart) ? decodeXml(zip.part(relsPart)!) : undefined;
  const existing = rels === undefined ? undefined : relatedPart(zip, rels, posix.dirname(part), (type) => type === COMMENTS_RELATIONSHIP);
  if (existing) zip.checkDeclared([existing]);
  const existingXml = existing ? decodeXml(zip.part(existing)!) : undefined;

  let id = highestId(xml, existingXml ?? '') + 1;
  const edits: Edit[] = [];
  const comments: string[] = [];
  for (const [place, list] of [...onCells].sort(([a], [b]) => a.start - b.start)) {
    const shape = shapeOf(xml, place.start, place.end);
    const markup = new Markup(prefixAt(xml, place.start));
    const fill = MARK_COLORS[worstSeverity(list)];
    if (shape.empty) {
      // <w:tc/> (Word never writes one, but reads it): made a cell with properties and a paragraph.
      const [tag, name] = opened(xml, place.start, place.end);
      edits.push({ start: place.start, end: place.end, text: `${tag}${markup.cellProperties(fill)}${markup.commentParagraph(id)}</${name}>` });
      comments.push(commentXml(id++, noteLines(list)));
      continue;
    }
    edits.push(shadingEdit(shape, fill, markup));
    if (shape.paragraph) {
      edits.push(...commentEdits(xml, shape.paragraph, id, markup));
      comments.push(commentXml(id++, noteLines(list)));
    } else onDocument.push(...list); // a cell without a paragraph (not valid Word): its findings go on the title
  }
  // A paragraph's findings in one comment round it (the title's with the document's, below).
  const titleParagraph = [...places.paragraphs].find(([, at]) => at.start === places.title?.start)?.[0];
  for (const [index, list] of onParagraphs) {
    if (index === titleParagraph) {
      onDocument.unshift(...list);
      continue;
    }
    const at = places.paragraphs.get(index)!;
    const markup = new Markup(prefixAt(xml, at.start));
    edits.push(...commentEdits(xml, shapeOf(xml, at.start, at.end).paragraph!, id, markup));
    comments.push(commentXml(id++, noteLines(list)));
  }
  if (onDocument.length > 0) {
    if (places.title) {
      const markup = new Markup(prefixAt(xml, places.title.start));
      edits.push(...commentEdits(xml, shapeOf(xml, places.title.start, places.title.end).paragraph!, id, markup));
    } else {
      // No paragraph of text outside the tables: an empty one at the start of the body holds the comment.
      const body = /<(?:([^\s/>:]+):)?body\b[^>]*>/.exec(xml)!;
      const at = body.index + body[0].length;
      edits.push({ start: at, end: at, text: new Markup(body[1] ?? '').commentParagraph(id) });
    }
    comments.push(commentXml(id++, noteLines(onDocument)));
  }

  const changed = new Map<string, string>([[part, applyEdits(xml, edits)]]);
  if (comments.length > 0) {
    if (existing && existingXml !== undefined) changed.set(existing, appendToRoot(existingXml, () => comments.join('')));
    else {
      const name = freeName(zip, posix.dirname(part), 'comments');
      changed.set(name, `${XML_DECLARATION}<w:comments xmlns:w="${WORD_NS}">${comments.join('')}</w:comments>`);
      const target = posix.relative(posix.dirname(part), name);
      const relationship = (prefix: string) => `<${qualified(prefix, 'Relationship')} Id="${freeRelationshipId(rels ?? '')}" Type="${COMMENTS_RELATIONSHIP}" Target="${target}"/>`;
      changed.set(relsPart, rels !== undefined ? appendToRoot(rels, relationship) : `${XML_DECLARATION}<Relationships xmlns="${RELATIONSHIPS_NS}">${relationship('')}</Relationships>`);
      const override = (prefix: string) => `<${qualified(prefix, 'Override')} PartName="/${name}" ContentType="${COMMENTS_CONTENT_TYPE}"/>`;
      // Every package has its content types (the Word reader does without them; Word does not).
      if (zip.has(CONTENT_TYPES)) changed.set(CONTENT_TYPES, appendToRoot(decodeXml(zip.part(CONTENT_TYPES)!), override));
    }
  }

  const parts: ZipPart[] = [];
  for (const name of zip.names()) {
    const text = changed.get(name);
    if (text !== undefined) {
      parts.push({ name, data: xmlBytes(text) });
      changed.delete(name);
    } else parts.push({ name, stored: zip.stored(name)! });
  }
  for (const [name, text] of changed) parts.push({ name, data: xmlBytes(text) });
  return writeZip(parts);
}
