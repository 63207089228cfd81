// npm run bench: speed and memory of `report check` on a generated folder, as ratios against
// baselines measured in the same run (the machine is shared and noisy; absolute times are not).
//
//   folder   `report check` on 2,000 varied workbooks and CSVs, end to end, all cores
//   bound    a single-threaded lower bound over the same files: unzip (fflate) and scan the
//            sheet XML for values, read CSVs; no validation (folder and bound: five turns each,
//            compared by their medians)
//   one      `report check one.xlsx`, wall time, median of several runs
//   node     `node -e 0`, the same way
//   memory   peak resident memory of `report check` on 1,000 and on 20,000 files
//   documents the same reports as Word documents and as web pages against their XLSX: one file
//            (start-up included) and a folder of 2,000, each in turns with the XLSX, by medians
//   pdf      the PDFs of fixtures/pdf copied to a folder of 200 or more: `report check --jobs 1`
//            against `pdftotext -layout` a process a file, in turns; one PDF against node -e 0
//   html     the HTML report of 5,000 files: written, against their JSON; opened in Chromium to
//            its first rows drawn, against the same page without its script (needs chromium)
//
// BENCH_FILES=N changes the folder size; BENCH_KEEP=1 keeps the generated files for profiling;
// BENCH_AGAINST=DIR measures another built checkout (an earlier commit) in the same turns.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { loadReport } from '../dist/index.js';
import { normalize } from '../dist/writers/normalize.js';
import { layoutCsv } from '../dist/writers/layout.js';
import { writeOfficialXlsx } from '../dist/writers/xlsx.js';
import { balancedRandomReport } from './random-report.mjs';

const FILES = Number(process.env.BENCH_FILES ?? 2000);
const root = mkdtempSync(join(tmpdir(), 'report-bench-'));
const folder = join(root, 'batch');
mkdirSync(folder);

// A deterministic pseudo-random source, so every run checks the same files.
let seed = 12345;
const rand = (n) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);

function randomReport(i) {
  const edition = i % 4 === 0 ? '2019' : '2021';
  const report = balancedRandomReport(edition, rand);
  report.agency = `示例${['县', '市', '区', '镇'][i % 4]}第${i}局`;
  report.year = edition === '2019' ? 2019 + (i % 2) : 2021 + (i % 4);
  if (i % 10 === 0) report.tables.t3.granted.natural += 1; // some reports with errors
  return report;
}

const PRODUCED_ELSEWHERE = ['official-2022.xlsx', 'per-sheet-2023.xlsx', 'libreoffice-2021.xlsx', 'label-variants-2022.xlsx', 'edition2019-2020.xlsx'];
console.log(`generating ${FILES} files in ${folder} …`);
for (let i = 0; i < FILES; i++) {
  const name = join(folder, `r${String(i).padStart(5, '0')}`);
  if (i % 5 === 1) writeFileSync(`${name}.csv`, layoutCsv(randomReport(i)));
  else if (i % 5 === 3) copyFileSync(join('fixtures', PRODUCED_ELSEWHERE[Math.floor(i / 5) % PRODUCED_ELSEWHERE.length]), `${name}.xlsx`);
  else writeFileSync(`${name}.xlsx`, await writeOfficialXlsx(randomReport(i)));
}
const files = readdirSync(folder).sort().map((f) => join(folder, f));

function lowerBound() {
  const start = performance.now();
  let values = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    if (file.endsWith('.csv')) {
      values += bytes.toString('utf8').split(/[,\n]/).length;
      continue;
    }
    const parts = unzipSync(bytes, { filter: (f) => f.name.startsWith('xl/worksheets/') || f.name === 'xl/sharedStrings.xml' });
    for (const data of Object.values(parts)) values += (new TextDecoder().decode(data).match(/<v>[^<]*<\/v>/g) ?? []).length;
  }
  return { ms: performance.now() - start, values };
}

/**
 * Peak resident memory of the process, printed on stderr when it exits: VmHWM, the peak of this
 * process's own memory. (getrusage's maxRSS is not: Linux keeps it across fork and exec, so a child
 * of a large process reports at least its parent's size, and this one has written 2,000 workbooks.
 * The data URL holds no `?` or `#`, which a URL would take for its query or fragment.)
 */
