// Columns from where text stands (src/readers/columns.ts), on text laid out as pdftotext -layout
// writes it (src/readers/text.ts makes the chunks): rows of values, labels wrapped under their row,
// a group's label down its column, a blank cell, a page break between a row and the rest of its label.

import { describe, expect, it } from 'vitest';
import { alignColumns } from '../../src/readers/columns.js';
import { detectDelimiter, LAYOUT, layoutChunks } from '../../src/readers/text.js';

const rows = (text: string) => alignColumns(text.split('\n').map((l) => ({ chunks: layoutChunks(l) }))).map((r) => r.cells.map((c) => `${c.col}:${c.text}`).join(' | '));

describe('layoutChunks', () => {
  it('splits at two spaces or more, keeps one space inside, and places Chinese characters two columns wide', () => {
    expect(layoutChunks('规章   12  2021 年')).toEqual([
      { x0: 0, x1: 4, text: '规章' },
      { x0: 7, x1: 9, text: '12' },
      { x0: 11, x1: 18, text: '2021 年' },
    ]);
    expect(layoutChunks('\f   出具已')).toEqual([{ x0: 4, x1: 10, text: '出具已' }]);
  });
});

describe('alignColumns', () => {
  it('joins a label wrapped under its row and a group’s label down its column; a blank cell stays in its column; label columns by where labels start, one each', () => {
    const text = [
      '一、本年新收政府信息公开申     41    6     1',
      '     请数量',
      '三、本   （一）予以公开     15    2     1',
      '年度办   （二）部分公开      6          0',
      '理结果  （区分处理的，只',
      '     （三）  1.属于          0    0     0',
      '     不予公  国家秘',
      ' 开      密',
    ].join('\n');
    expect(rows(text)).toEqual([
      '1:一、本年新收政府信息公开申请数量 | 5:41 | 6:6 | 7:1',
      '1:三、本年度办理结果 | 3:（一）予以公开 | 5:15 | 6:2 | 7:1',
      '3:（二）部分公开（区分处理的，只 | 5:6 | 7:0',
      '2:（三）不予公开 | 4:1.属于国家秘密 | 5:0 | 6:0 | 7:0',
    ]);
  });

  it('passes over a page break and its page number between a row and the rest of its label; prose stays a line of its own', () => {
    const text = ['5.要求行政机关确认或重新   0   0', '', '                 - 2 -', '\f出具已获取信息', '五、存在的主要问题'].join('\n');
    expect(rows(text)).toEqual(['1:5.要求行政机关确认或重新出具已获取信息 | 2:0 | 3:0', '1:五、存在的主要问题']);
  });

  it('takes numbers one space apart (narrow columns) and an item’s label after its group’s for cells of their own', () => {
    expect(rows('（三）不予 1.属于国家秘密      39  10 2   1')).toEqual(['1:（三）不予 | 2:1.属于国家秘密 | 3:39 | 4:10 | 5:2 | 6:1']);
  });
});

describe('detectDelimiter', () => {
  it('tells text laid out by position from prose with numbers and from CSV', () => {
    expect(detectDelimiter('规章   1   0   5\n规范性文件   3   1   28\n行政许可   186\n行政处罚   63   2\n')).toBe(LAYOUT);
    expect(detectDelimiter('全年共收到申请 51 件，办结 52 件。\n另有 4 件结转。\n')).toBe(',');
    expect(detectDelimiter('a,b,c\n1,2,3\n4,5,6\n')).toBe(',');
  });
});
