// The extractor on report layouts and label variants clerks produce.

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/engine/index.js';
import { extract, type ExtractOptions } from '../../src/extract/index.js';
import { EDITIONS } from '../../src/form/index.js';
import type { EditionId } from '../../src/form/types.js';
import type { Grid } from '../../src/model/grid.js';
import { readGrid, readGridFromBytes } from '../../src/readers/index.js';
import { readDelimited } from '../../src/readers/text.js';
import { officialRows, relabel, toDelimited, type Rows } from '../helpers/layout.js';

function fromText(rows: Rows, name = 'r.txt', delimiter = '\t', options: ExtractOptions = {}) {
  return extract(readDelimited(name, new TextEncoder().encode(toDelimited(rows, delimiter))), options);
}

function rulesOf(report: ReturnType<typeof extract>) {
  return checkReport(report).diagnostics.map((d) => `${d.rule}:${d.row ?? ''}:${d.column ?? ''}`);
}

function expectComplete(report: ReturnType<typeof extract>, edition: EditionId) {
  const ed = EDITIONS[edition];
  expect(Object.keys(report.tables.t3!.rows).sort()).toEqual(ed.t3.rows.map((r) => r.key).sort());
  expect(Object.keys(report.tables.t2!.rows).sort()).toEqual(ed.t2.blocks.flatMap((b) => b.rows.map((r) => r.key)).sort());
  expect(Object.keys(report.tables.t4!.rows)).toEqual(['review', 'suitDirect', 'suitAfterReview']);
}

describe('official layout as text', () => {
  it.each(['2021', '2019'] as const)('the %s edition reads completely and checks clean', (edition) => {
    const report = fromText(officialRows(edition));
    expect(report.edition).toBe(edition);
    expect(report.markedEdition).toBe(edition);
    expect(report.agency?.value).toBe('测试县人民政府');
    expectComplete(report, edition);
    expect(rulesOf(report)).toEqual([]);
  });

  it('reads comma-separated CSV the same way', () => {
    const report = fromText(officialRows('2021'), 'r.csv', ',');
    expectComplete(report, '2021');
    expect(rulesOf(report)).toEqual([]);
  });

  it('finds tables that start in any column', () => {
    const rows = officialRows('2021').map((r) => (r.length ? ['', '', ...r] : r));
    const report = fromText(rows);
    expectComplete(report, '2021');
    expect(report.tables.t3!.rows.received!.cells.natural!.loc!.cell).toBe('F25');
    expect(rulesOf(report)).toEqual([]);
  });

  it('falls back to position when the header rows are gone', () => {
    const rows = officialRows('2021').filter((r) => !['申请人情况', '自然人', '商业企业', '结果维持', '行政复议'].some((h) => r.includes(h)));
    const report = fromText(rows);
    expectComplete(report, '2021');
    expect(rulesOf(report)).toEqual([]);
  });
});

