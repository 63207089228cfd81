// Render the README pictures of the HTML report from our own output: a folder of 2,000 reports
// (generated, a tenth unbalanced, with a real township report and a workbook with seeded errors)
// checked with --format html and opened in Debian's Chromium: the summary and the list, and one
// report opened with its wrong cells marked. Run by render-pictures.sh after the build.
// Needs: chromium and a CJK font (fonts-wqy-microhei), Debian packages as .ci/run installs them.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { layoutCsv } from '../dist/writers/layout.js';
import { balancedRandomReport } from './random-report.mjs';

const REPORTS = 2000;
const BODIES = ['人民政府办公室', '教育局', '公安局', '民政局', '财政局', '自然资源局', '生态环境局', '住房和城乡建设局', '交通运输局', '卫生健康委员会', '市场监督管理局', '医疗保障局'];
// Place names, 40 of them (some are real districts' names: their 规章 row is 0, as a district's is):
// 1,440 bodies, each reporting once for 2021 or 2023 (no pairs of consecutive years).
const PLACES = '青石 云溪 白沙 清河 临川 北湖 长乐 安平 东阳 丰宁 永和 平川 新安 河阳 宁远 江口 泰和 龙泉 桃源 明德 春江 双桥 金沙 银湖 柳林 松山 竹溪 兰亭 梅岭 枫桥 玉泉 石岭 凤鸣 鹤山 雁塔 鹿原 骏马 飞云 星河 月湖'.split(' ');
const BODIES_MADE = 1000;

const work = mkdtempSync(join(tmpdir(), 'report-pictures-'));
const folder = join(work, '提交');
mkdirSync(folder);
let seed = 2026;
const rand = (n) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
for (let i = 0; i < REPORTS; i++) {
  const report = balancedRandomReport('2021', rand);
  const b = i % BODIES_MADE;
  const place = `${PLACES[b % PLACES.length]}${['县', '区', '市'][Math.floor(b / PLACES.length) % 3]}`;
  report.agency = `${place}${BODIES[Math.floor(b / (PLACES.length * 3)) % BODIES.length]}`;
  report.year = i < BODIES_MADE ? 2021 : 2023;
  // A county body makes no 规章.
  report.tables.t2.regulations = { issued: 0, repealed: 0, inForce: 0 };
  if (i % 10 === 0) report.tables.t3.granted.natural += 1;
  if (i % 37 === 0) report.tables.t4.review.total += 1;
  writeFileSync(join(folder, `${report.agency}-${report.year}-${i}.csv`), layoutCsv(report));
}
// Bodies of real divisions, with what the plausibility rules warn of: yuan typed into the 万元 cell
// by a township, 规章 reported by a district's bureau.
for (const [agency, change] of [
  ['昆山市周市镇人民政府', (r) => (r.tables.t2.fees.amount = 12000)],
  ['北京市海淀区教育委员会', (r) => (r.tables.t2.regulations = { issued: 1, repealed: 0, inForce: 3 })],
  ['苏州市吴中区司法局', (r) => (r.tables.t2.regulations = { issued: 0, repealed: 0, inForce: 2 })],
]) {
  const report = balancedRandomReport('2021', rand);
  Object.assign(report, { agency, year: 2022 });
  report.tables.t2.regulations = { issued: 0, repealed: 0, inForce: 0 };
  change(report);
  writeFileSync(join(folder, `${agency}-2022.csv`), layoutCsv(report));
}
copyFileSync('fixtures/seeded-errors-2022.xlsx', join(folder, '示例县卫生健康委员会2022年报告.xlsx'));
copyFileSync('fixtures/dunfangdian-2021.txt', join(folder, '顿坊店乡2021年报告.txt'));

const page = join(work, '检查结果.html');
// Run in the folder's parent, as a clerk would: the files are shown as 提交/….
const checked = spawnSync(process.execPath, [join(process.cwd(), 'bin/report.js'), 'check', '提交', '--format', 'html', '-o', page, '--no-progress'], { cwd: work, encoding: 'utf8' });
if (checked.status !== 0 && checked.status !== 1) throw new Error(checked.stderr);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const tab = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
await tab.goto(pathToFileURL(page).href);
await tab.waitForSelector('body[data-ready]');
mkdirSync('docs', { recursive: true });
await tab.screenshot({ path: 'docs/html-summary.png' });
await tab.fill('#q', '卫生健康委员会');
await tab.selectOption('#year', '2022');
await tab.click('th[data-sort="E"]');
await tab.click('#rows tr');
await tab.locator('#detail table.findings tr[data-cell]').first().click();
await tab.locator('#detail').screenshot({ path: 'docs/html-report.png' });
await browser.close();
console.log('docs/html-summary.png docs/html-report.png');
