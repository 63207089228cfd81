// The reporting body and the report year: from the title line (a document's title paragraph), a
// 填报单位/报告年度 cell, a document's statistical period when no title names the year, or the file name.

import { basename } from 'node:path';
import { plausibleYear } from '../form/index.js';
import { normalizeText, remember } from '../form/labels.js';
import { makeCell, PROSE_SHEET, type Cell, type Paragraph, type Sheet } from '../model/grid.js';
import type { Metadata } from '../model/report.js';
import { locate, type Line } from './lines.js';
import { chineseNumber } from './numbers.js';
import { statedPeriod } from './period.js';

/** A document's paragraphs as one-cell lines of a sheet of their own, so that titles are found in them as in cells. */
export function paragraphLines(paragraphs: readonly Paragraph[]): Line[] {
  const sheet: Sheet = { name: PROSE_SHEET, rows: new Map(), merges: [] };
  // A PDF's paragraphs know their pages: a row's page is its paragraph's.
  if (paragraphs.some((p) => p.page !== undefined)) sheet.rowPages = paragraphs.map((p) => p.page ?? 0);
  return paragraphs.map((p) => {
    const cells = [makeCell(p.index, 1, 'text', p.text, undefined, p.line)];
    sheet.rows.set(p.index, cells);
    return { sheet, row: p.index, cells, merges: new Map() };
  });
}

const REPORT = '(?:的)?(?:政府)?信息公开(?:工作)?(?:年度)?报告(?:\\(.{0,12}\\))?$';
/** 某某局2021年政府信息公开工作年度报告 */
const AGENCY_FIRST = new RegExp(`^(.*?)(\\d{4})年(?:度)?${REPORT}`);
/** 2021年度某某局政府信息公开工作年度报告, or 2021年政府信息公开工作年度报告 under the body's name */
const YEAR_FIRST = new RegExp(`^(\\d{4})年(?:度)?(.*?)${REPORT}`);
/** 某某局政府信息公开工作2021年度报告 */
const YEAR_LATE = /^(.*?)(?:政府)?信息公开工作(\d{4})年(?:度)?(?:工作)?报告(?:\(.{0,12}\))?$/;

const AGENCY_LABEL = /^(?:填报单位|报告单位|报送单位|单位名称|机关名称|填报机关|报告机关|发布机构)(?:名称)?[:]?(.*)$/;
const YEAR_LABEL = /^(?:报告年度|年度|填报年度|报告年份)[:]?(.*)$/;
/** Web page furniture copied with the report: links to other reports, publication data. */
const FURNITURE = /^(?:上一篇|下一篇|相关链接|相关阅读|来源|信息来源|发布日期|发布时间|成文日期|索引号|文号)/;
const TITLE_PREFIX = /^(?:标题|题目|名称|文件名称)[:]/;
const FILE_TITLE = /([\u3400-\u9fff()]{2,60}?)(\d{4})年/;
const AGENCY_SHAPE = /^[\u3400-\u9fff()]{2,40}$/;

/** Normalised text with 二〇二一年 written as 2021年. */
/** The labels and titles of a batch recur file after file. */
const prepared = new Map<string, string>();
const prepare = (raw: string): string => remember(prepared, raw, prepareOnce);

function prepareOnce(raw: string): string {
  return normalizeText(raw)
    .replace(/([〇零一二三四五六七八九]{4})年/g, (_, y: string) => `${chineseNumber(y)}年`)
    .replace(TITLE_PREFIX, '');
}

function yearIn(text: string): number | null {
  const m = /(\d{4})/.exec(prepare(text));
  const y = m ? Number(m[1]) : NaN;
  return plausibleYear(y) ? y : null;
}

function cleanAgency(raw: string): string {
  const a = raw.replace(/^关于/, '').replace(/(?:关于|的)$/, '');
  return a.endsWith('人民') ? `${a}政府` : a;
}

