// Loading pdf.js (src/readers/pdf/pdfjs.ts): its legacy build's core-js polyfills replace three
// built-ins Node 20 has; after loading, the process has its native ones back, and pdf.js still reads.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPdfJs } from '../../src/readers/pdf/pdfjs.js';
import { ROOT } from '../helpers/cli.js';

// Before pdf.js loads (core-js's replacements also claim to be native code, so identity tells them apart).
const BUILT_INS = [Array.prototype.push, JSON.parse, JSON.stringify];

describe('loadPdfJs', () => {
  it('leaves Array.prototype.push, JSON.parse and JSON.stringify native, and keeps what Node 20 lacks', async () => {
    const lib = await loadPdfJs();
    expect([Array.prototype.push, JSON.parse, JSON.stringify]).toEqual(BUILT_INS);
    expect(Array.prototype.push).toBe(BUILT_INS[0]);
    expect(typeof (Promise as { withResolvers?: unknown }).withResolvers).toBe('function');
    const doc = await lib.getDocument({ data: new Uint8Array(readFileSync(join(ROOT, 'fixtures/pdf/portrait-2022.pdf'))), verbosity: 0 }).promise;
    const text = await (await doc.getPage(1)).getTextContent();
    expect(text.items.some((item) => 'str' in item && item.str.includes('政府信息公开工作年度报告'))).toBe(true);
    await doc.destroy();
  });
});
