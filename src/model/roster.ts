// Who has not submitted (`--expect 名单.csv`): the bodies on a supervising office's roster matched
// with the reports of a batch by name and year. Names are matched after the normalisation that
// pairs reports across years (NFKC, no spaces or punctuation) and with 人民政府 written 政府 on both
// sides, never by similarity: 县人民政府 and 县人民政府办公室 are two bodies.

import { agencyKey } from './facts.js';

export interface RosterEntry {
  body: string;
  /** The year the line names; null when it names none (the batch's year is expected). */
  year: number | null;
  /** The line of the roster file, from 1. */
  line: number;
}

/** A body's key as the roster is matched: agencyKey with 人民政府 as 政府. */
export function rosterKey(name: string): string {
  return agencyKey(name).replace(/人民政府/g, '政府');
}

/** A report of the batch, as the roster sees it. */
export interface Submitted {
  file: string;
  agency: string | null;
  year: number | null;
}

export interface RosterOutcome {
  /** The year expected of lines that name none. */
  year: number | null;
  /** Each line with the files that are its body's report of its year (for a person to confirm). */
  matched: Array<RosterEntry & { year: number; files: string[] }>;
  /** Lines whose body has no report of the year (null: the line names none, and no report of the batch has one to expect). */
  missing: Array<RosterEntry & { year: number | null }>;
  /** Files whose body and year are on no line. */
  unmatched: string[];
}

/** The year most reports of the batch are of (the later on a tie); null when none has a year. */
function usualYear(reports: readonly Submitted[]): number | null {
  const counts = new Map<number, number>();
  for (const r of reports) if (r.year !== null) counts.set(r.year, (counts.get(r.year) ?? 0) + 1);
  let best: number | null = null;
  for (const [year, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && year > best)) best = year;
  return best;
}

/** The roster matched with the batch's reports; `year` (--year) is expected of lines without one, else the batch's usual year. */
export function matchRoster(entries: readonly RosterEntry[], reports: readonly Submitted[], year: number | null = null): RosterOutcome {
  const expected = year ?? usualYear(reports);
  const byKey = new Map<string, string[]>();
  for (const r of reports) {
    if (!r.agency || r.year === null) continue;
    const key = `${rosterKey(r.agency)}\u0000${r.year}`;
    const files = byKey.get(key);
    if (files) files.push(r.file);
    else byKey.set(key, [r.file]);
  }
  const outcome: RosterOutcome = { year: expected, matched: [], missing: [], unmatched: [] };
  const listed = new Set<string>();
  for (const entry of entries) {
    const entryYear = entry.year ?? expected;
    // No year to expect (no report of the batch has one): nothing of the body's is there.
    if (entryYear === null) {
      outcome.missing.push({ ...entry, year: null });
      continue;
    }
    const key = `${rosterKey(entry.body)}\u0000${entryYear}`;
    // A body listed twice for a year is one body: its first line stands for it.
    if (listed.has(key)) continue;
    listed.add(key);
    const files = byKey.get(key);
    if (files) outcome.matched.push({ ...entry, year: entryYear, files });
    else outcome.missing.push({ ...entry, year: entryYear });
  }
  for (const [key, files] of byKey) if (!listed.has(key)) outcome.unmatched.push(...files);
  // Files without a body or year cannot be matched either.
  for (const r of reports) if (!r.agency || r.year === null) outcome.unmatched.push(r.file);
  return outcome;
}