describe('labels as clerks write them', () => {
  const variants: Array<[string, string]> = [
    ['（一）予以公开', '(一) 予以公开'],
    ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '(二)部分公开'],
    ['1.属于国家秘密', '1、属于国家秘密'],
    ['2.其他法律行政法规禁止公开', '2．其他法律行政\n法规禁止公开'],
    ['3.危及“三安全一稳定”', '3.危及"三安全一稳定"'],
    ['4.保护第三方合法权益', '4. 保护第三方\n合法权益'],
    ['（七）总计', '（七）合计'],
    ['总计', '合计'],
    ['商业企业', '商业\n企业'],
    ['科研机构', '科 研\n机构'],
    ['（六）其他处理', '（六）其他'],
    ['四、结转下年度继续办理', '四、结转下年'],
    ['一、本年新收政府信息公开申请数量', '一、本年新收'],
    ['二、上年结转政府信息公开申请数量', '二、上年结转'],
    ['行政规范性文件', '规范性文件'],
    ['现行有效件数', '现行有效件数（历史累计）'],
    ['本年收费金额（单位：万元）', '本年收费金额（单位：万元，保留4位小数）'],
    ['四、政府信息公开行政复议、行政诉讼情况', '四、政府信息公开行政复议和行政诉讼情况'],
    ['3.其他', '3、其它'],
    ['其他', '其它'],
    ['2.其他法律行政法规禁止公开', '2.其他法律、行政法规禁止公开'],
    ['3.危及“三安全一稳定”', '3.危及“三安全、一稳定”'],
    ['二、上年结转政府信息公开申请数量', '二、上年度结转政府信息公开申请数量'],
    ['四、结转下年度继续办理', '四、结转下一年度继续办理'],
    ['一、本年新收政府信息公开申请数量', '一、本年度新收政府信息公开申请数量'],
    ['（七）总计', '（七）总数'],
  ];

  it.each(variants)('%j written as %j', (from, to) => {
    const report = fromText(relabel(officialRows('2021'), from, to), 'r.csv', ',');
    expectComplete(report, '2021');
    expect(rulesOf(report)).toEqual([]);
  });

  it('all variants at once', () => {
    const rows = officialRows('2021');
    const done = new Set<string>();
    for (const [from, to] of variants) if (!done.has(from)) relabel(rows, from, to).length && done.add(from);
    const report = fromText(rows, 'r.csv', ',');
    expectComplete(report, '2021');
    expect(report.tables.t2!.amountDecimals).toBe(4);
    expect(rulesOf(report)).toEqual([]);
  });

  it('tells 其他 apart by its group: a table-3 column, a （六） row and a table-4 column', () => {
    const report = fromText(officialRows('2021'));
    expect(report.tables.t3!.rows['otherHandling.other']!.cells.other).toBeDefined();
    expect(report.tables.t4!.rows.review!.cells.other!.loc!.cell).toBe('C55');
  });
});

