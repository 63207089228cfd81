// Decide what kind of file this is from its first bytes and its name, before any parser sees it.

import { extname } from 'node:path';
import { ReadError } from './errors.js';

export type Readable = 'xlsx' | 'delimited';

const TEXT_EXTENSIONS = new Set(['.csv', '.tsv', '.txt', '.tab']);
const XLSX_EXTENSIONS = new Set(['.xlsx', '.xlsm']);
const OLD_BINARY = new Set(['.xls', '.et', '.ett', '.xlt']);
const DOCUMENTS = new Set(['.doc', '.docx', '.wps', '.pdf', '.ods', '.odt', '.rtf', '.html', '.htm', '.png', '.jpg', '.jpeg']);

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** True when an OLE container holds an encrypted OOXML package (a password-protected .xlsx). */
function isEncryptedOle(bytes: Uint8Array): boolean {
  const needle = Buffer.from('EncryptedPackage', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

/** A web page saved under a spreadsheet's name (what “export to Excel” on many sites writes). */
function isHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1').toLowerCase();
  return /^(?:\ufeff|\xef\xbb\xbf)?\s*<(?:!doctype html|html|table|\?xml[^>]*>\s*<html)/.test(head);
}

/** What reader to use, or a ReadError saying why none can. */
export function sniff(file: string, bytes: Uint8Array): Readable {
  const ext = extname(file).toLowerCase();
  if (bytes.length === 0) throw new ReadError('empty');
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (isEncryptedOle(bytes)) throw new ReadError('encrypted');
    throw new ReadError('old-binary', { ext: ext || '?' });
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) throw new ReadError('wrong-type', { type: 'PDF' });
  const zip = startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
  if (zip) {
    if (ext === '.docx' || ext === '.wps') throw new ReadError('wrong-type', { type: 'Word' });
    if (ext === '.ods') throw new ReadError('wrong-type', { type: 'OpenDocument' });
    if (ext === '.xlsb') throw new ReadError('old-binary', { ext });
    return 'xlsx';
  }
  if (isHtml(bytes)) throw new ReadError('html', { ext: ext || '?' });
  if (XLSX_EXTENSIONS.has(ext)) throw new ReadError('not-xlsx');
  if (OLD_BINARY.has(ext)) throw new ReadError('old-binary', { ext });
  if (DOCUMENTS.has(ext)) throw new ReadError('wrong-type', { type: ext.slice(1).toUpperCase() });
  if (TEXT_EXTENSIONS.has(ext)) return 'delimited';
  throw new ReadError('unsupported', { ext: ext || '(none)' });
}
