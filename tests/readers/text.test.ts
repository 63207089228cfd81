// CSV/TSV/text reader: encodings, delimiters, addresses and lines.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decode, detectDelimiter, readDelimited } from '../../src/readers/text.js';
import { ReadError } from '../../src/readers/errors.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16(s: string, bigEndian = false): Uint8Array {
  const le = Buffer.from(s, 'utf16le');
  if (bigEndian) for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return new Uint8Array([...(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), ...le]);
}

/** GB18030 bytes of a few known characters (TextEncoder only writes UTF-8). */
const GB = { 自然人: [0xd7, 0xd4, 0xc8, 0xbb, 0xc8, 0xcb], 总计: [0xd7, 0xdc, 0xbc, 0xc6] };

describe('decode', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decode(utf8('自然人,1'))).toEqual({ text: '自然人,1', encoding: 'utf-8' });
  });
  it('strips a UTF-8 BOM and says so', () => {
    expect(decode(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('总计')]))).toEqual({ text: '总计', encoding: 'utf-8-bom' });
  });
  it('keeps UTF-8 with a BOM as UTF-8 when a few bytes are damaged, as without a BOM', () => {
    const damaged = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('总计,1\n'), 0xff, ...utf8('自然人,2\n'.repeat(20))]);
    expect(decode(damaged)).toMatchObject({ encoding: 'utf-8-bom' });
    expect(decode(damaged).text).toContain('自然人,2');
  });
  it('reads UTF-16 LE and BE with a BOM', () => {
    expect(decode(utf16('自然人\t3'))).toEqual({ text: '自然人\t3', encoding: 'utf-16le' });
    expect(decode(utf16('自然人\t3', true))).toEqual({ text: '自然人\t3', encoding: 'utf-16be' });
  });
  it('keeps UTF-8 with one damaged character (a line cut mid-character) as UTF-8', () => {
    const good = utf8('标题\n自然人,1\n总计,2\n'.repeat(20));
    const damaged = new Uint8Array([...utf8('被截断的'), 0xe5, 0x85, ...good]);
    const out = decode(damaged);
    expect(out.encoding).toBe('utf-8');
    expect(out.text).toContain('自然人,1');
  });

  it('falls back to GB18030 when the bytes are not UTF-8', () => {
    const bytes = new Uint8Array([...GB.自然人, 0x2c, 0x31, 0x0a, ...GB.总计]);
    expect(decode(bytes)).toEqual({ text: '自然人,1\n总计', encoding: 'gb18030' });
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['a,b,c\n1,2,3', ','],
    ['a\tb\tc\n1\t2\t3', '\t'],
    ['a;b;c\n1;2;3', ';'],
    ['标题\n\n信息内容\t本年制发件数\n规章\t0', '\t'],
  ])('%j -> %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});

describe('readDelimited', () => {
  it('gives every cell its spreadsheet address and its line', () => {
    const grid = readDelimited('a.csv', utf8('标题\n\n"多行\n标签",5\n规章,0,1\n'));
    const cells = [...grid.sheets[0]!.rows.values()].flat();
    expect(cells.map((c) => [c.text, c.row, c.col, c.line])).toEqual([
      ['标题', 1, 1, 1],
      ['多行\n标签', 3, 1, 3],
      ['5', 3, 2, 3],
      ['规章', 4, 1, 5],
      ['0', 4, 2, 5],
      ['1', 4, 3, 5],
    ]);
    expect(grid.kind).toBe('csv');
    expect(grid.delimiter).toBe(',');
  });
  it('reads an unbalanced quote literally instead of refusing the file', () => {
    const grid = readDelimited('p.txt', utf8('危及"三安全一稳定\t0\n其他\t1\n'));
    const cells = [...grid.sheets[0]!.rows.values()].flat();
    expect(cells.map((c) => c.text)).toEqual(['危及"三安全一稳定', '0', '其他', '1']);
    expect(grid.kind).toBe('text');
  });
  it('text without quotes (split directly) reads exactly as csv-parse reads it', () => {
    const seed = readFileSync('fixtures/dunfangdian-2021.txt', 'utf8');
    const plain = readDelimited('seed.txt', utf8(seed));
    // One quoted cell at the end sends the same text through csv-parse.
    const quoted = readDelimited('seed.txt', utf8(`${seed}"引号"\n`));
    const cells = (g: typeof plain) => [...g.sheets[0]!.rows.values()].flat().filter((c) => c.text !== '引号');
    expect(cells(plain)).toEqual(cells(quoted));
    expect(cells(plain).length).toBeGreaterThan(250);
  });

  it('refuses a file with NUL bytes', () => {
    expect(() => readDelimited('x.csv', new Uint8Array([0x61, 0x00, 0x62]))).toThrow(ReadError);
  });
});

describe('pipes: Markdown tables and cells copied out as a | b | c', () => {
  const cellsOf = (text: string) => [...readDelimited('t.txt', new TextEncoder().encode(text)).sheets[0]!.rows.values()].map((cells) => cells.map((c) => c.text));

  it('reads a Markdown pipe table: outer pipes dropped, cells trimmed, the rule row empty, <br> a line break', () => {
    const grid = readDelimited('t.txt', new TextEncoder().encode('| 信息内容 | 本年新收 |\n|---|:---:|\n| 三、本<br>年度办理结果 | 12 |\n| 行政许可 | 3 |\n'));
    expect(grid.delimiter).toBe('|');
    const rows = grid.sheets[0]!.rows;
    expect([...rows.keys()]).toEqual([1, 3, 4]);
    expect(rows.get(3)!.map((c) => [c.text, c.col, c.line])).toEqual([
      ['三、本\n年度办理结果', 1, 3],
      ['12', 2, 3],
    ]);
  });

  it('reads cells separated by " | " without outer pipes; empty cells keep their columns', () => {
    expect(cellsOf('一、本年新收 | 1 |  | 3\n二、上年结转 | 0 | 1 | 2\n四、结转 | 1 | 1 | 1\n')).toEqual([
      ['一、本年新收', '1', '3'],
      ['二、上年结转', '0', '1', '2'],
      ['四、结转', '1', '1', '1'],
    ]);
    expect(readDelimited('t.txt', new TextEncoder().encode('a | 1 |  | 3\nb | 0 | 1 | 2\nc | 1 | 1 | 1\n')).sheets[0]!.rows.get(1)!.map((c) => c.col)).toEqual([1, 2, 4]);
  });

  it('prefers tabs and commas where they split the lines, and prose with a stray pipe stays prose', () => {
    expect(detectDelimiter('a\tb|c\nd\te|f\ng\th|i\n')).toBe('\t');
    expect(detectDelimiter('a,b,c|d\ne,f,g\nh,i,j\n')).toBe(',');
    expect(detectDelimiter('一段文字 | 另一段\n没有表格\n还是没有\n')).not.toBe('|');
  });
});
