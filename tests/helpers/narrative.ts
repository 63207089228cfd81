// Reports that carry narrative, for the rules about the text: a balanced report (helpers/report.ts)
// with paragraphs, its sections found by the real extractor's functions, and the sentences a
// report writes with figures taken from its own tables (so they agree by construction).

import { readFileSync } from 'node:fs';
import type { EditionId, TableId } from '../../src/form/types.js';
import { EDITIONS } from '../../src/form/index.js';
import { carriesNarrative, findSections } from '../../src/extract/sections.js';
import type { Paragraph } from '../../src/model/grid.js';
import type { Report } from '../../src/model/report.js';
import { balancedReport } from './report.js';

/** A report's six sections as a clerk fills them in, with {body}, {year} and figures to come. */
export const SECTIONS = [
  '一、总体情况',
  '{year}年，{body}认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，持续推进政务公开工作。',
  '二、主动公开政府信息情况',
  '本年度通过政府门户网站主动公开政府信息1200余条，发布政策解读45篇，回应社会关切12次。',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '一是政策解读的形式还不够丰富，图解、视频等解读方式运用较少；二是基层政务公开标准化规范化建设还需深化。下一步，我们将丰富解读形式，推进基层政务公开向村（社区）延伸。',
  '六、其他需要报告的事项',
  '本年度未收取信息处理费。',
];

/** Paragraphs from texts, numbered from 1, `line` their place in a pasted text (one a line). */
export function paragraphs(texts: readonly string[]): Paragraph[] {
  return texts.map((text, i) => ({ text, index: i + 1, line: i + 3 }));
}

/** A balanced report of an edition and year, read from a text whose paragraphs are `texts` ({body}/{year} filled in). */
export function narrativeReport(texts: readonly string[] = SECTIONS, edition: EditionId = '2021', year = edition === '2021' ? 2023 : 2020): Report {
  const report = balancedReport(edition);
  const body = report.agency!.value;
  report.file = 'test.txt';
  report.source = { kind: 'text' };
  report.year = { value: year, from: 'title', loc: null };
  report.paragraphs = paragraphs([`${body}${year}年政府信息公开工作年度报告`, ...texts].map((t) => t.replaceAll('{body}', body).replaceAll('{year}', String(year))));
  if (carriesNarrative(report.paragraphs)) report.sections = findSections(report.paragraphs);
  return report;
}

/** A report with one more paragraph after the heading of section `number`. */
export function withSentence(sentence: string, edition: EditionId = '2021', number = 3): Report {
  const texts = [...SECTIONS];
  texts.splice(texts.findIndex((t) => t.startsWith(`${'一二三四五六'[number - 1]!}、`)) + 1, 0, sentence);
  return narrativeReport(texts, edition);
}

export interface Phrasing {
  /** A statement id, or '-' for a sentence whose figure must never be compared. */
  meaning: string;
  sentence: string;
}

/** fixtures/narrative/phrasings.tsv. */
export function phrasings(): Phrasing[] {
  return readFileSync(new URL('../../fixtures/narrative/phrasings.tsv', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => {
      const [meaning, sentence] = l.split('\t');
      return { meaning: meaning!, sentence: sentence! };
    });
}

/** What each statement means, written out independently of src/rules/statements.ts: the cells summed. */
export function cellsMeant(meaning: string, edition: EditionId): Array<[TableId, string, string]> {
  const t3 = (row: string): [TableId, string, string] => ['t3', row, 'total'];
  const groupRows = (prefix: string) => EDITIONS[edition].t3.rows.filter((r) => r.key.startsWith(`${prefix}.`)).map((r) => t3(r.key));
  const made = edition === '2019' ? 'made' : 'issued';
  const table: Record<string, Array<[TableId, string, string]>> = {
    received: [t3('received')],
    carriedOver: [t3('carriedOver')],
    resultTotal: [t3('resultTotal')],
    granted: [t3('granted')],
    partiallyGranted: [t3('partiallyGranted')],
    denied: groupRows('denied'),
    unavailable: groupRows('unavailable'),
    notProcessed: groupRows('notProcessed'),
    carriedForward: [t3('carriedForward')],
    review: [['t4', 'review', 'total']],
    suit: [['t4', 'suitDirect', 'total'], ['t4', 'suitAfterReview', 'total']],
    regulations: [['t2', 'regulations', made]],
    normativeDocuments: [['t2', 'normativeDocuments', made]],
    licensing: [['t2', 'licensing', 'decisions']],
    penalties: [['t2', 'penalties', 'decisions']],
    coercion: [['t2', 'coercion', 'decisions']],
  };
  const cells = table[meaning];
  if (!cells) throw new Error(`phrasings.tsv: unknown meaning ${meaning}`);
  return cells;
}

/** The sum of cells of a report. */
export function sum(report: Report, cells: Array<[TableId, string, string]>): number {
  return cells.reduce((n, [t, r, c]) => n + report.tables[t]!.rows[r]!.cells[c]!.value!, 0);
}
