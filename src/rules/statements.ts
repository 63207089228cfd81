// The figures a report's narrative states that its tables state too: the statements reports make
// every year (全年共收到政府信息公开申请51件, 予以公开20件，占40%, 被申请行政复议4件 …), each with
// the table cells it means. A statement is read only where its meaning is plain: a figure with
// 约/近/余/多, a comparison with another year, a part of a total (其中…) or figures given
// 分别 are not statements of the cell and are skipped.

import { EDITIONS } from '../form/index.js';
import type { EditionId, TableId } from '../form/types.js';
import type { Report } from '../model/report.js';
import { NUMBER, numberOf } from '../extract/numbers.js';
import type { Sentence } from './narrative.js';
import type { Bilingual } from './types.js';

export interface Term {
  table: TableId;
  row: string;
  column: string;
}

/** A reading of a statement: the cells whose sum the figure is. */
type Meaning = readonly Term[];

interface StatementDef {
  id: string;
  /** The figure's place in words, for messages. */
  what: Bilingual;
  /** Matches the statement; `n` is the figure. Written for NFKC text without white space. */
  pattern: RegExp;
  /** Its readings for an edition, the first the one a finding names; `match` is the statement's text. */
  meanings(edition: EditionId, match: string, sentence: string): Meaning[];
  /** A figure of a total: a clause with 其中 (a part of it) is not this statement. */
  total?: boolean;
  /** A share (占40%) after it is of the requests handled. */
  shared?: boolean;
  /** A figure of a group of rows (不予公开): a clause naming one of its reasons (因…不掌握, 属于国家秘密) gives that row's figure, not the group's. */
  group?: boolean;
  /**
   * What its sentence (up to the figure) must say for the figure to be about disclosure requests
   * or cases (办结500件 of a hotline's tickets is not), unless it stands in `own` section.
   */
  context?: RegExp;
}

/** What names one reason within a group of table 3's rows. */
const REASON = /因|由于|属于|属|不掌握|没有现成|不明确|秘密|禁止|三安全|第三方|内部事务|过程性|执法案卷|查询|信访|投诉|举报|重复|出版物|反复|确认|逾期|补正|缴纳/;

const t3 = (row: string): Term => ({ table: 't3', row, column: 'total' });
const t4 = (row: string): Term => ({ table: 't4', row, column: 'total' });
const t2 = (row: string, column: string): Term => ({ table: 't2', row, column });
/** Table 3's rows under a group (（三）不予公开: denied.*), each its total column. */
const group = (edition: EditionId, prefix: string): Meaning => EDITIONS[edition].t3.rows.filter((r) => r.key.startsWith(`${prefix}.`)).map((r) => t3(r.key));
/** Table 2's count of documents made this year: 本年制发件数 (2021), 本年新制作数量 (2019). */
const made = (edition: EditionId) => (edition === '2019' ? 'made' : 'issued');

/** The figure, as a pattern: a number with its unit, an 余/多 or 左右 marking it approximate captured to skip it. */
const N = `(?<n>${NUMBER})(?<about>余|多)?(?:件|个|起|宗|份|部)(?<around>左右|以上|以下|余)?`;
const re = (source: string) => new RegExp(source.replace('N', N), 'g');

