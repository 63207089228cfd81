// What the CI formats share: the path a CI system shows, the worst findings first, the line a
// finding points at, and a cell named with its sheet.

import { isAbsolute, relative } from 'node:path';
import type { Diagnostic, FileResult } from '../engine/index.js';
import type { Lang } from '../rules/types.js';
import type { FormatContext } from './types.js';

/**
 * The path CI systems show: relative to `context.cwd` when the path is absolute and a cwd is
 * given, otherwise as given; forward slashes, no leading `./`.
 */
export function reportPath(file: string, context: Pick<FormatContext, 'cwd'>): string {
  const shown = context.cwd && isAbsolute(file) ? relative(context.cwd, file) || file : file;
  return shown.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
}

/** Errors first, each group in file order and then the order the engine sorted them in. */
export function worstFirst(results: FileResult[]): Array<{ result: FileResult; diagnostic: Diagnostic }> {
  const all = results.flatMap((result) => result.diagnostics.map((diagnostic) => ({ result, diagnostic })));
  return [...all.filter((x) => x.diagnostic.severity === 'error'), ...all.filter((x) => x.diagnostic.severity !== 'error')];
}

/**
 * The line a finding points at: the physical line for text inputs and web pages, the worksheet row
 * for workbooks; none for a paragraph of a Word document or a PDF (its index is no line).
 */
export function lineOf(d: Diagnostic): number | null {
  return d.line ?? (d.paragraph !== null ? null : d.sheetRow);
}

/** A paragraph named for people: 第6段 / paragraph 6. */
export function paragraphName(paragraph: number, lang: Lang): string {
  return lang === 'zh' ? `第${paragraph}段` : `paragraph ${paragraph}`;
}

/**
 * A PDF finding's page, when the sheet's name does not already say it (第1页 表格2 names the page
 * its table starts on; a row further down may be on the next): null otherwise.
 */
export function pageToShow(d: Diagnostic): number | null {
  return d.page !== null && !(d.sheet ?? '').startsWith(`第${d.page}页`) ? d.page : null;
}

/** `'表三'!D14`: the sheet quoted as spreadsheet formulas quote it, apostrophes doubled. */
export function qualifiedCell(sheet: string | null, cell: string): string {
  return sheet === null ? cell : `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

const PLACE_WORDS = {
  zh: { line: (n: number) => `第${n}行`, page: (n: number) => `第${n}页` },
  en: { line: (n: number) => `line ${n}`, page: (n: number) => `page ${n}` },
} as const;

/**
 * Where a finding is, for people: `年度报告!J32` in a workbook, `D23 第23行` in a CSV or text file
 * (its one sheet is named after the file), `表格3!D23 第45行` in a web page (a table, and the line of
 * the page), `第1页 表格2!D23 第2页` in a PDF (a table, and the page of a row past the one it starts
 * on), `第6段 第14行` for a paragraph of the narrative (`第6段` in Word, `第6段 第1页` in a PDF).
 */
export function placeOf(d: Diagnostic, lang: Lang, sheetNamed: boolean): string {
  if (!d.cell) return d.sheet ?? '';
  const cell = d.paragraph !== null ? paragraphName(d.paragraph, lang) : sheetNamed && d.sheet ? `${d.sheet}!${d.cell}` : d.cell;
  const page = pageToShow(d);
  return d.line !== null ? `${cell} ${PLACE_WORDS[lang].line(d.line)}` : page !== null ? `${cell} ${PLACE_WORDS[lang].page(page)}` : cell;
}

/** Whether a source's sheets have names of their own to show (a CSV's one sheet is named after the file). */
export const namesSheets = (r: FileResult) => r.source.kind !== 'csv' && r.source.kind !== 'text' && r.source.kind !== 'roster';
