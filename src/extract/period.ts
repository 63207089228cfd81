// The statistical period a report's text states (统计期限自2023年1月1日起至2023年12月31日止): one
// reading for the metadata (the report year, when no title names one) and for the rule that compares
// it with the title's year (period-year-mismatch).

import { numberOf } from './numbers.js';

const YEAR = '\\d{4}|[〇零一二三四五六七八九]{4}';
/**
 * What introduces it (统计期限 and its synonyms; not 报告期内, which introduces anything done in the
 * year), its first day, and its last day, the year's last (12月31日), whose year may be left out.
 */
const PERIOD = new RegExp(
  `(?:统计期限|统计期间|统计时限|统计时间|统计区间|统计周期)[^。;]{0,16}?(?<from>${YEAR})年(?<month>\\d{1,2})月(?<day>\\d{1,2})日[^。;\\d]{0,4}?(?:至|到|-|—|~)(?:(?<to>${YEAR})年)?12月31日`,
);

export interface StatedPeriod {
  /** The year of its last day, 12月31日. */
  year: number;
  /** Whether it is that whole calendar year (from 1月1日 of the same year). */
  wholeYear: boolean;
  /** Where it is in the text searched, and its length. */
  at: number;
  length: number;
}

/** The first statistical period ending on 12月31日 that `text` (NFKC) states, or null. */
export function statedPeriod(text: string): StatedPeriod | null {
  const m = PERIOD.exec(text);
  if (!m) return null;
  const { from, to, month, day } = m.groups!;
  const start = numberOf(from!);
  const year = to === undefined ? start : numberOf(to);
  if (start === null || year === null) return null;
  return { year, wholeYear: start === year && Number(month) === 1 && Number(day) === 1, at: m.index, length: m[0].length };
}
