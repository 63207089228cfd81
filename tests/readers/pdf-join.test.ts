// Tables over page breaks (src/readers/pdf/join.ts) and the text around them (prose.ts), on page
// parts and lines written here: a table continued with and without its header repeated, a row broken
// by the page, a merged cell running on, a table that does not continue; paragraphs from lines,
// page numbers and running headers left out.

import { describe, expect, it } from 'vitest';
import { joinTables, type PageTables } from '../../src/readers/pdf/join.js';
import type { LatticeTable, TextLine } from '../../src/readers/pdf/lattice.js';
import { furnitureOf, paragraphsOf, type PageLines } from '../../src/readers/pdf/prose.js';

/** A page's table from rows of texts, one column per text; `spans` gives a cell's rows (key "row,col"). */
function part(xs: number[], rows: string[][], spans: Record<string, number> = {}): LatticeTable {
  const covered = new Set<string>();
  const cells: LatticeTable['cells'] = [];
  rows.forEach((texts, r) =>
    texts.forEach((text, c) => {
      if (covered.has(`${r + 1},${c + 1}`)) return;
      const down = spans[`${r + 1},${c + 1}`] ?? 1;
      for (let k = 1; k < down; k++) covered.add(`${r + 1 + k},${c + 1}`);
      cells.push({ row: r + 1, col: c + 1, rows: down, cols: 1, text });
    }),
  );
  return { xs, ys: Array.from({ length: rows.length + 1 }, (_, i) => 800 - 20 * i), cells };
}

const page = (n: number, tables: LatticeTable[], textAbove = false, textBelow = false): PageTables => ({ page: n, tables, textAbove, textBelow });
const XS = [50, 150, 250, 350];
const texts = (t: ReturnType<typeof joinTables>[number]) => t.cells.map((c) => `${c.row},${c.col}${c.rows > 1 ? ` x${c.rows}` : ''}=${c.text}`);

describe('joinTables', () => {
  it('joins the table a page ends with to the one the next starts with, and knows each row’s page', () => {
    const [table, ...rest] = joinTables([page(1, [part(XS, [['项目', '甲', '乙'], ['一', '1', '2']])]), page(2, [part(XS, [['二', '3', '4']])], false, true)]);
    expect(rest).toEqual([]);
    expect(texts(table!)).toEqual(['1,1=项目', '1,2=甲', '1,3=乙', '2,1=一', '2,2=1', '2,3=2', '3,1=二', '3,2=3', '3,3=4']);
    expect(table!.rowPages).toEqual([1, 1, 2]);
    expect(table!.page).toBe(1);
  });

  it('reads a header row repeated on the next page once', () => {
    const [table] = joinTables([page(1, [part(XS, [['项目', '甲', '乙'], ['一', '1', '2']])]), page(2, [part(XS, [['项目', '甲', '乙'], ['二', '3', '4']])])]);
    expect(texts(table!)).toEqual(['1,1=项目', '1,2=甲', '1,3=乙', '2,1=一', '2,2=1', '2,3=2', '3,1=二', '3,2=3', '3,3=4']);
    expect(table!.rowPages).toEqual([1, 1, 2]);
  });

  it('makes a row the page broke one again: its label’s last lines joined, its numbers kept', () => {
    const [table] = joinTables([
      page(1, [part(XS, [['一', '1', '2'], ['5.要求行政机关确认或重新', '0', '0']])]),
      page(2, [part(XS, [['出具已获取信息', '', ''], ['（六）其他', '7', '8']])]),
    ]);
    expect(texts(table!)).toEqual(['1,1=一', '1,2=1', '1,3=2', '2,1=5.要求行政机关确认或重新出具已获取信息', '2,2=0', '2,3=0', '3,1=（六）其他', '3,2=7', '3,3=8']);
    expect(table!.rowPages).toEqual([1, 1, 2]);
  });

  it('keeps a next row with blanks a row of its own when its label starts an item', () => {
    const [table] = joinTables([page(1, [part(XS, [['1.属于国家秘密', '0', '0']])]), page(2, [part(XS, [['2.其他法律行政法规禁止公开', '', '']])])]);
    expect(texts(table!)).toEqual(['1,1=1.属于国家秘密', '1,2=0', '1,3=0', '2,1=2.其他法律行政法规禁止公开', '2,2=', '2,3=']);
  });

  it('runs a merged cell on over the break (三、本年度办理结果 down the side)', () => {
    const [table] = joinTables([
      page(1, [part(XS, [['三、本年度办理结果', '（一）', '1'], ['', '（二）', '2']], { '1,1': 2 })]),
      page(2, [part(XS, [['', '（三）', '3'], ['', '（四）', '4']], { '1,1': 2 })]),
    ]);
    expect(texts(table!)).toEqual(['1,1 x4=三、本年度办理结果', '1,2=（一）', '1,3=1', '2,2=（二）', '2,3=2', '3,2=（三）', '3,3=3', '4,2=（四）', '4,3=4']);
  });

  it('lines up a part whose rows leave a column line out', () => {
    const [table] = joinTables([page(1, [part(XS, [['项目', '甲', '乙']])]), page(2, [part([50, 250, 350], [['合并', '9']])])]);
    expect(table!.cells.map((c) => `${c.row},${c.col}:${c.cols}=${c.text}`)).toEqual(['1,1:1=项目', '1,2:1=甲', '1,3:1=乙', '2,1:2=合并', '2,3:1=9']);
  });

  it('does not join across text of the body, or tables of another width', () => {
    const one = part(XS, [['一', '1', '2']]);
    expect(joinTables([page(1, [one], false, true), page(2, [part(XS, [['二', '3', '4']])])])).toHaveLength(2);
    expect(joinTables([page(1, [one]), page(2, [part(XS, [['二', '3', '4']])], true)])).toHaveLength(2);
    expect(joinTables([page(1, [one]), page(2, [part([50, 150, 400], [['二', '3']])])])).toHaveLength(2);
    expect(joinTables([page(1, [one]), page(2, []), page(3, [part(XS, [['二', '3', '4']])])])).toHaveLength(2);
  });
});

