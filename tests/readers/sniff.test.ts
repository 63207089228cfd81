// File-type detection from the first bytes and the name.

import { describe, expect, it } from 'vitest';
import { sniff } from '../../src/readers/sniff.js';
import { ReadError } from '../../src/readers/errors.js';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

function reason(file: string, bytes: number[] | Uint8Array): string {
  try {
    sniff(file, bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  } catch (err) {
    if (err instanceof ReadError) return err.reason;
    throw err;
  }
  return 'readable';
}

describe('sniff', () => {
  it.each([
    ['a.xlsx', ZIP, 'readable'],
    ['a.xlsm', ZIP, 'readable'],
    ['a.csv', [0x31, 0x2c, 0x32], 'readable'],
    ['a.txt', [0x31], 'readable'],
    ['a.tsv', [0x31], 'readable'],
    ['a.xlsx', [], 'empty'],
    ['a.xls', OLE, 'old-binary'],
    ['a.et', OLE, 'old-binary'],
    ['renamed.xlsx', OLE, 'old-binary'],
    ['a.xlsx', [0x25, 0x50, 0x44, 0x46], 'wrong-type'],
    ['a.docx', ZIP, 'wrong-type'],
    ['a.xlsx', [1, 2, 3, 4], 'not-xlsx'],
    ['a.xls', [0x31], 'old-binary'],
    ['a.pdf', [0x31], 'wrong-type'],
    ['a.json', [0x7b], 'unsupported'],
    ['export.xls', [...Buffer.from('<html><body><table><tr><td>1')], 'html'],
    ['export.xlsx', [...Buffer.from('\n <!DOCTYPE html><html>')], 'html'],
  ])('%s %j -> %s', (file, bytes, expected) => {
    expect(reason(file, bytes)).toBe(expected);
  });

  it('says a password-protected workbook is encrypted', () => {
    const bytes = new Uint8Array([...OLE, ...new Uint8Array(100), ...Buffer.from('EncryptedPackage', 'utf16le')]);
    expect(reason('secret.xlsx', bytes)).toBe('encrypted');
  });
});
