// Decide what kind of file this is, from its content first and its name second, before any parser
// sees it: a Word document renamed .xlsx is a Word document, and a workbook renamed .dat is read.
// Every file of a batch comes through here, so nothing is inflated or parsed: magic numbers, the
// first 2 KB, the entry names of a zip's central directory (the archive is then handed to the
// workbook reader), the stream names of an OLE compound file's directory.

import { extname } from 'node:path';
import type { ReadReason } from '../model/report.js';
import { corrupt, corruptXlsx, ReadError } from './errors.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { ZipArchive } from './zip.js';

/**
 * The reader a file goes to: a workbook or a Word document with its archive opened, a Word 2003 XML
 * document, a web page (also one saved under a spreadsheet's or a Word document's name), a
 * single-file web page (MHT), or text.
 */
export type Readable =
  | { reader: 'xlsx'; zip: ZipArchive }
  | { reader: 'docx'; zip: ZipArchive }
  | { reader: 'word-xml' }
  | { reader: 'html' }
  | { reader: 'mht' }
  | { reader: 'pdf' }
  | { reader: 'delimited' };

const DELIMITED: Readable = { reader: 'delimited' };

/**
 * A kind of file: the file-unreadable message saying no reader here reads it (null for the documents
 * a reader of their own reads: Word, web pages), and its own extensions (the usual one first).
 */
interface Kind {
  reason: ReadReason | null;
  names: readonly string[];
  /** Its name in the message, when one message serves several kinds (images, archives). */
  type?: string;
}

const kind = (reason: ReadReason | null, names: string[], type?: string): Kind => ({ reason, names, ...(type ? { type } : {}) });

const OLD_EXCEL = kind('old-binary', ['.xls', '.et', '.xlt', '.ett']);
const XLSB = kind('xlsb', ['.xlsb']);
const ODS = kind('ods', ['.ods', '.ots']);
const EXCEL_XML = kind('excel-xml', ['.xml']);
const DOCX = kind(null, ['.docx', '.docm', '.dotx', '.dotm']);
const DOC = kind('doc', ['.doc', '.wps', '.dot', '.wpt']);
const WORD_XML = kind(null, ['.xml']);
const RTF = kind('rtf', ['.rtf']);
const ODT = kind('odt', ['.odt', '.ott']);
const HTML = kind(null, ['.html', '.htm', '.xhtml', '.shtml']);
const MHT = kind(null, ['.mht', '.mhtml']);
const PDF = kind(null, ['.pdf']);
const OFD = kind('ofd', ['.ofd']);
const POWERPOINT = kind('wrong-type', ['.pptx', '.ppt', '.pptm', '.ppsx', '.pps'], 'PowerPoint');
const OPEN_DOCUMENT = kind('wrong-type', ['.odp', '.odg'], 'OpenDocument');
const ZIP = kind('archive', ['.zip'], 'ZIP');
const GIF = kind('image', ['.gif'], 'GIF');
const TIFF = kind('image', ['.tif', '.tiff'], 'TIFF');
const BMP = kind('image', ['.bmp'], 'BMP');

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** Kinds known by their first bytes alone. */
const MAGIC: ReadonlyArray<readonly [Uint8Array, Kind]> = [
  [ascii('\x89PNG\r\n\x1a\n'), kind('image', ['.png'], 'PNG')],
  [ascii('\xff\xd8\xff'), kind('image', ['.jpg', '.jpeg'], 'JPEG')],
  [ascii('GIF87a'), GIF],
  [ascii('GIF89a'), GIF],
  [ascii('II*\x00'), TIFF],
  [ascii('MM\x00*'), TIFF],
  [ascii('Rar!\x1a\x07'), kind('archive', ['.rar'], 'RAR')],
  [ascii('7z\xbc\xaf\x27\x1c'), kind('archive', ['.7z'], '7z')],
  [ascii('\x1f\x8b\x08'), kind('archive', ['.gz', '.tgz'], 'gzip')],
  [ascii('{\\rtf'), RTF],
];

/** Kinds that are zip archives: what a zip whose directory cannot be read is, when its name says so. */
const ZIPPED = new Set([DOCX, ODS, ODT, OFD, XLSB, POWERPOINT, OPEN_DOCUMENT, ZIP]);

