// A normalized report (`report convert --to json`) read back as a Report, so that JSON from other
// systems can be checked and converted like any other input. Its values have no cells to point at.

import { EDITION_IDS, EDITIONS } from '../form/index.js';
import type { EditionId, TableId } from '../form/types.js';
import type { Paragraph } from '../model/grid.js';
import type { CellValue, Report, TableData } from '../model/report.js';
import { ReadError } from '../readers/errors.js';
import { missingRows } from './index.js';
import { carriesNarrative, findSections } from './sections.js';

function value(v: unknown): CellValue {
  if (typeof v === 'number' && Number.isFinite(v)) {
    const decimals = Number.isInteger(v) ? 0 : (String(v).split('.')[1]?.length ?? 0);
    return { text: String(v), value: v, status: 'ok', notes: [], decimals, loc: null };
  }
  if (v === null || v === undefined) return { text: '', value: null, status: 'blank', notes: [], decimals: 0, loc: null };
  // Only scalars have a text: String() of a deeply nested array would overflow the stack.
  const text = typeof v === 'string' ? v.slice(0, 100) : typeof v === 'object' ? (Array.isArray(v) ? '[…]' : '{…}') : String(v);
  return { text, value: null, status: 'not-number', notes: [], decimals: 0, loc: null };
}

/** A table; absent when it has no rows or not a single value (as a table missing from the source is written). */
function table(id: TableId, rows: unknown): TableData | null {
  if (!rows || typeof rows !== 'object') return null;
  const values = Object.values(rows as Record<string, unknown>).flatMap((cells) => (cells && typeof cells === 'object' ? Object.values(cells) : []));
  if (values.every((v) => v === null || v === undefined)) return null;
  const out: TableData = { id, loc: null, rows: {} };
  for (const [key, cells] of Object.entries(rows as Record<string, unknown>)) {
    if (!cells || typeof cells !== 'object') continue;
    out.rows[key] = { key, loc: null, cells: Object.fromEntries(Object.entries(cells as Record<string, unknown>).map(([c, v]) => [c, value(v)])) };
  }
  return out;
}

/** Parse the text of a normalized report. Throws ReadError when it is not one. */
export function reportFromJson(file: string, text: string): Report {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    throw new ReadError('not-report-json');
  }
  const d = doc as { version?: unknown; edition?: unknown; agency?: unknown; year?: unknown; tables?: Record<string, unknown>; paragraphs?: unknown };
  if (!d || typeof d !== 'object' || d.version !== 1 || !d.tables || typeof d.tables !== 'object') throw new ReadError('not-report-json');
  if (d.edition !== undefined && d.edition !== null && !EDITION_IDS.includes(d.edition as EditionId)) {
    throw new ReadError('json-edition', { edition: typeof d.edition === 'object' ? '…' : String(d.edition).slice(0, 20), editions: EDITION_IDS.join('、') });
  }
  const edition = (d.edition as EditionId | null | undefined) ?? null;
  const tables = { t2: table('t2', d.tables.t2), t3: table('t3', d.tables.t3), t4: table('t4', d.tables.t4) };
  const paragraphs = Array.isArray(d.paragraphs) ? paragraphsOf(d.paragraphs) : undefined;
  return {
    file,
    source: { kind: 'json' },
    edition,
    markedEdition: edition,
    editionOverridden: false,
    agency: typeof d.agency === 'string' && d.agency ? { value: d.agency, from: 'cell', loc: null } : null,
    year: typeof d.year === 'number' ? { value: d.year, from: 'cell', loc: null } : null,
    tables,
    missingRows: edition ? missingRows(EDITIONS[edition], tables) : [],
    ...(paragraphs ? { paragraphs } : {}),
    // The document's sections, found as in the document it was converted from.
    ...(paragraphs && carriesNarrative(paragraphs) ? { sections: findSections(paragraphs) } : {}),
  };
}

/** A document's paragraphs as the JSON gives them; entries that are not paragraphs are left out. */
function paragraphsOf(list: unknown[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const p of list) {
    const { text, index, line, page } = (p ?? {}) as Record<string, unknown>;
    if (typeof text !== 'string' || !Number.isInteger(index)) continue;
    out.push({ text, index: index as number, ...(Number.isInteger(line) ? { line: line as number } : {}), ...(Number.isInteger(page) ? { page: page as number } : {}) });
  }
  return out;
}