/** A title line: the body (possibly empty, when the title leaves it to the line above) and the year. */
function parseTitle(text: string): { agency: string; year: number } | null {
  const yearFirst = YEAR_FIRST.exec(text);
  const agencyFirst = AGENCY_FIRST.exec(text);
  const late = YEAR_LATE.exec(text);
  const found = yearFirst
    ? { agency: yearFirst[2]!, year: Number(yearFirst[1]) }
    : agencyFirst
      ? { agency: agencyFirst[1]!, year: Number(agencyFirst[2]) }
      : late
        ? { agency: late[1]!, year: Number(late[2]) }
        : null;
  return found && plausibleYear(found.year) ? { agency: cleanAgency(found.agency), year: found.year } : null;
}

/** The year of the first statistical period a paragraph states that covers one calendar year. */
function periodYear(prose: readonly Line[]): Metadata<number> | null {
  for (const line of prose) {
    const cell = line.cells[0]!;
    const period = statedPeriod(prepare(cell.text));
    if (period?.wholeYear && plausibleYear(period.year)) return { value: period.year, from: 'period', loc: locate(line.sheet, line.row, 1, cell) };
  }
  return null;
}

export interface FoundMetadata {
  agency: Metadata<string> | null;
  year: Metadata<number> | null;
}

/** The body's name standing alone on a line next to a title, or ''. */
function besideTitle(line: Line | undefined): string {
  const text = line?.cells.length === 1 ? prepare(line.cells[0]!.text) : '';
  return AGENCY_SHAPE.test(text) && !parseTitle(text) ? text : '';
}

export function findMetadata(lines: Line[], file: string, prose: readonly Line[] = []): FoundMetadata {
  let title = null as { agency: Metadata<string> | null; year: Metadata<number> } | null;
  let cellAgency: Metadata<string> | null = null;
  let cellYear: Metadata<number> | null = null;
  // Only cells that can name the body or the year are worth normalising: a title ends in 报告, a
  // label says 单位/机构/机关/年度; the thousands of number cells cannot.
  const candidate = (c: Cell) => (c.kind === 'text' && /报告|单位|机构|机关|年度|年份/.test(c.text) ? prepare(c.text) : '');

  const all = prose.length ? [...prose, ...lines] : lines;
  for (let li = 0; li < all.length; li++) {
    const line = all[li]!;
    for (let i = 0; i < line.cells.length; i++) {
      const cell = line.cells[i]!;
      const text = candidate(cell);
      if (!text || text.length > 80 || FURNITURE.test(text)) continue;
      const loc = locate(line.sheet, line.row, cell.col, cell);
      const parsed = parseTitle(text);
      if (parsed && (!title || (!title.agency && parsed.agency))) {
        // A title without the body's name: the body stands alone on the line above or below.
        const agency = parsed.agency || besideTitle(all[li - 1]) || besideTitle(all[li + 1]);
        title = { agency: agency ? { value: agency, from: 'title', loc } : null, year: { value: parsed.year, from: 'title', loc } };
        continue;
      }
      const next = line.cells[i + 1];
      const agencyLabel = AGENCY_LABEL.exec(text);
      if (agencyLabel && !cellAgency) {
        const at = agencyLabel[1] ? cell : next;
        const value = agencyLabel[1] || (next ? prepare(next.text) : '');
        if (value && at) cellAgency = { value, from: 'cell', loc: locate(line.sheet, line.row, at.col, at) };
      }
      const yearLabel = YEAR_LABEL.exec(text);
      if (yearLabel && !cellYear) {
        const at = yearLabel[1] ? cell : next;
        const value = at ? yearIn(at.text) : null;
        if (value && at) cellYear = { value, from: 'cell', loc: locate(line.sheet, line.row, at.col, at) };
      }
    }
  }
  let agency: Metadata<string> | null = title?.agency ?? cellAgency;
  let year: Metadata<number> | null = title?.year ?? cellYear ?? periodYear(prose);
  const name = prepare(basename(file).replace(/\.[^.]+$/, ''));
  const fromName = FILE_TITLE.exec(name);
  if (!agency && fromName) agency = { value: fromName[1]!, from: 'filename', loc: null };
  if (!year) {
    const y = yearIn(name);
    if (y) year = { value: y, from: 'filename', loc: null };
  }
  return { agency, year };
}