const STATEMENTS: readonly StatementDef[] = [
  {
    id: 'received',
    what: { zh: '本年新收申请', en: 'requests received this year' },
    // 收到/受理/新收 (各类)(政府)信息公开申请 N件; not 收到行政复议申请.
    pattern: re('(?:收到|受理|接收|接到|收悉|新收)(?:了)?(?:各类|各类型)?[^,;。:\\d]{0,20}?(?:信息公开|依申请公开)申请(?:共计|共|合计|总计|计|数量为|数为|为|达)?N'),
    total: true,
    meanings(_edition, match, sentence) {
      const received = [t3('received')];
      // 受理 often counts last year's requests too; so does a sentence that says it includes them.
      const both = /^受理/.test(match) || /(?:含|包括|包含|其中)上年(?:度)?结转/.test(sentence);
      return both ? [received, [t3('received'), t3('carriedOver')]] : [received];
    },
  },
  {
    id: 'carriedOver',
    what: { zh: '上年结转申请', en: 'requests carried over from last year' },
    pattern: re('上一?年(?:度)?结转(?:至本年度)?(?:办理)?(?:的|来)?(?:政府信息公开)?(?:申请)?(?:共|计|为)?N'),
    meanings: () => [[t3('carriedOver')]],
  },
  {
    id: 'resultTotal',
    what: { zh: '办理结果总计', en: 'requests handled' },
    // Not 作出不予公开答复 (a result), nor 延期答复, 当面答复 and the like (a manner, not the total).
    pattern: re(
      '(?:(?<![未没不]|延期|逾期|按时|按期|当场|当面|网上|书面|原)(?:办结|办理完毕|(?<!公开|提供|处理|延期|逾期|按时|按期|当场|当面|网上|书面|原)(?:作出答复|予以答复|答复))(?:了)?(?:政府信息公开)?(?:申请)?|办理结果)(?:共计|共|合计|总计|计)?(?:为)?N',
    ),
    total: true,
    context: /申请/,
    meanings: () => [[t3('resultTotal')]],
  },
  {
    id: 'granted',
    what: { zh: '予以公开', en: 'granted' },
    pattern: re('(?:(?<!不|部分)予以公开|(?<!不|部分)同意公开)(?:答复|决定)?(?:的)?(?:申请)?(?:共|计|为)?N'),
    shared: true,
    meanings: () => [[t3('granted')]],
  },
  {
    id: 'partiallyGranted',
    what: { zh: '部分公开', en: 'partially granted' },
    pattern: re('部分(?:予以)?公开(?:答复|决定)?(?:的)?(?:申请)?(?:共|计|为)?N'),
    shared: true,
    meanings: () => [[t3('partiallyGranted')]],
  },
  {
    id: 'denied',
    what: { zh: '不予公开（各项之和）', en: 'denied (all reasons)' },
    pattern: re('不予(?:以)?公开(?:答复|决定)?(?:的)?(?:申请)?(?:共|计|为)?N'),
    shared: true,
    group: true,
    meanings: (edition) => [group(edition, 'denied')],
  },
  {
    id: 'unavailable',
    what: { zh: '无法提供（各项之和）', en: 'unavailable (all reasons)' },
    pattern: re('无法提供(?:答复)?(?:的)?(?:申请)?(?:共|计|为)?N'),
    shared: true,
    group: true,
    meanings: (edition) => [group(edition, 'unavailable')],
  },
  {
    id: 'notProcessed',
    what: { zh: '不予处理（各项之和）', en: 'not processed (all reasons)' },
    pattern: re('不予处理(?:答复|决定)?(?:的)?(?:申请)?(?:共|计|为)?N'),
    shared: true,
    group: true,
    meanings: (edition) => [group(edition, 'notProcessed')],
  },
  {
    id: 'carriedForward',
    what: { zh: '结转下年度继续办理', en: 'carried forward to next year' },
    pattern: re('结转(?:至|到)?下一?年度?(?:继续)?(?:办理)?(?:的)?(?:申请)?(?:共|计|为)?N'),
    meanings: () => [[t3('carriedForward')]],
  },
  {
    // 尚有2件结转下年度继续办理: the figure first. (A statement of its own: a pattern cannot name
    // its figure twice, as one alternation of both forms would; Node 20 has no duplicate named groups.)
    id: 'carriedForward',
    what: { zh: '结转下年度继续办理', en: 'carried forward to next year' },
    pattern: re('N(?:申请)?(?:结转|转入)(?:至|到)?下一?年度?'),
    meanings: () => [[t3('carriedForward')]],
  },
  {
    id: 'review',
    what: { zh: '行政复议总计', en: 'administrative reviews' },
    pattern: re('(?<!后)行政复议(?:案件|申请)?(?:共计|共|计|为)?N'),
    // A body that hears reviews (作为行政复议机关办理行政复议案件35件) states cases of every kind.
    context: /信息公开/,
    meanings: () => [[t4('review')]],
  },
  {
    id: 'suit',
    what: { zh: '行政诉讼总计（两组之和）', en: 'lawsuits (both groups)' },
    // 行政复议、(提起)行政诉讼N件 is both together; 行政应诉 is lawsuits of every kind: not this statement.
    pattern: re('(?<!复议[、和及与或](?:提起|被提起)?)行政诉讼(?:案件)?(?:共计|共|计|为)?N'),
    context: /信息公开/,
    meanings: () => [[t4('suitDirect'), t4('suitAfterReview')]],
  },
  {
    id: 'regulations',
    what: { zh: '规章本年制发', en: 'regulations made this year' },
    pattern: re('(?:制发|制定|出台|印发|发布)(?:政府)?规章N'),
    meanings: (edition) => [[t2('regulations', made(edition))]],
  },
  {
    id: 'normativeDocuments',
    what: { zh: '行政规范性文件本年制发', en: 'normative documents made this year' },
    pattern: re('(?:制发|制定|出台|印发)(?:行政)?规范性文件N'),
    meanings: (edition) => [[t2('normativeDocuments', made(edition))]],
  },
  {
    id: 'licensing',
    what: { zh: '行政许可处理决定数量', en: 'licensing decisions' },
    pattern: re('(?:(?:作出|办结|办理)?行政许可(?:处理)?决定(?:数量)?|(?:作出|办结)行政许可)(?:为)?N'),
    meanings: () => [[t2('licensing', 'decisions')]],
  },
  {
    id: 'penalties',
    what: { zh: '行政处罚处理决定数量', en: 'penalty decisions' },
    pattern: re('行政处罚(?:处理)?(?:决定|案件)?(?:数量)?(?:共计|共|计|为)?N'),
    meanings: () => [[t2('penalties', 'decisions')]],
  },
  {
    id: 'coercion',
    what: { zh: '行政强制处理决定数量', en: 'coercion decisions' },
    pattern: re('行政强制(?:处理)?(?:决定|措施)?(?:数量)?(?:共计|共|计|为)?N'),
    meanings: () => [[t2('coercion', 'decisions')]],
  },
];

