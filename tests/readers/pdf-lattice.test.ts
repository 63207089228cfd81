// Ruled tables from page geometry (src/readers/pdf/lattice.ts): grids drawn whole or cell by cell,
// merges where a rule is missing, text into cells, wrapped labels, split digits, text outside,
// several tables on a page, rules that are no table.

import { describe, expect, it } from 'vitest';
import { findTables, readLines, type Rule, type TextPiece } from '../../src/readers/pdf/lattice.js';
import { joinLines } from '../../src/readers/wrap.js';

const h = (y: number, x1: number, x2: number): Rule => ({ x1, y1: y, x2, y2: y });
const v = (x: number, y1: number, y2: number): Rule => ({ x1: x, y1, x2: x, y2 });
const piece = (text: string, x: number, y: number, size = 10): TextPiece => ({ text, x, y, width: text.length * size * (/^[\x00-\x7f]*$/.test(text) ? 0.5 : 1), size });

/** Every rule of a grid with lines at xs and ys (ys from the top down), each cell's sides drawn on their own, as Word draws them. */
function grid(xs: number[], ys: number[], leave: (rule: { kind: 'h' | 'v'; i: number; j: number }) => boolean = () => false): Rule[] {
  const rules: Rule[] = [];
  ys.forEach((y, i) => xs.slice(1).forEach((x, j) => !leave({ kind: 'h', i, j }) && rules.push(h(y, xs[j]!, x))));
  xs.forEach((x, j) => ys.slice(1).forEach((y, i) => !leave({ kind: 'v', i, j }) && rules.push(v(x, ys[i]!, y))));
  return rules;
}

const shape = (cells: Array<{ row: number; col: number; rows: number; cols: number; text: string }>) => cells.map((c) => `${c.row},${c.col}${c.rows > 1 || c.cols > 1 ? ` ${c.rows}x${c.cols}` : ''}=${c.text}`);

describe('findTables', () => {
  it('reads a grid drawn cell by cell (sides overlapping a little), text into its cells, text outside left out', () => {
    const rules = grid([100, 200, 300, 400], [700, 680, 660]).map((r) => ({ ...r, x2: r.x2 + 0.3 }));
    const { tables, outside } = findTables(rules, [piece('标题', 100, 720), piece('甲', 110, 685), piece('12', 210, 685), piece('乙', 110, 665), piece('3', 310, 665), piece('页脚', 100, 600)]);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.xs.map(Math.round)).toEqual([100, 200, 300, 400]);
    expect(shape(tables[0]!.cells)).toEqual(['1,1=甲', '1,2=12', '1,3=', '2,1=乙', '2,2=', '2,3=3']);
    expect(outside.map((p) => p.text)).toEqual(['标题', '页脚']);
  });

  it('merges slots where the rule between them is missing, across and down', () => {
    // No rule between A1 and B1 (a merge across); none between A2 and A3 (a merge down).
    const rules = grid([0, 50, 100], [300, 280, 260, 240], (r) => (r.kind === 'v' && r.j === 1 && r.i === 0) || (r.kind === 'h' && r.i === 2 && r.j === 0));
    const { tables } = findTables(rules, [piece('合并', 30, 285), piece('下', 5, 255)]);
    expect(shape(tables[0]!.cells)).toEqual(['1,1 1x2=合并', '2,1 2x1=下', '2,2=', '3,2=']);
  });

  it('reads a label wrapped in a narrow cell as its lines, top to bottom, joined into one', () => {
    const rules = grid([0, 40, 100], [300, 240]);
    const { tables } = findTables(rules, [piece('理结果', 5, 250), piece('三、本', 5, 280), piece('年度办', 5, 265), piece('12', 60, 280), piece('34', 60, 265)]);
    expect(shape(tables[0]!.cells)).toEqual(['1,1=三、本年度办理结果', '1,2=1234']);
  });

  it('finds two tables on one page, and takes an underline or a lone rule for no table', () => {
    const rules = [...grid([0, 50], [500, 480]), ...grid([0, 50, 100], [300, 280]), h(400, 0, 200), v(300, 100, 200)];
    const { tables, outside } = findTables(rules, [piece('一', 10, 485), piece('二', 10, 285), piece('三', 60, 285), piece('正文', 10, 405)]);
    expect(tables.map((t) => shape(t.cells))).toEqual([['1,1=一'], ['1,1=二', '1,2=三']]);
    expect(outside.map((p) => p.text)).toEqual(['正文']);
  });
});

describe('joinLines', () => {
  it('joins wrapped Chinese and wrapped digits with nothing, wrapped words with a space', () => {
    expect(joinLines(['（区分处理的，只', '计这一情形）'])).toBe('（区分处理的，只计这一情形）');
    expect(joinLines(['12', '345'])).toBe('12345');
    expect(joinLines(['Word', '2016', '版'])).toBe('Word 2016版');
  });
});

describe('readLines', () => {
  it('joins digits split into pieces, keeps a space between words, none in Chinese text', () => {
    const lines = readLines([piece('1', 10, 100), piece('2', 15, 100), piece('of', 40, 100), piece('总', 60, 100), piece('计', 75, 100.5), piece('下一行', 10, 85)]);
    expect(lines.map((l) => l.text)).toEqual(['12 of总计', '下一行']);
  });

  it('places a mark drawn over a piece’s blank where it is seen, and keeps a piece’s own space between words', () => {
    // As pdf.js gives LibreOffice's "及“三安": the quotation mark apart, a blank in its place.
    const quoted = [{ text: '及 三安', x: 176.9, y: 636.6, width: 31.59, size: 9 }, { text: '“', x: 185.9, y: 636.6, width: 4.6, size: 9 }];
    expect(readLines(quoted).map((l) => l.text)).toEqual(['及“三安']);
    expect(readLines([{ text: 'Word 2016', x: 0, y: 0, width: 40, size: 10 }]).map((l) => l.text)).toEqual(['Word 2016']);
  });
});