describe('layouts that must not shift or hijack a table', () => {
  /** Add a column after the last one of table 3's rows: a header word and, per data row, `value(i)`. */
  function withExtraColumn(header: string, value: (i: number) => string) {
    const rows = officialRows('2021');
    const top = rows.findIndex((r) => r.includes('申请人情况'));
    rows[top + 1]!.push(header);
    rows.slice(top + 3, top + 3 + 25).forEach((r, i) => r.push(value(i)));
    return rows;
  }

  it.each([
    ['a 备注 column of remarks', '备注', (i: number) => (i === 2 ? '含网上申请' : i === 5 ? '无' : '')],
    ['a 校验 column of zeros', '校验', () => '0'],
  ])('%s after 总计 is ignored', (_, header, value) => {
    const report = fromText(withExtraColumn(header, value));
    expectComplete(report, '2021');
    expect(rulesOf(report)).toEqual([]);
  });

  it('a 小计 column under 法人或其他组织 is not read as a column of the format', () => {
    const rows = officialRows('2021');
    const top = rows.findIndex((r) => r.includes('申请人情况'));
    rows[top + 2]!.splice(4, 0, '小计');
    rows.slice(top + 3, top + 3 + 25).forEach((r) => {
      const legal = r.slice(4, 9).reduce((n, v) => n + Number(v), 0);
      r.splice(4, 0, String(legal));
    });
    rows[top + 1]!.splice(4, 0, '');
    const report = fromText(rows);
    expectComplete(report, '2021');
    expect(rulesOf(report)).toEqual([]);
  });

  it.each([
    ['（五）监督保障情况。全年未发生政府信息公开行政复议、行政诉讼案件。'],
    ['本年度收到和处理政府信息公开申请情况如下'],
    ['行政复议'],
  ])('a prose line %j before the tables does not take a table over', (prose) => {
    const rows = officialRows('2021');
    rows.splice(3, 0, [prose]);
    const clean = fromText(rows);
    expectComplete(clean, '2021');
    expect(rulesOf(clean)).toEqual([]);
    const i = rows.findIndex((r) => r.includes('（一）予以公开'));
    rows[i]![3] = String(Number(rows[i]![3]) + 1);
    expect(rulesOf(fromText(rows))).toEqual(['t3-row-total:granted:total', 't3-result-total:resultTotal:natural']);
  });

  it('pasted text with many prose lines full of commas is still read as tab-separated', () => {
    const rows = officialRows('2021');
    for (let i = 0; i < 80; i++) rows.splice(3, 0, ['我们坚持公开为常态,不公开为例外,推进决策、执行、管理、服务、结果公开,回应社会关切。']);
    const report = fromText(rows, 'pasted.txt');
    expectComplete(report, '2021');
    expect(rulesOf(report)).toEqual([]);
  });

  it.each(['表3数据2022.csv', '2021年主动公开和依申请公开情况.csv'])('a CSV named %j is not taken for one table', (name) => {
    const report = fromText(officialRows('2021'), name, ',');
    expectComplete(report, '2021');
    expect(rulesOf(report)).toEqual([]);
  });

  it('a 序号 column before the labels', () => {
    const rows = officialRows('2021');
    const top = rows.findIndex((r) => r.includes('申请人情况'));
    rows.forEach((r, i) => (i > top + 2 && i <= top + 27 ? r.unshift(String(i - top - 2)) : i >= top && i <= top + 2 ? r.unshift(i === top ? '序号' : '') : null));
    const report = fromText(rows);
    expectComplete(report, '2021');
    expect(rulesOf(report)).toEqual([]);
  });

  it('a group heading and its first row in one cell', () => {
    const rows = officialRows('2021');
    const i = rows.findIndex((r) => r.includes('（一）予以公开'));
    rows[i]!.splice(0, 2, '三、本年度办理结果（一）予以公开', '');
    const report = fromText(rows);
    expectComplete(report, '2021');
    expect(rulesOf(report)).toEqual([]);
  });

  it('table 3 printed without its 总计 column: one column-missing and nothing else', () => {
    const rows = officialRows('2021');
    const top = rows.findIndex((r) => r.includes('申请人情况'));
    rows[top + 1]!.pop();
    rows.slice(top + 3, top + 3 + 25).forEach((r) => r.pop());
    expect(rulesOf(fromText(rows))).toEqual(['column-missing::total']);
  });
});

describe('editions', () => {
  it('a 2021 report printing （六）其他处理 as one row: one row-missing, and the row is still summed', () => {
    const rows = officialRows('2021');
    const i = rows.findIndex((r) => r.includes('（六）其他处理'));
    const three = rows.slice(i, i + 3).map((r) => r.slice(3).map(Number));
    const one = three[0]!.map((_, c) => String(three.reduce((n, r) => n + r[c]!, 0)));
    rows.splice(i, 3, ['', '（六）其他处理', '', ...one]);
    const report = fromText(rows);
    expect(report.edition).toBe('2021');
    expect(rulesOf(report)).toEqual(['row-missing:otherHandling:']);
  });

  it('the same row with a wrong figure also fails t3-result-total', () => {
    const rows = officialRows('2021');
    const i = rows.findIndex((r) => r.includes('（六）其他处理'));
    rows.splice(i, 3, ['', '（六）其他处理', '', '0', '0', '0', '0', '0', '0', '0']);
    const rules = rulesOf(fromText(rows));
    expect(rules).toContain('row-missing:otherHandling:');
    expect(rules.filter((r) => r.startsWith('t3-result-total'))).not.toEqual([]);
  });

  it('2019 tables in a 2022 report: edition-mismatch', () => {
    const report = fromText(officialRows('2019', '测试县人民政府', 2022));
    expect(report.edition).toBe('2019');
    expect(rulesOf(report)).toEqual(['edition-mismatch::']);
  });

  it('--edition overrides the markers', () => {
    const report = fromText(officialRows('2021'), 'r.txt', '\t', { edition: '2019' });
    expect(report.edition).toBe('2019');
    expect(report.editionOverridden).toBe(true);
    expect(rulesOf(report)).toContain('row-missing:otherHandling:');
  });
});

