// The HTML report as written (what the browser test, tests/e2e/html-report.test.ts, then drives):
// one page with no outside address, the reports' JSON blocks parse back to the results, every value
// sits at its canonical key's cell of the official layout, every marked cell is the one the
// annotator marks, text from reports cannot leave its element, the roster's matches are shown.

import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { checkFile, type FileResult } from '../../src/index.js';
import { html } from '../../src/formatters/html.js';
import type { PageData, PageLayout, PageReport } from '../../src/formatters/html-page.js';
import { summarize } from '../../src/formatters/summary.js';
import { diagnosticCell, officialLayout } from '../../src/model/layout.js';
import { EDITIONS, t3RowKeys } from '../../src/form/index.js';
import { CELLS, CLEAN, context, SEEDED, UNREADABLE, withDiagnostics } from './results.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

function elements(node: Node, out: Element[] = []): Element[] {
  if ('tagName' in node) out.push(node);
  for (const child of 'childNodes' in node ? node.childNodes : []) elements(child, out);
  if ('content' in node && node.content) elements(node.content, out);
  return out;
}
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const textOf = (el: Element) => el.childNodes.map((c) => ('value' in c ? c.value : '')).join('');

/** The page's parts: its JSON blocks read back, and every element. */
function read(page: string) {
  const all = elements(parse(page));
  const scripts = all.filter((e) => e.tagName === 'script');
  const reports = scripts.filter((s) => attr(s, 'class') === 'reports').flatMap((s) => JSON.parse(textOf(s)) as PageReport[]);
  const data = JSON.parse(textOf(scripts.find((s) => attr(s, 'id') === 'page-data')!)) as PageData;
  return { all, scripts, reports, data };
}

const results = async (...files: string[]) => Promise.all(files.map((f) => checkFile(f, { values: true })));

