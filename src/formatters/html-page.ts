/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The HTML report's page: its style, its fixed parts and the script that runs in the browser. The
// script is `client` below, written out as its own source (Function.prototype.toString): it must
// use nothing from outside its body. It reads the reports from the page's JSON blocks, lists them a
// page of rows at a time (a batch of 5,000 opens as fast as one of 100), and draws a report's tables
// from the layouts html.ts wrote once for all reports.

import type { EditionId, TableId } from '../form/types.js';
import type { Lang } from '../rules/types.js';
import type { Outcome } from './summary.js';

/** A finding as the page has it: rule, 1 for an error, its group (t2/t3/t4, text, or ''), its place, message, marked cell (row × 1000 + column, 0 for none), expected, actual. */
export type PageFinding = [string, 0 | 1, string, string, string, number, number | null, number | null];

/** A report as the page has it (short keys: a batch of 5,000 is a few megabytes). */
export interface PageReport {
  /** file, agency, year, edition, kind of source */
  f: string;
  a: string | null;
  y: number | null;
  e: EditionId | null;
  k: string | null;
  /** errors, warnings */
  E: number;
  W: number;
  /** How it fared and whether it could be read, as the summary counts them (summary.ts). */
  o: Outcome;
  u: 0 | 1;
  /** The layout's index in PageData.layouts, -1 when no table could be drawn. */
  L: number;
  /** The values, in the order of the layout's value cells. */
  v: Array<number | null>;
  d: PageFinding[];
  /** The same report's other forms (a PDF of this web page …). */
  s: string[];
  /** Findings the baseline accepted. */
  b: number;
}

/** The official layout of one edition: each table's rows and columns, text cells [row, col, rows, cols, text], value cells [row, col, rows, cols]. */
export interface PageLayout {
  tables: Partial<Record<TableId, { top: number; bottom: number; left: number; right: number; title: string }>>;
  texts: Array<[number, number, number, number, string]>;
  values: Array<[number, number, number, number]>;
}

export interface PageData {
  lang: Lang;
  layouts: PageLayout[];
  /** Every rule with a finding, for the rule filter. */
  rules: string[];
  /** Each table's title, for a report whose tables cannot be drawn. */
  titles: Record<TableId, string>;
}

/** The words the script and the fixed parts use. */
const WORDS = {
  zh: {
    search: '查找单位或文件',
    severity: { all: '全部', errors: '有错误', warnings: '只有警告', clean: '无问题', unreadable: '无法读取' },
    anyRule: '全部规则',
    anyYear: '全部年度',
    noYear: '年度不明',
    columns: { a: '单位', y: '年度', e: '版本', f: '文件', E: '错误', W: '警告' },
    findingColumns: ['位置', '级别', '规则', '说明', '应为', '实为'],
    error: '错误',
    warning: '警告',
    shown: '显示 {a}–{b}，共 {n} 份（全部 {all} 份）',
    none: '没有符合条件的报告',
    previous: '上一页',
    next: '下一页',
    print: '打印',
    close: '关闭',
    noFindings: '未发现问题',
    text: '正文',
    other: '报告',
    file: '文件',
    edition: '{e} 版',
    sameReport: '同一报告的其他形式：',
    baselined: '另有 {n} 个已确认的问题未列出',
    counts: '{e} 个错误，{w} 个警告',
    hint: '点击一行查看该报告的问题；标红的格子有错误，标黄的有警告。',
  },
  en: {
    search: 'Find a body or file',
    severity: { all: 'All', errors: 'With errors', warnings: 'Warnings only', clean: 'Clean', unreadable: 'Unreadable' },
    anyRule: 'Any rule',
    anyYear: 'Any year',
    noYear: 'Year unknown',
    columns: { a: 'Body', y: 'Year', e: 'Edition', f: 'File', E: 'Errors', W: 'Warnings' },
    findingColumns: ['Place', 'Severity', 'Rule', 'Message', 'Expected', 'Actual'],
    error: 'error',
    warning: 'warning',
    shown: 'Showing {a}–{b} of {n} ({all} in all)',
    none: 'No report matches',
    previous: 'Previous',
    next: 'Next',
    print: 'Print',
    close: 'Close',
    noFindings: 'No problems found',
    text: 'Text',
    other: 'Report',
    file: 'File',
    edition: '{e} edition',
    sameReport: 'The same report in other forms: ',
    baselined: '{n} accepted findings not shown',
    counts: '{e} errors, {w} warnings',
    hint: 'Click a row to see its findings; red cells hold errors, yellow ones warnings.',
  },
} as const;

export type PageWords = (typeof WORDS)[Lang];