describe('metadata', () => {
  it('reads 填报单位 and 报告年度 cells', () => {
    const rows = officialRows('2021').slice(1);
    rows.unshift(['填报单位', '某某市司法局'], ['报告年度', '2023年']);
    const report = fromText(rows);
    expect(report.agency).toMatchObject({ value: '某某市司法局', from: 'cell' });
    expect(report.year).toMatchObject({ value: 2023, from: 'cell' });
  });

  it('reads a title with the year first', () => {
    const rows = officialRows('2021').slice(1);
    rows.unshift(['2023年度某某县统计局政府信息公开工作年度报告']);
    const report = fromText(rows);
    expect(report.agency).toMatchObject({ value: '某某县统计局', from: 'title' });
    expect(report.year).toMatchObject({ value: 2023, from: 'title' });
  });

  it.each([
    [['示例县司法局'], ['2021年政府信息公开工作年度报告']],
    [['2021年度政府信息公开工作年度报告'], ['示例县司法局']],
    [['标题：示例县司法局2021年政府信息公开工作年度报告']],
    [['上一篇：示例县司法局2020年政府信息公开工作年度报告'], ['示例县司法局2021年政府信息公开工作年度报告']],
    [['示例县司法局关于2021年度政府信息公开工作年度报告']],
    [['示例县司法局政府信息公开工作2021年度报告']],
    [['示例县司法局二〇二一年政府信息公开工作年度报告']],
  ])('title lines as web pages give them: %j', (...title) => {
    const rows = officialRows('2021').slice(1);
    rows.unshift(...title.map((t) => [...t]));
    const report = fromText(rows);
    expect(report.agency?.value).toBe('示例县司法局');
    expect(report.year?.value).toBe(2021);
  });

  it('falls back to the file name', () => {
    const report = fromText(officialRows('2021').slice(1), '某某镇人民政府2022年度报告.csv');
    expect(report.agency).toMatchObject({ value: '某某镇人民政府', from: 'filename' });
    expect(report.year).toMatchObject({ value: 2022, from: 'filename' });
  });

  it('says when neither can be found', () => {
    const report = fromText(officialRows('2021').slice(1), 'upload.csv');
    expect(rulesOf(report)).toEqual(['metadata-missing::', 'metadata-missing::']);
  });
});

describe('structure', () => {
  it('a report without table 4: table-missing', () => {
    const rows = officialRows('2021');
    const start = rows.findIndex((r) => r[0]?.startsWith('四、政府信息公开'));
    rows.splice(start, 6);
    expect(rulesOf(fromText(rows))).toEqual(['table-missing::']);
  });

  it('a missing row: row-missing names it', () => {
    const rows = officialRows('2021').filter((r) => !r.includes('2.重复申请'));
    const rules = rulesOf(fromText(rows));
    expect(rules).toContain('row-missing:notProcessed.repeated:');
  });
});

