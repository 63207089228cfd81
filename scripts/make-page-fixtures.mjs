#!/usr/bin/env node
// Generate the web page fixtures in fixtures/pages/: pages (.html, .htm) and a single-file web page
// (.mht) of 2021-edition reports as Word, WPS, a government site's CMS and an old table-framed
// site publish them, plus expected.json (what the page reader must make of each) and README.md.
//
//     node scripts/make-page-fixtures.mjs
//
// Every agency and figure is invented. Base figures are data below; every 总计, （七）总计, 本年新收
// and table-4 总计 is derived in code, and the script checks the FORMAT.md identities on the
// figures it derives, so each report balances by construction (it exits 1 otherwise). Seeded errors
// are named mutations applied after that check; the identities that then fail must be exactly the
// fixture's expected findings, which README.md lists with their cells (it exits 1 otherwise). Each table is
// laid out as a grid of cells with spans, rendered from that grid, and the grid is what
// expected.json records: the reader must give it back. Output is byte-for-byte reproducible.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = join(dirname(dirname(fileURLToPath(import.meta.url))), 'fixtures', 'pages');

// ---------------------------------------------------------------------------------------------
// Encoders: GBK (from the platform's GB18030 decoder, run backwards) and quoted-printable
// ---------------------------------------------------------------------------------------------

const GBK = new Map();
{
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && ch !== '\ufffd' && !GBK.has(ch)) GBK.set(ch, [lead, trail]);
    }
  }
}

function gbk(text) {
  const out = [];
  for (const ch of text) {
    const code = ch.codePointAt(0);
    if (code < 0x80) out.push(code);
    else if (GBK.has(ch)) out.push(...GBK.get(ch));
    else throw new Error(`not in GBK: ${ch} (U+${code.toString(16)})`);
  }
  return Uint8Array.from(out);
}

const utf8 = (text) => new TextEncoder().encode(text);

/** Quoted-printable as Word writes it: lines of at most 76 characters, '=' soft breaks, CRLF. */
function quotedPrintable(bytes) {
  const lines = [];
  let line = '';
  const put = (piece) => {
    if (line.length + piece.length > 75) {
      lines.push(`${line}=`);
      line = '';
    }
    line += piece;
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0d && bytes[i + 1] === 0x0a) {
      lines.push(line);
      line = '';
      i++;
    } else if ((b >= 0x21 && b <= 0x7e && b !== 0x3d) || b === 0x20) put(String.fromCharCode(b));
    else put(`=${b.toString(16).toUpperCase().padStart(2, '0')}`);
  }
  lines.push(line);
  return lines.join('\r\n');
}

// ---------------------------------------------------------------------------------------------
// The national format (2021 edition), as in scripts/make-fixtures.py
// ---------------------------------------------------------------------------------------------

