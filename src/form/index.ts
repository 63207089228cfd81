// The national format as data: both editions, and lookups the extractor, rules and docs share.

import { EDITION_2019 } from './edition2019.js';
import { EDITION_2021 } from './edition2021.js';
import type { Edition, EditionId, TableId } from './types.js';

export * from './types.js';
export { normalizeLabel, normalizeText, bestMatch, matchScore, NAMES_ITEM } from './labels.js';

export const EDITIONS: Record<EditionId, Edition> = { '2019': EDITION_2019, '2021': EDITION_2021 };
export const EDITION_IDS: EditionId[] = ['2019', '2021'];

/** The years a report can be of: the regulations' first reporting year (2008) onwards. */
export const REPORT_YEARS = { first: 2008, last: 2100 } as const;

/** Whether a number can be a report year. */
export function plausibleYear(year: number): boolean {
  return year >= REPORT_YEARS.first && year <= REPORT_YEARS.last;
}

/** The edition a report year should use, or null for years before either edition. */
export function editionForYear(year: number): EditionId | null {
  for (const id of EDITION_IDS) {
    const { from, to } = EDITIONS[id].years;
    if (year >= from && (to === null || year <= to)) return id;
  }
  return null;
}

export const TABLE_NAMES: Record<TableId, { zh: string; en: string; title: string }> = {
  t2: { zh: '表二', en: 'Table 2', title: '二、主动公开政府信息情况' },
  t3: { zh: '表三', en: 'Table 3', title: '三、收到和处理政府信息公开申请情况' },
  t4: { zh: '表四', en: 'Table 4', title: '四、政府信息公开行政复议、行政诉讼情况' },
};

/** Every table-2 row of an edition with the columns its block gives it. */
export function t2Rows(edition: Edition) {
  return edition.t2.blocks.flatMap((block) => block.rows.map((row) => ({ row, block, columns: block.columns })));
}

/** Keys of an edition's table-3 rows under （六）其他处理: one row in 2019, three in 2021. */
const sixRows = (id: EditionId) => EDITIONS[id].t3.rows.filter((r) => r.key.startsWith('otherHandling')).map((r) => r.key);

/**
 * The shape in which table 3's rows (by key) print （六）其他处理: the edition whose shape it is,
 * '2021' for any of the three rows (a figure beside their heading is its subtotal), '2019' for
 * the one row, null when it is not printed at all.
 */
export function sixShape(rows: Readonly<Record<string, unknown>>): EditionId | null {
  if (sixRows('2021').some((k) => k in rows)) return '2021';
  return 'otherHandling' in rows ? '2019' : null;
}

/** Row keys of table 3 in print order: the edition's rows, with （六） in the shape the report printed it. */
export function t3RowKeys(edition: Edition, printed: Readonly<Record<string, unknown>> = {}): string[] {
  const keys = edition.t3.rows.map((r) => r.key);
  const shape = sixShape(printed);
  if (!shape || shape === edition.id) return keys;
  // A report that printed （六） the other edition's way keeps its figures: they are what it says.
  const own = sixRows(edition.id);
  const at = keys.indexOf(own[0]!);
  return [...keys.slice(0, at), ...sixRows(shape), ...keys.slice(at + own.length)];
}