describe('workbooks', () => {
  async function xlsx(build: (wb: ExcelJS.Workbook) => void) {
    const wb = new ExcelJS.Workbook();
    build(wb);
    return extract(await readGridFromBytes('w.xlsx', new Uint8Array(await wb.xlsx.writeBuffer())));
  }

  it('a hidden sheet (last year’s copy) is not read', async () => {
    const rows = (year: number, bump: number) => {
      const r = officialRows('2021', '测试县人民政府', year);
      const i = r.findIndex((x) => x.includes('（一）予以公开'));
      r[i]![3] = String(Number(r[i]![3]) + bump);
      return r;
    };
    const report = await xlsx((wb) => {
      const old = wb.addWorksheet('2021年');
      old.addRows(rows(2021, 0));
      old.state = 'hidden';
      wb.addWorksheet('2022年').addRows(rows(2022, 1));
    });
    expect(report.year?.value).toBe(2022);
    const errors = checkReport(report).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.rule}:${d.row}:${d.column}`);
    expect(errors).toEqual(['t3-row-total:granted:total', 't3-result-total:resultTotal:natural']);
  });

  it('one sheet per table, without titles, at different offsets', async () => {
    const rows = officialRows('2021');
    const at = (pred: (r: string[]) => boolean) => rows.findIndex(pred);
    const t2 = rows.slice(at((r) => r[0] === '第二十条第（一）项'), at((r) => r[0] === '三、收到和处理政府信息公开申请情况') - 1);
    const t3 = rows.slice(at((r) => r[0]?.startsWith('（本列数据') ?? false), at((r) => r[0] === '四、政府信息公开行政复议、行政诉讼情况') - 1);
    const t4 = rows.slice(at((r) => r[0] === '行政复议'), at((r) => r[0] === '五、存在的主要问题及改进情况') - 1);
    const report = await xlsx((wb) => {
      wb.addWorksheet('封面').addRows([['填报单位', '测试县人民政府'], ['报告年度', 2022]]);
      wb.addWorksheet('表二').addRows(t2);
      const s3 = wb.addWorksheet('表三');
      s3.addRows([[], ['注：单位为件']]);
      t3.forEach((r, i) => r.forEach((v, j) => v !== '' && (s3.getCell(4 + i, 2 + j).value = /^\d+$/.test(v) ? Number(v) : v)));
      wb.addWorksheet('表四').addRows(t4.map((r) => r.map((v) => (/^\d+$/.test(v) ? Number(v) : v))));
    });
    expectComplete(report, '2021');
    expect(report.tables.t3!.rows.received!.cells.natural!.loc).toMatchObject({ sheet: '表三', cell: 'E7' });
    expect(rulesOf(report)).toEqual(['cell-number-text::']);
  });

  it('the official layout with merged label and header cells', async () => {
    const rows = officialRows('2021');
    const report = await xlsx((wb) => {
      const ws = wb.addWorksheet('年度报告');
      rows.forEach((r, i) => r.forEach((v, j) => v !== '' && (ws.getCell(i + 1, j + 1).value = /^-?\d+$/.test(v) ? Number(v) : v)));
      const t3Start = rows.findIndex((r) => r[0]?.startsWith('（本列数据')) + 1;
      ws.mergeCells(t3Start, 1, t3Start + 2, 3);
      ws.mergeCells(t3Start, 4, t3Start, 10);
      ws.mergeCells(t3Start + 1, 10, t3Start + 2, 10);
      for (let r = t3Start + 3; r <= t3Start + 4; r++) ws.mergeCells(r, 1, r, 3);
      ws.mergeCells(t3Start + 5, 2, t3Start + 5, 3);
    });
    expectComplete(report, '2021');
    expect(rulesOf(report)).toEqual([]);
  });
});

describe('cells that are not text', () => {
  it('reads a header spelt in error cells (t="e") as it reads it in text cells', async () => {
    const grid = await readGrid('fixtures/official-2022.xlsx');
    const headers = new Set(['申请人情况', '自然人', '行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计']);
    const asErrors: Grid = {
      ...grid,
      sheets: grid.sheets.map((sheet) => ({
        ...sheet,
        rows: new Map([...sheet.rows].map(([r, cells]) => [r, cells.map((c) => (c.kind === 'text' && headers.has(c.text.trim()) ? { ...c, kind: 'error' as const } : c))])),
      })),
    };
    const changed = asErrors.sheets.flatMap((s) => [...s.rows.values()].flat()).filter((c) => c.kind === 'error').length;
    expect(changed).toBeGreaterThan(10);
    expect(extract(asErrors).tables).toEqual(extract(grid).tables);
  });
});
