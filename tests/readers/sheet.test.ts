// The worksheet reader (src/readers/sheet.ts) on the forms of <sheetData> that writers produce and
// that hand-edited or damaged parts hold: what each cell reads as, and which damage is refused.

import { describe, expect, it } from 'vitest';
import { readSheet, type Workbook } from '../../src/readers/sheet.js';

const BOOK: Workbook = { strings: ['甲', ' ', 'b', '_x000D_c'], dateStyles: [false, false, true], date1904: false };

const W = (rows: string) => `<worksheet><sheetData>${rows}</sheetData></worksheet>`;

/** The cells of a sheet as [row, column, kind, text, number], or its error as name: message. */
function read(xml: string): Array<[number, number, string, string, number | undefined]> | string {
  try {
    const { rows } = readSheet(xml, BOOK, 'S', 1000);
    return [...rows].flatMap(([row, cells]) => cells.map((c): [number, number, string, string, number | undefined] => [row, c.col, c.kind, c.text, c.number]));
  } catch (err) {
    return `${(err as Error).name}: ${(err as Error & { data?: { detail?: string } }).data?.detail ?? (err as Error).message}`;
  }
}

describe('readSheet', () => {
  it.each([
    ['cells and rows without addresses follow the previous ones', W('<row><c><v>1</v></c><c t="s"><v>0</v></c></row><row><c><v>2</v></c></row>'), [[1, 1, 'number', '1', 1], [1, 2, 'text', '甲', undefined], [2, 1, 'number', '2', 2]]],
    ['r="0" on a row is the next row', W('<row r="3"><c r="A3"><v>1</v></c></row><row r="0"><c r="A4"><v>2</v></c></row>'), [[3, 1, 'number', '1', 1], [4, 1, 'number', '2', 2]]],
    ['a shared formula without text, one with text and no value, one with a value', W('<row r="1"><c r="A1"><f t="shared" si="0"/></c><c r="B1"><f>A1</f></c><c r="C1"><f t=""/><v>3</v></c></row>'), [[1, 1, 'formula', '', undefined], [1, 2, 'formula', '', undefined], [1, 3, 'number', '3', 3]]],
    ['an inline string with references and _xHHHH_', W('<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve">&#20013;&amp;_x0041_&#13;&#10;x</t><t/></is></c></row>'), [[1, 1, 'text', '中&A\nx', undefined]]],
    ['a date style, and a number with spaces around it', W('<row r="1"><c r="A1" s="2"><v>45000.5</v></c><c r="B1" s="1"><v> 7 </v></c></row>'), [[1, 1, 'date', '2023-03-15T12:00:00Z', 45000.5], [1, 2, 'number', '7', 7]]],
    ['two values in one cell are one text', W('<row r="1"><c r="A1"><v>1</v><v>2</v></c></row>'), [[1, 1, 'number', '12', 12]]],
    ['single quotes and spaces before >', W("<row r='1' ><c r='A1' t='b' ><v>1</v></c ></row>"), [[1, 1, 'boolean', 'TRUE', undefined]]],
    ['a reference in a value', W('<row r="1"><c r="A1" t="str"><v>a&amp;b</v></c></row>'), [[1, 1, 'text', 'a&b', undefined]]],
    ['a namespace prefix', '<x:worksheet xmlns:x="x"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>', [[1, 1, 'number', '1', 1]]],
    ['a comment between cells', W('<row r="1"><c r="A1"><v>1</v></c><!-- x --><c r="B1"><v>2</v></c></row>'), [[1, 1, 'number', '1', 1], [1, 2, 'number', '2', 2]]],
    ['rich text', W('<row r="1"><c r="A1" t="inlineStr"><is><r><t>a</t></r></is></c></row>'), [[1, 1, 'text', 'a', undefined]]],
    ['a CR LF in a value is a line feed', W('<row r="1"><c r="A1" t="str"><v>a\r\nb</v></c></row>'), [[1, 1, 'text', 'a\nb', undefined]]],
    ['lower-case column letters', W('<row r="2"><c r="b2"><v>5</v></c></row>'), [[2, 2, 'number', '5', 5]]],
  ])('%s', (_what, xml, cells) => {
    expect(read(xml)).toEqual(cells);
  });

  it.each([
    ['a row beyond the sheet', W('<row r="1048577"><c><v>1</v></c></row>'), 'ReadError: row 1048577 is outside the sheet (rows 1-1048576, columns A-XFD)'],
    ['a column beyond the sheet', W('<row r="1"><c r="XFE1"><v>1</v></c></row>'), 'ReadError: cell XFE1 is outside the sheet (rows 1-1048576, columns A-XFD)'],
    ['a merge beyond the sheet', `${W('')}`.replace('</worksheet>', '<mergeCells><mergeCell ref="A1:XFE2"/></mergeCells></worksheet>'), 'ReadError: merged range A1:XFE2 is outside the sheet (rows 1-1048576, columns A-XFD)'],
    ['a missing shared string', W('<row r="1"><c r="A1" t="s"><v>99999</v></c></row>'), 'ReadError: shared string 99999 is missing'],
    ['an attribute given twice', W('<row r="1"><c r="A1" r="B1"><v>1</v></c></row>'), 'XmlError: attribute r given twice in <c (at character 45)'],
  ])('refuses %s', (_what, xml, error) => {
    expect(read(xml)).toBe(error);
  });

  it('keeps only the top-left cell of a merged range', () => {
    const xml = W('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row>').replace('</worksheet>', '<mergeCells><mergeCell ref="A1:B1"/></mergeCells></worksheet>');
    expect(read(xml)).toEqual([
      [1, 1, 'number', '1', 1],
      [1, 3, 'number', '3', 3],
    ]);
  });
});
