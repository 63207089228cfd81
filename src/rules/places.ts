// How findings name places in a report for people: 表三（七）总计·自然人 / Table 3 (7) total ·
// natural persons, by the form's short labels (canonical keys stay in the JSON fields), and the
// cells an identity sums as a range (D25:D46).

import { EDITIONS, TABLE_NAMES } from '../form/index.js';
import type { TableId } from '../form/types.js';
import type { Level } from '../model/divisions.js';
import type { Location } from '../model/report.js';
import type { Bilingual, Lang } from './types.js';

const ROW_LABELS = new Map<string, Bilingual>();
const COLUMN_LABELS = new Map<string, Bilingual>();
const names = (def: { short: string; en: string }): Bilingual => ({ zh: def.short, en: def.en });
for (const edition of Object.values(EDITIONS)) {
  for (const block of edition.t2.blocks) {
    for (const row of block.rows) ROW_LABELS.set(row.key, names(row));
    // Table-2 columns are named per row: `amount` is the fee amount in 2021, the procurement total in 2019.
    for (const row of block.rows) for (const col of block.columns) COLUMN_LABELS.set(`t2.${row.key}.${col.key}`, names(col));
  }
  for (const row of edition.t3.rows) ROW_LABELS.set(`t3.${row.key}`, names(row));
  for (const col of edition.t3.columns) COLUMN_LABELS.set(`t3.${col.key}`, names(col));
  for (const g of edition.t4.groups) ROW_LABELS.set(`t4.${g.key}`, names(g));
  for (const col of edition.t4.columns) COLUMN_LABELS.set(`t4.${col.key}`, names(col));
}

/** A row's short label (table 4: its group's); the key itself for a key the form does not know. */
export function rowLabel(table: TableId, row: string, lang: Lang = 'zh'): string {
  return (table === 't2' ? ROW_LABELS.get(row) : ROW_LABELS.get(`${table}.${row}`))?.[lang] ?? row;
}

/** A column's short label (table 2: as the row's block names it); the key itself for an unknown one. */
export function columnLabel(table: TableId, column: string, row: string | null = null, lang: Lang = 'zh'): string {
  return COLUMN_LABELS.get(table === 't2' ? `t2.${row}.${column}` : `${table}.${column}`)?.[lang] ?? column;
}

/** 表三（七）总计·自然人 / Table 3 (7) total · natural persons */
export function place(table: TableId, row: string | null, column: string | null): Bilingual {
  const parts = (lang: Lang) => [row ? rowLabel(table, row, lang) : '', column ? columnLabel(table, column, row, lang) : ''].filter(Boolean);
  const zh = parts('zh').join('·');
  const joiner = zh.startsWith('（') || zh === '' ? '' : '·';
  return { zh: `${TABLE_NAMES[table].zh}${joiner}${zh}`, en: `${TABLE_NAMES[table].en} ${parts('en').join(' · ')}`.trim() };
}

/** The cells an identity sums, as a range when they form one line of a sheet: D25:D46. */
export function span(locs: Array<Location | null>): string {
  const list = locs.filter((l): l is Location => l !== null);
  if (list.length === 0) return '';
  const sheet = list[0]!.sheet;
  const sameCol = list.every((l) => l.col === list[0]!.col && l.sheet === sheet);
  const sameRow = list.every((l) => l.row === list[0]!.row && l.sheet === sheet);
  if (!sameCol && !sameRow) return list.map((l) => l.cell).join(',');
  const sorted = [...list].sort((a, b) => a.row - b.row || a.col - b.col);
  return sorted.length === 1 ? sorted[0]!.cell : `${sorted[0]!.cell}:${sorted[sorted.length - 1]!.cell}`;
}

/** A body's administrative level, for messages (model/divisions.ts). */
export const LEVEL_NAMES: Record<Level, Bilingual> = {
  national: { zh: '国务院部门', en: 'State Council' },
  province: { zh: '省级', en: 'provincial' },
  prefecture: { zh: '地市级', en: 'prefecture-level' },
  county: { zh: '县级', en: 'county-level' },
  township: { zh: '乡镇级', en: 'township-level' },
};