const line = (text: string, y: number, x = 72, end = 523, size = 12): TextLine => ({ text, y, x, end, size, chunks: [{ x0: x, x1: end, text }] });

describe('furnitureOf and paragraphsOf', () => {
  it('leaves page numbers and a running header out, joins a paragraph over a page break, splits at indents and short lines', () => {
    const header = (y: number) => line('示例县人民政府办公室', y, 200, 400, 9);
    const pages: PageLines[] = [
      {
        page: 1,
        lines: [header(810), line('示例县2023年政府信息公开工作年度报告', 760, 150, 450, 18), line('本报告根据条例编制，统计期限自2023年1月1日起至', 720, 96), line('2023年12月31日止。', 705, 72, 200), line('一、总体情况', 680, 72, 160), line('全年主动公开政府信息', 660, 96), line('- 1 -', 40, 280, 300)],
        blocks: [],
      },
      { page: 2, lines: [header(810), line('一千二百条。', 780, 72, 160), line('第 2 页', 40, 280, 320)], blocks: [] },
    ];
    const furniture = furnitureOf(pages);
    expect([...furniture].map((l) => l.text).sort()).toEqual(['- 1 -', '示例县人民政府办公室', '示例县人民政府办公室', '第 2 页']);
    expect(paragraphsOf(pages.map((p) => ({ ...p, lines: p.lines.filter((l) => !furniture.has(l)) })))).toEqual([
      { text: '示例县2023年政府信息公开工作年度报告', page: 1 },
      { text: '本报告根据条例编制，统计期限自2023年1月1日起至2023年12月31日止。', page: 1 },
      { text: '一、总体情况', page: 1 },
      { text: '全年主动公开政府信息一千二百条。', page: 1 },
    ]);
  });

  it('ends a paragraph at a table over a page break, and runs it on where none stands between', () => {
    const full = (text: string, y: number) => line(text, y, 72, 523);
    const ending = { page: 1, lines: [full('全年主动公开政府信息一千', 60)], blocks: [] };
    const table = { page: 2, lines: [full('二百条。', 300)], blocks: [{ top: 780, bottom: 320 }] };
    const text = { ...table, blocks: [{ top: 280, bottom: 100 }] };
    expect(paragraphsOf([ending, table]).map((p) => p.text)).toEqual(['全年主动公开政府信息一千', '二百条。']);
    expect(paragraphsOf([ending, text]).map((p) => p.text)).toEqual(['全年主动公开政府信息一千二百条。']);
    const tableLast = { page: 1, lines: [full('全年主动公开政府信息一千', 600)], blocks: [{ top: 580, bottom: 100 }] };
    expect(paragraphsOf([tableLast, text]).map((p) => p.text)).toEqual(['全年主动公开政府信息一千', '二百条。']);
  });

  it('starts a paragraph at a numbered heading right under a full line that ended a sentence, not inside a sentence', () => {
    const full = (text: string, y: number) => line(text, y, 72, 523);
    const lines = [full('改进措施：加强政策解读，落实专人维护栏目，提高信息发布的时效性。', 700), full('六、其他需要报告的事项', 685), line('本年度未收取信息处理费。', 665, 96, 300)];
    expect(paragraphsOf([{ page: 1, lines, blocks: [] }]).map((p) => p.text)).toEqual([
      '改进措施：加强政策解读，落实专人维护栏目，提高信息发布的时效性。',
      '六、其他需要报告的事项',
      '本年度未收取信息处理费。',
    ]);
    // A sentence wrapped before a numeral with 、 runs on.
    const wrapped = [full('本年度共开展培训三次，涉及内容包括条例解读', 700), full('二、三季度的重点工作。', 685)];
    expect(paragraphsOf([{ page: 1, lines: wrapped, blocks: [] }]).map((p) => p.text)).toEqual(['本年度共开展培训三次，涉及内容包括条例解读二、三季度的重点工作。']);
  });
});