const PARTS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other'];
const R3 = '三、本年度办理结果';
const T3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
/** Leaf rows of table 3 under 三、: [key, group label, leaf label]. */
const GROUPS = [
  ['（三）不予公开', [
    ['denied.stateSecret', '1.属于国家秘密'],
    ['denied.lawProhibited', '2.其他法律行政法规禁止公开'],
    ['denied.threeSecurities', '3.危及“三安全一稳定”'],
    ['denied.thirdParty', '4.保护第三方合法权益'],
    ['denied.internalAffairs', '5.属于三类内部事务信息'],
    ['denied.processInfo', '6.属于四类过程性信息'],
    ['denied.enforcementCase', '7.属于行政执法案卷'],
    ['denied.queryMatter', '8.属于行政查询事项'],
  ]],
  ['（四）无法提供', [
    ['unavailable.notHeld', '1.本机关不掌握相关政府信息'],
    ['unavailable.needsCreation', '2.没有现成信息需要另行制作'],
    ['unavailable.unclear', '3.补正后申请内容仍不明确'],
  ]],
  ['（五）不予处理', [
    ['notProcessed.complaint', '1.信访举报投诉类申请'],
    ['notProcessed.repeated', '2.重复申请'],
    ['notProcessed.publication', '3.要求提供公开出版物'],
    ['notProcessed.excessive', '4.无正当理由大量反复申请'],
    ['notProcessed.reconfirm', '5.要求行政机关确认或重新出具已获取信息'],
  ]],
  ['（六）其他处理', [
    ['otherHandling.overdueCorrection', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
    ['otherHandling.unpaidFee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
    ['otherHandling.other', '3.其他'],
  ]],
];
const LEAVES = ['granted', 'partiallyGranted', ...GROUPS.flatMap(([, leaves]) => leaves.map(([key]) => key))];
const SECTIONS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
const T2_BLOCKS = [
  ['第二十条第（一）项', ['本年制发件数', '本年废止件数', '现行有效件数'], [['regulations', '规章'], ['normativeDocuments', '行政规范性文件']]],
  ['第二十条第（五）项', ['本年处理决定数量'], [['licensing', '行政许可']]],
  ['第二十条第（六）项', ['本年处理决定数量'], [['penalties', '行政处罚'], ['coercion', '行政强制']]],
  ['第二十条第（八）项', ['本年收费金额（单位：万元）'], [['fees', '行政事业性收费']]],
];
const T4_HEAD = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

// ---------------------------------------------------------------------------------------------
// Reports: base figures, derived totals, the identities checked
// ---------------------------------------------------------------------------------------------

/** Table-3 leaf figures: a small deterministic pattern per report (`seed`), so no two share figures. */
function leafFigures(seed) {
  const out = {};
  LEAVES.forEach((key, i) => {
    out[key] = PARTS.map((_, j) => {
      const h = ((i + 1) * 7919 + (j + 1) * 104729 + (seed + 1) * 1299709) % 10007;
      const base = key === 'granted' ? 20 - 3 * j : key === 'unavailable.notHeld' ? 9 - j : j === 0 ? 3 : 1;
      return Math.max(0, base) + (h % 3);
    });
  });
  return out;
}

const sum = (xs) => xs.reduce((a, b) => a + b, 0);

function makeReport({ agency, year, seed, carriedOver, carriedForward, t2, t4, mutations = [] }) {
  const leaves = leafFigures(seed);
  const rows = {};
  const withTotal = (xs) => [...xs, sum(xs)];
  for (const key of LEAVES) rows[key] = withTotal(leaves[key]);
  const resultTotal = PARTS.map((_, j) => sum(LEAVES.map((key) => leaves[key][j])));
  rows.resultTotal = withTotal(resultTotal);
  rows.carriedOver = withTotal(carriedOver);
  rows.carriedForward = withTotal(carriedForward);
  rows.received = withTotal(PARTS.map((_, j) => resultTotal[j] + carriedForward[j] - carriedOver[j]));
  const t4rows = Object.fromEntries(Object.entries(t4).map(([k, xs]) => [k, withTotal(xs)]));
  const report = { agency, year, t2, t3: rows, t4: t4rows };
  check(report);
  // Seeded errors: [tag, table, row, column, delta], applied to the balanced figures.
  for (const [, table, row, column, delta] of mutations) report[table][row][columnIndex(table, column)] += delta;
  report.mutations = mutations;
  return report;
}

const T4_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'];
/** The index of a column key in a row of figures (t3: the six applicant columns and total; t4: T4_COLUMNS). */
const columnIndex = (table, column) => (table === 't3' ? [...PARTS, 'total'] : T4_COLUMNS).indexOf(column);

/**
 * The FORMAT.md identities of tables 3 and 4 that fail on the figures: { finding: [rule, table,
 * row, column] (null where the rule has no such part), left, right (the [table, row, column] keys
 * summed on each side), lhs, rhs }.
 */
function failing(report) {
  const out = [];
  const value = ([table, row, column]) => report[table][row][columnIndex(table, column)];
  const identity = (left, right, finding) => {
    const lhs = sum(left.map(value));
    const rhs = sum(right.map(value));
    if (lhs !== rhs) out.push({ finding, left, right, lhs, rhs });
  };
  const columns = [...PARTS, 'total'];
  for (const c of columns) identity([['t3', 'received', c], ['t3', 'carriedOver', c]], [['t3', 'resultTotal', c], ['t3', 'carriedForward', c]], ['t3-balance', 't3', null, c]);
  for (const k of Object.keys(report.t3)) identity([['t3', k, 'total']], PARTS.map((p) => ['t3', k, p]), ['t3-row-total', 't3', k, null]);
  for (const c of columns) identity([['t3', 'resultTotal', c]], LEAVES.map((k) => ['t3', k, c]), ['t3-result-total', 't3', null, c]);
  for (const g of Object.keys(report.t4)) identity([['t4', g, 'total']], T4_COLUMNS.slice(0, 4).map((c) => ['t4', g, c]), ['t4-total', 't4', g, null]);
  return out;
}

/** The FORMAT.md identities of tables 3 and 4, on the figures as written. */
function check(report) {
  const fail = (what) => {
    console.error(`${report.agency} ${report.year}: ${what}`);
    process.exit(1);
  };
  const t3 = report.t3;
  for (const [key, xs] of Object.entries(t3)) {
    if (xs.some((x) => !Number.isInteger(x) || x < 0)) fail(`t3 ${key} has a negative or fractional figure`);
    if (sum(xs.slice(0, 6)) !== xs[6]) fail(`t3-row-total ${key}`);
  }
  for (let j = 0; j < 7; j++) {
    if (sum(LEAVES.map((key) => t3[key][j])) !== t3.resultTotal[j]) fail(`t3-result-total column ${j}`);
    if (t3.received[j] + t3.carriedOver[j] !== t3.resultTotal[j] + t3.carriedForward[j]) fail(`t3-balance column ${j}`);
  }
  for (const [key, xs] of Object.entries(report.t4)) if (sum(xs.slice(0, 4)) !== xs[4]) fail(`t4-total ${key}`);
}

// ---------------------------------------------------------------------------------------------
// Tables as grids: rows of cells { text, rowspan, colspan }; `place` puts them in slots as the
// HTML table model does (this script's own, plain implementation), which is what the reader must
// give back.
// ---------------------------------------------------------------------------------------------

const c = (text, colspan = 1, rowspan = 1) => ({ text: String(text), colspan, rowspan });

function t2Grid(report) {
  const rows = [];
  for (const [caption, heads, items] of T2_BLOCKS) {
    rows.push([c(caption, 4)]);
    rows.push([c('信息内容'), ...(heads.length === 3 ? heads.map((h) => c(h)) : [c(heads[0], 3)])]);
    for (const [key, label] of items) {
      const v = report.t2[key];
      rows.push([c(label), ...(Array.isArray(v) ? v.map((x) => c(x)) : [c(v, 3)])]);
    }
  }
  return rows;
}

/** Table 2 as four tables, one per block, without the caption rows (a page puts them in headings). */
function t2Blocks(report) {
  const grid = t2Grid(report);
  const blocks = [];
  for (const row of grid) {
    if (row.length === 1 && row[0].colspan === 4) blocks.push({ caption: row[0].text, rows: [] });
    else blocks.at(-1).rows.push(row);
  }
  return blocks;
}

function t3Grid(report, { headerBreaks = false } = {}) {
  const t3 = report.t3;
  const figures = (key) => t3[key].map((x) => c(x));
  const rows = [
    [c(T3_NOTE, 3, 3), c('申请人情况', 7)],
    [c('自然人', 1, 2), c('法人或其他组织', 5), c('总计', 1, 2)],
    [c(headerBreaks ? '商业\n企业' : '商业企业'), c(headerBreaks ? '科研\n机构' : '科研机构'), c('社会公益组织'), c('法律服务机构'), c('其他')],
    [c(headerBreaks ? '一、本年新收政府信息\n公开申请数量' : '一、本年新收政府信息公开申请数量', 3), ...figures('received')],
    [c('二、上年结转政府信息公开申请数量', 3), ...figures('carriedOver')],
    [c(R3, 1, 22), c('（一）予以公开', 2), ...figures('granted')],
    [c('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 2), ...figures('partiallyGranted')],
  ];
  for (const [group, leaves] of GROUPS) {
    leaves.forEach(([key, label], i) => rows.push([...(i === 0 ? [c(group, 1, leaves.length)] : []), c(label), ...figures(key)]));
  }
  rows.push([c('（七）总计', 2), ...figures('resultTotal')]);
  rows.push([c('四、结转下年度继续办理', 3), ...figures('carriedForward')]);
  return rows;
}

function t4Grid(report) {
  const t4 = report.t4;
  return [
    [c('行政复议', 5), c('行政诉讼', 10)],
    [...T4_HEAD.map((h) => c(h, 1, 2)), c('未经复议直接起诉', 5), c('复议后起诉', 5)],
    [...T4_HEAD.map((h) => c(h)), ...T4_HEAD.map((h) => c(h))],
    [...t4.review, ...t4.suitDirect, ...t4.suitAfterReview].map((x) => c(x)),
  ];
}

function letters(col) {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Where each cell of a grid lands: { cells: [[A1, text]], merges: ['A1:C3'] } (text as the reader gives it). */
function place(rows, name) {
  const taken = new Set();
  const cells = [];
  const merges = [];
  rows.forEach((row, y) => {
    let x = 0;
    for (const cell of row) {
      while (taken.has(`${y},${x}`)) x++;
      for (let dy = 0; dy < cell.rowspan; dy++) for (let dx = 0; dx < cell.colspan; dx++) taken.add(`${y + dy},${x + dx}`);
      if (cell.text !== '') cells.push([`${letters(x + 1)}${y + 1}`, cell.text]);
      if (cell.rowspan > 1 || cell.colspan > 1) merges.push(`${letters(x + 1)}${y + 1}:${letters(x + cell.colspan)}${y + cell.rowspan}`);
      x += cell.colspan;
    }
  });
  return { name, cells, merges };
}

/** Table-3 rows in print order (the rows of t3Grid after its three header rows). */
const T3_ORDER = ['received', 'carriedOver', ...LEAVES, 'resultTotal', 'carriedForward'];

/**
 * Where the figures of a page in the CMS style (cmsPage) are, as `report check` names them: the
 * sheet (表格6 is table 3, 表格7 table 4), the cell in it, and the source line of the cell (each
 * row is one line). A key is [table, row, column].
 */
function cmsLocator(html) {
  const rows = []; // per report table (class="report"), the source lines of its rows
  html.split('\n').forEach((line, i) => {
    if (line.startsWith('<table class="report"')) rows.push([]);
    else if (line.startsWith('  <tr>') && rows.length > 0) rows.at(-1).push(i + 1);
  });
  return ([table, row, column]) => {
    const sheet = table === 't3' ? 6 : 7;
    const r = table === 't3' ? 4 + T3_ORDER.indexOf(row) : 4;
    const c = table === 't3' ? 4 + columnIndex('t3', column) : 1 + Object.keys(T4_GROUPS_INDEX).indexOf(row) * 5 + columnIndex('t4', column);
    return { sheet: `表格${sheet}`, cell: `${letters(c)}${r}`, line: rows[sheet - 1][r - 1] };
  };
}
const T4_GROUPS_INDEX = { review: 0, suitDirect: 1, suitAfterReview: 2 };

/** Cells as the reader names them: 表格6!D14:I14 for a run along one row or column, else joined with +. */
function span(places) {
  const [first, last] = [places[0], places.at(-1)];
  const col = (p) => p.cell.replace(/\d+$/, '');
  const row = (p) => p.cell.slice(col(p).length);
  if (places.length > 1 && places.every((p) => p.sheet === first.sheet) && (places.every((p) => row(p) === row(first)) || places.every((p) => col(p) === col(first)))) {
    return `${first.sheet}!${first.cell}:${last.cell}`;
  }
  return places.map((p) => `${p.sheet}!${p.cell}`).join('+');
}

/** The source lines of some cells: 'line 83' or 'lines 76–96'. */
function linesOf(places) {
  const lines = places.map((p) => p.line);
  const [low, high] = [Math.min(...lines), Math.max(...lines)];
  return low === high ? `line ${low}` : `lines ${low}–${high}`;
}

/** `rule` t3 / row / column, as fixtures/README.md writes a finding. */
const findingText = ([rule, table, row, column]) => `\`${rule}\` ${[table, row, column].filter(Boolean).join(' / ')}`;

// ---------------------------------------------------------------------------------------------
// Narrative
// ---------------------------------------------------------------------------------------------

function narrative(report) {
  const { agency, year, t3, t4 } = report;
  return {
    title: `${agency}${year}年政府信息公开工作年度报告`,
    intro: `本报告根据《中华人民共和国政府信息公开条例》要求编制。统计期限自${year}年1月1日起至${year}年12月31日止。`,
    overview: [
      `${year}年，${agency}认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，不断提升政务公开质量。`,
      `（一）主动公开。全年主动公开政府信息${t3.granted[6] * 7 + 113}条。`,
      `（二）依申请公开。全年共收到政府信息公开申请${t3.received[6]}件，上年结转${t3.carriedOver[6]}件，办结${t3.resultTotal[6]}件，结转下年度继续办理${t3.carriedForward[6]}件。因政府信息公开工作被申请行政复议${t4.review[4]}件，提起行政诉讼${t4.suitDirect[4] + t4.suitAfterReview[4]}件。`,
      '（三）政府信息管理。规范政府信息公开审查。',
      '（四）平台建设。持续优化政府网站栏目。',
      '（五）监督保障。加强培训考核。',
    ],
    problems: ['一是主动公开的深度和广度有待加强。', '二是政策解读形式还不够丰富。', '下一步将持续改进。'],
    other: `本年度未收取信息处理费。`,
  };
}

// ---------------------------------------------------------------------------------------------
// Page styles
// ---------------------------------------------------------------------------------------------

const CJK = /[\u4e00-\u9fff]/;
const esc = (s) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
/** A cell's text with its line breaks as <br> (how an editor writes a manual line break). */
const brText = (s) => s.split('\n').map(esc).join('<br>');

/**
 * Word's "Save as Web Page, Filtered": Word's own markup (MsoNormal paragraphs, spans, <o:p>,
 * mso- styles, a spacer row of width-only cells inside a downlevel-revealed conditional), lines
 * wrapped at about 76 columns, in the middle of Chinese text too, CRLF.
 */
function wordPage(report, { charset }) {
  const n = narrative(report);
  const wrap = (html) => {
    const out = [];
    let rest = html;
    while (rest.length > 76) {
      let at = rest.lastIndexOf(' ', 76);
      let skip = 1;
      if (at < 20) {
        // No blank to break at: between two Chinese characters, as Word does inside a run of text.
        at = 76;
        while (at < rest.length && !(CJK.test(rest[at - 1]) && CJK.test(rest[at]))) at++;
        if (at >= rest.length) break;
        skip = 0;
      }
      out.push(rest.slice(0, at));
      rest = rest.slice(at + skip);
    }
    out.push(rest);
    return out.join('\r\n');
  };
  const para = (text, style = "text-indent:32.0pt;line-height:28.0pt") =>
    wrap(`<p class=MsoNormal style='${style}'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>${esc(text)}<span lang=EN-US><o:p></o:p></span></span></p>`);
  const heading = (text) =>
    wrap(`<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'><b><span style='font-size:16.0pt;font-family:黑体'>${esc(text)}</span></b><b><span lang=EN-US style='font-size:16.0pt'><o:p></o:p></span></b></p>`);
  const table = (rows, columns) => {
    const out = [`<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184'>`];
    rows.forEach((row, i) => {
      out.push(`<tr style='mso-yfti-irow:${i}${i === 0 ? ';mso-yfti-firstrow:yes' : ''}'>`);
      for (const cell of row) {
        const spans = `${cell.colspan > 1 ? ` colspan=${cell.colspan}` : ''}${cell.rowspan > 1 ? ` rowspan=${cell.rowspan}` : ''}`;
        const isNumber = /^\d+(\.\d+)?$/.test(cell.text);
        const inner = isNumber
          ? `<span lang=EN-US style='font-size:10.0pt'>${cell.text}<o:p></o:p></span>`
          : `<span style='font-size:10.0pt;font-family:宋体'>${brText(cell.text)}<span lang=EN-US><o:p></o:p></span></span>`;
        out.push(wrap(`<td width=${40 * cell.colspan}${spans} valign=top style='border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>`));
        out.push(wrap(`<p class=MsoNormal align=center style='text-align:center'>${inner}</p>`));
        out.push('</td>');
      }
      out.push('</tr>');
    });
    out.push(`<![if !supportMisalignedColumns]>`, `<tr height=0>`);
    for (let i = 0; i < columns; i++) out.push(`<td width=40 style='border:none'></td>`);
    out.push('</tr>', '<![endif]>', '</table>');
    return out.join('\r\n');
  };
  const empty = `<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>`;
  const html = [
    `<html xmlns:v="urn:schemas-microsoft-com:vml"`,
    `xmlns:o="urn:schemas-microsoft-com:office:office"`,
    `xmlns:w="urn:schemas-microsoft-com:office:word"`,
    `xmlns="http://www.w3.org/TR/REC-html40">`,
    '',
    '<head>',
    `<meta http-equiv=Content-Type content="text/html; charset=${charset}">`,
    '<meta name=ProgId content=Word.Document>',
    '<meta name=Generator content="Microsoft Word 15">',
    `<title>${esc(n.title)}</title>`,
    '<!--[if gte mso 9]><xml>',
    ' <o:DocumentProperties>',
    `  <o:Author>${esc(report.agency)}</o:Author>`,
    ' </o:DocumentProperties>',
    '</xml><![endif]-->',
    '<style>',
    '<!--',
    ' /* Style Definitions */',
    ' p.MsoNormal, li.MsoNormal, div.MsoNormal',
    '\t{margin:0cm;text-align:justify;font-size:10.5pt;font-family:"Times New Roman",serif;}',
    '-->',
    '</style>',
    '</head>',
    '',
    `<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>`,
    '',
    `<div class=WordSection1 style='layout-grid:15.6pt'>`,
    '',
    wrap(`<p class=MsoNormal align=center style='text-align:center;line-height:28.0pt'><b><span style='font-size:22.0pt;font-family:方正小标宋简体'>${esc(n.title)}</span></b><b><span lang=EN-US style='font-size:22.0pt'><o:p></o:p></span></b></p>`),
    '',
    empty,
    '',
    wrap(`<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'><span lang=EN-US style='font-size:16.0pt'><span style='mso-spacerun:yes'>&nbsp; </span></span><span style='font-size:16.0pt;font-family:仿宋_GB2312'>${esc(n.intro)}</span></p>`),
    heading(SECTIONS[0]),
    ...n.overview.map((t) => para(t)),
    heading(SECTIONS[1]),
    table(t2Grid(report), 4),
    empty,
    heading(SECTIONS[2]),
    table(t3Grid(report), 10),
    empty,
    heading(SECTIONS[3]),
    table(t4Grid(report), 15),
    heading(SECTIONS[4]),
    para(n.problems.join('')),
    heading(SECTIONS[5]),
    para(n.other),
    '',
    '</div>',
    '',
    '</body>',
    '',
    '</html>',
    '',
  ].join('\r\n');
  const paragraphs = [n.title, n.intro, SECTIONS[0], ...n.overview, SECTIONS[1], SECTIONS[2], SECTIONS[3], SECTIONS[4], n.problems.join(''), SECTIONS[5], n.other];
  const sheets = [place(t2Grid(report), '表格1'), place(t3Grid(report), '表格2'), place(t4Grid(report), '表格3')];
  return { html, paragraphs, sheets, sheetCount: 3 };
}

/**
 * WPS Office's "另存为网页": Word-like markup with double-quoted attributes, explicit <tbody>,
 * header cells with a manual line break (<br>) or two paragraphs, full-width spaces indenting
 * the narrative, &nbsp; padding figures; UTF-8 declared with <meta charset>.
 */
function wpsPage(report) {
  const n = narrative(report);
  const p = (text) => `<p class="MsoNormal" style="text-indent:2em;"><span style="font-family:仿宋_GB2312;font-size:16pt;">　　${esc(text)}</span><span style="font-family:仿宋_GB2312;font-size:16pt;"><o:p></o:p></span></p>`;
  const h = (text) => `<p class="MsoNormal"><b><span style="font-family:黑体;font-size:16pt;">${esc(text)}</span></b><b><span style="font-family:黑体;font-size:16pt;"><o:p></o:p></span></b></p>`;
  const table = (rows) => {
    const out = ['<table class="MsoNormalTable" border="1" cellspacing="0" style="border-collapse:collapse;width:100%;mso-table-layout-alt:fixed;border:none;"><tbody>'];
    for (const row of rows) {
      out.push('<tr style="height:20.0000pt;">');
      for (const cell of row) {
        const spans = `${cell.colspan > 1 ? ` colspan="${cell.colspan}"` : ''}${cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : ''}`;
        // Two-line labels: the first as a manual line break, the others as two paragraphs.
        const lines = cell.text.split('\n');
        const inner = /^\d+(\.\d+)?$/.test(cell.text)
          ? `<p class="MsoNormal" align="center" style="text-align:center;"><span style="font-family:宋体;font-size:10.5pt;">&nbsp;${cell.text}&nbsp;</span></p>`
          : lines.length > 1 && lines[0].startsWith('一')
            ? `<p class="MsoNormal" align="center" style="text-align:center;"><span style="font-family:宋体;font-size:10.5pt;">${lines.map(esc).join('<br/>')}</span><span style="font-family:宋体;font-size:10.5pt;"><o:p></o:p></span></p>`
            : lines.map((l) => `<p class="MsoNormal" align="center" style="text-align:center;"><span style="font-family:宋体;font-size:10.5pt;">${esc(l)}</span><span style="font-family:宋体;font-size:10.5pt;"><o:p></o:p></span></p>`).join('');
        out.push(`<td width="${45 * cell.colspan}" valign="center"${spans} style="padding:0.0000pt 5.4000pt 0.0000pt 5.4000pt ;border-left:0.5000pt solid windowtext;border-right:0.5000pt solid windowtext;border-top:0.5000pt solid windowtext;border-bottom:0.5000pt solid windowtext;">${inner}</td>`);
      }
      out.push('</tr>');
    }
    out.push('</tbody></table>');
    return out.join('\n');
  };
  const t3 = t3Grid(report, { headerBreaks: true });
  const html = [
    '<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">',
    '<head><meta charset="utf-8"><meta name="ProgId" content="Word.Document"/><meta name="Generator" content="WPS Office WWO_wpscloud_20230101"/>',
    '<!--[if gte mso 9]><xml><w:WordDocument><w:BrowserLevel>MicrosoftInternetExplorer4</w:BrowserLevel><w:DisplayGridHorizontal>0</w:DisplayGridHorizontal></w:WordDocument></xml><![endif]-->',
    `<title>${esc(n.title)}</title>`,
    '<style>@font-face{font-family:"Times New Roman";}p.MsoNormal{mso-style-name:正文;margin:0pt;font-size:10.5pt;}</style>',
    '</head><body style="tab-interval:21pt;text-justify-trim:punctuation;"><!--StartFragment--><div class="Section0" style="layout-grid:15.6000pt;">',
    `<p class="MsoNormal" align="center" style="text-align:center;"><b><span style="font-family:方正小标宋简体;font-size:22pt;">${esc(n.title)}</span></b></p>`,
    p(n.intro),
    h(SECTIONS[0]),
    ...n.overview.map(p),
    h(SECTIONS[1]),
    table(t2Grid(report)),
    h(SECTIONS[2]),
    table(t3),
    h(SECTIONS[3]),
    table(t4Grid(report)),
    h(SECTIONS[4]),
    p(n.problems.join('')),
    h(SECTIONS[5]),
    p(n.other),
    '<p class="MsoNormal"><span style="font-family:宋体;font-size:10.5pt;">&nbsp;</span></p>',
    '</div><!--EndFragment--></body></html>',
    '',
  ].join('\n');
  const paragraphs = [n.title, n.intro, SECTIONS[0], ...n.overview, SECTIONS[1], SECTIONS[2], SECTIONS[3], SECTIONS[4], n.problems.join(''), SECTIONS[5], n.other];
  return { html, paragraphs, sheets: [place(t2Grid(report), '表格1'), place(t3, '表格2'), place(t4Grid(report), '表格3')], sheetCount: 3 };
}

/**
 * A government site's article page (HTML5): page header, navigation, an aside and a footer
 * around the article; the 索引号 box as a table; table 2 printed as four tables under <p>
 * headings (no caption rows), table 4 with a <caption>; a paragraph of <br>-separated lines, a
 * list, a script and comments in the article.
 */
function cmsPage(report) {
  const n = narrative(report);
  const cell = (x, tag = 'td') => `<${tag}${x.colspan > 1 ? ` colspan="${x.colspan}"` : ''}${x.rowspan > 1 ? ` rowspan="${x.rowspan}"` : ''}>${brText(x.text)}</${tag}>`;
  const table = (rows, caption) =>
    [
      '<table class="report" border="1">',
      ...(caption ? [`<caption>${esc(caption)}</caption>`] : []),
      ...rows.map((row) => `  <tr>${row.map((x) => cell(x)).join('')}</tr>`),
      '</table>',
    ].join('\n');
  const blocks = t2Blocks(report);
  const info = [[c('索引号：'), c(`11000000MB0000000X/${report.year + 1}-00031`), c('发布机构：'), c(report.agency)], [c('发文日期：'), c(`${report.year + 1}-01-18`), c('主题分类：'), c('政务公开')]];
  const html = [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="UTF-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(n.title)}_政府信息公开年报</title>`,
    '<style>table.report td { border: 1px solid #000; }</style>',
    '</head>',
    '<body>',
    '<header class="site-header"><a href="/"><img src="/logo.png" alt="门户网站"></a><p>政府门户网站</p>',
    '<nav><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li></ul></nav>',
    '</header>',
    '<aside class="related"><h2>相关链接</h2><ul><li><a href="/nb/2022">往年年报</a></li></ul></aside>',
    '<main>',
    '<article>',
    '<header>',
    `<h1>${esc(n.title)}</h1>`,
    '</header>',
    '<div class="xxgk">',
    table(info),
    '</div>',
    '<!-- 正文开始 -->',
    '<script>window.share && share.init({ selector: "#share", title: "<table><tr><td>x</td></tr></table>" });</script>',
    `<p>${esc(n.intro)}</p>`,
    `<h2>${esc(SECTIONS[0])}</h2>`,
    `<p>${n.overview.map(esc).join('<br>\n')}</p>`,
    `<h2>${esc(SECTIONS[1])}</h2>`,
    ...blocks.flatMap((b) => [`<p><strong>${esc(b.caption)}</strong></p>`, table(b.rows)]),
    `<h2>${esc(SECTIONS[2])}</h2>`,
    table(t3Grid(report)),
    table(t4Grid(report), SECTIONS[3]),
    `<h2>${esc(SECTIONS[4])}</h2>`,
    `<ul>${n.problems.map((t) => `<li>${esc(t)}</li>`).join('')}</ul>`,
    `<h2>${esc(SECTIONS[5])}</h2>`,
    `<p>${esc(n.other)}</p>`,
    '<!-- 正文结束 -->',
    '</article>',
    '</main>',
    `<footer><table><tr><td>主办单位：${esc(report.agency)}</td><td>网站标识码：1100000031</td></tr></table><p>版权所有</p></footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
  const sheets = [
    place(info, '表格1'),
    ...blocks.map((b, i) => place(b.rows, `表格${i + 2}`)),
    place(t3Grid(report), '表格6'),
    place(t4Grid(report), '表格7'),
    place([[c(`主办单位：${report.agency}`), c('网站标识码：1100000031')]], '表格8'),
  ];
  const paragraphs = [n.title, n.intro, SECTIONS[0], ...n.overview, SECTIONS[1], ...blocks.map((b) => b.caption), SECTIONS[2], SECTIONS[3], SECTIONS[4], ...n.problems, SECTIONS[5], n.other];
  return { html, paragraphs, sheets, sheetCount: 8 };
}

/**
 * An old site (no doctype: quirks mode): the whole page a layout table with upper-case tags and
 * end tags left out, navigation in a nested table, the article in one cell, the report's tables
 * nested in it (each starting inside an unclosed <P>), Word's spacer rows.
 */
function legacyPage(report) {
  const n = narrative(report);
  const table = (rows, columns) =>
    [
      '<TABLE class=MsoNormalTable border=1 cellspacing=0 cellpadding=0>',
      ...rows.map((row) => `<TR>${row.map((x) => `<TD${x.colspan > 1 ? ` COLSPAN=${x.colspan}` : ''}${x.rowspan > 1 ? ` ROWSPAN=${x.rowspan}` : ''} style='border:solid windowtext .5pt'><P class=MsoNormal align=center>${esc(x.text)}`).join('')}`),
      '<![if !supportMisalignedColumns]>',
      `<TR height=0>${"<TD width=47 style='border:none'>".repeat(columns)}`,
      '<![endif]></TABLE>',
    ].join('\n');
  const P = (text) => `<P style='text-indent:2em'>${esc(text)}`;
  const B = (text) => `<P><B>${esc(text)}</B>`;
  const html = [
    "<HTML><HEAD><META http-equiv=Content-Type content='text/html; charset=gbk'>",
    `<TITLE>${esc(n.title)}</TITLE></HEAD><BODY>`,
    "<TABLE width=980 align=center border=0><TR><TD><IMG src='/images/banner.jpg'><TR><TD>",
    "<TABLE width=100%><TR><TD><A href='/'>网站首页</A><TD><A href='/xxgk/'>信息公开</A><TD>当前位置：信息公开 &gt; 年度报告</TABLE>",
    `<TR><TD align=center><FONT size=5><B>${esc(n.title)}</B></FONT>`,
    '<TR><TD class=content>',
    P(n.intro),
    B(SECTIONS[0]),
    ...n.overview.map(P),
    B(SECTIONS[1]),
    table(t2Grid(report), 4),
    B(SECTIONS[2]),
    table(t3Grid(report), 10),
    B(SECTIONS[3]),
    table(t4Grid(report), 15),
    B(SECTIONS[4]),
    P(n.problems.join('')),
    B(SECTIONS[5]),
    P(n.other),
    `<TR><TD align=center>版权所有：${esc(report.agency)} 联系电话：0000-00000000</TABLE></BODY></HTML>`,
    '',
  ].join('\r\n');
  const paragraphs = [n.title, n.intro, SECTIONS[0], ...n.overview, SECTIONS[1], SECTIONS[2], SECTIONS[3], SECTIONS[4], n.problems.join(''), SECTIONS[5], n.other, `版权所有：${report.agency} 联系电话：0000-00000000`];
  const sheets = [
    place([[c('网站首页'), c('信息公开'), c('当前位置：信息公开 > 年度报告')]], '表格2'),
    place(t2Grid(report), '表格3'),
    place(t3Grid(report), '表格4'),
    place(t4Grid(report), '表格5'),
  ];
  return { html, paragraphs, sheets, sheetCount: 5 };
}

/**
 * Word's "单个文件网页" (.mht): a multipart/related message, the page as its first part in
 * quoted-printable GB2312 (the preamble in GB2312 too), then the page's files: an image in base64
 * and filelist.xml.
 */
function mht(pageBytes) {
  const boundary = '----=_NextPart_01DA0000.5E3A7B10';
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  const text = [
    'MIME-Version: 1.0',
    `Content-Type: multipart/related; boundary="${boundary}"`,
    '',
    null, // the preamble, in GB2312
    '',
    `--${boundary}`,
    'Content-Location: file:///C:/D8B2A1C0/report.htm',
    'Content-Transfer-Encoding: quoted-printable',
    'Content-Type: text/html; charset="gb2312"',
    '',
    quotedPrintable(pageBytes),
    '',
    `--${boundary}`,
    'Content-Location: file:///C:/D8B2A1C0/report.files/image001.png',
    'Content-Transfer-Encoding: base64',
    'Content-Type: image/png',
    '',
    png.toString('base64'),
    '',
    `--${boundary}`,
    'Content-Location: file:///C:/D8B2A1C0/report.files/filelist.xml',
    'Content-Transfer-Encoding: quoted-printable',
    'Content-Type: text/xml; charset="utf-8"',
    '',
    '<xml xmlns:o=3D"urn:schemas-microsoft-com:office:office">',
    ' <o:MainFile HRef=3D"../report.htm"/>',
    ' <o:File HRef=3D"image001.png"/>',
    '</xml>',
    `--${boundary}--`,
    '',
  ];
  const preamble = gbk('此文档为“单个文件网页”，也称为“Web 档案”文件。如果您看到此消息，但是您的浏览器或编辑器不支持“Web 档案”文件。请下载支持“Web 档案”的浏览器。');
  const at = text.indexOf(null);
  return Buffer.concat([Buffer.from(text.slice(0, at).join('\r\n') + '\r\n', 'latin1'), preamble, Buffer.from('\r\n' + text.slice(at + 1).join('\r\n'), 'latin1')]);
}

// ---------------------------------------------------------------------------------------------
// The fixtures
// ---------------------------------------------------------------------------------------------

const t2 = (reg, norm, lic, pen, coe, fee) => ({ regulations: reg, normativeDocuments: norm, licensing: lic, penalties: pen, coercion: coe, fees: fee });

const REPORTS = {
  word: makeReport({
    agency: '示例县文化广电和旅游局', year: 2021, seed: 11,
    carriedOver: [3, 1, 0, 1, 0, 0], carriedForward: [4, 1, 1, 0, 1, 0],
    t2: t2([0, 0, 2], [3, 1, 17], 164, 38, 5, '0.42'),
    t4: { review: [2, 1, 0, 1], suitDirect: [1, 0, 1, 0], suitAfterReview: [1, 1, 0, 0] },
  }),
  wps: makeReport({
    agency: '示例县退役军人事务局', year: 2022, seed: 12,
    carriedOver: [2, 0, 0, 0, 1, 0], carriedForward: [1, 1, 0, 0, 0, 1],
    t2: t2([0, 0, 0], [2, 0, 9], 0, 0, 0, '0'),
    t4: { review: [1, 0, 0, 0], suitDirect: [0, 0, 0, 1], suitAfterReview: [0, 0, 0, 0] },
  }),
  cms: makeReport({
    agency: '示例市住房和城乡建设局', year: 2023, seed: 13,
    carriedOver: [6, 2, 1, 0, 1, 1], carriedForward: [5, 1, 0, 1, 1, 0],
    t2: t2([1, 0, 5], [7, 2, 48], 1326, 211, 9, '12.5'),
    t4: { review: [4, 1, 1, 2], suitDirect: [2, 1, 0, 1], suitAfterReview: [1, 0, 1, 0] },
  }),
  legacy: makeReport({
    agency: '示例乡人民政府', year: 2022, seed: 14,
    carriedOver: [0, 0, 0, 0, 0, 0], carriedForward: [1, 0, 0, 0, 0, 0],
    t2: t2([0, 0, 0], [1, 0, 6], 12, 3, 0, '0'),
    t4: { review: [0, 0, 0, 0], suitDirect: [0, 0, 0, 0], suitAfterReview: [0, 0, 0, 0] },
  }),
  mht: makeReport({
    agency: '示例县民政局', year: 2022, seed: 15,
    carriedOver: [2, 1, 0, 0, 0, 1], carriedForward: [3, 0, 1, 0, 0, 0],
    t2: t2([0, 1, 3], [4, 2, 26], 87, 0, 0, '0.3'),
    t4: { review: [1, 1, 0, 0], suitDirect: [0, 1, 0, 0], suitAfterReview: [0, 0, 0, 1] },
  }),
};

REPORTS.seeded = makeReport({
  agency: '示例市城市管理局', year: 2021, seed: 16,
  carriedOver: [4, 1, 0, 1, 0, 1], carriedForward: [3, 2, 1, 0, 1, 0],
  t2: t2([0, 0, 1], [5, 1, 22], 486, 175, 14, '0.15'),
  t4: { review: [3, 1, 0, 1], suitDirect: [1, 1, 0, 0], suitAfterReview: [0, 1, 1, 0] },
  mutations: [['a', 't3', 'unavailable.needsCreation', 'research', +1]],
});

const word = wordPage(REPORTS.word, { charset: 'gb2312' });
const wps = wpsPage(REPORTS.wps);
const cms = cmsPage(REPORTS.cms);
const legacy = legacyPage(REPORTS.legacy);
const inMht = wordPage(REPORTS.mht, { charset: 'gb2312' });
const seeded = cmsPage(REPORTS.seeded);

const FIXTURES = [
  {
    name: 'word-2021.htm', page: word, bytes: gbk(word.html), encoding: 'gb18030', report: REPORTS.word,
    exercises: "Word's filtered web page: GB2312 declared in `<meta http-equiv>`, GBK bytes, CRLF; MsoNormal paragraphs and font spans, `<o:p>`, `&nbsp;` and mso-spacerun, the document properties in a conditional comment, a spacer row of width-only cells inside `<![if !supportMisalignedColumns]>`; source lines wrapped at about 76 columns, also between two Chinese characters (read without a space); rowspan/colspan merges as in the national template",
    made: "scripts/make-page-fixtures.mjs (markup modelled on Word's 筛选过的网页), encoded GBK by the script",
  },
  {
    name: 'wps-2022.html', page: wps, bytes: utf8(wps.html), encoding: 'utf-8', report: REPORTS.wps,
    exercises: 'a WPS-like page: UTF-8 declared with `<meta charset>`, double-quoted attributes, explicit `<tbody>`, `<o:p>`; the label 一、本年新收… split by `<br/>` and 商业/企业, 科研/机构 as two `<p>` in one cell (cell text with a line break); figures padded with `&nbsp;`; narrative indented with full-width spaces; mostly zero figures',
    made: "scripts/make-page-fixtures.mjs (markup modelled on WPS Office's 另存为网页)",
  },
  {
    name: 'cms-split-2023.html', page: cms, bytes: utf8(cms.html), encoding: 'utf-8', report: REPORTS.cms,
    exercises: 'an HTML5 article page of a government site: page `<header>`, `<nav>`, `<aside>` and `<footer>` (not narrative; the footer table still a sheet), the article header with `<h1>` (narrative), the 索引号 box as a table; table 2 as four tables under `<p><strong>` headings with no caption rows; table 4 titled by a `<caption>`; the overview as one `<p>` of `<br>`-separated lines; problems as `<li>`; a `<script>` holding table markup and comments inside the article',
    made: 'scripts/make-page-fixtures.mjs',
  },
  {
    name: 'layout-2022.htm', page: legacy, bytes: gbk(legacy.html), encoding: 'gb18030', report: REPORTS.legacy,
    exercises: "an old table-framed site: no doctype (quirks mode), charset=gbk, upper-case tags, `</TD></TR></P>` left out, the whole page a layout table (表格1) with the navigation in a nested table (表格2) and the article in one cell with the report's tables nested in it (表格3–5), each starting inside an open `<P>`; the article's paragraphs, title and copyright line are narrative in reading order; Word's spacer rows",
    made: 'scripts/make-page-fixtures.mjs (modelled on the conformance legacy pages)',
  },
  {
    name: 'word-2022.mht', page: inMht, bytes: mht(gbk(inMht.html)), encoding: 'gb18030', report: REPORTS.mht,
    exercises: "Word's 单个文件网页: a multipart/related message, the page as quoted-printable GB2312 (charset from the part's Content-Type), a GB2312 preamble, an image part in base64 and filelist.xml after it",
    made: 'scripts/make-page-fixtures.mjs (the page in the Word style of word-2021.htm, GBK, wrapped as Word wraps one)',
  },
  {
    name: 'seeded-errors-2021.html', page: seeded, bytes: utf8(seeded.html), encoding: 'utf-8', report: REPORTS.seeded,
    locate: cmsLocator(seeded.html),
    expected: [
      ['t3-row-total', 't3', 'unavailable.needsCreation', null],
      ['t3-result-total', 't3', null, 'research'],
    ],
    exercises: 'a seeded balancing error in the page style of cms-split-2023.html, so that findings are located in a page (the sheet, its cell and the source line): one table-3 cell one too high, （四）2.没有现成信息需要另行制作·科研机构',
    made: 'scripts/make-page-fixtures.mjs',
  },
];

// The identities that fail on each page's figures are exactly its expected findings (none for a balanced report).
for (const f of FIXTURES) {
  const got = failing(f.report).map((x) => JSON.stringify(x.finding)).sort();
  const want = (f.expected ?? []).map((x) => JSON.stringify(x)).sort();
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    console.error(`${f.name}: identities failing ${got.join(' ')}, expected ${want.join(' ')}`);
    process.exit(1);
  }
}

mkdirSync(OUT, { recursive: true });
const expected = {};
for (const f of FIXTURES) {
  writeFileSync(join(OUT, f.name), f.bytes);
  expected[f.name] = {
    encoding: f.encoding,
    sheets: f.page.sheetCount,
    tables: Object.fromEntries(f.page.sheets.map((s) => [s.name, { cells: s.cells, merges: s.merges }])),
    paragraphs: f.page.paragraphs,
    figures: { t2: f.report.t2, t3: f.report.t3, t4: f.report.t4 },
  };
}
writeFileSync(join(OUT, 'expected.json'), `${JSON.stringify(expected, null, 1)}\n`);

const readme = [
  '# Web page fixtures',
  '',
  'Web pages and a single-file web page of 2021-edition reports, for the page reader',
  '(`src/readers/html.ts`, `src/readers/mht.ts`). All are generated by',
  '`node scripts/make-page-fixtures.mjs`, which also writes `expected.json`: for each file the',
  'encoding the reader must detect, how many sheets (tables) it must find, the cells and merges of',
  'the named sheets (every table but a layout table, as `A1` address and text; a cell\'s line',
  'breaks as `\\n`), the paragraphs in reading order, and the figures (`t3` rows are natural,',
  'commercial, research, nonprofit, legal, other, total; `t4` groups upheld, corrected, other,',
  'pending, total). tests/readers/html.test.ts and mht.test.ts compare the reader with it.',
  '',
  'All agencies and figures are invented. Table-3 leaf figures follow a fixed pattern per report;',
  'every 总计, （七）总计, 本年新收 (from 上年结转 and 结转下年) and table-4 总计 is derived in code,',
  'and the script checks the identities (t3-row-total, t3-result-total, t3-balance, t4-total) before',
  'writing, so each report balances by construction. Seeded errors are named mutations applied after',
  'that check; the identities that then fail must be exactly the expected findings listed (the script',
  'exits 1 otherwise). Each table is built as a grid of cells with spans, rendered in the page\'s',
  'style, and placed in slots by the script\'s own plain version of the HTML table model for',
  'expected.json. Regenerating gives byte-identical files.',
  '',
  '| file | agency, year, edition | exercises | made with | expected findings |',
  '| --- | --- | --- | --- | --- |',
  ...FIXTURES.map((f) => {
    const expected = f.expected ? `${f.expected.map(findingText).join('; ')} — see below` : 'none (balances)';
    return `| \`${f.name}\` | ${f.report.agency}, ${f.report.year}, 2021 | ${f.exercises} | ${f.made} | ${expected} |`;
  }),
  '',
];
const withSeeded = FIXTURES.filter((f) => f.expected);
if (withSeeded.length > 0) {
  readme.push('## Seeded errors in detail', '');
  readme.push(
    'Cells are given as `report check` names them: the sheet (`表格N`, the N-th table of the page in the',
    "order tables start), the cell in it, and the line of the page's source the cell starts on.",
  );
  for (const f of withSeeded) {
    readme.push('', `### \`${f.name}\``, '');
    for (const [tag, table, row, column, delta] of f.report.mutations) {
      const at = f.locate([table, row, column]);
      const now = f.report[table][row][columnIndex(table, column)];
      readme.push(`- mutation (${tag}): ${table} ${row}·${column} at ${at.sheet}!${at.cell} (line ${at.line}) written ${now} (balanced value ${now - delta}, ${delta > 0 ? '+' : ''}${delta})`);
    }
    readme.push('', 'Expected findings:', '');
    for (const x of failing(f.report)) {
      const left = x.left.map(f.locate);
      const right = x.right.map(f.locate);
      const diff = x.rhs - x.lhs;
      readme.push(`- ${findingText(x.finding)}: ${span(left)} = ${x.lhs} but ${span(right)} = ${x.rhs} (right − left = ${diff > 0 ? '+' : ''}${diff}); ${linesOf([...left, ...right])}`);
    }
  }
  readme.push('');
}
writeFileSync(join(OUT, 'README.md'), readme.join('\n'));
console.log(`wrote ${FIXTURES.length} fixtures, expected.json and README.md to ${OUT}`);
