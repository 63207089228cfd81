// A document's paragraphs around its tables: kept in the report and in the normalized JSON; the
// body and year taken from its title paragraph, or the year from the statistical period when no
// title names one.

import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import { reportFromJson } from '../../src/extract/normalized.js';
import type { Grid, Paragraph } from '../../src/model/grid.js';
import { readDelimited } from '../../src/readers/text.js';
import { normalize } from '../../src/writers/normalize.js';
import { reportSchema } from '../../src/writers/schema.js';
import { officialRows, toDelimited } from '../helpers/layout.js';

/** The tables of the official layout without their title line, as a document's tables, with these paragraphs. */
function documentOf(paragraphs: string[], file = '报告.docx'): Grid {
  const rows = officialRows('2021').filter((row) => !row.some((cell) => /年度报告$/.test(String(cell))));
  const tables = readDelimited('tables.txt', new TextEncoder().encode(toDelimited(rows)));
  const list: Paragraph[] = paragraphs.map((text, i) => ({ text, index: i + 1 }));
  return { file, kind: 'docx', sheets: [{ ...tables.sheets[0]!, name: '表格1' }], paragraphs: list };
}

describe('a document’s paragraphs', () => {
  it('the title paragraph names the body and the year', () => {
    const report = extract(documentOf(['示例县人民政府办公室2023年政府信息公开工作年度报告', '一、总体情况', '本年度……']));
    expect(report.agency).toMatchObject({ value: '示例县人民政府办公室', from: 'title', loc: { sheet: '正文', row: 1 } });
    expect(report.year).toMatchObject({ value: 2023, from: 'title' });
    expect(report.paragraphs?.map((p) => p.index)).toEqual([1, 2, 3]);
  });

  it('the statistical period gives the year only when no title names one', () => {
    const period = '本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。';
    const untitled = extract(documentOf(['政府信息公开工作年度报告', period], 'x.docx'));
    expect(untitled.year).toMatchObject({ value: 2022, from: 'period', loc: { sheet: '正文', row: 2 } });
    const titled = extract(documentOf(['示例县人民政府2023年政府信息公开工作年度报告', period]));
    expect(titled.year).toMatchObject({ value: 2023, from: 'title' });
    const twoYears = extract(documentOf(['政府信息公开工作年度报告', '统计期限自2022年1月1日起至2023年12月31日止'], 'x.docx'));
    expect(twoYears.year).toBeNull();
    // The period read as period-year-mismatch reads it: its synonyms, the end's year left out, Chinese years.
    for (const said of ['统计期间为2022年1月1日至12月31日。', '统计时限：二〇二二年1月1日—二〇二二年12月31日。']) {
      expect(extract(documentOf(['政府信息公开工作年度报告', said], 'x.docx')).year, said).toMatchObject({ value: 2022, from: 'period' });
    }
    // Part of a year is no report year.
    expect(extract(documentOf(['政府信息公开工作年度报告', '统计期限自2022年7月1日起至2022年12月31日止'], 'x.docx')).year).toBeNull();
  });

  it('the normalized JSON carries the paragraphs, the schema describes them, and reading it back keeps them', () => {
    const report = extract(documentOf(['示例县人民政府2023年政府信息公开工作年度报告', '一、总体情况']));
    const json = normalize(report);
    expect(json.paragraphs).toEqual([
      { text: '示例县人民政府2023年政府信息公开工作年度报告', index: 1 },
      { text: '一、总体情况', index: 2 },
    ]);
    const validate = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true }).compile(reportSchema());
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...json, paragraphs: [{ text: 'x' }] })).toBe(false);
    expect(reportFromJson('r.json', JSON.stringify(json)).paragraphs).toEqual(json.paragraphs);
  });

  it('a spreadsheet has no paragraphs, in the report or in its JSON', () => {
    const report = extract(readDelimited('r.txt', new TextEncoder().encode(toDelimited(officialRows('2021')))));
    expect(report.paragraphs).toBeUndefined();
    expect('paragraphs' in normalize(report)).toBe(false);
  });
});
