// A roster of the bodies a supervising office expects reports from (`--expect 名单.csv`): CSV
// (quoted fields too), tab-separated or plain text, one body a line, an optional header row naming
// the columns (the body's and the year's are taken from it), an optional year column, a 序号
// column; a text line may end in its year (示例县财政局 2023). model/roster.ts matches it.

import { plausibleYear } from '../form/index.js';
import type { RosterEntry } from '../model/roster.js';
import { decode } from './text.js';

const YEAR = /^(\d{4})(?:年度?)?$/;
/** A header cell: a column's name, whole (a body's name may hold 机关 or 部门: 县机关事务管理局). */
const HEADER = /^(?:序号|编号|(?:报送|填报|报告|所属)?(?:单位|机关|机构|部门|主体|区县|地区)(?:名称|全称)?(?:[(（].*[)）])?|名称|(?:报送|报告)?(?:年度|年份)|联系人|联系电话|电话|备注|body|name|year|agency|no\.?)$/i;
/** The header cell of the body's column, best first: one that says 名称, then one that names the body. */
const NAME_COLUMNS = [/名称|全称|^name$|^agency$|^body$/i, /^(?:报送|填报|报告)?(?:单位|机关|机构|部门|主体)$/];
const YEAR_COLUMN = /年度|年份|^year$/i;
/** A 序号 cell: a small number, not a year (1, 1., 1、, (1), 1）). */
const ORDINAL = /^[(（]?\d{1,3}[)）.、]?$/;

function yearOf(cell: string | undefined): number | null {
  const m = YEAR.exec(cell ?? '');
  const year = m ? Number(m[1]) : NaN;
  return plausibleYear(year) ? year : null;
}

/** A CSV line's fields: quoted fields may hold commas, and "" is a quote. */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (line[i + 1] === '"') (field += '"'), i++;
      else quoted = false;
    } else if (c === '"' && field.trim() === '') (quoted = true), (field = '');
    else if (c === ',' || c === '，') out.push(field), (field = '');
    else field += c;
  }
  out.push(field);
  return out;
}

/** A line's cells: tab-separated, CSV, or a text line with its year split off its end. */
function cellsOf(line: string): string[] {
  const csv = /[,，]/.test(line) || line.trimStart().startsWith('"');
  const fields = line.includes('\t') ? line.split('\t') : csv ? csvFields(line) : line.trim().split(/\s+(?=\d{4}(?:年度?)?$)/);
  return fields.map((c) => c.trim());
}

/** The entries of a roster file: each line's body and year, with its line number. */
export function parseRoster(bytes: Uint8Array): RosterEntry[] {
  const { text } = decode(bytes);
  const entries: RosterEntry[] = [];
  let columns: { name: number; year: number } | null = null;
  let first = true;
  text.split(/\r\n|\n|\r/).forEach((raw, i) => {
    const cells = cellsOf(raw);
    if (cells.every((c) => c === '') || cells[0]!.startsWith('#')) return;
    // The first line with content names the columns when one of its cells is a column's name and none a year.
    if (first) {
      first = false;
      if (cells.some((c) => HEADER.test(c)) && !cells.some((c) => yearOf(c) !== null)) {
        const name = NAME_COLUMNS.map((re) => cells.findIndex((c) => re.test(c))).find((at) => at >= 0) ?? -1;
        columns = { name, year: cells.findIndex((c) => YEAR_COLUMN.test(c)) };
        return;
      }
    }
    const named = columns && columns.name >= 0 ? cells[columns.name] : undefined;
    const body = named || cells.find((c) => c !== '' && yearOf(c) === null && !ORDINAL.test(c));
    const year = columns && columns.year >= 0 ? yearOf(cells[columns.year]) : (cells.map(yearOf).find((y) => y !== null) ?? null);
    if (body) entries.push({ body, year, line: i + 1 });
  });
  return entries;
}
