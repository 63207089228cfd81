// `report check 提交/ --format html -o 检查结果.html`, opened in a real browser (Debian's Chromium,
// headless, driven by playwright-core; no browser download): the page loads from the file alone,
// finds a body by part of its name, sorts, filters by rule, severity and year, opens a report with
// its tables drawn and the wrong cells marked, and prints on A4. Screenshots go to test-results/.

import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutCsv } from '../../src/writers/layout.js';
import { balancedRandomReport } from '../../scripts/random-report.mjs';
import { spawnCli } from '../helpers/cli.js';
import { prng } from '../helpers/prng.js';

const CHROMIUM = '/usr/bin/chromium';
const REQUIRED = process.env.CI === 'true';
if (!existsSync(CHROMIUM) && !REQUIRED) console.warn('Chromium not found: skipping tests/e2e/html-report.test.ts (apt-get install chromium)');

/** Where the screenshots go, for a person to look at after the run. */
const SHOTS = resolve('test-results');
/** Generated reports: more than one page of the list (100 rows). */
const GENERATED = 240;

interface JsonRun {
  results: Array<{ file: string; agency: string | null; year: number | null; errorCount: number; warningCount: number; diagnostics: Array<{ rule: string }> }>;
  summary: { files: number; clean: number; withErrors: number; warningsOnly: number; unreadable: number };
}

/** A folder of generated reports (a tenth unbalanced), a real township report, a workbook with seeded errors, a report whose text slips, and an unreadable file. */
function submissions(): string {
  const dir = mkdtempSync(join(tmpdir(), 'report-html-'));
  const folder = join(dir, '提交');
  mkdirSync(folder);
  const rand = prng(7);
  for (let i = 0; i < GENERATED; i++) {
    const edition = i % 6 === 0 ? '2019' : '2021';
    const report = balancedRandomReport(edition, rand);
    report.agency = `示例${['县', '市', '区'][i % 3]}第${i}局`;
    report.year = edition === '2019' ? 2020 : 2021 + (i % 3);
    const granted = report.tables.t3.granted!;
    if (i % 10 === 0) granted.natural = granted.natural! + 1;
    writeFileSync(join(folder, `r${String(i).padStart(3, '0')}.csv`), layoutCsv(report));
  }
  copyFileSync('fixtures/seeded-errors-2022.xlsx', join(folder, '卫健委.xlsx'));
  copyFileSync('fixtures/dunfangdian-2021.txt', join(folder, '顿坊店乡.txt'));
  copyFileSync('fixtures/bad/truncated.xlsx', join(folder, '损坏.xlsx'));
  copyFileSync('fixtures/narrative/slips-2023.txt', join(folder, '水利局.txt'));
  return folder;
}

