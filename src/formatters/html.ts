// HTML: one self-contained page a supervising office opens on any PC and sends by mail (no network,
// no CDN): summary tiles and charts, the roster and the baseline, and every report as a row that
// can be searched, sorted and filtered; a report opened shows its findings grouped by table, each
// table drawn in the official layout with the cells found wrong marked.
//
// Written as results go by: the head, then the reports as JSON in blocks, then what only the end
// knows (the summary, the charts, the table layouts the reports used) and the page's script
// (html-page.ts). The summary comes last in the file and first on the page (CSS order), so a batch
// of 20,000 files is never held whole.

import type { Diagnostic, FileResult } from '../engine/index.js';
import { TABLE_NAMES } from '../form/index.js';
import type { EditionId, TableId } from '../form/types.js';
import type { Lang } from '../rules/types.js';
import { diagnosticCell, officialLayout, type OfficialLayout } from '../model/layout.js';
import { escapeHtml, page, scriptJson, type PageData, type PageLayout, type PageReport } from './html-page.js';
import { namesSheets, placeOf } from './shared.js';
import { baselineLine, isRoster, isUnreadable, outcomeOf, rosterLine, RuleCounts, skippedLine, summaryLine, Tally, type Summary } from './summary.js';
import type { FormatContext, Formatter } from './types.js';

const WORDS = {
  zh: {
    title: '政府信息公开工作年度报告检查结果',
    tiles: { files: '文件', clean: '无问题', withErrors: '有错误', warningsOnly: '只有警告', unreadable: '无法读取' },
    topRules: '最常见的问题（条数）',
    topBodies: '错误最多的单位（个）',
    roster: '报送名单',
    missing: '未提交',
    matched: '已提交（请核对匹配是否正确）',
    unmatched: '不在名单上的文件',
    rosterColumns: ['单位', '年度', '名单行', '文件'],
    baseline: '已确认的问题（基线）',
    stale: '已不存在的条目（可从基线中删去）',
    baselineColumns: ['单位', '年度', '规则', '文件', '说明'],
    skipped: '未检查的文件',
    noScript: '逐份报告的列表需要启用 JavaScript。',
  },
  en: {
    title: 'Government information disclosure annual reports: check results',
    tiles: { files: 'files', clean: 'clean', withErrors: 'with errors', warningsOnly: 'warnings only', unreadable: 'unreadable' },
    topRules: 'Most frequent rules (findings)',
    topBodies: 'Bodies with most errors',
    roster: 'Roster',
    missing: 'Not submitted',
    matched: 'Submitted (check each match)',
    unmatched: 'Files on no line of the roster',
    rosterColumns: ['Body', 'Year', 'Line', 'Files'],
    baseline: 'Accepted findings (baseline)',
    stale: 'Entries no longer found (take them out of the baseline)',
    baselineColumns: ['Body', 'Year', 'Rule', 'File', 'Message'],
    skipped: 'Files not checked',
    noScript: 'The list of reports needs JavaScript.',
  },
} as const;

/** Reports a JSON block of the page holds: the page parses each block as it is read. */
const BLOCK = 500;
/** Bars a chart shows. */
const BARS = 10;

/** The layouts the reports use, one per edition and table-3 rows (a report may print （六） the other edition's way). */
class Layouts {
  readonly list: PageLayout[] = [];
  private readonly byKey = new Map<string, { index: number; layout: OfficialLayout }>();

  /** `t3Rows`: the keys of a result's table 3, which are its rows in print order (t3RowKeys). */
  of(edition: EditionId, t3Rows: string[]): { index: number; layout: OfficialLayout } {
    const key = `${edition}:${t3Rows.join(',')}`;
    let found = this.byKey.get(key);
    if (!found) {
      const layout = officialLayout(edition, { t3Rows });
      found = { index: this.list.length, layout };
      this.byKey.set(key, found);
      this.list.push(pageLayout(layout));
    }
    return found;
  }
}

/** A layout as the page draws it: each table's rows, and every text and value cell with its span. */
function pageLayout(layout: OfficialLayout): PageLayout {
  const span = (c: { row: number; col: number; merge?: { bottom: number; right: number } }) =>
    c.merge ? [c.merge.bottom - c.row + 1, c.merge.right - c.col + 1] : [1, 1];
  const tables: PageLayout['tables'] = {};
  for (const table of ['t2', 't3', 't4'] as TableId[]) {
    const box = layout.boxes[table];
    if (box) tables[table] = { top: box.top, bottom: box.bottom, left: box.left, right: box.right, title: TABLE_NAMES[table].title };
  }
  return {
    tables,
    texts: layout.texts.map((t) => [t.row, t.col, ...span(t), t.text] as [number, number, number, number, string]),
    values: layout.values.map((v) => [v.row, v.col, ...span(v)] as [number, number, number, number]),
  };
}

