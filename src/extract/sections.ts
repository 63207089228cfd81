// The document around the tables: whether a report carries narrative at all, and where its six
// sections are (一、总体情况 … 六、其他需要报告的事项), as the national format orders them.

import type { Cell, Grid, Paragraph } from '../model/grid.js';
import type { Section } from '../model/report.js';

/** The six sections' titles as the national format prints them. */
export const SECTION_TITLES = [
  '总体情况',
  '主动公开政府信息情况',
  '收到和处理政府信息公开申请情况',
  '政府信息公开行政复议、行政诉讼情况',
  '存在的主要问题及改进情况',
  '其他需要报告的事项',
] as const;

/**
 * What a heading's title must say to be section N (index N − 1), as real reports shorten or
 * reword it: 概述, 基本情况; 主动公开情况; 依申请公开情况; 行政复议和行政诉讼情况; 存在问题及改进
 * 措施, 问题和整改; 其他事项, 其他需要说明的事项.
 */
const SECTION_WORDS: readonly RegExp[] = [
  /总体情况|总体概况|概述|概况|基本情况|总体/,
  /主动公开/,
  /收到和处理|收到及处理|依申请|信息公开申请|申请情况/,
  /行政复议|行政诉讼/,
  /问题|改进|整改|不足|下一步|打算|计划/,
  /其他|其它/,
];

/** The sections' numbers as headings write them. */
export const NUMERALS = '一二三四五六';

/** Table 3's row labels, numbered as sections are (一、本年新收政府信息公开申请数量): never a heading. */
const TABLE_ROW = /本年新收|上年结转|办理结果|结转下年|数量$/;

/**
 * A section heading's number and title: 一、总体情况 / 一．总体情况 / 第一部分 总体情况 / 1、总体情况.
 * The title runs to the first full stop, colon or white space (a heading may run on into its first
 * sentence, after a stop, a space or a line break).
 */
const HEADING = /^(?:第([一二三四五六])(?:部分|章|节)[、.:]?|([一二三四五六])[、.,:]|([1-6])[、.](?!\d))\s*(.*)$/s;

const TITLE_END = /[。.:;\s]/;

/** Text as headings are compared: NFKC (full-width punctuation to ASCII), without white space. */
function compact(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** The section (1–6) a paragraph opens, or 0 when it opens none. */
export function sectionOf(text: string): number {
  const plain = compact(text);
  if (plain.length === 0) return 0;
  // The number and title as written, white space kept where it ends the title.
  const m = HEADING.exec(text.normalize('NFKC').trim());
  if (!m) {
    // A heading without a number: exactly a title, as the format prints it.
    const bare = plain.replace(/[:。]$/, '');
    const at = SECTION_TITLES.findIndex((t) => compact(t) === bare);
    return at + 1;
  }
  const numeral = m[1] ?? m[2];
  const numbered = numeral ? NUMERALS.indexOf(numeral) + 1 : Number(m[3]);
  const rest = m[4]!;
  const end = rest.search(TITLE_END);
  const title = end < 0 ? rest : rest.slice(0, end);
  if (title.length === 0 || title.length > 30 || TABLE_ROW.test(title)) return 0;
  // The section the number names, when the title fits it; else the one the title fits (a
  // misnumbered heading is still that heading); else none (a table's 三、本年度办理结果).
  if (SECTION_WORDS[numbered - 1]!.test(title)) return numbered;
  const fits = SECTION_WORDS.flatMap((words, i) => (words.test(title) ? [i + 1] : []));
  return fits.length === 1 ? fits[0]! : 0;
}

/**
 * The sections the paragraphs open, in document order: each from its heading to the paragraph
 * before the next heading. A second heading of a section already found is not a new section (a
 * quoted title in the narrative); it stays part of the section it is in.
 */
export function findSections(paragraphs: readonly Paragraph[]): Section[] {
  const sections: Section[] = [];
  const seen = new Set<number>();
  for (const p of paragraphs) {
    const number = sectionOf(p.text);
    if (number === 0 || seen.has(number)) continue;
    seen.add(number);
    const last = sections.at(-1);
    if (last) last.end = p.index - 1;
    sections.push({ number, heading: p.index, end: p.index });
  }
  const last = sections.at(-1);
  if (last) last.end = paragraphs.at(-1)!.index;
  return sections;
}

/** Prose: a paragraph of some length that reads as sentences (a title or a table's label does not). */
const SENTENCE = /[。，；,;]/;

/** How many different paragraphs of prose make a narrative. */
const PROSE_PARAGRAPHS = 3;

/**
 * Whether paragraphs carry narrative: three different ones or more of 30 characters or more,
 * written in sentences. A document holding only the tables (their titles, a heading or two, a
 * note under a table) carries none, and no rule about the text looks at it.
 */
export function carriesNarrative(paragraphs: readonly Paragraph[]): boolean {
  const prose = new Set<string>();
  for (const p of paragraphs) {
    if (p.text.length >= 30 && SENTENCE.test(p.text) && sectionOf(p.text) === 0) prose.add(p.text);
    if (prose.size >= PROSE_PARAGRAPHS) return true;
  }
  return false;
}

/**
 * A text file's paragraphs: its lines of one field (a title, a heading, a paragraph pasted from
 * the page), in order, each with its line. Lines of several fields are table rows.
 */
export function textParagraphs(grid: Grid): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const sheet = grid.sheets[0];
  if (!sheet) return paragraphs;
  const rows = [...sheet.rows].sort((a, b) => a[0] - b[0]);
  for (const [, cells] of rows) {
    if (cells.length !== 1) continue;
    const cell: Cell = cells[0]!;
    const text = cell.text.replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    paragraphs.push({ text, index: paragraphs.length + 1, ...(cell.line !== undefined ? { line: cell.line } : {}) });
  }
  return paragraphs;
}