/** A count as every statement states one: a number and a unit. */
const COUNT = new RegExp(`(?:${NUMBER})(?:余|多)?(?:件|个|起|宗|份|部)`);

/** A figure before which a statement is only approximate: 约51件, 近50件, 超过50件. */
const ABOUT_BEFORE = /(?:约|近|逾|超过|将近|大约|不足|不到|多于|少于|上)$/;
/** A clause that compares, spreads figures over several things or counts over years: not a statement of one cell. */
const NOT_A_STATEMENT = /较|同比|环比|相比|比上年|比去年|增长|增加|减少|下降|上升|以来|历年|累计至|分别|平均|人均|月均/;
/** A clause about another year (上年结转 is this year's figure, and is taken out first). */
const OTHER_YEAR = /上一?年(?!(?:度)?结转)|去年|前年/;
/** 占40%: a share stated right after a figure (not 分别占…和…, which shares out several figures). */
const SHARE = new RegExp(`^[^。;]{0,4}?,?(?:约)?占(?:[^,;。%\\d]{0,12}?)?(?<p>\\d+(?:\\.\\d+)?)%`);
const SHARED_OUT = /分别|和|及|、/;

/** The sections a table's figures are stated in: 一 (the overview) and its own; 0 is before the first heading. */
const SECTIONS_OF: Record<TableId, readonly number[]> = { t2: [0, 1, 2], t3: [0, 1, 3], t4: [0, 1, 4] };

export interface Stated {
  statement: StatementDef;
  sentence: Sentence;
  /** The figure stated. */
  value: number;
  /** Where in the sentence's text the statement is, and how long. */
  at: number;
  length: number;
  /** The reading named (the first one the tables have values for), its value. */
  meaning: Meaning;
  expected: number;
  /** Whether any reading agrees with the figure. */
  agrees: boolean;
  /** A share stated after the figure (占40%), with the decimals written, and whether it fits a denominator. */
  share?: { percent: number; at: number; fits: boolean; expected: number };
}

/** The value of a cell of the report's tables, or null when it was not read as a number. */
function valueOf(report: Report, term: Term): number | null {
  const cell = report.tables[term.table]?.rows[term.row]?.cells[term.column];
  return cell?.status === 'ok' ? cell.value : null;
}

/** A meaning's value: the sum of its cells, null when one of them has no number. */
export function sumOf(report: Report, meaning: Meaning): number | null {
  if (meaning.length === 0) return null;
  let sum = 0;
  for (const term of meaning) {
    const v = valueOf(report, term);
    if (v === null) return null;
    sum += v;
  }
  return Math.round(sum * 1e6) / 1e6;
}

