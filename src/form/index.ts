// The national format as data: both editions, and lookups the extractor, rules and docs share.

import { EDITION_2019 } from './edition2019.js';
import { EDITION_2021 } from './edition2021.js';
import type { Edition, EditionId, TableId } from './types.js';

export * from './types.js';
export { normalizeLabel, normalizeText, bestMatch, matchScore } from './labels.js';

export const EDITIONS: Record<EditionId, Edition> = { '2019': EDITION_2019, '2021': EDITION_2021 };
export const EDITION_IDS: EditionId[] = ['2019', '2021'];

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

/** Row keys of table 3 in print order: the edition's rows, with （六） in the shape the report printed it. */
export function t3RowKeys(edition: Edition, printed: Record<string, unknown> = {}): string[] {
  const keys = edition.t3.rows.map((r) => r.key);
  const other = EDITIONS[edition.id === '2021' ? '2019' : '2021'].t3.rows.filter((r) => r.key.startsWith('otherHandling')).map((r) => r.key);
  const own = keys.filter((k) => k.startsWith('otherHandling'));
  // A report that printed （六） the other edition's way keeps its figures: they are what it says.
  if (own.every((k) => !(k in printed)) && other.every((k) => k in printed)) {
    const at = keys.indexOf(own[0]!);
    return [...keys.slice(0, at), ...other, ...keys.slice(at + own.length)];
  }
  return keys;
}
