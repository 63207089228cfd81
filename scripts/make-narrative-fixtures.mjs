// Writes fixtures/narrative/: reports pasted as text from their web pages (tables tab-separated, one
// paragraph a line) whose narrative states figures taken from their own tables, so that text and
// tables agree by construction, and one report whose text slips in the ways the rules about the
// text look for. Run after `npm run build`: node scripts/make-narrative-fixtures.mjs
//
// - consistent-2023.txt: 2021 edition, every statement agreeing (counts, a share, table 2's figures);
// - edition2019-2020.txt: the same for the 2019 edition;
// - slips-2022.txt, slips-2023.txt: one body's two years, consistent across the years (carry-over,
//   stock); 2023's text states one figure 3 too high and a share that fits no total, names 2022 in
//   its statistical period, lacks section 六 (and with it the fee note), and copies section 五 of 2022.

import { mkdirSync, writeFileSync } from 'node:fs';
import { EDITIONS } from '../dist/form/index.js';
import { layoutCsv } from '../dist/writers/layout.js';
import { balancedRandomReport } from './random-report.mjs';

const OUT = new URL('../fixtures/narrative/', import.meta.url);
const PARTS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other'];

/** A seeded generator (the fixtures are the same on every run). */
function random(seed) {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return Math.floor((s / 2147483648) * n);
  };
}

const sum = (row) => PARTS.reduce((n, c) => n + row[c], 0);
const groupSum = (report, edition, prefix) => EDITIONS[edition].t3.rows.filter((r) => r.key.startsWith(`${prefix}.`)).reduce((n, r) => n + report.tables.t3[r.key].total, 0);

/** This year's tables made to follow last year's: carried over = carried forward, stock in force. */
function follow(report, last) {
  const t3 = report.tables.t3;
  for (const c of PARTS) {
    t3.carriedOver[c] = last.tables.t3.carriedForward[c];
    const received = t3.resultTotal[c] + t3.carriedForward[c] - t3.carriedOver[c];
    if (received < 0) t3.carriedForward[c] -= received;
    t3.received[c] = Math.max(0, received);
  }
  for (const row of Object.values(t3)) row.total = sum(row);
  for (const key of ['regulations', 'normativeDocuments']) {
    const now = report.tables.t2[key];
    now.repealed = Math.min(now.repealed, last.tables.t2[key].inForce + now.issued);
    now.inForce = last.tables.t2[key].inForce + now.issued - now.repealed;
  }
}

/** The tables as pasted from a web page: the official layout's rows, cells tab-separated. */
function tables(report) {
  const lines = layoutCsv(report).replace(/^\ufeff/, '').split('\r\n');
  if (lines.some((l) => l.includes('"'))) throw new Error('a quoted field: the layout changed');
  // The layout's title line is written by the narrative; its section headings stay where they are.
  return lines.slice(1).map((l) => l.split(',').join('\t').replace(/\t+$/, ''));
}

const PROBLEMS = {
  2022: '一是政策解读的形式还不够丰富，图解、音视频等解读方式运用较少；二是部分栏目信息更新不够及时，基层政务公开标准化规范化建设还需深化。下一步，我们将丰富解读形式，建立栏目更新提醒机制，推动标准目录在基层全面落地。',
  other: '一是依申请公开答复文书的规范性还需加强，个别答复说理不够充分；二是政务新媒体与政府网站的信息联动不够。下一步，我们将完善答复文书模板，推动网站与新媒体信息同步发布。',
};

/** The whole report: title, period, the six sections with their narrative, the tables where the format puts them. */
function text(report, { slips = false } = {}) {
  const { edition, agency, year } = report;
  const t2 = report.tables.t2;
  const t3 = report.tables.t3;
  const t4 = report.tables.t4;
  const handled = t3.resultTotal.total;
  const share = (n) => (handled === 0 ? 0 : Math.round((n / handled) * 10000) / 100);
  const made = edition === '2019' ? 'made' : 'issued';
  const received = t3.received.total + (slips ? 3 : 0);
  const periodYear = slips ? year - 1 : year;
  const grantedShare = Math.round((share(t3.granted.total) + (slips ? 10 : 0)) * 100) / 100;
  const body = tables(report);
  const narrative = {
    head: [
      `${agency}${year}年政府信息公开工作年度报告`,
      `本报告根据《中华人民共和国政府信息公开条例》要求编制。本报告中所列数据的统计期限自${periodYear}年1月1日起至${periodYear}年12月31日止。`,
      '一、总体情况',
      `（一）主动公开情况。${year}年，${agency}坚持以公开为常态、不公开为例外，全年制发行政规范性文件${t2.normativeDocuments[made]}件，作出行政处罚决定${t2.penalties.decisions}件，均依法向社会公开。`,
      `（二）依申请公开情况。全年共收到政府信息公开申请${received}件，上年结转${t3.carriedOver.total}件，共办结${handled}件，结转下年度继续办理${t3.carriedForward.total}件。其中，予以公开${t3.granted.total}件，占${grantedShare}%；部分公开${t3.partiallyGranted.total}件；不予公开${groupSum(report, edition, 'denied')}件。`,
      '（三）政府信息管理情况。严格执行公开前保密审查，动态更新政府信息公开目录，较上年新增目录事项12项。',
      '（四）平台建设情况。持续优化政府网站信息公开专栏，全年发布政策解读20余篇。',
      `（五）监督保障情况。因政府信息公开工作被申请行政复议${t4.review.total}件，被提起行政诉讼${t4.suitDirect.total + t4.suitAfterReview.total}件。`,
    ],
    five: ['五、存在的主要问题及改进情况', slips || year === 2022 ? PROBLEMS[2022] : PROBLEMS.other],
    six: slips ? [] : ['六、其他需要报告的事项', `本年度未收取信息处理费。${agency}政府信息公开工作年度报告电子版可在门户网站查阅。`],
  };
  const lines = [...narrative.head, '', ...body, '', ...narrative.five, ...narrative.six];
  return `${lines.join('\n')}\n`;
}

function report(edition, agency, year, seed) {
  const r = balancedRandomReport(edition, random(seed));
  r.agency = agency;
  r.year = year;
  return r;
}

mkdirSync(OUT, { recursive: true });
writeFileSync(new URL('consistent-2023.txt', OUT), text(report('2021', '示例县教育局', 2023, 11)));
writeFileSync(new URL('edition2019-2020.txt', OUT), text(report('2019', '示例县林业局', 2020, 12)));
const last = report('2021', '示例县水利局', 2022, 13);
const now = report('2021', '示例县水利局', 2023, 14);
follow(now, last);
writeFileSync(new URL('slips-2022.txt', OUT), text(last));
writeFileSync(new URL('slips-2023.txt', OUT), text(now, { slips: true }));