/** The clause of a sentence around offset `at` (between commas, semicolons, colons or the ends). */
function clauseAround(text: string, at: number): { from: number; text: string } {
  const stops = /[,;:。!?]/g;
  let from = 0;
  let to = text.length;
  for (let m = stops.exec(text); m; m = stops.exec(text)) {
    if (m.index < at) from = m.index + 1;
    else {
      to = m.index;
      break;
    }
  }
  return { from, text: text.slice(from, to) };
}

/** The last year (YYYY年) a sentence names before offset `at`, or null. */
function yearBefore(text: string, at: number): number | null {
  let year: number | null = null;
  for (const m of text.slice(0, at).matchAll(/(\d{4})年/g)) year = Number(m[1]);
  return year;
}

/**
 * The share after a count, and whether it is the count over requests handled, received, or
 * received and carried over; what it would be of the requests handled. None when the requests
 * handled are not known, or the share is one of several (分别占…和…).
 */
function shareAfter(report: Report, sentence: string, end: number, value: number): Stated['share'] {
  const rest = sentence.slice(end);
  const m = SHARE.exec(rest);
  // One share of several: 分别占…和…, or another share right after it in the clause.
  if (!m || SHARED_OUT.test(m[0]) || rest.slice(m[0].length).split(/[,;。]/)[0]!.includes('%')) return undefined;
  const written = m.groups!.p!;
  const percent = Number(written);
  // Shares are written to a few decimals at most; more would be noise in a message.
  const decimals = Math.min(4, written.includes('.') ? written.split('.')[1]!.length : 0);
  const tolerance = 10 ** -decimals;
  const handled = sumOf(report, [t3('resultTotal')]);
  if (handled === null || handled === 0) return undefined;
  const denominators = [[t3('received')], [t3('received'), t3('carriedOver')]].map((meaning) => sumOf(report, meaning)).filter((d): d is number => d !== null && d > 0);
  const fits = [handled, ...denominators].some((d) => Math.abs((value / d) * 100 - percent) <= tolerance + 1e-9);
  const expected = Math.round((value / handled) * 100 * 10 ** decimals) / 10 ** decimals;
  return { percent, at: end + m.index, fits, expected };
}

/** Every statement of a figure in the sentences that the report's tables can be compared with. */
export function statementsIn(report: Report, sentences: readonly Sentence[], reportYear: number | null): Stated[] {
  const edition = report.edition;
  if (!edition) return [];
  const out: Stated[] = [];
  for (const sentence of sentences) {
    const text = sentence.text;
    // Most sentences state no count at all: only those with one are matched against every statement.
    if (!COUNT.test(text)) continue;
    for (const statement of STATEMENTS) {
      for (const m of text.matchAll(statement.pattern)) {
        const g = m.groups!;
        const numberAt = m.index + m[0].indexOf(g.n!);
        if (g.about || g.around || ABOUT_BEFORE.test(text.slice(Math.max(0, numberAt - 2), numberAt))) continue;
        const clause = clauseAround(text, m.index);
        const rest = clause.text.slice(0, m.index - clause.from) + clause.text.slice(m.index - clause.from + m[0].length);
        if (NOT_A_STATEMENT.test(clause.text) || OTHER_YEAR.test(rest)) continue;
        // A total is not a part: 其中 before it in its sentence (其中，市公安局收到申请5件) makes it one.
        if (statement.total && /其中/.test(clause.text + text.slice(0, m.index))) continue;
        if (statement.group && REASON.test(clause.text)) continue;
        const year = yearBefore(text, m.index);
        if (year !== null && reportYear !== null && year !== reportYear) continue;
        const value = numberOf(g.n!);
        if (value === null) continue;
        const readings = statement.meanings(edition, m[0], text).map((meaning) => ({ meaning, sum: sumOf(report, meaning) }));
        const table = readings[0]!.meaning[0]!.table;
        if (!SECTIONS_OF[table].includes(sentence.section)) continue;
        if (statement.context && sentence.section !== Number(table.slice(1)) && !statement.context.test(text.slice(0, m.index + m[0].length))) continue;
        const known = readings.filter((r) => r.sum !== null);
        if (known.length === 0) continue;
        const agrees = known.some((r) => r.sum === value);
        const stated: Stated = { statement, sentence, value, at: m.index, length: m[0].length, meaning: known[0]!.meaning, expected: known[0]!.sum!, agrees };
        if (statement.shared && agrees) {
          const share = shareAfter(report, text, m.index + m[0].length, value);
          if (share) stated.share = share;
        }
        out.push(stated);
      }
    }
  }
  return out;
}