const STYLE = `
:root { --error: #ffc7ce; --error-ink: #9c0006; --warning: #ffeb9c; --warning-ink: #7a5d00; --line: #c8ccd2; --ink: #1f2328; --muted: #59636e; --accent: #0b57d0; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; color: var(--ink); background: #f6f7f9; }
main { display: flex; flex-direction: column; gap: 16px; max-width: 1200px; margin: 0 auto; padding: 16px; }
header { order: -2; display: flex; align-items: center; justify-content: space-between; gap: 12px; }
h1 { font-size: 20px; margin: 0; }
h2 { font-size: 17px; margin: 0 0 8px; }
h3 { font-size: 15px; margin: 16px 0 6px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; }
#summary { order: -1; }
#summary .line { margin: 0 0 10px; }
.tiles { display: flex; flex-wrap: wrap; gap: 10px; }
.tile { display: flex; flex-direction: column; align-items: flex-start; min-width: 120px; padding: 8px 14px; border: 1px solid var(--line); border-radius: 6px; background: #fff; cursor: pointer; font: inherit; }
.tile .n { font-size: 24px; font-weight: 600; }
.tile.errors .n, .tile.unreadable .n { color: var(--error-ink); }
.tile.warnings .n { color: var(--warning-ink); }
.tile.clean .n { color: #1a7f37; }
.charts { display: flex; flex-wrap: wrap; gap: 24px; margin-top: 12px; }
.chart { margin: 0; }
.chart figcaption { font-weight: 600; margin-bottom: 4px; }
.chart text { font-size: 12px; fill: var(--ink); }
.bar.rule { fill: #6d8fd6; }
.bar.error { fill: #d9534f; }
.controls { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-bottom: 8px; }
.controls input { flex: 1 1 220px; padding: 5px 8px; font: inherit; }
.controls select, button { font: inherit; padding: 4px 8px; }
table { border-collapse: collapse; }
table.list { width: 100%; }
table.list th, table.list td, table.plain th, table.plain td, table.findings th, table.findings td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
table.list th { cursor: pointer; user-select: none; white-space: nowrap; }
table.list th[aria-sort="ascending"]::after { content: " ▲"; }
table.list th[aria-sort="descending"]::after { content: " ▼"; }
table.list tbody tr { cursor: pointer; }
table.list tbody tr:hover, table.list tbody tr:focus { background: #eef3fd; outline: none; }
table.list tbody tr.open { background: #dce7fb; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.n.bad { color: var(--error-ink); font-weight: 600; }
td.n.warn { color: var(--warning-ink); }
.file { word-break: break-all; color: var(--muted); }
#pager { display: flex; gap: 8px; align-items: center; margin-top: 8px; }
.muted { color: var(--muted); }
table.sheet { margin: 4px 0 8px; font-size: 12px; }
table.sheet td { border: 1px solid #8c959f; padding: 2px 4px; text-align: center; vertical-align: middle; min-width: 3.2em; }
table.sheet td.label { text-align: left; background: #f6f8fa; }
table.sheet td.value { text-align: right; font-variant-numeric: tabular-nums; }
table.sheet td.error { background: var(--error); color: var(--error-ink); font-weight: 600; }
table.sheet td.warning { background: var(--warning); color: var(--warning-ink); }
table.sheet td.focus { outline: 3px solid var(--accent); }
table.findings { width: 100%; margin-bottom: 8px; }
table.findings tr.error td:nth-child(2) { color: var(--error-ink); font-weight: 600; }
table.findings tr.warning td:nth-child(2) { color: var(--warning-ink); }
table.findings tr[data-cell] { cursor: pointer; }
.sheet-wrap { overflow-x: auto; }
.clean { color: #1a7f37; }
details summary { cursor: pointer; margin: 6px 0; }
@page { size: A4; margin: 12mm; }
@media print {
  body { background: #fff; font-size: 11px; }
  main { max-width: none; padding: 0; }
  section { border: 0; padding: 0; }
  .controls, #pager, header button, #detail button { display: none; }
  .tile { border: 1px solid #999; }
  table.sheet { page-break-inside: avoid; }
  table.list tr, table.findings tr { page-break-inside: avoid; }
  .sheet-wrap { overflow: visible; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/** The page's script: see the file's header. Runs in the browser, on the page this module writes. */
function client(): void {
  const data = JSON.parse(document.getElementById('page-data')!.textContent!) as PageData;
  const w = JSON.parse(document.getElementById('page-words')!.textContent!) as PageWords;
  const reports: PageReport[] = [];
  for (const block of document.querySelectorAll('script.reports')) for (const r of JSON.parse(block.textContent!) as PageReport[]) reports.push(r);
  const ROWS = 100;
  const state = { query: '', severity: 'all', rule: '', year: '', sort: '', desc: false, page: 0, open: -1 };
  const fold = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  const searchKeys = reports.map((r) => fold(`${r.a ?? ''}\u0000${r.f}`));
  const $ = (id: string) => document.getElementById(id)!;
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string | null, className?: string): HTMLElementTagNameMap[K] => {
    const el = document.createElement(tag);
    if (text !== undefined && text !== null) el.textContent = text;
    if (className) el.className = className;
    return el;
  };
  const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));

  // The filters' choices: the rules found, the years read.
  const ruleSelect = $('rule') as HTMLSelectElement;
  for (const rule of data.rules) ruleSelect.append(new Option(rule, rule));
  const yearSelect = $('year') as HTMLSelectElement;
  const years = [...new Set(reports.map((r) => r.y))].sort((a, b) => (b ?? 0) - (a ?? 0));
  for (const y of years) yearSelect.append(new Option(y === null ? w.noYear : String(y), y === null ? 'none' : String(y)));

  function matches(r: PageReport, i: number): boolean {
    if (state.query && !searchKeys[i]!.includes(state.query)) return false;
    if (state.severity === 'unreadable' ? r.u === 0 : state.severity !== 'all' && r.o !== state.severity) return false;
    if (state.rule && !r.d.some((d) => d[0] === state.rule)) return false;
    if (state.year && (state.year === 'none' ? r.y !== null : String(r.y) !== state.year)) return false;
    return true;
  }

  const collator = new Intl.Collator(data.lang === 'zh' ? 'zh-CN' : 'en', { numeric: true });
  function order(): number[] {
    const shown: number[] = [];
    reports.forEach((r, i) => {
      if (matches(r, i)) shown.push(i);
    });
    const key = state.sort;
    if (key) {
      const sign = state.desc ? -1 : 1;
      const value = (i: number) => (reports[i] as unknown as Record<string, string | number | null>)[key] ?? null;
      // What is not known (no body, no year read) goes last either way.
      shown.sort((a, b) => {
        const x = value(a);
        const y = value(b);
        if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0) || a - b;
        return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y))) || a - b;
      });
    }
    return shown;
  }

  let shown = order();
  const body = $('rows');
  function renderList(): void {
    const pages = Math.max(1, Math.ceil(shown.length / ROWS));
    state.page = Math.min(state.page, pages - 1);
    const start = state.page * ROWS;
    body.textContent = '';
    for (const i of shown.slice(start, start + ROWS)) {
      const r = reports[i]!;
      const tr = make('tr');
      tr.dataset.i = String(i);
      tr.tabIndex = 0;
      if (i === state.open) tr.className = 'open';
      tr.append(
        make('td', r.a ?? '—'),
        make('td', r.y === null ? '—' : String(r.y), 'n'),
        make('td', r.e ?? '—'),
        make('td', r.f, 'file'),
        make('td', String(r.E), r.E ? 'n bad' : 'n'),
        make('td', String(r.W), r.W ? 'n warn' : 'n'),
      );
      body.append(tr);
    }
    $('count').textContent = shown.length ? fill(w.shown, { a: start + 1, b: Math.min(start + ROWS, shown.length), n: shown.length, all: reports.length }) : w.none;
    $('page').textContent = `${state.page + 1} / ${pages}`;
    ($('previous') as HTMLButtonElement).disabled = state.page === 0;
    ($('next') as HTMLButtonElement).disabled = state.page >= pages - 1;
    for (const th of document.querySelectorAll<HTMLElement>('th[data-sort]')) {
      if (th.dataset.sort === state.sort) th.setAttribute('aria-sort', state.desc ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
    }
  }
  const refilter = () => {
    shown = order();
    state.page = 0;
    renderList();
  };

  /** A table of the report drawn in the official layout, the cells its findings point at marked. */
  function drawTable(layout: PageLayout, table: TableId, r: PageReport): HTMLElement {
    const box = layout.tables[table]!;
    const at = new Map<number, { span: [number, number]; text?: string; value?: number }>();
    for (const [row, col, rows, cols, text] of layout.texts) if (row >= box.top && row <= box.bottom) at.set(row * 1000 + col, { span: [rows, cols], text });
    layout.values.forEach(([row, col, rows, cols], index) => {
      if (row >= box.top && row <= box.bottom) at.set(row * 1000 + col, { span: [rows, cols], value: index });
    });
    const marks = new Map<number, { error: boolean; messages: string[] }>();
    for (const d of r.d) {
      if (d[2] !== table || !d[5]) continue;
      const mark = marks.get(d[5]) ?? { error: false, messages: [] };
      mark.error ||= d[1] === 1;
      mark.messages.push(d[4]);
      marks.set(d[5], mark);
    }
    const covered = new Set<number>();
    const sheet = make('table', null, 'sheet');
    for (let row = box.top; row <= box.bottom; row++) {
      const tr = make('tr');
      for (let col = box.left; col <= box.right; col++) {
        const pos = row * 1000 + col;
        if (covered.has(pos)) continue;
        const cell = at.get(pos);
        const td = make('td');
        if (cell) {
          const [rows, cols] = cell.span;
          td.rowSpan = rows;
          td.colSpan = cols;
          for (let y = row; y < row + rows; y++) for (let x = col; x < col + cols; x++) covered.add(y * 1000 + x);
          if (cell.text !== undefined) {
            td.textContent = cell.text;
            td.className = 'label';
          } else {
            const v = r.v[cell.value!];
            td.textContent = v === null || v === undefined ? '' : String(v);
            td.className = 'value';
          }
        }
        const mark = marks.get(pos);
        if (mark) {
          td.classList.add(mark.error ? 'error' : 'warning');
          td.title = mark.messages.join('\n');
          td.id = `cell-${table}-${pos}`;
        }
        tr.append(td);
      }
      sheet.append(tr);
    }
    const wrap = make('div', null, 'sheet-wrap');
    wrap.append(sheet);
    return wrap;
  }

  function findingsTable(findings: PageFinding[], table: string): HTMLElement {
    const t = make('table', null, 'findings');
    const head = make('tr');
    for (const c of w.findingColumns) head.append(make('th', c));
    t.append(head);
    for (const d of findings) {
      const tr = make('tr', null, d[1] ? 'error' : 'warning');
      tr.append(
        make('td', d[3]),
        make('td', d[1] ? w.error : w.warning),
        make('td', d[0]),
        make('td', d[4]),
        make('td', d[6] === null ? '' : String(d[6]), 'n'),
        make('td', d[7] === null ? '' : String(d[7]), 'n'),
      );
      if (d[5]) {
        tr.dataset.cell = `cell-${table}-${d[5]}`;
        tr.addEventListener('click', () => {
          for (const el of document.querySelectorAll('td.focus')) el.classList.remove('focus');
          const cell = document.getElementById(tr.dataset.cell!);
          cell?.classList.add('focus');
          cell?.scrollIntoView({ block: 'center', inline: 'center' });
        });
      }
      t.append(tr);
    }
    return t;
  }

  function openReport(i: number): void {
    const r = reports[i];
    const detail = $('detail');
    detail.textContent = '';
    if (!r) {
      detail.hidden = true;
      return;
    }
    state.open = i;
    detail.hidden = false;
    // The list shows the page the report is on (a link may name one past the first page).
    const at = shown.indexOf(i);
    if (at >= 0) state.page = Math.floor(at / ROWS);
    const close = make('button', w.close);
    close.type = 'button';
    close.addEventListener('click', () => {
      state.open = -1;
      detail.hidden = true;
      history.replaceState(null, '', location.pathname + location.search);
      renderList();
    });
    const title = make('h2', `${r.a ?? r.f}${r.y === null ? '' : ` ${r.y}`}`);
    title.append(' ', close);
    detail.append(title);
    const facts = [`${w.file}：${r.f}`, r.e ? fill(w.edition, { e: r.e }) : '', r.k ?? ''].filter(Boolean).join(' · ');
    detail.append(make('p', facts, 'muted'));
    if (r.s.length) detail.append(make('p', `${w.sameReport}${r.s.join(data.lang === 'zh' ? '、' : ', ')}`, 'muted'));
    if (r.b) detail.append(make('p', fill(w.baselined, { n: r.b }), 'muted'));
    detail.append(make('p', r.d.length ? fill(w.counts, { e: r.E, w: r.W }) : w.noFindings, r.d.length ? '' : 'clean'));
    const layout = r.L >= 0 ? data.layouts[r.L] : undefined;
    for (const table of ['t2', 't3', 't4'] as TableId[]) {
      const findings = r.d.filter((d) => d[2] === table);
      const box = layout?.tables[table];
      const filled = layout && box ? layout.values.some(([row], index) => row >= box.top && row <= box.bottom && r.v[index] !== null) : false;
      if (!findings.length && !filled) continue;
      detail.append(make('h3', box?.title ?? data.titles[table]));
      if (layout && box) detail.append(drawTable(layout, table, r));
      if (findings.length) detail.append(findingsTable(findings, table));
    }
    for (const [group, heading] of [['text', w.text], ['', w.other]] as const) {
      const findings = r.d.filter((d) => d[2] === group);
      if (findings.length) detail.append(make('h3', heading), findingsTable(findings, group));
    }
    history.replaceState(null, '', `#r${i}`);
    renderList();
    detail.scrollIntoView({ block: 'start' });
  }

  ($('q') as HTMLInputElement).addEventListener('input', (e) => {
    state.query = fold((e.target as HTMLInputElement).value);
    refilter();
  });
  const severitySelect = $('severity') as HTMLSelectElement;
  severitySelect.addEventListener('change', () => {
    state.severity = severitySelect.value;
    refilter();
  });
  ruleSelect.addEventListener('change', () => {
    state.rule = ruleSelect.value;
    refilter();
  });
  yearSelect.addEventListener('change', () => {
    state.year = yearSelect.value;
    refilter();
  });
  for (const tile of document.querySelectorAll<HTMLElement>('[data-filter]')) {
    tile.addEventListener('click', () => {
      severitySelect.value = tile.dataset.filter!;
      state.severity = tile.dataset.filter!;
      refilter();
      $('list').scrollIntoView({ block: 'start' });
    });
  }
  for (const th of document.querySelectorAll<HTMLElement>('th[data-sort]')) {
    th.addEventListener('click', () => {
      const key = th.dataset.sort!;
      // Counts sort worst first on the first click; names and years from the start.
      state.desc = state.sort === key ? !state.desc : key === 'E' || key === 'W';
      state.sort = key;
      refilter();
    });
  }
  const row = (e: Event) => (e.target as HTMLElement).closest<HTMLElement>('tr[data-i]');
  body.addEventListener('click', (e) => {
    const tr = row(e);
    if (tr) openReport(Number(tr.dataset.i));
  });
  body.addEventListener('keydown', (e) => {
    const tr = row(e);
    if (tr && e.key === 'Enter') openReport(Number(tr.dataset.i));
  });
  $('previous').addEventListener('click', () => {
    state.page--;
    renderList();
  });
  $('next').addEventListener('click', () => {
    state.page++;
    renderList();
  });
  $('print').addEventListener('click', () => window.print());
  renderList();
  const linked = /^#r(\d+)$/.exec(location.hash);
  if (linked) openReport(Number(linked[1]));
  document.body.dataset.ready = String(reports.length);
  performance.mark('report-ready');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** JSON inside a script element: `<` escaped, so no text can close the element. */