/** The kind a file's name claims (.xml claims none: it may hold anything). */
const CLAIMED = new Map(
  [OLD_EXCEL, XLSB, ODS, DOCX, DOC, RTF, ODT, HTML, MHT, PDF, OFD, POWERPOINT, OPEN_DOCUMENT, ZIP, BMP, ...MAGIC.map(([, k]) => k)].flatMap((k) =>
    k.names.map((name) => [name, k] as const),
  ),
);

const TEXT_EXTENSIONS = new Set(['.csv', '.tsv', '.txt', '.tab']);
const XLSX_EXTENSIONS = new Set(['.xlsx', '.xlsm']);

/**
 * Why a file of this kind cannot be read. `ext` is the kind's extension the message shows (the
 * file's own when it is one of the kind's); `renamed` is the file's extension when it is not one of
 * them ('' otherwise), so that the message can say the file was only renamed.
 */
function unreadable(k: Kind, ext: string): ReadError {
  if (k.reason === null) throw new Error(`sniff: ${k.names[0]} is read, not refused`);
  const own = k.names.includes(ext);
  return new ReadError(k.reason, { ext: own ? ext : k.names[0]!, renamed: own ? '' : ext, ...(k.type ? { type: k.type } : {}) });
}

function startsWith(bytes: Uint8Array, magic: ArrayLike<number>, at = 0): boolean {
  if (at + magic.length > bytes.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic[i]) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Zip: the names in the central directory (read once: the workbook reader reads the same archive)
// ---------------------------------------------------------------------------------------------

function openDocument(mimetype: string): Kind {
  if (mimetype.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return ODS;
  if (mimetype.startsWith('application/vnd.oasis.opendocument.text')) return ODT;
  return mimetype.startsWith('application/vnd.oasis.opendocument.') ? OPEN_DOCUMENT : ZIP;
}

/** What a zip archive holds, from its entry names: 'xlsx' for a workbook, else the kind it is. */
function zipContent(zip: ZipArchive): 'xlsx' | Kind {
  if (zip.has('xl/workbook.xml')) return 'xlsx';
  if (zip.has('xl/workbook.bin')) return XLSB;
  const names = [...zip.names()];
  // Workbook parts without xl/workbook.xml: the workbook reader says what is missing.
  if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  if (names.some((n) => n.startsWith('word/'))) return DOCX;
  if (names.some((n) => n.startsWith('ppt/'))) return POWERPOINT;
  if (zip.has('OFD.xml')) return OFD;
  if (!zip.has('mimetype')) return ZIP;
  try {
    return openDocument(Buffer.from(zip.part('mimetype')!.subarray(0, 200)).toString('latin1'));
  } catch {
    return ZIP;
  }
}

// ---------------------------------------------------------------------------------------------
// OLE compound files (Office 97-2003, WPS, encrypted Office 2007+): the stream names
// ---------------------------------------------------------------------------------------------

const OLE = ascii('\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1');
const OLE_STREAMS = ['EncryptedPackage', 'WordDocument', 'PowerPoint Document', 'Workbook', 'Book'] as const;
type OleStream = (typeof OLE_STREAMS)[number];
/** The streams above by the byte length of their name in a directory entry (UTF-16 with its terminator). */
const BY_NAME_LENGTH = new Map(OLE_STREAMS.map((name) => [(name.length + 1) * 2, name]));

/**
 * Which of OLE_STREAMS the compound file's directory lists. A directory entry is 128 bytes, in a
 * sector of 512 or 4096 bytes after a header sector, so it starts at a multiple of 128: its name
 * in UTF-16, the name's byte length at 64, its type at 66 (2: a stream). Reading entries where they
 * lie, rather than following the sector chains, also reads a file cut short.
 */
function oleStreams(bytes: Uint8Array): Set<OleStream> {
  const found = new Set<OleStream>();
  for (let at = 512; at + 128 <= bytes.length; at += 128) {
    const name = BY_NAME_LENGTH.get(bytes[at + 64]! | (bytes[at + 65]! << 8));
    if (name === undefined || bytes[at + 66] !== 2) continue;
    let same = true;
    for (let i = 0; i < name.length && same; i++) same = bytes[at + 2 * i] === name.charCodeAt(i) && bytes[at + 2 * i + 1] === 0;
    if (same) found.add(name);
  }
  return found;
}

/**
 * Why an OLE file cannot be read. A document may embed another (an Excel table in a Word report has
 * a Workbook stream of its own), so the host's stream decides: Word or PowerPoint before Excel.
 */
function oleFailure(bytes: Uint8Array, ext: string): ReadError {
  const streams = oleStreams(bytes);
  if (streams.has('EncryptedPackage')) return new ReadError('encrypted');
  if (streams.has('WordDocument')) return unreadable(DOC, ext);
  if (streams.has('PowerPoint Document')) return unreadable(POWERPOINT, ext);
  if (streams.has('Workbook') || streams.has('Book')) return unreadable(OLD_EXCEL, ext);
  // A directory this does not know (damaged, or another program's): the name decides, a spreadsheet unless it says otherwise.
  const claimed = CLAIMED.get(ext);
  return unreadable(claimed === DOC || claimed === POWERPOINT ? claimed : OLD_EXCEL, ext);
}

// ---------------------------------------------------------------------------------------------
// Everything else: magic numbers and the first 2 KB
// ---------------------------------------------------------------------------------------------

/** The first 2 KB as Latin-1, lower case, without a UTF-8 BOM or leading white space. */
function head(bytes: Uint8Array): string {
  const skip = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  return Buffer.from(bytes.buffer, bytes.byteOffset + skip, Math.min(bytes.byteLength - skip, 2048)).toString('latin1').toLowerCase().trimStart();
}

/** A web page, also one that starts with comments (“saved from url”) or an XML declaration. */
const HTML_START = /^(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body|meta|title|table|style)\b/;

/** What the first bytes say the file is, or null when they say nothing this knows. */
function byContent(bytes: Uint8Array): Kind | null {
  for (const [magic, k] of MAGIC) if (startsWith(bytes, magic)) return k;
  // “BM”, the file size, then four reserved zero bytes.
  if (bytes.length >= 26 && bytes[0] === 0x42 && bytes[1] === 0x4d && bytes[6] === 0 && bytes[7] === 0 && bytes[8] === 0 && bytes[9] === 0) return BMP;
  const text = head(bytes);
  // A PDF may have bytes before its header: readers look for it in the first 1024.
  if (/%pdf-\d/.test(text.slice(0, 1024))) return PDF;
  if (/(?:^|\n)mime-version:/.test(text) && /(?:^|\n)content-type:\s*multipart\/related/.test(text)) return MHT;
  if (text.startsWith('<?xml')) {
    if (/<\?mso-application\s+progid="word\.document"/.test(text) || text.includes('<w:worddocument')) return WORD_XML;
    if (/<\?mso-application\s+progid="excel\.sheet"/.test(text) || text.includes('urn:schemas-microsoft-com:office:spreadsheet')) return EXCEL_XML;
  }
  return HTML_START.test(text) ? HTML : null;
}

/** What reader to use, or a ReadError saying why none can. */
export function sniff(file: string, bytes: Uint8Array, limits: Pick<Limits, 'maxInflatedBytes'> = DEFAULT_LIMITS): Readable {
  const ext = extname(file).toLowerCase();
  if (bytes.length === 0) throw new ReadError('empty');
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    let zip: ZipArchive;
    try {
      zip = new ZipArchive(bytes, limits.maxInflatedBytes);
    } catch (err) {
      // A zip whose directory cannot be read: a damaged Word document or workbook, or the document its name says.
      const claimed = CLAIMED.get(ext);
      if (claimed === DOCX) throw corrupt('corrupt-docx', err);
      throw claimed && ZIPPED.has(claimed) ? unreadable(claimed, ext) : corruptXlsx(err);
    }
    const content = zipContent(zip);
    if (content === 'xlsx') return { reader: 'xlsx', zip };
    if (content === DOCX) return { reader: 'docx', zip };
    throw unreadable(content, ext);
  }
  if (startsWith(bytes, OLE)) throw oleFailure(bytes, ext);
  const content = byContent(bytes);
  if (content === HTML) return { reader: 'html' };
  if (content === MHT) return { reader: 'mht' };
  if (content === WORD_XML) return { reader: 'word-xml' };
  if (content === PDF) return { reader: 'pdf' };
  if (content) throw unreadable(content, ext);
  if (XLSX_EXTENSIONS.has(ext)) throw new ReadError('not-xlsx');
  // A name without an extension (standard input, `report check -`) says nothing: text is read as text.
  if (TEXT_EXTENSIONS.has(ext) || ext === '') return DELIMITED;
  if (CLAIMED.has(ext)) throw new ReadError('unrecognised', { ext });
  throw new ReadError('unsupported', { ext: ext || '(none)' });
}
