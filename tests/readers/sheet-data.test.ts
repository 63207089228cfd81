// The fast path through <sheetData> (src/readers/sheet-data.ts) against the general scanner it
// stands in for: every sheet, plain or damaged, gives the same cells and merges or the same error
// whichever path reads it. The fast path must also really be taken on the sheets writers produce,
// or these comparisons would prove nothing.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readSheetData } from '../../src/readers/sheet-data.js';
import { readSheet, SheetCells, type Workbook } from '../../src/readers/sheet.js';
import { readXlsx } from '../../src/readers/xlsx.js';
import { DEFAULT_LIMITS } from '../../src/readers/limits.js';
import { normalize } from '../../src/writers/normalize.js';
import { writeOfficialXlsx } from '../../src/writers/xlsx.js';
import { balancedReport } from '../helpers/report.js';
import { prng } from '../helpers/prng.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const workbooks = readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx'));

const BOOK: Workbook = { strings: ['甲', ' ', 'b', '_x000D_c'], dateStyles: [false, false, true], date1904: false };

/** A sheet's cells and merges as plain data, or its error as name, message and data. */
function outcome(xml: string, fast: boolean, maxCells = 1000): string {
  try {
    const { rows, merges } = readSheet(xml, BOOK, 'S', maxCells, { fast });
    return JSON.stringify({ rows: [...rows], merges });
  } catch (err) {
    const e = err as Error & { data?: unknown };
    return `${e.name}: ${e.message} ${JSON.stringify(e.data ?? null)}`;
  }
}

/** Any shared string index a sheet may use, for the question below. */
const ANY_STRING: Workbook = { strings: new Array<string>(10_000).fill('x'), dateStyles: [], date1904: false };

/** Whether the fast path reads the whole <sheetData> of a sheet by itself. */
function fastReads(xml: string): boolean {
  const open = /<sheetData>/.exec(xml);
  try {
    return open !== null && readSheetData(xml, open.index + open[0].length, new SheetCells(ANY_STRING, 'S', 1e6)) >= 0;
  } catch {
    return false;
  }
}

