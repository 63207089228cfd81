// Grid + form -> Report: find the tables, decide the edition, read every value with its cell.

import { EDITIONS, editionForYear, sixShape, t2Rows } from '../form/index.js';
import { normalizeText } from '../form/labels.js';
import type { Edition, EditionId, TableId } from '../form/types.js';
import type { Grid } from '../model/grid.js';
import type { DuplicateTable, Report, TableData } from '../model/report.js';
import type { Line } from './lines.js';
import { findMetadata, paragraphLines } from './metadata.js';
import { carriesNarrative, findSections, textParagraphs } from './sections.js';
import { blankValue } from './values.js';
import { splitRegions } from './regions.js';
import { extractTable2 } from './table2.js';
import { extractTable3 } from './table3.js';
import { extractTable4 } from './table4.js';

export interface ExtractOptions {
  /** Read and check as this edition whatever the tables' markers say. */
  edition?: EditionId;
}

/**
 * Each stretch of lines read as a table. (Built by push rather than map(): the same kind of array
 * in every tier keeps V8 from throwing away optimised code that reads it.)
 */
function readEach(stretches: Line[][], read: (lines: Line[]) => TableData | null): Array<TableData | null> {
  const out: Array<TableData | null> = [];
  for (const lines of stretches) out.push(read(lines));
  return out;
}

/**
 * Of the stretches where a table's title or header appeared, the one that yields the most rows
 * (a stray title in the prose, or a second copy, yields fewer); the first on a tie.
 */
function best(candidates: Array<TableData | null>): TableData | null {
  let chosen: TableData | null = null;
  for (const t of candidates) {
    if (t && (!chosen || Object.keys(t.rows).length > Object.keys(chosen.rows).length)) chosen = t;
  }
  return chosen ?? candidates[0] ?? null;
}

/**
 * Another stretch that is a real copy of the chosen table, not a title mentioned in the prose:
 * it has at least three rows and half as many as the chosen one.
 */
function duplicateOf(table: TableData | null, candidates: Array<TableData | null>): DuplicateTable | null {
  if (!table) return null;
  const size = Object.keys(table.rows).length;
  const other = candidates.find((t) => t && t !== table && Object.keys(t.rows).length >= Math.max(3, size / 2));
  if (!other) return null;
  let differs: DuplicateTable['differs'] = null;
  for (const [key, row] of Object.entries(table.rows)) {
    for (const [column, used] of Object.entries(row.cells)) {
      // A cell the other copy lacks is a difference too (a partial second copy is not "the same").
      const copy = other.rows[key]?.cells[column] ?? blankValue(null);
      if (!Object.is(copy.value, used.value) || copy.status !== used.status) {
        differs = { used, other: copy };
        break;
      }
    }
    if (differs) break;
  }
  return { table: table.id, used: table.loc, other: other.loc, differs };
}

/** The edition table 2's headers and the shape of table 3's （六） row point to; null when they say nothing or tie. */
function markedEdition(lines: Line[], t3: TableData | null): EditionId | null {
  const score: Record<EditionId, number> = { '2019': 0, '2021': 0 };
  const shape = t3 && sixShape(t3.rows);
  if (shape) score[shape]++;
  for (const line of lines) {
    for (const cell of line.cells) {
      if (cell.kind !== 'text') continue;
      const text = normalizeText(cell.text);
      if (text.length > 60) continue;
      for (const id of ['2019', '2021'] as const) {
        if (EDITIONS[id].markers.some((m) => text.includes(m))) score[id]++;
      }
    }
  }
  if (score['2019'] === score['2021']) return null;
  return score['2019'] > score['2021'] ? '2019' : '2021';
}

/** Rows the edition expects in the tables that were found. */
export function missingRows(edition: Edition, tables: Report['tables']): Report['missingRows'] {
  const out: Report['missingRows'] = [];
  const missing = (table: TableId, key: string) => out.push({ table, key });
  if (tables.t2) {
    for (const { row } of t2Rows(edition)) if (!tables.t2.rows[row.key]) missing('t2', row.key);
  }
  if (tables.t3) {
    const found = tables.t3.rows;
    const shape = sixShape(found);
    // （六）其他处理 printed in the other edition's shape: one finding for the group, under its key.
    const otherShape = shape !== null && shape !== edition.id;
    for (const row of edition.t3.rows) {
      if (found[row.key]) continue;
      if (!otherShape || !row.key.startsWith('otherHandling')) missing('t3', row.key);
      else if (!out.some((m) => m.key === 'otherHandling')) missing('t3', 'otherHandling');
    }
  }
  if (tables.t4) {
    for (const g of edition.t4.groups) if (!tables.t4.rows[g.key]) missing('t4', g.key);
  }
  return out;
}

export function extract(grid: Grid, options: ExtractOptions = {}): Report {
  const regions = splitRegions(grid);
  const { agency, year } = findMetadata(regions.all, grid.file, grid.paragraphs ? paragraphLines(grid.paragraphs) : []);
  const t3Candidates = readEach(regions.t3, extractTable3);
  const t3 = best(t3Candidates);
  const marked = markedEdition(regions.t2.flat(), t3);
  const editionId: EditionId = options.edition ?? marked ?? (year ? editionForYear(year.value) : null) ?? '2021';
  const edition = EDITIONS[editionId];

  const candidates = { t2: readEach(regions.t2, (lines) => extractTable2(lines, edition)), t3: t3Candidates, t4: readEach(regions.t4, extractTable4) };
  const tables = { t2: best(candidates.t2), t3, t4: best(candidates.t4) };
  const duplicateTables = (['t2', 't3', 't4'] as const).flatMap((id) => duplicateOf(tables[id], candidates[id]) ?? []);
  // A text file's paragraphs are its lines of one field, kept when they carry narrative (a CSV's
  // are not prose, nor are the titles of a text file of the tables alone).
  const paragraphs = grid.paragraphs ?? (grid.kind === 'text' ? textParagraphs(grid) : undefined);
  const narrative = paragraphs !== undefined && carriesNarrative(paragraphs);
  return {
    file: grid.file,
    source: { kind: grid.kind, ...(grid.encoding ? { encoding: grid.encoding } : {}), ...(grid.delimiter ? { delimiter: grid.delimiter } : {}) },
    // With no table at all there is nothing to be of an edition.
    edition: tables.t2 || tables.t3 || tables.t4 ? editionId : null,
    markedEdition: marked,
    editionOverridden: Boolean(options.edition),
    agency,
    year,
    tables,
    missingRows: missingRows(edition, tables),
    ...(duplicateTables.length ? { duplicateTables } : {}),
    ...(grid.paragraphs || narrative ? { paragraphs } : {}),
    ...(narrative ? { sections: findSections(paragraphs) } : {}),
    ...(grid.images ? { images: grid.images } : {}),
  };
}
