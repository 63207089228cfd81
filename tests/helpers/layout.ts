// A report laid out as rows of cells, the way the national template prints it, for extractor
// tests: change a label or a cell, write it as TSV/CSV/XLSX, read it back.

import { EDITIONS } from '../../src/form/index.js';
import type { EditionId } from '../../src/form/types.js';

export type Rows = string[][];

/** Balanced table-3 figures per row key: [natural, commercial, research, nonprofit, legal, other]. */
export function t3Figures(edition: EditionId): Record<string, number[]> {
  const leaves = EDITIONS[edition].t3.rows.filter((r) => r.result);
  const f: Record<string, number[]> = {};
  leaves.forEach((r, i) => (f[r.key] = [(i % 4) + 1, i % 2, i === 0 ? 1 : 0, 0, i % 3 === 0 ? 1 : 0, i === 3 ? 2 : 0]));
  const total = (key: string[]) => [0, 1, 2, 3, 4, 5].map((c) => key.reduce((n, k) => n + f[k]![c]!, 0));
  f.resultTotal = total(leaves.map((r) => r.key));
  f.carriedOver = [2, 1, 0, 0, 0, 0];
  f.carriedForward = [3, 0, 1, 0, 0, 0];
  f.received = f.resultTotal.map((t, c) => t + f.carriedForward![c]! - f.carriedOver![c]!);
  return f;
}

const withTotal = (parts: number[]) => [...parts, parts.reduce((a, b) => a + b, 0)].map(String);

/** The whole report, stacked on one sheet like the Word template, labels as printed. */
export function officialRows(edition: EditionId = '2021', agency = '测试县人民政府', year = edition === '2021' ? 2022 : 2020): Rows {
  const ed = EDITIONS[edition];
  const rows: Rows = [[`${agency}${year}年政府信息公开工作年度报告`], [], ['一、总体情况'], ['（略）'], ['二、主动公开政府信息情况']];
  for (const block of ed.t2.blocks) {
    rows.push([block.caption], ['信息内容', ...block.columns.map((c) => c.label)]);
    block.rows.forEach((r, i) => rows.push([r.label, ...block.columns.map((c, j) => (c.kind === 'signed' ? String(-i - 1) : String(2 + i + j)))]));
  }
  const f = t3Figures(edition);
  rows.push(
    [],
    ['三、收到和处理政府信息公开申请情况'],
    ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '', '', '申请人情况'],
    ['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计'],
    ['', '', '', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''],
  );
  const groupLabel: Record<string, string> = { denied: '（三）不予公开', unavailable: '（四）无法提供', notProcessed: '（五）不予处理', otherHandling: '（六）其他处理' };
  const seenGroups = new Set<string>();
  for (const r of ed.t3.rows) {
    const nums = withTotal(f[r.key]!);
    const numbering = r.short.replace(/^（[一二三四五六七]）(?=\d)/, '').replace(/[^\d一二三四五六七（）、.].*$/, '');
    const label = r.level === 1 ? r.short.replace(/、.*/, '、') + r.label : `${numbering}${r.label}`;
    if (r.level === 1) rows.push([label, '', '', ...nums]);
    else if (r.level === 2) rows.push([r.key === 'granted' ? '三、本年度办理结果' : '', label, '', ...nums]);
    else {
      const first = !seenGroups.has(r.group!);
      seenGroups.add(r.group!);
      rows.push(['', first ? groupLabel[r.group!]! : '', label, ...nums]);
    }
  }
  rows.push(
    [],
    ['四、政府信息公开行政复议、行政诉讼情况'],
    ['行政复议', '', '', '', '', '行政诉讼'],
    ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '', '', '', '', '复议后起诉'],
    ['', '', '', '', '', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
    [...withTotal([2, 1, 0, 1]), ...withTotal([1, 0, 0, 1]), ...withTotal([0, 0, 1, 0])],
    [],
    ['五、存在的主要问题及改进情况'],
    ['（略）'],
  );
  return rows;
}

export function toDelimited(rows: Rows, delimiter = '\t'): string {
  return rows.map((r) => r.map((c) => (delimiter === ',' && /[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(delimiter)).join('\n') + '\n';
}

/** Replace the first cell whose text equals `from`. */
export function relabel(rows: Rows, from: string, to: string): Rows {
  for (const row of rows) {
    const i = row.indexOf(from);
    if (i >= 0) {
      row[i] = to;
      return rows;
    }
  }
  throw new Error(`label not found: ${from}`);
}