const MAXRSS =
  'data:text/javascript,import { readFileSync } from "node:fs"; process.on("exit", () => { const hwm = /VmHWM:\\s+(\\d+)/.exec(readFileSync("/proc/self/status", "utf8")); process.stderr.write("MAXRSS " + (hwm || [0, process.resourceUsage().maxRSS])[1] + "\\n"); })';
/** `report ARGS` of the checkout at `root` (this one, or BENCH_AGAINST), with its wall time and peak memory. */
function run(root, args) {
  const start = performance.now();
  const r = spawnSync(process.execPath, ['--import', MAXRSS, join(root, 'bin/report.js'), ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - start;
  const rss = Number(/MAXRSS (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
  // Exit 1 is findings, but also what Node gives a crash: a run that says anything on stderr failed.
  const said = r.stderr.replace(/MAXRSS \d+\n/, '').trim();
  if ((r.status !== 0 && r.status !== 1) || said) throw new Error(`report check failed (${r.status}): ${said.slice(0, 500)}`);
  return { ms, rss };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** The median wall time of each command, run in turns, n times each. */
function timesOf(commands, n = 9) {
  const times = commands.map(() => []);
  for (let i = 0; i < n; i++) {
    commands.forEach(([cmd, args], k) => {
      const start = performance.now();
      spawnSync(cmd, args, { stdio: 'ignore' });
      times[k].push(performance.now() - start);
    });
  }
  return times.map(median);
}

// The checkouts measured: this one, and with BENCH_AGAINST=DIR another one, built, measured in the
// same turns (before and after a change, in one run).
const ROOT = process.cwd();
const checkouts = [{ name: 'this checkout', root: ROOT }, ...(process.env.BENCH_AGAINST ? [{ name: process.env.BENCH_AGAINST, root: process.env.BENCH_AGAINST }] : [])];

// This machine's speed drifts by a quarter within minutes, and the two-thread folder run swings
// more than the one-thread bound: the folder and its lower bound are measured in turns, five
// times each (three let one slow spell of two runs decide), and compared by their medians. Each
// bound is taken right after a pass that warms it (and the file cache): without that pass, the
// bounds after the first come out slower, which flatters the ratio.
const bounds = [];
const folderRuns = checkouts.map(() => []);
for (let round = 0; round < 5; round++) {
  lowerBound();
  bounds.push(lowerBound());
  checkouts.forEach((c, k) => folderRuns[k].push(run(c.root, ['check', '--format', 'json', '--no-progress', folder])));
}
const bound = median(bounds.map((b) => b.ms));
const one = join(folder, 'r00002.xlsx');
const [node, ...singles] = timesOf([[process.execPath, ['-e', '0']], ...checkouts.map((c) => [process.execPath, [join(c.root, 'bin/report.js'), 'check', one]])]);

// Memory: the same workbooks, 1,000 of them and 20,000 (hard links to the generated ones).
const small = join(root, 'm1000');
const large = join(root, 'm20000');
mkdirSync(small);
mkdirSync(large);
files.slice(0, 1000).forEach((f, i) => linkSync(f, join(small, `${i}${f.slice(-5)}`)));
for (let i = 0; i < 20000; i++) linkSync(files[i % files.length], join(large, `${String(i).padStart(5, '0')}${files[i % files.length].slice(-5)}`));
const memory = checkouts.map((c) => ({ small: run(c.root, ['check', '--format', 'json', '--no-progress', small]), large: run(c.root, ['check', '--format', 'json', '--no-progress', large]) }));

// Documents: one Word document and one web page of the same report (fixtures), each written 2,000
// times under another body's name, against the same 2,000 reports as workbooks.
const DOCUMENT = 'fixtures/documents/balanced-2022.docx';
// Two web pages: one saved from WPS (its 121 KB mostly style attributes, the worst case) and an old
// government site's article page (25 KB, the report's tables in its layout table).
const PAGE = 'fixtures/pages/wps-2022.html';
const SITE_PAGE = 'fixtures/pages/layout-2022.htm';
const original = await loadReport(DOCUMENT);
const agency = original.agency.value;
const docxParts = unzipSync(readFileSync(DOCUMENT));
const documentXml = strFromU8(docxParts['word/document.xml']);
const pageHtml = readFileSync(PAGE, 'utf8');
const pageAgency = (await loadReport(PAGE)).agency.value;
// Written as UTF-8 (Node has no GBK encoder to write other bodies' names with).
const siteHtml = new TextDecoder('gb18030').decode(readFileSync(SITE_PAGE)).replace('charset=gbk', 'charset=utf-8');
const siteAgency = (await loadReport(SITE_PAGE)).agency.value;
const kinds = { xlsx: join(root, 'doc-xlsx'), docx: join(root, 'doc-docx'), html: join(root, 'doc-html'), site: join(root, 'doc-site') };
for (const dir of Object.values(kinds)) mkdirSync(dir);
const base = normalize(original);
const pageBase = normalize(await loadReport(PAGE));
for (let i = 0; i < FILES; i++) {
  const name = `示例县第${i}局`;
  const n = String(i).padStart(5, '0');
  writeFileSync(join(kinds.xlsx, `${n}.xlsx`), await writeOfficialXlsx({ ...base, agency: name }));
  writeFileSync(join(kinds.docx, `${n}.docx`), zipSync({ ...docxParts, 'word/document.xml': strToU8(documentXml.replaceAll(agency, name)) }));
  writeFileSync(join(kinds.html, `${n}.html`), pageHtml.replaceAll(pageAgency, name));
  writeFileSync(join(kinds.site, `${n}.htm`), siteHtml.replaceAll(siteAgency, name));
}
// The page's report as a workbook too, for the one-file comparison.
writeFileSync(join(root, 'page.xlsx'), await writeOfficialXlsx(pageBase));
const documentRuns = { xlsx: [], docx: [], html: [], site: [] };
for (let round = 0; round < 5; round++) {
  for (const [kind, dir] of Object.entries(kinds)) documentRuns[kind].push(run(ROOT, ['check', '--format', 'json', '--no-progress', dir]).ms);
}
const [oneXlsx, oneDocx, onePageXlsx, oneHtml] = timesOf([
  [process.execPath, [join(ROOT, 'bin/report.js'), 'check', join(kinds.xlsx, '00000.xlsx')]],
  [process.execPath, [join(ROOT, 'bin/report.js'), 'check', join(kinds.docx, '00000.docx')]],
  [process.execPath, [join(ROOT, 'bin/report.js'), 'check', join(root, 'page.xlsx')]],
  [process.execPath, [join(ROOT, 'bin/report.js'), 'check', join(kinds.html, '00000.html')]],
]);

console.log(`${'single-threaded lower bound (median)'.padEnd(52)} ${`${(bound / 1000).toFixed(2)} s`.padStart(10)}  ${(bound / files.length).toFixed(3)} ms/file; runs ${bounds.map((b) => (b.ms / 1000).toFixed(2)).join(', ')} s`);
console.log(`${'node -e 0 (median)'.padEnd(52)} ${`${node.toFixed(0)} ms`.padStart(10)}`);
checkouts.forEach((c, k) => {
  const folderMs = median(folderRuns[k].map((r) => r.ms));
  const { small: mem1k, large: mem20k } = memory[k];
  console.log(`\n${c.name}`);
  const rows = [
    [`folder of ${files.length} files, end to end (median)`, `${(folderMs / 1000).toFixed(2)} s`, `${(files.length / (folderMs / 1000)).toFixed(0)} files/s; runs ${folderRuns[k].map((r) => (r.ms / 1000).toFixed(2)).join(', ')} s`],
    ['report check one.xlsx (median)', `${singles[k].toFixed(0)} ms`, ''],
    ['peak memory, 1,000 files', `${mem1k.rss.toFixed(0)} MB`, ''],
    ['peak memory, 20,000 files', `${mem20k.rss.toFixed(0)} MB`, `${(mem20k.ms / 1000).toFixed(1)} s`],
  ];
  for (const [what, value, extra] of rows) console.log(`${what.padEnd(52)} ${value.padStart(10)}  ${extra}`);
  const ratios = [
    ['folder / lower bound', folderMs / bound, 8],
    ['one workbook / node -e 0', singles[k] / node, 2.5],
    ['memory 20,000 / 1,000 files', mem20k.rss / mem1k.rss, 1.5],
  ];
  for (const [what, ratio, target] of ratios) console.log(`${what.padEnd(30)} ${ratio.toFixed(2)}x  (target ≤ ${target}x: ${ratio <= target ? 'met' : 'MISSED'})`);
});
console.log('\ndocuments (this checkout): the same reports as Word documents, web pages and workbooks');
const folderMedian = (kind) => median(documentRuns[kind]);
const documentRows = [
  [`folder of ${FILES} .xlsx (median)`, `${(folderMedian('xlsx') / 1000).toFixed(2)} s`, `runs ${documentRuns.xlsx.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s`],
  [`folder of ${FILES} .docx (median)`, `${(folderMedian('docx') / 1000).toFixed(2)} s`, `runs ${documentRuns.docx.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s`],
  [`folder of ${FILES} .html, WPS (median)`, `${(folderMedian('html') / 1000).toFixed(2)} s`, `runs ${documentRuns.html.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s`],
  [`folder of ${FILES} .htm, site page (median)`, `${(folderMedian('site') / 1000).toFixed(2)} s`, `runs ${documentRuns.site.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s`],
  ['report check one .xlsx / .docx (median)', `${oneXlsx.toFixed(0)} / ${oneDocx.toFixed(0)} ms`, ''],
  ['report check one .xlsx / .html (median)', `${onePageXlsx.toFixed(0)} / ${oneHtml.toFixed(0)} ms`, ''],
];
for (const [what, value, extra] of documentRows) console.log(`${what.padEnd(52)} ${value.padStart(14)}  ${extra}`);
for (const [what, ratio] of [
  ['folder .docx / .xlsx', folderMedian('docx') / folderMedian('xlsx')],
  ['folder .html (WPS) / .xlsx', folderMedian('html') / folderMedian('xlsx')],
  ['folder .htm (site) / .xlsx', folderMedian('site') / folderMedian('xlsx')],
  ['one .docx / .xlsx', oneDocx / oneXlsx],
  ['one .html / .xlsx', oneHtml / onePageXlsx],
]) console.log(`${what.padEnd(30)} ${ratio.toFixed(2)}x  (target ≤ 2x: ${ratio <= 2 ? 'met' : 'MISSED'})`);

// PDFs: the readable reports of fixtures/pdf (LibreOffice exports with embedded subset fonts,
// ruled and unruled tables, 2 to 3 pages; the 300-page one left out), copied to a folder of 200 or
// more, against poppler's `pdftotext -layout` on the same files, one process per file, one after
// another. Ours runs on one worker thread (--jobs 1). In turns, three times each, by medians.
const PDF_FOLDER = join(root, 'pdf');
const pdfSources = readdirSync('fixtures/pdf', { recursive: true })
  .filter((f) => f.endsWith('.pdf') && !/encrypted|scanned|long-300/.test(f))
  .map((f) => join('fixtures/pdf', f));
const pdfCount = Math.max(200, Math.ceil(FILES / 10));
mkdirSync(PDF_FOLDER);
for (let i = 0; i < pdfCount; i++) copyFileSync(pdfSources[i % pdfSources.length], join(PDF_FOLDER, `${String(i).padStart(5, '0')}.pdf`));
const pdfFiles = readdirSync(PDF_FOLDER).sort().map((f) => join(PDF_FOLDER, f));
const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;
if (!hasPdftotext) console.log('\nPDFs: pdftotext not found (apt-get install poppler-utils): the PDF ratios are not measured');
else {
  const pdftotext = () => {
    const start = performance.now();
    for (const f of pdfFiles) spawnSync('pdftotext', ['-layout', f, join(root, 'out.txt')]);
    return performance.now() - start;
  };
  const pdfRuns = { ours: [], poppler: [] };
  for (let round = 0; round < 3; round++) {
    pdfRuns.poppler.push(pdftotext());
    pdfRuns.ours.push(run(ROOT, ['check', '--format', 'json', '--no-progress', '--jobs', '1', PDF_FOLDER]).ms);
  }
  const [onePdf, nodeAgain] = timesOf([
    [process.execPath, [join(ROOT, 'bin/report.js'), 'check', pdfFiles[0]]],
    [process.execPath, ['-e', '0']],
  ]);
  const [ours, poppler] = [median(pdfRuns.ours), median(pdfRuns.poppler)];
  console.log(`\nPDFs: ${pdfFiles.length} files (${pdfSources.length} reports of fixtures/pdf, copied), one thread each side`);
  console.log(`${'report check --jobs 1 (median)'.padEnd(52)} ${`${(ours / 1000).toFixed(2)} s`.padStart(14)}  ${(ours / pdfFiles.length).toFixed(1)} ms/file; runs ${pdfRuns.ours.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s`);
  console.log(`${'pdftotext -layout, a process a file (median)'.padEnd(52)} ${`${(poppler / 1000).toFixed(2)} s`.padStart(14)}  ${(poppler / pdfFiles.length).toFixed(1)} ms/file; runs ${pdfRuns.poppler.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s`);
  console.log(`${'report check one .pdf / node -e 0 (median)'.padEnd(52)} ${`${onePdf.toFixed(0)} / ${nodeAgain.toFixed(0)} ms`.padStart(14)}`);
  for (const [what, ratio, target] of [
    ['folder .pdf / pdftotext', ours / poppler, 3],
    ['one .pdf / node -e 0', onePdf / nodeAgain, 6],
  ]) console.log(`${what.padEnd(30)} ${ratio.toFixed(2)}x  (target ≤ ${target}x: ${ratio <= target ? 'met' : 'MISSED'})`);
}

// The HTML report of 5,000 files (the first quarter of the 20,000): written against the JSON of the
// same files, and opened in Chromium, from navigation to the first page of rows drawn (the page's
// own mark), against the same file with its script taken out (the bytes alone: parsing the page).
const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) console.log('\nHTML report: Chromium not found (apt-get install chromium): not measured');
else {
  const htmlFile = join(root, 'report.html');
  const bareFile = join(root, 'bare.html');
  const five = ['--no-progress', '--shard', '1/4', large];
  const writes = { html: [], json: [] };
  for (let round = 0; round < 3; round++) {
    writes.json.push(run(ROOT, ['check', '--format', 'json', '-o', join(root, 'report.json'), ...five]).ms);
    writes.html.push(run(ROOT, ['check', '--format', 'html', '-o', htmlFile, ...five]).ms);
  }
  writeFileSync(bareFile, readFileSync(htmlFile, 'utf8').replace(/<script>\(function[\s\S]*?<\/script>/, ''));
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const loads = { page: [], bare: [] };
  for (let round = 0; round < 5; round++) {
    for (const [kind, file] of [['page', htmlFile], ['bare', bareFile]]) {
      const tab = await browser.newPage();
      await tab.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      if (kind === 'page') await tab.waitForSelector('body[data-ready]');
      loads[kind].push(
        await tab.evaluate((kind) =>
          kind === 'page' ? performance.getEntriesByName('report-ready')[0].startTime : performance.getEntriesByType('navigation')[0].loadEventEnd,
        kind),
      );
      await tab.close();
    }
  }
  await browser.close();
  const [html, json, page, bare] = [median(writes.html), median(writes.json), median(loads.page), median(loads.bare)];
  console.log(`\nHTML report: 5,000 files, ${(statSync(htmlFile).size / 2 ** 20).toFixed(1)} MB`);
  console.log(`${'report check --format html / json (median)'.padEnd(52)} ${`${(html / 1000).toFixed(2)} / ${(json / 1000).toFixed(2)} s`.padStart(14)}`);
  console.log(`${'opened in Chromium: rows drawn / page parsed'.padEnd(52)} ${`${page.toFixed(0)} / ${bare.toFixed(0)} ms`.padStart(14)}  runs ${loads.page.map((ms) => ms.toFixed(0)).join(', ')} ms`);
  for (const [what, ratio, target] of [
    ['html / json, writing', html / json, 1.5],
    ['opening / parsing, in Chromium', page / bare, 3],
  ]) console.log(`${what.padEnd(30)} ${ratio.toFixed(2)}x  (target ≤ ${target}x: ${ratio <= target ? 'met' : 'MISSED'})`);
}
if (process.env.BENCH_KEEP) console.log(`kept ${root}`);
else rmSync(root, { recursive: true, force: true });