describe('the fast path reads what the general path reads', () => {
  it.each(workbooks)('%s: the same Grid either way, and every sheet through the fast path', async (name) => {
    const bytes = readFileSync(join(FIXTURES, name));
    expect(await readXlsx(name, bytes, DEFAULT_LIMITS, { fast: true })).toEqual(await readXlsx(name, bytes, DEFAULT_LIMITS, { fast: false }));
    const sheets = unzipSync(bytes, { filter: (f) => /^xl\/worksheets\/[^/]+\.xml$/.test(f.name) });
    for (const part of Object.values(sheets)) expect(fastReads(new TextDecoder().decode(part))).toBe(true);
  });

  it('a workbook this project writes: the same Grid, through the fast path', async () => {
    const bytes = await writeOfficialXlsx(normalize(balancedReport()));
    expect(await readXlsx('w.xlsx', bytes, DEFAULT_LIMITS, { fast: true })).toEqual(await readXlsx('w.xlsx', bytes, DEFAULT_LIMITS, { fast: false }));
    const sheets = unzipSync(bytes, { filter: (f) => /^xl\/worksheets\/[^/]+\.xml$/.test(f.name) });
    for (const part of Object.values(sheets)) expect(fastReads(new TextDecoder().decode(part))).toBe(true);
  });

  const W = (rows: string) => `<worksheet><sheetData>${rows}</sheetData></worksheet>`;
  it.each([
    ['cells without addresses', W('<row><c><v>1</v></c><c t="s"><v>0</v></c></row><row><c><v>2</v></c></row>'), true],
    ['r="0" on a row (the next row)', W('<row r="3"><c r="A3"><v>1</v></c></row><row r="0"><c r="A4"><v>2</v></c></row>'), true],
    ['a shared formula without text, and one with', W('<row r="1"><c r="A1"><f t="shared" si="0"/></c><c r="B1"><f>A1</f></c><c r="C1"><f t=""/><v>3</v></c></row>'), true],
    ['an inline string with references and _xHHHH_', W('<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve">&#20013;&amp;_x0041_&#13;&#10;x</t><t/></is></c></row>'), true],
    ['a date style', W('<row r="1"><c r="A1" s="2"><v>45000.5</v></c><c r="B1" s="1"><v> 7 </v></c></row>'), true],
    ['two values in one cell', W('<row r="1"><c r="A1"><v>1</v><v>2</v></c></row>'), true],
    ['single quotes and spaces before >', W("<row r='1' ><c r='A1' t='b' ><v>1</v></c ></row>"), false],
    ['a reference in a value', W('<row r="1"><c r="A1" t="str"><v>a&amp;b</v></c></row>'), false],
    ['a prefix', '<x:worksheet xmlns:x="x"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>', false],
    ['a comment between cells', W('<row r="1"><c r="A1"><v>1</v></c><!-- x --><c r="B1"><v>2</v></c></row>'), false],
    ['rich text', W('<row r="1"><c r="A1" t="inlineStr"><is><r><t>a</t></r></is></c></row>'), false],
    ['a row beyond the sheet', W('<row r="1048577"><c><v>1</v></c></row>'), false],
    ['a column beyond the sheet', W('<row r="1"><c r="XFE1"><v>1</v></c></row>'), false],
    ['a missing shared string', W('<row r="1"><c r="A1" t="s"><v>99999</v></c></row>'), false],
    ['a duplicated attribute', W('<row r="1"><c r="A1" r="B1"><v>1</v></c></row>'), false],
    ['a CR in a value', W('<row r="1"><c r="A1" t="str"><v>a\r\nb</v></c></row>'), false],
  ])('%s', (_what, xml, fast) => {
    expect(outcome(xml, true)).toBe(outcome(xml, false));
    expect(fastReads(xml)).toBe(fast);
  });

  it('stays linear in a part of many <sheetData> elements (each once searched the rest of the part for "&")', () => {
    const part = (n: number) => `<worksheet>${'<sheetData></sheetData>'.repeat(n)}${' '.repeat(20 * n)}</worksheet>`;
    const time = (xml: string) => {
      const start = performance.now();
      readSheet(xml, BOOK, 'S', 1000);
      return performance.now() - start;
    };
    time(part(2_000));
    // Against a part a tenth the size, so a slow machine does not fail it: quadratic work would be 100 times more.
    const ratio = time(part(40_000)) / Math.max(1, time(part(4_000)));
    expect(ratio).toBeLessThan(40);
  });

  it('agrees on random sheets, plain and damaged, with the same cells or the same error', () => {
    const rnd = prng(20261127);
    const pick = <T>(items: readonly T[]): T => items[rnd(items.length)]!;
    const space = () => pick(['', '', '', ' ', '\n', '\r\n', '\t']);
    const attr = (name: string, value: string) => (rnd(8) === 0 ? ` ${name}='${value}'` : ` ${name}="${value}"`);
    const cell = (row: number) => {
      let attrs = '';
      if (rnd(6)) attrs += attr('r', rnd(10) ? `${pick(['A', 'B', 'C', 'Z', 'AA', 'a', 'XFD', 'XFE', ''])}${pick([row, row, 0, '', '$1'])}` : pick(['1', 'ſ1', 'A', '']));
      if (rnd(2)) attrs += attr('s', pick(['0', '1', '2', '3', '', 'x', ' 2']));
      if (rnd(2)) attrs += attr('t', pick(['s', 'n', 'str', 'b', 'e', 'inlineStr', 'd', '', 'bogus']));
      if (rnd(5) === 0) attrs += attr(pick(['cm', 'vm', 'ph', 'x14ac:t']), '1');
      if (rnd(6) === 0) return `<c${attrs}${space()}/>`;
      let body = '';
      for (let k = rnd(3); k > 0; k--) {
        body += space();
        body += pick([
          `<v>${pick(['0', '1', '2', '3', '9', '2.5', ' 3 ', '', 'abc', '1e3', '-4', '45000', '#N/A', 'TRUE'])}</v>`,
          '<v/>',
          `<f>${pick(['A1', 'SUM(A1:B1)', ''])}</f>`,
          `<f t="shared" si="0"${pick(['/>', '>A1</f>'])}`,
          '<f t=""/>',
          `<is><t${pick(['', ' xml:space="preserve"'])}>${pick(['', 'x', ' ', '&#20013;文', '&amp;&lt;', 'a\r\nb', '&#13;', '_x0041_'])}</t>${pick(['', '<t>y</t>', '<t/>'])}</is>`,
        ]);
      }
      return `<c${attrs}>${body}${space()}</c>`;
    };
    const sheet = () => {
      let rows = '';
      for (let r = 1, n = rnd(5); r <= n; r++) {
        let attrs = rnd(5) ? attr('r', pick([String(r), String(r), '0', '', '1048577', 'x'])) : '';
        if (rnd(2)) attrs += attr('spans', '1:3') + attr('ht', '20');
        if (rnd(4) === 0) attrs += attr('x14ac:dyDescent', '0.25');
        const cells = Array.from({ length: rnd(5) }, () => cell(r)).join(space());
        rows += space() + (cells || rnd(2) ? `<row${attrs}>${cells}</row>` : `<row${attrs}/>`);
      }
      const merges = rnd(3) ? '' : `<mergeCells><mergeCell ref="${pick(['A1:B1', 'A1:A3', 'B2:C3'])}"/></mergeCells>`;
      return `<worksheet><sheetData>${rows}${space()}</sheetData>${merges}</worksheet>`;
    };
    const damage = ['<', '>', '/', '=', '"', "'", '&', ';', '&amp;', '&bogus;', '&#0;', ' ', '\t', '\r', '<!-- c -->', '<![CDATA[1]]>', '<?p?>', 'x:', '<v>', '</v>', '<c>', '</c>', '<c/>', '<row>', '</row>', '</sheetData>', '<sheetData>', ' r="A1"', ' t="s"', '<f>', '<is>', '</t>'];
    const bad: string[] = [];
    let viaFast = 0;
    const N = 30_000;
    for (let t = 0; t < N && bad.length < 5; t++) {
      let xml = sheet();
      if (t % 2) {
        for (let k = 1 + rnd(3); k > 0; k--) {
          const at = rnd(xml.length);
          xml = rnd(3) ? xml.slice(0, at) + pick(damage) + xml.slice(at) : xml.slice(0, at) + xml.slice(at + 1 + rnd(3));
        }
      } else if (fastReads(xml)) viaFast++;
      const maxCells = rnd(4) ? 1000 : 1 + rnd(6);
      const a = outcome(xml, true, maxCells);
      const b = outcome(xml, false, maxCells);
      if (a !== b) bad.push(`${JSON.stringify(xml)} (maxCells ${maxCells})\n fast    ${a}\n general ${b}`);
    }
    expect(bad).toEqual([]);
    // Most plain sheets go through the fast path (the rest hold something it leaves to the general one).
    expect(viaFast).toBeGreaterThan(N / 2 / 4);
  });
});
