// Split a workbook's rows into the regions of tables 2, 3 and 4 by the titles and headers each
// table prints, wherever they are: one stacked sheet or one sheet per table.

import type { TableId } from '../form/types.js';
import { normalizeLabel, remember } from '../form/labels.js';
import type { Grid } from '../model/grid.js';
import { sheetLines, type Line } from './lines.js';

type Region = TableId | 'prose' | null;

/**
 * A cell opens a region when its whole text (numbering stripped) is a table's title or one of its
 * header cells: a sentence that merely mentions 行政复议 or 申请 in the prose does not.
 */
const MARKERS: Array<[Exclude<Region, null>, RegExp]> = [
  ['prose', /^(总体情况|存在的主要问题(及改进情况)?|其他需要报告的事项)$/],
  ['t2', /^(主动公开政府信息情况|第二十条第\([一二三四五六七八九十]{1,3}\)项|信息内容|本年制发件数|本年新制作数量)$/],
  ['t3', /^(收到和处理政府信息公开申请情况|\(?本列数据的勾稽关系.*|申请人情况|自然人|本年新收政府信息公开申请数量)$/],
  ['t4', /^(政府信息公开行政复议[、和及与]?行政诉讼情况|行政复议|行政诉讼|未经复议直接起诉|复议后起诉)$/],
];

const SHEET_HINTS: Array<[TableId, RegExp]> = [
  ['t2', /表二|表2|主动公开/],
  ['t3', /表三|表3|依申请|申请公开/],
  ['t4', /表四|表4|复议|诉讼/],
];

/** The region a cell's text opens, or null; remembered, as the same titles recur in every file. */
const markers = new Map<string, Region>();

function markerOf(raw: string): Region {
  const { text } = normalizeLabel(raw);
  for (const [region, marker] of MARKERS) if (marker.test(text)) return region;
  return null;
}

function markerRegion(line: Line): Region | undefined {
  for (const cell of line.cells) {
    // Titles and headers are text; a workbook's numbers are not worth normalising.
    if (cell.kind !== 'text') continue;
    const region = remember(markers, cell.text, markerOf);
    if (region) return region;
  }
  return undefined;
}

export interface Regions {
  /** Each table's stretches of lines, in file order: usually one, more if the table is printed twice. */
  t2: Line[][];
  t3: Line[][];
  t4: Line[][];
  /** Every line of the visible sheets, in order, for metadata and marker scans. */
  all: Line[];
}

export function splitRegions(grid: Grid): Regions {
  const out: Regions = { t2: [], t3: [], t4: [], all: [] };
  // A document's tables follow one another as its text does: a table printed as several (table 2's
  // blocks under headings of their own, a table continued after a page break) is one stretch.
  const document = grid.kind === 'docx' || grid.kind === 'html' || grid.kind === 'pdf';
  let region: Region = null;
  let current: Line[] | null = null;
  for (const sheet of grid.sheets) {
    if (sheet.hidden) continue;
    if (!document) {
      // Only a workbook's own sheet names say anything; a CSV's sheet is named after the file.
      region = grid.kind === 'xlsx' ? (SHEET_HINTS.find(([, re]) => re.test(sheet.name))?.[0] ?? null) : null;
      current = null;
    }
    for (const line of sheetLines(sheet)) {
      out.all.push(line);
      const next = markerRegion(line);
      if (next !== undefined && next !== region) {
        region = next;
        current = null;
      }
      if (region === 't2' || region === 't3' || region === 't4') {
        if (!current) out[region].push((current = []));
        current.push(line);
      }
    }
  }
  return out;
}
