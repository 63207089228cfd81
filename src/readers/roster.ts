// A roster of the bodies a supervising office expects reports from (`--expect 名单.csv`): CSV or
// plain text, one body a line, an optional header row, an optional year column (model/roster.ts
// matches it with a batch's reports).

import type { RosterEntry } from '../model/roster.js';
import { decode } from './text.js';

const YEAR = /^(\d{4})(?:年度?)?$/;
/** A header cell: a column's name, whole (a body's name may hold 机关 or 部门: 县机关事务管理局). */
const HEADER = /^(?:序号|编号|(?:报送|填报|报告)?(?:单位|机关|机构|部门|主体)(?:名称|全称)?|名称|(?:报告)?(?:年度|年份)|body|name|year|agency|no\.?)$/i;
/** A 序号 column: a small number, not a year. */
const ORDINAL = /^\d{1,3}[.、]?$/;

function yearOf(cell: string): number | null {
  const m = YEAR.exec(cell);
  const year = m ? Number(m[1]) : NaN;
  return year >= 2008 && year <= 2100 ? year : null;
}

/** The entries of a roster file: each line's body (its first cell that is neither a year nor an ordinal) and year. */
export function parseRoster(bytes: Uint8Array): RosterEntry[] {
  const { text } = decode(bytes);
  const entries: RosterEntry[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  lines.forEach((raw, i) => {
    const cells = raw
      .split(/[\t,，]/)
      .map((c) => c.trim().replace(/^"(.*)"$/, '$1').trim())
      .filter((c) => c !== '');
    if (cells.length === 0 || cells[0]!.startsWith('#')) return;
    // A header row: the first line with content, naming its columns.
    if (entries.length === 0 && cells.every((c) => HEADER.test(c) || ORDINAL.test(c))) return;
    const year = cells.map(yearOf).find((y) => y !== null) ?? null;
    const body = cells.find((c) => yearOf(c) === null && !ORDINAL.test(c));
    if (body) entries.push({ body, year, line: i + 1 });
  });
  return entries;
}