/** What the page keeps of a result: its heading, its values in the layout's order, its findings with the cell each marks. */
function pageReport(r: FileResult, layouts: Layouts, lang: Lang): PageReport {
  const placed = r.edition && r.values ? layouts.of(r.edition, Object.keys(r.values.t3)) : null;
  // A finding on the text is listed under 正文 at its paragraph, whatever table its figure is of.
  const groupOf = (d: Diagnostic) => (d.paragraph !== null ? 'text' : (d.table ?? ''));
  /** The cell a finding marks; 0 when it is outside the table drawn (a table-wide finding points at the table's title). */
  const cellOf = (d: Diagnostic) => {
    const box = d.table ? placed?.layout.boxes[d.table] : undefined;
    if (!placed || !box || d.paragraph !== null) return 0;
    const p = diagnosticCell(placed.layout, d);
    return p.row >= box.top && p.row <= box.bottom && p.col >= box.left && p.col <= box.right ? p.row * 1000 + p.col : 0;
  };
  const values = r.values;
  return {
    f: r.file,
    a: r.agency,
    y: r.year,
    e: r.edition,
    k: r.source.kind,
    E: r.errorCount,
    W: r.warningCount,
    o: outcomeOf(r),
    u: isUnreadable(r) ? 1 : 0,
    L: placed ? placed.index : -1,
    v: placed && values ? placed.layout.values.map((c) => values[c.table][c.rowKey]?.[c.columnKey] ?? null) : [],
    d: r.diagnostics.map((d) => [d.rule, d.severity === 'error' ? 1 : 0, groupOf(d), placeOf(d, lang, namesSheets(r)), d.message, cellOf(d), d.expected, d.actual]),
    s: (r.sameReport ?? []).slice(1).map((f) => f.file),
    b: r.baselined?.length ?? 0,
  };
}

/** A horizontal bar chart in SVG: a label, a bar and its value a row; the full label as the row's tooltip. */
export function barChart(title: string, bars: Array<{ label: string; value: number }>, tone: 'error' | 'rule'): string {
  const ROW = 22;
  const LABEL = 230;
  const BAR = 280;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const shorten = (s: string) => (s.length > 16 ? `${s.slice(0, 15)}…` : s);
  const rows = bars.map((b, i) => {
    const y = i * ROW;
    const w = Math.max(2, Math.round((b.value / max) * BAR));
    return (
      `<g><title>${escapeHtml(`${b.label}: ${b.value}`)}</title>` +
      `<text x="${LABEL - 6}" y="${y + 15}" text-anchor="end">${escapeHtml(shorten(b.label))}</text>` +
      `<rect x="${LABEL}" y="${y + 4}" width="${w}" height="${ROW - 8}" class="bar ${tone}"/>` +
      `<text x="${LABEL + w + 4}" y="${y + 15}">${b.value}</text></g>`
    );
  });
  const height = Math.max(ROW, bars.length * ROW);
  return `<figure class="chart"><figcaption>${escapeHtml(title)}</figcaption><svg viewBox="0 0 ${LABEL + BAR + 50} ${height}" width="${LABEL + BAR + 50}" height="${height}" role="img" aria-label="${escapeHtml(title)}">${rows.join('')}</svg></figure>`;
}

/** The most frequent rules, and the bodies (or files, where no body was read) with most errors. */
class Charts {
  readonly rules = new RuleCounts();
  private readonly bodies = new Map<string, number>();

  add(r: FileResult): void {
    this.rules.add(r);
    if (r.errorCount > 0) {
      const body = r.agency ?? r.file;
      this.bodies.set(body, (this.bodies.get(body) ?? 0) + r.errorCount);
    }
  }

  html(lang: Lang): string {
    const rules = this.rules.top(BARS).map(({ rule, findings }) => ({ label: rule, value: findings }));
    const bodies = [...this.bodies]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, BARS)
      .map(([label, value]) => ({ label, value }));
    const w = WORDS[lang];
    const charts = [rules.length ? barChart(w.topRules, rules, 'rule') : '', bodies.length ? barChart(w.topBodies, bodies, 'error') : ''];
    return charts.some(Boolean) ? `<div class="charts">${charts.join('')}</div>` : '';
  }
}