export const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** The page's fixed parts: what comes before the reports' JSON, and what comes after the summary. */
export const page = {
  head(title: string, lang: Lang): string {
    const w = WORDS[lang];
    const option = (value: string, label: string) => `<option value="${value}">${escapeHtml(label)}</option>`;
    const th = (key: keyof PageWords['columns']) => `<th data-sort="${key}" scope="col">${escapeHtml(w.columns[key])}</th>`;
    return (
      `<!DOCTYPE html>\n<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
      `<title>${escapeHtml(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n<main>\n` +
      `<header><h1>${escapeHtml(title)}</h1><button type="button" id="print">${escapeHtml(w.print)}</button></header>\n` +
      `<section id="list"><div class="controls"><input id="q" type="search" placeholder="${escapeHtml(w.search)}" aria-label="${escapeHtml(w.search)}">` +
      `<select id="severity" aria-label="${escapeHtml(w.severity.all)}">${Object.entries(w.severity).map(([k, v]) => option(k, v)).join('')}</select>` +
      `<select id="rule" aria-label="${escapeHtml(w.anyRule)}">${option('', w.anyRule)}</select>` +
      `<select id="year" aria-label="${escapeHtml(w.anyYear)}">${option('', w.anyYear)}</select></div>` +
      `<p class="muted">${escapeHtml(w.hint)}</p>` +
      `<table class="list"><thead><tr>${th('a')}${th('y')}${th('e')}${th('f')}${th('E')}${th('W')}</tr></thead><tbody id="rows"></tbody></table>` +
      `<div id="pager"><button type="button" id="previous">${escapeHtml(w.previous)}</button><span id="page"></span><button type="button" id="next">${escapeHtml(w.next)}</button><span id="count" class="muted"></span></div></section>\n` +
      `<section id="detail" hidden></section>\n`
    );
  },
  /** After the data: the words the script uses, the script, the end of the page. */
  tail(noScript: string, lang: Lang): string {
    return `<noscript><p>${escapeHtml(noScript)}</p></noscript>\n</main>\n<script type="application/json" id="page-words">${scriptJson(WORDS[lang])}</script>\n<script>(${client.toString()})();</script>\n</body>\n</html>\n`;
  },
};
