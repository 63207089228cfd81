// text-table-mismatch: a figure the narrative states differs from the cell (or sum) it means.
// The corpus of phrasings (fixtures/narrative/phrasings.tsv) is checked sentence by sentence, on both
// editions: with the tables' figure no finding; with the figure changed one finding, on the right
// sentence and cell; a sentence that is no statement of a cell never gives one.

import { describe, expect, it } from 'vitest';
import type { EditionId } from '../../src/form/types.js';
import { balancedReport, bump, findingsOf } from '../helpers/report.js';
import { cellsMeant, narrativeReport, phrasings, SECTIONS, sum, withSentence } from '../helpers/narrative.js';

const ID = 'text-table-mismatch';
const findings = findingsOf(ID);
const EDITIONS: EditionId[] = ['2021', '2019'];
const CORPUS = phrasings();

/** A sentence with its figure (and share) filled in. */
const fill = (sentence: string, n: number, p = 0) => sentence.replaceAll('{n}', String(n)).replaceAll('{p}', String(p));

/** The section a statement of a table's figure stands in: table 2's in 二, table 3's in 三, table 4's in 四. */
const sectionFor = (meaning: string, edition: EditionId) => Number(cellsMeant(meaning, edition)[0]![0].slice(1));

/** The share of `n` in the requests handled, as a report writes it (two decimals). */
function shareOf(edition: EditionId, n: number): number {
  const total = sum(balancedReport(edition), [['t3', 'resultTotal', 'total']]);
  return Math.round((n / total) * 10000) / 100;
}

describe.each(EDITIONS)('text-table-mismatch on the corpus, %s edition', (edition) => {
  const statements = CORPUS.filter((p) => p.meaning !== '-' && !p.meaning.startsWith('?'));
  // Figures that are no statement of a cell, and statements the finder does not read: never a finding.
  const others = CORPUS.filter((p) => p.meaning === '-' || p.meaning.startsWith('?'));

  it.each(statements.map((p) => [p.meaning, p.sentence]))('%s: “%s” agreeing with the tables gives nothing', (meaning, sentence) => {
    const n = sum(balancedReport(edition), cellsMeant(meaning, edition));
    expect(findings(withSentence(fill(sentence, n, shareOf(edition, n)), edition, sectionFor(meaning, edition)))).toEqual([]);
  });

  it.each(statements.map((p) => [p.meaning, p.sentence]))('%s: “%s” with the figure 3 too high is found, on its sentence and cell', (meaning, sentence) => {
    const cells = cellsMeant(meaning, edition);
    const n = sum(balancedReport(edition), cells);
    const filled = fill(sentence, n + 3, shareOf(edition, n + 3));
    const report = withSentence(filled, edition, sectionFor(meaning, edition));
    const list = findings(report);
    expect(list).toHaveLength(1);
    const paragraph = report.paragraphs!.find((p) => p.text === filled.replace('{year}', String(report.year!.value)))!;
    expect(list[0]).toMatchObject({ messageId: 'count', severity: 'warning', expected: n, actual: n + 3, difference: 3, paragraph: paragraph.index, line: paragraph.line });
    const [table, row, column] = cells[0]!;
    expect(list[0]).toMatchObject(cells.length === 1 ? { table, row, column } : { table, row: meaning, column: 'total' });
    expect(list[0]!.cells).toHaveLength(cells.length);
  });

  const shares = statements.filter((p) => /占[^{]*\{p\}%/.test(p.sentence));
  it.each(shares.map((p) => [p.meaning, p.sentence]))('%s: “%s” with a share that fits no total is found', (meaning, sentence) => {
    const n = sum(balancedReport(edition), cellsMeant(meaning, edition));
    const list = findings(withSentence(fill(sentence, n, Math.round((shareOf(edition, n) + 5) * 100) / 100), edition, sectionFor(meaning, edition)));
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ messageId: 'share' });
    expect(list[0]!.message).toContain(`${shareOf(edition, n)}%`);
  });

  // In section 一, where the figures of every table may be stated.
  it.each(others.map((p) => [p.sentence]))('“%s” is no statement of a cell: nothing, whatever its figure', (sentence) => {
    expect(findings(withSentence(fill(sentence, 97, 12.5), edition, 1))).toEqual([]);
  });
});

