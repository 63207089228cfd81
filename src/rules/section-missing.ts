// section-missing: the six sections of the national format, in order, in a report that carries
// narrative (a workbook of the tables, or a document holding only them, has none to check).

import { NUMERALS, SECTION_TITLES } from '../extract/sections.js';
import { paragraphLoc, type Paragraph } from '../model/grid.js';
import { narrativeParagraphs } from './narrative.js';
import { defineRule, type Bilingual } from './types.js';

const TITLES_EN = [
  'general situation',
  'proactive disclosure',
  'requests received and handled',
  'administrative reviews and lawsuits',
  'main problems and improvements',
  'other matters to report',
];

const sectionName = (number: number): Bilingual => ({ zh: NUMERALS[number - 1]!, en: String(number) });

/** Sections 二–四 are their tables: a table found is its section, heading or not (a CMS page puts the heading in the table's first row). */
const TABLE_OF: Record<number, 't2' | 't3' | 't4'> = { 2: 't2', 3: 't3', 4: 't4' };

/** Fewer headings recognised than this, and the document's headings are of a style not known: nothing is said rather than six warnings. */
const MIN_HEADINGS = 2;
const title = (number: number): Bilingual => ({ zh: `${NUMERALS[number - 1]}、${SECTION_TITLES[number - 1]}`, en: `${number}. ${TITLES_EN[number - 1]}` });

/**
 * The most sections that are in order (the longest increasing subsequence of their numbers): the
 * others are the ones out of place (五 put before 二 is one section out of place, not three).
 */
function longestRun(numbers: readonly number[]): Set<number> {
  const best: number[][] = [];
  for (let i = 0; i < numbers.length; i++) {
    let run: number[] = [];
    for (let j = 0; j < i; j++) if (numbers[j]! < numbers[i]! && best[j]!.length > run.length) run = best[j]!;
    best.push([...run, numbers[i]!]);
  }
  return new Set(best.reduce<number[]>((a, b) => (b.length > a.length ? b : a), []));
}

export default defineRule({
  meta: {
    id: 'section-missing',
    category: 'document',
    severity: 'warning',
    description: {
      zh: '报告正文应按顺序包含国家格式的六个部分（一、总体情况 …… 六、其他需要报告的事项）',
      en: 'The report’s text has the six sections of the national format, in order (1. general situation … 6. other matters)',
    },
    rationale: {
      zh: '年度报告的格式规定了六个部分及其顺序；缺少或打乱的部分在考核和社会评议中会被指出。',
      en: 'The national format prescribes six sections in this order; a missing or misplaced one is named in assessments and public reviews.',
    },
    fix: {
      zh: '按国家格式补上缺少的部分（无内容的写“无”），或把各部分调整到规定的顺序。',
      en: 'Add the missing section as the format words it (write 无 when there is nothing to report), or put the sections in the prescribed order.',
    },
    messages: {
      missing: { zh: '缺少第{section}部分“{title}”', en: 'section {section} “{title}” is missing' },
      order: { zh: '第{section}部分“{title}”不在规定的位置（六个部分应依次排列）', en: 'section {section} “{title}” is out of the prescribed order (sections 1 to 6 in turn)' },
    },
  },
  check(report, { flag }) {
    const paragraphs = narrativeParagraphs(report);
    const sections = report.sections;
    if (!sections || paragraphs.length === 0 || sections.length < MIN_HEADINGS) return;
    const at = (index: number): Paragraph => paragraphs.find((p) => p.index === index) ?? paragraphs[0]!;
    const base = { table: null, column: null };
    for (let number = 1; number <= 6; number++) {
      if (sections.some((s) => s.number === number)) continue;
      const table = TABLE_OF[number];
      if (table && report.tables[table]) continue;
      // Located where it belongs: at the heading of the next section found, else after the last.
      const next = sections.filter((s) => s.number > number).sort((a, b) => a.heading - b.heading)[0];
      const where = next ? at(next.heading) : paragraphs.at(-1)!;
      flag({ messageId: 'missing', ...base, row: String(number), loc: paragraphLoc(where, `§${number}`), data: { section: sectionName(number), title: title(number) } });
    }
    const inOrder = longestRun(sections.map((s) => s.number));
    for (const s of sections) {
      if (inOrder.has(s.number)) continue;
      flag({ messageId: 'order', ...base, row: String(s.number), loc: paragraphLoc(at(s.heading), `§${s.number}`), data: { section: sectionName(s.number), title: title(s.number) } });
    }
  },
});
