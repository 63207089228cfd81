// section-missing: the six sections of the national format, in order, in a report with narrative.

import { describe, expect, it } from 'vitest';
import type { EditionId } from '../../src/form/types.js';
import { sectionOf } from '../../src/extract/sections.js';
import { balancedReport, findingsOf } from '../helpers/report.js';
import { narrativeReport, SECTIONS } from '../helpers/narrative.js';

const ID = 'section-missing';
const findings = findingsOf(ID);
const EDITIONS: EditionId[] = ['2021', '2019'];

/** The sections' texts with one heading replaced (or dropped, with its paragraph, for null). */
function replaced(number: number, heading: string | null): string[] {
  const at = SECTIONS.findIndex((t) => t.startsWith(`${'一二三四五六'[number - 1]}、`));
  const texts = [...SECTIONS];
  if (heading === null) texts.splice(at, 1);
  else texts[at] = heading;
  return texts;
}

describe('section headings as real reports write them', () => {
  it.each([
    ['一、总体情况', 1],
    ['一、 概述', 1],
    ['第一部分 总体情况', 1],
    ['一．总体情况。2023年，我局认真贯彻落实条例。', 1],
    ['1、总体情况', 1],
    ['二、主动公开政府信息情况', 2],
    ['二、主动公开情况', 2],
    ['三、收到和处理政府信息公开申请情况', 3],
    ['三、依申请公开情况', 3],
    ['四、政府信息公开行政复议、行政诉讼情况', 4],
    ['四、政府信息公开行政复议和行政诉讼情况', 4],
    ['五、存在的主要问题及改进情况', 5],
    ['五、存在问题及改进措施', 5],
    ['五、存在的不足和下一步工作打算', 5],
    ['一、总体情况 2023年，本机关认真贯彻落实条例。', 1],
    ['一、总体情况\n2023年，本机关认真贯彻落实条例。', 1],
    ['四、存在的主要问题及改进情况', 5],
    ['六、其他需要报告的事项', 6],
    ['六、其他事项', 6],
    ['其他需要报告的事项', 6],
  ])('“%s” opens section %i', (text, number) => {
    expect(sectionOf(text)).toBe(number);
  });

  it.each([
    '三、本年度办理结果',
    '四、结转下年度继续办理',
    '一、本年新收政府信息公开申请数量',
    '二、上年结转政府信息公开申请数量',
    '（一）主动公开情况。本年度共主动公开政府信息245条。',
    '一是信息公开的及时性有待进一步加强。',
    '2023年，全县政务公开工作取得一定成效，但在政府信息公开的内容等方面还存在一些问题和不足。',
  ])('“%s” opens no section', (text) => {
    expect(sectionOf(text)).toBe(0);
  });
});

describe.each(EDITIONS)('section-missing, %s edition', (edition) => {
  it('six sections in order: nothing', () => {
    expect(findings(narrativeReport(SECTIONS, edition))).toEqual([]);
  });

  it.each([1, 2, 3, 4, 5, 6])('section %i missing (and for 二–四, its table not found): one warning, placed where it belongs', (number) => {
    const report = narrativeReport(replaced(number, null), edition);
    if (number >= 2 && number <= 4) report.tables[`t${number}` as 't2' | 't3' | 't4'] = null;
    const list = findings(report);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ severity: 'warning', messageId: 'missing', row: String(number) });
    expect(list[0]!.message).toContain(`第${'一二三四五六'[number - 1]}部分`);
    const next = report.sections!.find((s) => s.number > number);
    expect(list[0]!.paragraph).toBe(next ? next.heading : report.paragraphs!.at(-1)!.index);
  });

  it('a section out of place: one warning on it, not on the sections it displaced', () => {
    const texts = [...SECTIONS];
    const five = texts.splice(texts.indexOf('五、存在的主要问题及改进情况'), 2);
    texts.splice(texts.indexOf('二、主动公开政府信息情况'), 0, ...five);
    const report = narrativeReport(texts, edition);
    const list = findings(report);
    expect(list.map((d) => [d.messageId, d.row])).toEqual([['order', '5']]);
    expect(list[0]!.paragraph).toBe(report.sections!.find((s) => s.number === 5)!.heading);
  });

  it.each([2, 3, 4])('section %i’s heading missing but its table found (a heading in the table’s first row): nothing', (number) => {
    expect(findings(narrativeReport(replaced(number, null), edition))).toEqual([]);
  });

  it('headings of a style not recognised (one found or none): nothing rather than five or six warnings', () => {
    const texts = SECTIONS.map((t) => t.replace(/^([一二三四五六])、/, '第$1条 '));
    texts[0] = '一、总体情况';
    const report = narrativeReport(texts, edition);
    expect(report.sections).toHaveLength(1);
    expect(findings(report)).toEqual([]);
  });

  it('a misnumbered heading is still its section', () => {
    expect(findings(narrativeReport(replaced(5, '四、存在的主要问题及改进情况'), edition))).toEqual([]);
  });
});

describe('section-missing: what is not a document', () => {
  it('a workbook of the tables has no sections to miss', () => {
    expect(findings(balancedReport('2021'))).toEqual([]);
  });

  it('a document holding only the tables and their titles carries no narrative', () => {
    const report = narrativeReport(['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况']);
    expect(report.sections).toBeUndefined();
    expect(findings(report)).toEqual([]);
  });
});
