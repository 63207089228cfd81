// Display width: our own count (East Asian Width per code point) against string-width, the
// well-kept library that also handles emoji clusters, on the kinds of text the tool shows.

import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/formatters/width.js';
import { cli } from '../helpers/cli.js';

describe('displayWidth', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['共检查 1 个文件', 15],
    ['表三（七）总计·自然人', 21],
    ['“１２”', 6],
    ['\u001b[31m错误\u001b[39m', 4],
    ['e\u0301', 1],
    ['a\tb', 2],
  ])('%j takes %i columns', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it('agrees with string-width on the help, the messages and the summaries the tool prints', async () => {
    const texts = [
      ...(await cli(['check', '--help'])).stdout.split('\n'),
      ...(await cli(['--help'])).stdout.split('\n'),
      ...(await cli(['check', 'fixtures'])).stdout.split('\n'),
      ...(await cli(['check', '--lang', 'en', 'fixtures'])).stdout.split('\n'),
    ];
    expect(texts.length).toBeGreaterThan(100);
    for (const text of texts) expect(displayWidth(text), text).toBe(stringWidth(text));
  });

  it('agrees with string-width on any text of CJK, Latin, full-width and punctuation characters', () => {
    const chars = fc.constantFrom(...'abc XYZ 019.,;:()[]-_/\\ 共检查个文件表三七总计·自然人（）【】“”‘’、。，：；！？１２３ＡＢ　'.split(''));
    fc.assert(fc.property(fc.array(chars, { maxLength: 40 }), (list) => displayWidth(list.join('')) === stringWidth(list.join(''))));
  });
});