describe('text-table-mismatch: where it looks', () => {
  it('finds nothing in a workbook, which has no narrative', () => {
    const report = balancedReport('2021');
    bump(report, 't3', 'received', 'total', 0);
    expect(findings(report)).toEqual([]);
  });

  it('reads Chinese numerals: 五十一 is 51, 两 is 2', () => {
    const n = sum(balancedReport('2021'), [['t3', 'received', 'total']]);
    const numeral = (x: number) => (x < 10 ? '零一两三四五六七八九'[x]! : x < 20 ? `十${x % 10 ? '零一二三四五六七八九'[x % 10] : ''}` : `${'零一二三四五六七八九'[Math.floor(x / 10)]}十${x % 10 ? '零一二三四五六七八九'[x % 10] : ''}`);
    expect(findings(withSentence(`全年共收到政府信息公开申请${numeral(n)}件。`))).toEqual([]);
    expect(findings(withSentence(`全年共收到政府信息公开申请${numeral(n + 3)}件。`))).toHaveLength(1);
  });

  it('a figure is compared in section 一 and its table’s own section, not in another', () => {
    const n = sum(balancedReport('2021'), [['t3', 'granted', 'total']]);
    expect(findings(withSentence(`予以公开${n + 3}件。`, '2021', 1))).toHaveLength(1);
    expect(findings(withSentence(`予以公开${n + 3}件。`, '2021', 3))).toHaveLength(1);
    expect(findings(withSentence(`予以公开${n + 3}件。`, '2021', 2))).toEqual([]);
    expect(findings(withSentence(`予以公开${n + 3}件。`, '2021', 5))).toEqual([]);
  });

  it('reviews and lawsuits outside section 四 are compared only when the sentence is about disclosure', () => {
    const n = sum(balancedReport('2021'), [['t4', 'review', 'total']]);
    expect(findings(withSentence(`本机关作为行政复议机关，全年办理行政复议案件${n + 30}件。`, '2021', 1))).toEqual([]);
    expect(findings(withSentence(`因政府信息公开工作被申请行政复议${n + 3}件。`, '2021', 1))).toHaveLength(1);
    expect(findings(withSentence(`被申请行政复议${n + 3}件。`, '2021', 4))).toHaveLength(1);
  });

  it('a manner of answering, another service’s tickets: not the requests handled', () => {
    for (const sentence of ['依法延期答复97件。', '网上答复12件，当面答复5件。', '全年受理12345热线工单500件，办结500件。', '政务信箱收到群众来信50件，答复50件。']) {
      expect(findings(withSentence(sentence, '2021', 1)), sentence).toEqual([]);
    }
  });

  it('shares given out together (分别占…和…) are not compared', () => {
    const report = balancedReport('2021');
    const granted = sum(report, [['t3', 'granted', 'total']]);
    const denied = sum(report, cellsMeant('denied', '2021'));
    expect(findings(withSentence(`予以公开${granted}件，不予公开${denied}件，分别占5.67%和30.67%。`))).toEqual([]);
    expect(findings(withSentence(`予以公开${granted}件，占5.67%、30.67%。`))).toEqual([]);
  });

  it('其中 before a semicolon still makes what follows a part', () => {
    const n = sum(balancedReport('2021'), [['t3', 'received', 'total']]);
    expect(findings(withSentence(`全年共收到政府信息公开申请${n}件，其中，网上申请${n - 1}件；当面收到政府信息公开申请1件。`))).toEqual([]);
  });

  it('a sentence naming another year is about that year', () => {
    const n = sum(balancedReport('2021'), [['t3', 'received', 'total']]);
    expect(findings(withSentence(`2022年收到政府信息公开申请${n + 9}件，2023年收到政府信息公开申请${n}件。`))).toEqual([]);
    expect(findings(withSentence(`2023年收到政府信息公开申请${n + 9}件。`))).toHaveLength(1);
  });

  it('a statement whose cell is not a number is not compared', () => {
    const report = withSentence('全年共收到政府信息公开申请99件。');
    const cell = report.tables.t3!.rows.received!.cells.total!;
    Object.assign(cell, { status: 'blank', value: null, text: '' });
    expect(findings(report)).toEqual([]);
  });

  it('a document with no table of the format is not judged', () => {
    const report = withSentence('全年共收到政府信息公开申请99件。');
    report.edition = null;
    report.tables = { t2: null, t3: null, t4: null };
    expect(findings(report)).toEqual([]);
  });

  it('quotes the sentence as written (full-width comma kept) and names the cell in both languages', () => {
    const n = sum(balancedReport('2021'), [['t3', 'received', 'total']]);
    const report = withSentence(`全年共收到政府信息公开申请${n + 3}件，上年结转4件。`);
    const [zh] = findings(report);
    expect(zh!.message).toContain(`“全年共收到政府信息公开申请${n + 3}件，上年结转4件。”`);
    expect(zh!.message).toMatch(/表三.*本年新收.*总计/);
    const [en] = findings(report, 'en');
    expect(en!.message).toMatch(/Table 3/);
    expect(en!.excerpt).toBe(report.paragraphs!.find((p) => p.text.includes('全年共收到'))!.text.slice(0, 16) + '…');
  });

  it('the balanced narrative of every section has nothing to say', () => {
    for (const edition of EDITIONS) expect(findings(narrativeReport(SECTIONS, edition))).toEqual([]);
  });
});
