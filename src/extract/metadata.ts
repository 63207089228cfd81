// The reporting body and the report year: from the title line, a 填报单位/报告年度 cell, or the file name.

import { basename } from 'node:path';
import { normalizeText } from '../form/labels.js';
import type { Metadata } from '../model/report.js';
import { locate, type Line } from './lines.js';

const TITLE = /^(?:关于)?(.{2,60}?)(\d{4})年(?:度)?(?:的)?(?:政府)?信息公开(?:工作)?(?:年度)?报告/;
/** The year first: 2022年度某某局政府信息公开工作年度报告. */
const TITLE_YEAR_FIRST = /^(\d{4})年(?:度)?(.{2,60}?)(?:政府)?信息公开(?:工作)?(?:年度)?报告/;
const AGENCY_LABEL = /^(?:填报单位|报告单位|报送单位|单位名称|机关名称|填报机关|报告机关)(?:名称)?[:]?(.*)$/;
const YEAR_LABEL = /^(?:报告年度|年度|填报年度|报告年份)[:]?(.*)$/;
const FILE_TITLE = /([\u3400-\u9fff()]{2,60}?)(\d{4})年/;

function plausibleYear(y: number): boolean {
  return y >= 2008 && y <= 2100;
}

function yearIn(text: string): number | null {
  const m = /(\d{4})/.exec(text.normalize('NFKC'));
  const y = m ? Number(m[1]) : NaN;
  return plausibleYear(y) ? y : null;
}

function titleOf(m: RegExpExecArray | null): { agency: string; year: number } | null {
  return m ? { agency: m[1]!, year: Number(m[2]) } : null;
}

export interface FoundMetadata {
  agency: Metadata<string> | null;
  year: Metadata<number> | null;
}

export function findMetadata(lines: Line[], file: string): FoundMetadata {
  let agency: Metadata<string> | null = null;
  let year: Metadata<number> | null = null;
  for (const line of lines) {
    line.cells.forEach((cell, i) => {
      const text = normalizeText(cell.text);
      if (text.length > 80) return;
      const loc = locate(line.sheet, line.row, cell.col, cell);
      const yearFirst = TITLE_YEAR_FIRST.exec(text);
      const title = yearFirst ? { agency: yearFirst[2]!, year: Number(yearFirst[1]) } : titleOf(TITLE.exec(text));
      if (title && plausibleYear(title.year)) {
        if (!agency || agency.from === 'filename') agency = { value: title.agency, from: 'title', loc };
        if (!year || year.from === 'filename') year = { value: title.year, from: 'title', loc };
        return;
      }
      const next = line.cells[i + 1];
      const agencyLabel = AGENCY_LABEL.exec(text);
      if (agencyLabel && !agency) {
        const value = agencyLabel[1] || (next ? normalizeText(next.text) : '');
        const at = agencyLabel[1] ? cell : next;
        if (value && at) agency = { value, from: 'cell', loc: locate(line.sheet, line.row, at.col, at) };
      }
      const yearLabel = YEAR_LABEL.exec(text);
      if (yearLabel && !year) {
        const at = yearLabel[1] ? cell : next;
        const value = at ? yearIn(at.text) : null;
        if (value && at) year = { value, from: 'cell', loc: locate(line.sheet, line.row, at.col, at) };
      }
    });
  }
  const name = normalizeText(basename(file).replace(/\.[^.]+$/, ''));
  const fromName = FILE_TITLE.exec(name);
  if (!agency && fromName) agency = { value: fromName[1]!, from: 'filename', loc: null };
  if (!year) {
    const y = yearIn(name);
    if (y) year = { value: y, from: 'filename', loc: null };
  }
  return { agency, year };
}
