// File-type detection: by content first (magic numbers, a zip's entry names, an OLE file's stream
// names, the first bytes of text formats), by the name only when the content says nothing.

import { strToU8, zipSync, type Zippable } from 'fflate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sniff } from '../../src/readers/sniff.js';
import { ReadError } from '../../src/readers/errors.js';
import { ZipArchive } from '../../src/readers/zip.js';
import { ROOT } from '../helpers/cli.js';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

type Outcome = 'readable' | 'delimited' | 'docx' | 'word-xml' | 'html' | 'mht' | 'pdf' | { reason: string; data: Record<string, string | number> };

function outcome(file: string, bytes: number[] | Uint8Array): Outcome {
  try {
    const kind = sniff(file, bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
    return kind.reader === 'xlsx' ? 'readable' : kind.reader;
  } catch (err) {
    if (err instanceof ReadError) return { reason: err.reason, data: err.data };
    throw err;
  }
}

function reason(file: string, bytes: number[] | Uint8Array): string {
  const got = outcome(file, bytes);
  return typeof got === 'string' ? (got === 'delimited' ? 'readable' : got) : got.reason;
}

const text = (s: string) => new TextEncoder().encode(s);

/** A real zip archive holding these entries (each a few bytes of XML unless given). */
function zipOf(entries: string[] | Zippable): Uint8Array {
  return zipSync(Array.isArray(entries) ? Object.fromEntries(entries.map((name) => [name, strToU8('<x/>')])) : entries, { mtime: new Date(2024, 0, 1) });
}

const XLSX_PARTS = ['[Content_Types].xml', '_rels/.rels', 'docProps/app.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/worksheets/sheet1.xml', 'xl/styles.xml'];
const DOCX_PARTS = ['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'word/document.xml', 'word/_rels/document.xml.rels', 'word/styles.xml'];

/** An OpenDocument package: its mimetype entry first and stored, as the standard says. */
const openDocument = (mimetype: string) => zipOf({ mimetype: [strToU8(mimetype), { level: 0 }], 'content.xml': strToU8('<x/>'), 'META-INF/manifest.xml': strToU8('<x/>') });

/**
 * An OLE compound file whose directory (the sector after the 512-byte header) lists these streams:
 * 128-byte entries, each a UTF-16 name, the name's byte length at 64 and its type at 66.
 */
function ole(...streams: string[]): Uint8Array {
  const bytes = new Uint8Array(1024 + Math.ceil((streams.length + 1) / 4) * 512);
  bytes.set(OLE);
  const entry = (i: number, name: string, type: number) => {
    const at = 512 + 128 * i;
    for (let c = 0; c < name.length; c++) bytes[at + 2 * c] = name.charCodeAt(c);
    bytes[at + 64] = (name.length + 1) * 2;
    bytes[at + 66] = type;
  };
  entry(0, 'Root Entry', 5);
  streams.forEach((name, i) => entry(i + 1, name, 2));
  return bytes;
}

/** Deterministic noise that starts with none of the recognised signatures. */
function noise(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = 54321;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = (x >> 16) & 0xff;
  }
  bytes[0] = 0x13;
  return bytes;
}

const HTML_PAGE = text('<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body><table><tr><td>1</td></tr></table></body></html>');
const MHT_PAGE = text('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart_01DA"\r\n\r\n------=_NextPart_01DA\r\nContent-Type: text/html; charset="utf-8"\r\n\r\n<html></html>');
const PDF_FILE = text('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');

describe('sniff', () => {
  it.each([
    ['a.xlsx', zipOf(XLSX_PARTS), 'readable'],
    ['a.xlsm', zipOf(XLSX_PARTS), 'readable'],
    ['a.csv', [0x31, 0x2c, 0x32], 'readable'],
    ['a.txt', [0x31], 'readable'],
    ['a.tsv', [0x31], 'readable'],
    ['a.tab', [0x31], 'readable'],
    ['a.xlsx', [], 'empty'],
    ['a.docx', [], 'empty'],
    ['a.pdf', [], 'empty'],
    ['a.xls', OLE, 'old-binary'],
    ['a.et', OLE, 'old-binary'],
    ['renamed.xlsx', OLE, 'old-binary'],
    ['a.doc', OLE, 'doc'],
    ['a.xlsx', [...text('%PDF-1.4')], 'pdf'],
    ['a.docx', ZIP, 'corrupt-docx'],
    ['a.xlsx', [1, 2, 3, 4], 'not-xlsx'],
    ['a.xls', [0x31], 'unrecognised'],
    ['a.pdf', [0x31], 'unrecognised'],
    ['a.json', [0x7b], 'unsupported'],
    ['a.numbers', [0x31], 'unsupported'],
    ['export.xls', [...text('<html><body><table><tr><td>1')], 'html'],
    ['export.xlsx', [...text('\n <!DOCTYPE html><html>')], 'html'],
    ['export.xls', [...text('\ufeff<table border=1><tr><td>1')], 'html'],
    ['saved.xls', [...text('<!-- saved from url=(0014)about:internet -->\r\n<html>')], 'html'],
    ['a.xhtml', [...text('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">')], 'html'],
    ['report.doc', [...text('<html><body><table><tr><td>1')], 'html'],
    ['report.mht', [...text('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n')], 'mht'],
    ['report.mht', [...text('<html><body><table><tr><td>1')], 'html'],
    ['report.html', [...text('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n')], 'mht'],
    ['report.doc', [...text('<?xml version="1.0"?>\n<?mso-application progid="Word.Document"?>\n<w:wordDocument>')], 'word-xml'],
    ['report.xml', [...text('<?xml version="1.0"?>\n<?mso-application progid="Word.Document"?>\n<w:wordDocument>')], 'word-xml'],
    ['report.xml', [...text('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook>')], 'excel-xml'],
  ])('%s %j -> %s', (file, bytes, expected) => {
    expect(reason(file, bytes)).toBe(expected);
  });

  it('reads text without a name’s extension as text (standard input, `report check -`)', () => {
    expect(outcome('<stdin>', new TextEncoder().encode('一、总体情况\t1'))).toBe('delimited');
    expect(outcome('a', new Uint8Array([0x31]))).toBe('delimited');
  });

  it('says a password-protected workbook is encrypted, whatever its name', () => {
    for (const name of ['secret.xlsx', 'secret.docx', 'secret.xls']) expect(reason(name, ole('\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage'))).toBe('encrypted');
  });
});

describe('sniff: a zip is what its entry names say, whatever its name', () => {
  it('a workbook is read under any name: renamed .docx, .zip, .dat, .csv or no extension', () => {
    for (const name of ['report.docx', 'report.zip', 'report.dat', 'report.csv', 'report.pdf', 'report']) expect(outcome(name, zipOf(XLSX_PARTS))).toBe('readable');
  });

  it('a Word document renamed .xlsx, .zip, .dat or with no extension is read as the Word document it is', () => {
    for (const name of ['report.xlsx', 'report.zip', 'report.dat', 'report']) expect(outcome(name, zipOf(DOCX_PARTS))).toBe('docx');
  });

  it('a Word document under its own names is read as one', () => {
    for (const name of ['report.docx', 'report.DOCM', 'report.dotx']) expect(outcome(name, zipOf(DOCX_PARTS))).toBe('docx');
  });

  it('hands the Word document’s opened archive to the Word reader', () => {
    const kind = sniff('report.xlsx', zipOf(DOCX_PARTS));
    expect(kind.reader === 'docx' && kind.zip).toBeInstanceOf(ZipArchive);
  });

  it.each([
    ['an .xlsb workbook', ['[Content_Types].xml', 'xl/workbook.bin', 'xl/worksheets/sheet1.bin'], 'xlsb', '.xlsb'],
    ['an OFD document', ['OFD.xml', 'Doc_0/Document.xml', 'Doc_0/Pages/Page_0/Content.xml'], 'ofd', '.ofd'],
    ['a PowerPoint presentation', ['[Content_Types].xml', 'ppt/presentation.xml', 'ppt/slides/slide1.xml'], 'wrong-type', '.pptx'],
    ['a zipped folder of submissions', ['报告/2022年报.xlsx', '报告/说明.docx'], 'archive', '.zip'],
    ['a zip with a note and a scan', ['readme.txt', 'scan/page1.png'], 'archive', '.zip'],
  ])('%s renamed .xlsx', (_, entries, expected, ext) => {
    const got = outcome('report.xlsx', zipOf(entries));
    expect(got).toMatchObject({ reason: expected, data: { ext, renamed: '.xlsx' } });
  });

  it('a PowerPoint presentation and a zip archive are named in the message', () => {
    expect(outcome('a.xlsx', zipOf(['ppt/presentation.xml']))).toMatchObject({ data: { type: 'PowerPoint' } });
    expect(outcome('a.xlsx', zipOf(['notes.txt']))).toMatchObject({ data: { type: 'ZIP' } });
    expect(outcome('a.zip', zipOf(['notes.txt']))).toEqual({ reason: 'archive', data: { ext: '.zip', renamed: '', type: 'ZIP' } });
  });

  it.each([
    ['application/vnd.oasis.opendocument.spreadsheet', 'ods', '.ods'],
    ['application/vnd.oasis.opendocument.spreadsheet-template', 'ods', '.ods'],
    ['application/vnd.oasis.opendocument.text', 'odt', '.odt'],
    ['application/vnd.oasis.opendocument.presentation', 'wrong-type', '.odp'],
  ])('an OpenDocument package (%s) is told by its mimetype', (mimetype, expected, ext) => {
    expect(outcome('report.xlsx', openDocument(mimetype))).toMatchObject({ reason: expected, data: { ext, renamed: '.xlsx' } });
  });

  it('a zip whose directory cannot be read: a damaged workbook (corrupt-xlsx), a damaged Word document when named so (corrupt-docx), or the document its name says', () => {
    const truncated = zipOf(XLSX_PARTS).subarray(0, 300);
    expect(outcome('report.xlsx', truncated)).toMatchObject({ reason: 'corrupt-xlsx' });
    expect(outcome('report.xlsm', truncated)).toMatchObject({ reason: 'corrupt-xlsx' });
    expect(outcome('report.csv', truncated)).toMatchObject({ reason: 'corrupt-xlsx' });
    expect(outcome('report.docx', truncated)).toMatchObject({ reason: 'corrupt-docx', data: { detail: expect.any(String) } });
    expect(outcome('report.docm', zipOf(DOCX_PARTS).subarray(0, 300))).toMatchObject({ reason: 'corrupt-docx' });
    expect(outcome('report.ods', truncated)).toMatchObject({ reason: 'ods' });
  });

  it('a zip with an archive comment, or with bytes after it, is still read by its directory', () => {
    const docx = zipOf(DOCX_PARTS);
    const commented = new Uint8Array([...docx.subarray(0, -2), 5, 0, ...text('hello')]);
    expect(reason('a.xlsx', commented)).toBe('docx');
    expect(reason('a.xlsx', new Uint8Array([...zipOf(XLSX_PARTS), ...text('\r\n')]))).toBe('readable');
  });
});

describe('sniff: a workbook costs a look at its directory and nothing more', () => {
  /** Offsets of the central directory headers of a zip without a comment. */
  function centralHeaders(zip: Uint8Array): number[] {
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const end = zip.length - 22;
    const offsets: number[] = [];
    let at = view.getUint32(end + 16, true);
    for (let i = 0; i < view.getUint16(end + 10, true); i++) {
      offsets.push(at);
      at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    return offsets;
  }

  it('hands the archive it opened to the workbook reader, which reads its directory no more', () => {
    const zip = zipOf(XLSX_PARTS);
    const kind = sniff('report.docx', zip);
    expect(kind.reader === 'xlsx' && kind.zip).toBeInstanceOf(ZipArchive);
  });

  it('reads no entry’s data: a workbook whose parts are all zeroed still goes to the reader', () => {
    const zip = zipOf(XLSX_PARTS);
    const headers = centralHeaders(zip);
    zip.fill(0, 4, headers[0]);
    expect(outcome('report.docx', zip)).toBe('readable');
  });
});

describe('sniff: an OLE file is what its directory’s stream names say', () => {
  it('a Word .doc renamed .xls is a Word document, not an old Excel workbook', () => {
    expect(outcome('report.xls', ole('WordDocument', '1Table', '\u0005SummaryInformation'))).toEqual({ reason: 'doc', data: { ext: '.doc', renamed: '.xls' } });
  });

  it('an Excel .xls renamed .doc is an old Excel workbook', () => {
    expect(outcome('report.doc', ole('Workbook', '\u0005SummaryInformation'))).toEqual({ reason: 'old-binary', data: { ext: '.xls', renamed: '.doc' } });
    expect(outcome('report.doc', ole('Book'))).toMatchObject({ reason: 'old-binary' });
  });

  it('under their own names: .doc and .wps, .xls and .et', () => {
    expect(outcome('report.doc', ole('WordDocument', '1Table'))).toEqual({ reason: 'doc', data: { ext: '.doc', renamed: '' } });
    expect(outcome('report.wps', ole('WordDocument', '1Table'))).toEqual({ reason: 'doc', data: { ext: '.wps', renamed: '' } });
    expect(outcome('report.xls', ole('Workbook'))).toEqual({ reason: 'old-binary', data: { ext: '.xls', renamed: '' } });
    expect(outcome('report.et', ole('Workbook'))).toEqual({ reason: 'old-binary', data: { ext: '.et', renamed: '' } });
  });

  it('a Word document with an Excel table embedded in it is a Word document', () => {
    expect(reason('report.xls', ole('Workbook', 'WordDocument', '1Table'))).toBe('doc');
  });

  it('a PowerPoint presentation is named', () => {
    expect(outcome('report.xls', ole('PowerPoint Document', 'Current User'))).toMatchObject({ reason: 'wrong-type', data: { type: 'PowerPoint', renamed: '.xls' } });
  });

  it('a stream name written in the document’s text is not a directory entry', () => {
    const bytes = ole('Workbook');
    const word = [...'WordDocument'].flatMap((c) => [c.charCodeAt(0), 0]);
    const withText = new Uint8Array([...bytes, ...new Array<number>(100).fill(0x20), ...word, ...new Array<number>(300).fill(0)]);
    expect(reason('report.xls', withText)).toBe('old-binary');
  });

  it('the real OLE fixtures: an Excel 97-2003 and a WPS .et workbook renamed .xlsx', () => {
    for (const name of ['renamed-xls.xlsx', 'renamed-et.xlsx']) {
      expect(outcome(name, readFileSync(join(ROOT, 'fixtures/bad', name)))).toEqual({ reason: 'old-binary', data: { ext: '.xls', renamed: '.xlsx' } });
    }
    expect(reason('secret.xlsx', readFileSync(join(ROOT, 'fixtures/bad/password-protected.xlsx')))).toBe('encrypted');
  });
});

describe('sniff: documents, web pages, images and archives by their first bytes', () => {
  it.each([
    ['an RTF document', text('{\\rtf1\\ansi\\ansicpg936 {\\fonttbl}}'), 'rtf', '.rtf'],
    ['an Excel 2003 XML spreadsheet', text('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'), 'excel-xml', '.xml'],
    ['a PNG image', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'image', '.png'],
    ['a JPEG image', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]), 'image', '.jpg'],
    ['a GIF image', text('GIF89a\x01\x00'), 'image', '.gif'],
    ['a BMP image', new Uint8Array([0x42, 0x4d, 0x46, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, ...new Array<number>(40).fill(0)]), 'image', '.bmp'],
    ['a TIFF image', new Uint8Array([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0]), 'image', '.tif'],
    ['a RAR archive', new Uint8Array([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00]), 'archive', '.rar'],
    ['a 7z archive', new Uint8Array([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4]), 'archive', '.7z'],
    ['a gzip file', new Uint8Array([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0]), 'archive', '.gz'],
  ])('%s renamed .xlsx', (_, bytes, expected, ext) => {
    expect(outcome('report.xlsx', bytes)).toMatchObject({ reason: expected, data: { ext, renamed: '.xlsx' } });
  });

  it.each([
    ['a PDF', PDF_FILE, 'pdf'],
    ['a PDF with bytes before its header', new Uint8Array([...text('\r\n\r\n'), ...PDF_FILE]), 'pdf'],
    ['a web page', HTML_PAGE, 'html'],
    ['a single-file web page (MHT) from Word', MHT_PAGE, 'mht'],
    ['an MHT saved by a browser', text('From: <Saved by Blink>\r\nSubject: report\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html"'), 'mht'],
    ['a Word 2003 XML document', text('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n<w:wordDocument>'), 'word-xml'],
    ['a Word 2003 XML document without the processing instruction', text('<?xml version="1.0"?><w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml">'), 'word-xml'],
  ])('%s renamed .xlsx is read as what it is', (_, bytes, expected) => {
    expect(outcome('report.xlsx', bytes)).toBe(expected);
  });

  it('a text file that starts with “BM” is not a bitmap', () => {
    expect(reason('a.csv', text('BMI,体重,身高\n22,60,165\n'))).toBe('readable');
  });
});

