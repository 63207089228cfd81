// Types for the national format described as data (see docs/format.md): editions, tables, rows, columns.

export type EditionId = '2019' | '2021';
export type TableId = 't2' | 't3' | 't4';

/** How a value in a column is read and checked. */
export type ValueKind =
  | 'count' // non-negative integer
  | 'signed' // integer that may be negative (2019 `change`), may be written `+5`
  | 'amount'; // non-negative decimal (money)

export interface ColumnDef {
  key: string;
  /** The label as the national template prints it. */
  label: string;
  /** Short name used in messages. */
  short: string;
  /** The short name in English, for English messages: `natural persons`. */
  en: string;
  /** Normalised label prefixes that identify this column (see labels.ts). */
  aliases: string[];
  kind: ValueKind;
  /** For amounts: decimals allowed when the label says so (保留4位小数). */
  decimals?: number;
}

export interface RowDef {
  key: string;
  /** The label as the national template prints it (without numbering). */
  label: string;
  /** Short name used in messages, with the template's numbering: `（七）总计`. */
  short: string;
  /** The short name in English, numbered the Western way (一、 I., （一） (1), 1. 1.): `(7) total`. */
  en: string;
  aliases: string[];
}

/** A table-2 block: a caption (第二十条第（一）项), a header row and its data rows. */
export interface T2Block {
  caption: string;
  columns: ColumnDef[];
  rows: RowDef[];
}

export interface T3Row extends RowDef {
  /** 1 = 一、…; 2 = （一）…; 3 = 1.… */
  level: 1 | 2 | 3;
  /** The level-2 group a level-3 row belongs to (denied, unavailable, notProcessed, otherHandling). */
  group?: string;
  /** A leaf of 三、本年度办理结果: summed into resultTotal. */
  result: boolean;
}

export interface T3Group {
  key: string;
  label: string;
  short: string;
  /** The short name in English, numbered as `short` is: `(3) withheld`. */
  en: string;
  aliases: string[];
}

export interface T4Group {
  key: string;
  label: string;
  short: string;
  /** The short name in English: `lawsuit without review`. */
  en: string;
}

export interface Edition {
  id: EditionId;
  /** The document that issued it. */
  source: string;
  /** Report years this edition is for (inclusive); `to` null = still in force. */
  years: { from: number; to: number | null };
  t2: { blocks: T2Block[] };
  t3: { rows: T3Row[]; groups: T3Group[]; columns: ColumnDef[] };
  t4: { groups: T4Group[]; columns: ColumnDef[] };
  /** Normalised labels whose presence marks a report as this edition. */
  markers: string[];
}