function tiles(s: Summary, lang: Lang): string {
  const w = WORDS[lang].tiles;
  const tile = (filter: string, n: number, label: string) =>
    `<button type="button" class="tile ${filter}" data-filter="${filter}"><span class="n">${n}</span><span>${escapeHtml(label)}</span></button>`;
  return `<div class="tiles">${[
    tile('all', s.files, w.files),
    tile('clean', s.clean, w.clean),
    tile('errors', s.withErrors, w.withErrors),
    tile('warnings', s.warningsOnly, w.warningsOnly),
    tile('unreadable', s.unreadable, w.unreadable),
  ].join('')}</div>`;
}

function table(columns: readonly string[], rows: Array<Array<string | number | null>>): string {
  const cell = (v: string | number | null) => `<td>${escapeHtml(v === null ? '—' : String(v))}</td>`;
  return `<table class="plain"><thead><tr>${columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('')}</tbody></table>`;
}

/** The roster's section: every line's match shown, so that a person can confirm it. */
function rosterSection(context: FormatContext): string {
  const roster = context.roster;
  if (!roster) return '';
  const w = WORDS[context.lang];
  const list = context.lang === 'zh' ? '、' : ', ';
  const parts = [`<h2>${escapeHtml(w.roster)}</h2>`, `<p>${escapeHtml(rosterLine(roster, context.lang))}</p>`];
  if (roster.missing.length) parts.push(`<h3>${escapeHtml(w.missing)}</h3>`, table(w.rosterColumns.slice(0, 3), roster.missing.map((m) => [m.body, m.year, m.line])));
  if (roster.matched.length)
    parts.push(`<details><summary>${escapeHtml(w.matched)}（${roster.matched.length}）</summary>${table(w.rosterColumns, roster.matched.map((m) => [m.body, m.year, m.line, m.files.join(list)]))}</details>`);
  if (roster.unmatched.length) parts.push(`<details><summary>${escapeHtml(w.unmatched)}（${roster.unmatched.length}）</summary><ul>${roster.unmatched.map((f) => `<li>${escapeHtml(f)}</li>`).join('')}</ul></details>`);
  return `<section class="roster">${parts.join('')}</section>`;
}

function baselineSection(context: FormatContext): string {
  const baseline = context.baseline;
  if (!baseline) return '';
  const w = WORDS[context.lang];
  const stale = baseline.stale.length
    ? `<details><summary>${escapeHtml(w.stale)}（${baseline.stale.length}）</summary>${table(w.baselineColumns, baseline.stale.map((e) => [e.agency, e.year, e.rule, e.file, e.message]))}</details>`
    : '';
  return `<section class="baseline"><h2>${escapeHtml(w.baseline)}</h2><p>${escapeHtml(baselineLine(baseline, context.lang))}</p>${stale}</section>`;
}

function* stream(results: Iterable<FileResult>, context: FormatContext): Generator<string> {
  const { lang } = context;
  const w = WORDS[lang];
  const tally = new Tally();
  const charts = new Charts();
  const layouts = new Layouts();
  yield page.head(w.title, lang);
  let block: PageReport[] = [];
  const flush = () => {
    const piece = `<script type="application/json" class="reports">${scriptJson(block)}</script>\n`;
    block = [];
    return piece;
  };
  for (const r of results) {
    tally.add(r);
    // The roster's findings (bodies that have not submitted) have a section of their own.
    if (isRoster(r)) continue;
    charts.add(r);
    block.push(pageReport(r, layouts, lang));
    if (block.length === BLOCK) yield flush();
  }
  if (block.length) yield flush();
  const skipped = context.skipped ?? [];
  const summary = tally.summary(skipped);
  const titles = Object.fromEntries((['t2', 't3', 't4'] as TableId[]).map((t) => [t, TABLE_NAMES[t].title])) as Record<TableId, string>;
  const data: PageData = { lang, layouts: layouts.list, rules: charts.rules.rules(), titles };
  yield `<script type="application/json" id="page-data">${scriptJson(data)}</script>\n`;
  yield (
    `<section id="summary"><p class="line">${escapeHtml(summaryLine(summary, lang))}</p>${tiles(summary, lang)}${charts.html(lang)}` +
    `${rosterSection(context)}${baselineSection(context)}` +
    `${skipped.length ? `<section class="skipped"><h2>${escapeHtml(w.skipped)}</h2><p>${escapeHtml(skippedLine(skipped, summary, lang))}</p></section>` : ''}</section>\n`
  );
  yield page.tail(w.noScript, lang);
}

export const html: Formatter = {
  id: 'html',
  description: 'one self-contained HTML page: summary, charts, a searchable list of reports, each table drawn with the wrong cells marked',
  format: (results, context) => [...stream(results, context)].join(''),
  stream,
};