describe.skipIf(!existsSync(CHROMIUM) && !REQUIRED)('the HTML report in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let run: JsonRun;
  let url: string;

  beforeAll(async () => {
    const folder = submissions();
    const out = join(folder, '..', '检查结果.html');
    const checked = spawnCli(['check', folder, '--format', 'html', '-o', out, '--no-progress']);
    expect(checked.code, checked.stderr).toBe(1);
    expect(checked.stderr).not.toMatch(/\n\s+at /);
    run = JSON.parse(spawnCli(['check', folder, '--format', 'json', '--no-progress']).stdout) as JsonRun;
    url = pathToFileURL(out).href;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // The page must ask for nothing outside the file.
    await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
    const failures: string[] = [];
    page.on('pageerror', (e) => failures.push(e.message));
    page.on('requestfailed', (r) => failures.push(`request ${r.url()}`));
    await page.goto(url);
    await page.waitForSelector('body[data-ready]');
    expect(failures).toEqual([]);
    mkdirSync(SHOTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  const rows = () => page.$$eval('#rows tr', (trs) => trs.map((tr) => Array.from(tr.children, (td) => td.textContent ?? '')));
  const reset = async () => {
    await page.fill('#q', '');
    await page.selectOption('#severity', 'all');
    await page.selectOption('#rule', '');
    await page.selectOption('#year', '');
  };

  it('loads every report, a page of 100 rows at a time, with the run’s summary in the tiles', async () => {
    expect(await page.getAttribute('body', 'data-ready')).toBe(String(run.results.length));
    expect(await rows()).toHaveLength(100);
    expect(await page.textContent('#count')).toContain(`共 ${run.results.length} 份`);
    const tile = (f: string) => page.textContent(`[data-filter="${f}"] .n`);
    const s = run.summary;
    expect([await tile('all'), await tile('clean'), await tile('errors'), await tile('warnings'), await tile('unreadable')]).toEqual([s.files, s.clean, s.withErrors, s.warningsOnly, s.unreadable].map(String));
    await page.click('#next');
    expect(await page.textContent('#page')).toBe('2 / 3');
    await page.screenshot({ path: join(SHOTS, 'html-report-list.png') });
  });

  it('finds a body by part of its name, whatever its width or spaces', async () => {
    await reset();
    await page.fill('#q', '卫生 健康');
    expect((await rows()).map((r) => r[0])).toEqual(['示例县卫生健康委员会']);
    await page.fill('#q', '第１２局');
    const found = (await rows()).map((r) => r[0]);
    expect(found).toEqual(run.results.filter((r) => r.agency?.includes('第12局')).map((r) => r.agency));
  });

  it('sorts by a column, worst first and back', async () => {
    await reset();
    await page.click('th[data-sort="E"]');
    const errors = (await rows()).map((r) => Number(r[4]));
    expect(errors[0]).toBe(Math.max(...run.results.map((r) => r.errorCount)));
    expect(errors).toEqual([...errors].sort((a, b) => b - a));
    await page.click('th[data-sort="E"]');
    expect(Number((await rows())[0]![4])).toBe(Math.min(...run.results.map((r) => r.errorCount)));
    await page.click('th[data-sort="y"]');
    const years = (await rows()).map((r) => r[1]);
    expect(years).toEqual([...years].sort());
    // A new order starts from its first page.
    await page.click('#next');
    await page.click('th[data-sort="a"]');
    expect(await page.textContent('#page')).toBe('1 / 3');
  });

  it('filters by rule, severity and year as the JSON output counts them', async () => {
    await reset();
    await page.selectOption('#rule', 't3-result-total');
    const withRule = run.results.filter((r) => r.diagnostics.some((d) => d.rule === 't3-result-total'));
    expect(await page.textContent('#count')).toContain(`共 ${withRule.length} 份`);
    expect((await rows()).map((r) => r[3]).sort()).toEqual(withRule.map((r) => r.file).sort());
    await reset();
    await page.click('[data-filter="clean"]');
    expect(await page.inputValue('#severity')).toBe('clean');
    expect(await page.textContent('#count')).toContain(`共 ${run.summary.clean} 份`);
    for (const r of await rows()) expect([r[4], r[5]]).toEqual(['0', '0']);
    await reset();
    await page.selectOption('#year', '2020');
    expect(await page.textContent('#count')).toContain(`共 ${run.results.filter((r) => r.year === 2020).length} 份`);
    for (const r of await rows()) expect(r[1]).toBe('2020');
    await page.selectOption('#severity', 'unreadable');
    expect(await page.textContent('#count')).toBe('没有符合条件的报告');
  });

  it('opens a report: its tables in the official layout, the cells found wrong marked, a finding leading to its cell', async () => {
    await reset();
    await page.fill('#q', '卫生健康');
    await page.click('#rows tr');
    expect(await page.isVisible('#detail')).toBe(true);
    expect(await page.$$eval('#detail h3', (hs) => hs.map((h) => h.textContent))).toEqual(['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']);
    const seeded = run.results.find((r) => r.agency === '示例县卫生健康委员会')!;
    expect(await page.$$eval('#detail table.findings tr.error', (trs) => trs.length)).toBe(seeded.errorCount);
    const marked = await page.$$eval('#detail table.sheet td.error', (tds) => tds.map((td) => ({ text: td.textContent, title: td.getAttribute('title') })));
    expect(marked.length).toBeGreaterThan(0);
    // （一）予以公开·总计 is 91 where its row sums to 93.
    expect(marked.find((m) => m.text === '91')?.title).toMatch(/予以公开/);
    const finding = page.locator('#detail table.findings tr[data-cell]').first();
    const target = await finding.getAttribute('data-cell');
    await finding.click();
    expect(await page.getAttribute(`#${target}`, 'class')).toContain('focus');
    expect(page.url()).toMatch(/#r\d+$/);
    await page.screenshot({ path: join(SHOTS, 'html-report-opened.png'), fullPage: false });
  });

  it('lists the findings on the text under 正文, at their paragraph', async () => {
    await reset();
    await page.fill('#q', '水利局');
    await page.click('#rows tr');
    const headings = await page.$$eval('#detail h3', (hs) => hs.map((h) => h.textContent));
    expect(headings).toContain('正文');
    const slips = run.results.find((r) => r.agency === '示例县水利局')!;
    const onText = await page.$$eval('#detail h3', (hs) => {
      const h = hs.find((x) => x.textContent === '正文')!;
      return Array.from(h.nextElementSibling!.querySelectorAll('tr'), (tr) => tr.firstElementChild!.textContent).slice(1);
    });
    expect(onText.length).toBe(slips.diagnostics.filter((d) => ['section-missing', 'text-table-mismatch', 'period-year-mismatch', 'fee-note-missing'].includes(d.rule)).length);
    for (const place of onText) expect(place).toMatch(/^第\d+段 第\d+行$/);
  });

  it('opens the report a link names', async () => {
    const index = run.results.findIndex((r) => r.agency === '顿坊店乡人民政府');
    const other = await browser.newPage();
    await other.goto(`${url}#r${index}`);
    await other.waitForSelector('body[data-ready]');
    expect(await other.textContent('#detail h2')).toContain('顿坊店乡人民政府');
    expect(await other.textContent('#detail')).toContain('未发现问题');
    // A report past the list's first page: the list shows its page, its row marked.
    const far = run.results.length - 1;
    await other.goto(`${url}#r${far}`);
    await other.reload();
    await other.waitForSelector('body[data-ready]');
    expect(await other.$$eval('#rows tr.open', (trs) => trs.map((tr) => tr.children[3]!.textContent))).toEqual([run.results[far]!.file]);
    await other.close();
  });

  it('prints on A4 without its controls', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.$eval('.controls', (el) => getComputedStyle(el).display)).toBe('none');
    expect(await page.$eval('#pager', (el) => getComputedStyle(el).display)).toBe('none');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
  });
});
