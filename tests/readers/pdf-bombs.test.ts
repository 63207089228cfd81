// Stream bombs found before pdf.js reads a PDF (src/readers/pdf/bombs.ts): Flate streams inflated
// within the budget, once or as many times as their filters say, a large last layer counted as it
// streams by; encrypted or damaged streams are not counted.

import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkInflation } from '../../src/readers/pdf/bombs.js';
import { ReadError } from '../../src/readers/errors.js';

const MB = 1024 * 1024;
const latin1 = (s: string) => Buffer.from(s, 'latin1');

/** A PDF-like file of one stream object with these filters and this (already encoded) data. */
function pdfWith(filter: string, data: Uint8Array): Uint8Array {
  return Buffer.concat([latin1(`%PDF-1.7\n4 0 obj\n<< /Length ${data.length} /Filter ${filter} >>\nstream\n`), data, latin1('\nendstream\nendobj\n%%EOF\n')]);
}

const reason = async (bytes: Uint8Array, limit: number) => {
  try {
    await checkInflation(bytes, limit);
    return 'fine';
  } catch (err) {
    return err instanceof ReadError ? err.reason : String(err);
  }
};

describe('checkInflation', () => {
  it('counts a large stream past the part inflated at once, and refuses it only beyond the budget', async () => {
    const large = pdfWith('/FlateDecode', deflateSync(Buffer.alloc(20 * MB)));
    expect(await reason(large, 100 * MB)).toBe('fine');
    expect(await reason(large, 10 * MB)).toBe('inflated-too-large');
  });

  it('inflates a stream compressed twice twice, and adds the streams of a file up', async () => {
    const twice = pdfWith('[/FlateDecode /FlateDecode]', deflateSync(deflateSync(Buffer.alloc(12 * MB))));
    expect(await reason(twice, 11 * MB)).toBe('inflated-too-large');
    expect(await reason(twice, 13 * MB)).toBe('fine');
    const two = Buffer.concat([twice, twice]);
    expect(await reason(two, 20 * MB)).toBe('inflated-too-large');
  });

  it('leaves a stream that does not inflate (encrypted, damaged) and one of another filter to pdf.js', async () => {
    expect(await reason(pdfWith('/FlateDecode', new Uint8Array(4096).fill(7)), 1024)).toBe('fine');
    expect(await reason(pdfWith('/DCTDecode', deflateSync(Buffer.alloc(4 * MB))), 1024)).toBe('fine');
  });
});