describe('html formatter', () => {
  it('writes one page with no address outside it: no src, href or url() anywhere', async () => {
    const page = html.format(await results(SEEDED, CELLS, CLEAN, UNREADABLE), context());
    const { all, scripts } = read(page);
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(all.filter((e) => attr(e, 'src') !== undefined || attr(e, 'href') !== undefined)).toEqual([]);
    expect(page).not.toMatch(/url\(|@import|https?:\/\//);
    // The page's own script is inline, once.
    expect(scripts.filter((s) => !attr(s, 'type'))).toHaveLength(1);
  });

  it('gives every result a row with its heading, counts and findings', async () => {
    const checked = await results(SEEDED, CELLS, CLEAN, UNREADABLE);
    const { reports, data } = read(html.format(checked, context()));
    expect(reports.map((r) => [r.f, r.a, r.y, r.e, r.E, r.W])).toEqual(checked.map((r) => [r.file, r.agency, r.year, r.edition, r.errorCount, r.warningCount]));
    expect(reports.map((r) => r.d.map((d) => [d[0], d[1], d[4]]))).toEqual(checked.map((r) => r.diagnostics.map((d) => [d.rule, d.severity === 'error' ? 1 : 0, d.message])));
    expect(data.rules).toEqual([...new Set(checked.flatMap((r) => r.diagnostics.map((d) => d.rule)))].sort());
    // An unreadable file has no table to draw.
    expect(reports[3]!.L).toBe(-1);
  });

  it('puts every value at its canonical key’s cell of the official layout, and marks the cell the annotator marks', async () => {
    const [seeded] = await results(SEEDED);
    const { reports, data } = read(html.format([seeded!], context()));
    const [report] = reports;
    const layout: PageLayout = data.layouts[report!.L]!;
    const official = officialLayout('2021', { t3Rows: t3RowKeys(EDITIONS['2021'], seeded!.values!.t3) });
    expect(layout.values.map(([row, col]) => [row, col])).toEqual(official.values.map((v) => [v.row, v.col]));
    official.values.forEach((v, i) => expect(report!.v[i]).toBe(seeded!.values![v.table][v.rowKey]![v.columnKey]));
    // 表三 （一）予以公开 总计 is 91 in the seeded workbook, and a balance finding marks it.
    const granted = official.values.findIndex((v) => v.table === 't3' && v.rowKey === 'granted' && v.columnKey === 'total');
    expect(report!.v[granted]).toBe(91);
    seeded!.diagnostics.forEach((d, i) => {
      const p = diagnosticCell(official, d);
      expect(report!.d[i]![5]).toBe(d.table ? p.row * 1000 + p.col : 0);
    });
  });

  it('marks only cells of the tables drawn: a finding on a whole table marks none', async () => {
    const checked = await results(SEEDED, 'fixtures/missing-t4-2022.csv', CELLS);
    const { reports, data } = read(html.format(checked, context()));
    const wide = reports.flatMap((r) => r.d).filter((d) => d[0] === 'table-missing');
    expect(wide.length).toBeGreaterThan(0);
    for (const d of wide) expect(d[5]).toBe(0);
    for (const r of reports) {
      for (const d of r.d.filter((x) => x[5] !== 0)) {
        const box = data.layouts[r.L]!.tables[d[2] as 't2' | 't3' | 't4']!;
        const [row, col] = [Math.floor(d[5] / 1000), d[5] % 1000];
        expect(row >= box.top && row <= box.bottom && col >= box.left && col <= box.right, `${r.f} ${d[0]} ${d[3]}`).toBe(true);
      }
    }
    expect(data.titles.t4).toBe('四、政府信息公开行政复议、行政诉讼情况');
  });

  it('classes each report as the summary counts it, and leaves the roster’s own result to its section', async () => {
    const checked = await results(SEEDED, CELLS, CLEAN, UNREADABLE);
    const roster: FileResult = { ...withDiagnostics(checked[0]!, checked[0]!.diagnostics.slice(0, 1)), file: '名单.csv', source: { kind: 'roster', encoding: null }, values: undefined };
    const { reports } = read(html.format([...checked, roster], context()));
    expect(reports.map((r) => r.f)).toEqual(checked.map((r) => r.file));
    const s = summarize(checked);
    expect([reports.filter((r) => r.o === 'clean').length, reports.filter((r) => r.o === 'errors').length, reports.filter((r) => r.o === 'warnings').length, reports.filter((r) => r.u).length]).toEqual([s.clean, s.withErrors, s.warningsOnly, s.unreadable]);
  });

  it('keeps one layout for all reports of an edition', async () => {
    const [a, b] = await results(SEEDED, SEEDED);
    const { reports, data } = read(html.format([a!, b!], context()));
    expect(data.layouts).toHaveLength(1);
    expect(reports.map((r) => r.L)).toEqual([0, 0]);
  });

  it('lets no text from a report close its element or run as script', async () => {
    const [seeded] = await results(SEEDED);
    const hostile = '</script><script>alert(1)</script><b>';
    const result: FileResult = { ...withDiagnostics(seeded!, seeded!.diagnostics.map((d) => ({ ...d, message: hostile }))), agency: hostile, file: `${hostile}.xlsx` };
    const page = html.format([result], { ...context(), skipped: [{ file: `${hostile}.png`, kind: '.png' }] });
    const { scripts, reports, all } = read(page);
    expect(scripts).toHaveLength(4);
    expect(all.some((e) => e.tagName === 'b')).toBe(false);
    expect(reports[0]!.a).toBe(hostile);
    expect(reports[0]!.d[0]![4]).toBe(hostile);
  });

  it('writes the summary tiles from the run’s summary, and the charts of rules and bodies', async () => {
    const checked = await results(SEEDED, CELLS, CLEAN, UNREADABLE);
    const { all } = read(html.format(checked, context()));
    const s = summarize(checked);
    const tile = (f: string) => textOf(elements(all.find((e) => attr(e, 'data-filter') === f)!).find((e) => attr(e, 'class') === 'n')!);
    expect([tile('all'), tile('clean'), tile('errors'), tile('warnings'), tile('unreadable')]).toEqual([s.files, s.clean, s.withErrors, s.warningsOnly, s.unreadable].map(String));
    const charts = all.filter((e) => e.tagName === 'svg');
    expect(charts).toHaveLength(2);
    // One bar a rule found, at most ten.
    const rules = new Set(checked.flatMap((r) => r.diagnostics.map((d) => d.rule)));
    expect(elements(charts[0]!).filter((e) => e.tagName === 'rect')).toHaveLength(Math.min(10, rules.size));
  });

  it('shows the roster’s every match, its missing bodies and the files it does not name; the baseline’s stale entries', async () => {
    const checked = await results(SEEDED);
    const page = html.format(checked, {
      ...context(),
      roster: { file: '名单.csv', year: 2022, matched: [{ body: '示例县卫生健康委员会', year: 2022, line: 2, files: [SEEDED] }], missing: [{ body: '示例县民政局', year: 2022, line: 3 }], unmatched: ['其他.xlsx'] },
      baseline: { file: '已知问题.json', known: 2, stale: [{ rule: 't3-balance', agency: '示例县民政局', year: 2021, file: 'a.xlsx', message: '表三不平衡' }] },
    });
    const { all } = read(page);
    const cells = all.filter((e) => e.tagName === 'td').map(textOf);
    expect(cells).toEqual(expect.arrayContaining(['示例县民政局', '示例县卫生健康委员会', SEEDED, '表三不平衡']));
    expect(all.filter((e) => e.tagName === 'li').map(textOf)).toEqual(['其他.xlsx']);
    expect(page).toContain('名单 名单.csv：2 个单位，1 个已提交，1 个未提交');
  });

  it('speaks English with --lang en', async () => {
    const page = html.format(await results(SEEDED), context({ lang: 'en' }));
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('>Errors</th>');
    expect(page).not.toMatch(/>错误</);
  });

  it('is the same text streamed as written at once', async () => {
    const checked = await results(SEEDED, CELLS, CLEAN);
    expect([...html.stream!(checked, context())].join('')).toBe(html.format(checked, context()));
  });
});