describe('sniff: every document kind, with its own content and with another kind’s', () => {
  const OWN: Record<string, () => Uint8Array> = {
    '.doc': () => ole('WordDocument', '1Table'),
    '.wps': () => ole('WordDocument', '1Table'),
    '.docx': () => zipOf(DOCX_PARTS),
    '.html': () => HTML_PAGE,
    '.htm': () => HTML_PAGE,
    '.mht': () => MHT_PAGE,
    '.mhtml': () => MHT_PAGE,
    '.pdf': () => PDF_FILE,
    '.ofd': () => zipOf(['OFD.xml', 'Doc_0/Document.xml']),
    '.xls': () => ole('Workbook'),
    '.et': () => ole('Workbook'),
    '.ods': () => openDocument('application/vnd.oasis.opendocument.spreadsheet'),
    '.xlsb': () => zipOf(['[Content_Types].xml', 'xl/workbook.bin']),
  };
  /** The kinds that are read: the reader each goes to. */
  const READER: Record<string, Outcome> = { '.docx': 'docx', '.html': 'html', '.htm': 'html', '.mht': 'mht', '.mhtml': 'mht', '.pdf': 'pdf' };
  /** The kinds that are refused: the file-unreadable reason. */
  const REASON: Record<string, string> = {
    '.doc': 'doc', '.wps': 'doc', '.ofd': 'ofd', '.xls': 'old-binary', '.et': 'old-binary', '.ods': 'ods', '.xlsb': 'xlsb',
  };
  const extensions = Object.keys(OWN);
  const isPage = (ext: string) => READER[ext] === 'html' || READER[ext] === 'mht';

  it.each(extensions)('%s with its own content: read by its reader, or refused as what it is, not renamed', (ext) => {
    const got = outcome(`report${ext}`, OWN[ext]!());
    if (READER[ext]) expect(got).toBe(READER[ext]);
    else expect(got).toMatchObject({ reason: REASON[ext], data: { renamed: '' } });
  });

  it.each(extensions.filter((ext) => !isPage(ext)))('%s holding a web page: read as a web page', (ext) => {
    expect(outcome(`report${ext}`, HTML_PAGE)).toBe('html');
  });

  it.each(extensions)('%s holding a PDF: read as a PDF', (ext) => {
    expect(outcome(`report${ext}`, PDF_FILE)).toBe('pdf');
  });

  it.each(extensions)('%s holding a Word document: read as a Word document', (ext) => {
    expect(outcome(`report${ext}`, zipOf(DOCX_PARTS))).toBe('docx');
  });

  it.each(extensions)('%s holding a workbook: read', (ext) => {
    expect(outcome(`report${ext}`, zipOf(XLSX_PARTS))).toBe('readable');
  });

  it.each(extensions)('%s holding nothing recognisable: the name is named, and the content said to be neither', (ext) => {
    expect(outcome(`report${ext}`, noise(600))).toEqual({ reason: 'unrecognised', data: { ext } });
  });
});
