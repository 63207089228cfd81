// Split a workbook's rows into the regions of tables 2, 3 and 4 by the markers each table prints
// (titles, captions, headers), wherever they are: one stacked sheet or one sheet per table.

import type { TableId } from '../form/types.js';
import { normalizeText } from '../form/labels.js';
import type { Grid } from '../model/grid.js';
import { sheetLines, type Line } from './lines.js';

type Region = TableId | 'prose' | null;

const MARKERS: Array<[Exclude<Region, null>, string[]]> = [
  ['prose', ['总体情况', '存在的主要问题', '其他需要报告的事项']],
  ['t2', ['主动公开政府信息情况', '第二十条第', '信息内容', '本年制发件数', '本年新制作数量']],
  ['t3', ['收到和处理政府信息公开申请', '勾稽关系', '申请人情况', '本年新收政府信息公开申请']],
  ['t4', ['行政复议', '行政诉讼', '复议后起诉', '直接起诉']],
];

const SHEET_HINTS: Array<[TableId, RegExp]> = [
  ['t2', /表二|表2|主动公开/],
  ['t3', /表三|表3|申请/],
  ['t4', /表四|表4|复议|诉讼/],
];

/** Longer cells are prose paragraphs, which mention table names in passing. */
const MAX_MARKER_CELL = 60;

function markerRegion(line: Line): Region | undefined {
  for (const cell of line.cells) {
    const text = normalizeText(cell.text);
    if (text.length > MAX_MARKER_CELL) continue;
    for (const [region, markers] of MARKERS) {
      if (markers.some((m) => text.includes(m))) return region;
    }
  }
  return undefined;
}

export interface Regions {
  t2: Line[];
  t3: Line[];
  t4: Line[];
  /** Every line, in order, for metadata and marker scans. */
  all: Line[];
}

export function splitRegions(grid: Grid): Regions {
  const out: Regions = { t2: [], t3: [], t4: [], all: [] };
  // A table that appears a second time (a duplicate later in the file) is read from its first appearance.
  const closed = new Set<TableId>();
  for (const sheet of grid.sheets) {
    let region: Region = SHEET_HINTS.find(([, re]) => re.test(sheet.name))?.[0] ?? null;
    for (const line of sheetLines(sheet)) {
      out.all.push(line);
      const next = markerRegion(line);
      if (next !== undefined && next !== region) {
        if (region === 't2' || region === 't3' || region === 't4') closed.add(region);
        region = next;
      }
      if ((region === 't2' || region === 't3' || region === 't4') && !closed.has(region)) out[region].push(line);
    }
    if (region === 't2' || region === 't3' || region === 't4') closed.add(region);
  }
  return out;
}
