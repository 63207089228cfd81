// The rules about a report's text on real inputs of every kind that carries narrative: Word
// documents of both editions, web pages (WPS-like, a CMS page, the WPS page as .mht), pasted text (Markdown tables, the
// seed as pasted from its page) and PDFs (LibreOffice's rendering of the Word documents). Each input
// as committed gives no finding of these rules; each one-sentence change gives the one it must.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { strToU8, unzipSync, zipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers/cli.js';

const DOCUMENT_RULES = new Set(['section-missing', 'text-table-mismatch', 'period-year-mismatch', 'fee-note-missing', 'text-repeated']);

interface Input {
  file: string;
  /** Checked as a single-file web page (.mht) wrapping the page, as Word and old browsers save one. */
  mht?: boolean;
  edition: '2019' | '2021';
  /** Whether its text states a statistical period, and a figure of table 3. */
  period: boolean;
  figure: boolean;
}

const INPUTS: Input[] = [
  { file: 'fixtures/documents/balanced-2022.docx', edition: '2021', period: true, figure: true },
  { file: 'fixtures/documents/edition2019-2020.docx', edition: '2019', period: true, figure: true },
  { file: 'fixtures/pages/wps-2022.html', edition: '2021', period: true, figure: true },
  { file: 'fixtures/pages/cms-split-2023.html', edition: '2021', period: true, figure: true },
  { file: 'fixtures/pages/wps-2022.html', mht: true, edition: '2021', period: true, figure: true },
  { file: 'fixtures/markdown-2022.txt', edition: '2021', period: false, figure: true },
  { file: 'fixtures/dunfangdian-2021.txt', edition: '2021', period: false, figure: false },
];

type Edit = (text: string) => string;

/** One sentence changed, as a clerk's slip would change it. */
const EDITS: Record<string, { rule: string; edit: Edit; applies: (input: Input) => boolean }> = {
  figure: {
    rule: 'text-table-mismatch',
    edit: (t) => t.replace(/(收到政府信息公开申请)(\d+)(件)/, (_, a: string, n: string, b: string) => `${a}${Number(n) + 3}${b}`),
    applies: (i) => i.figure,
  },
  period: {
    rule: 'period-year-mismatch',
    edit: (t) => t.replace(/(统计期限自)(\d{4})(年1月1日起至)(\d{4})/, (_, a: string, y: string, b: string, z: string) => `${a}${Number(y) - 1}${b}${Number(z) - 1}`),
    applies: (i) => i.period,
  },
  fee: {
    rule: 'fee-note-missing',
    edit: (t) => t.replace(/(?:本年度|\d{4}年度本机关|\d{4}年)未收取信息处理费/, '无其他需要报告的事项'),
    applies: (i) => i.edition === '2021',
  },
  section: {
    rule: 'section-missing',
    edit: (t) => t.replace('五、存在的主要问题及改进情况', '五、工作亮点'),
    applies: () => true,
  },
};

/** A section 五 of the length real reports give it. */
const PROBLEMS =
  '一是政策解读的形式还不够丰富，图解、音视频等解读方式运用较少；二是部分栏目信息更新不够及时，基层政务公开标准化规范化建设还需深化。下一步，我们将丰富解读形式，建立栏目更新提醒机制。';

const dir = mkdtempSync(join(tmpdir(), 'document-rules-'));

/** A page as a single-file web page: one MIME part, the page's bytes as they are (8bit). */
function asMht(page: Uint8Array): Uint8Array {
  const head = 'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart_report"; type="text/html"\r\n\r\n------=_NextPart_report\r\nContent-Type: text/html; charset="utf-8"\r\nContent-Transfer-Encoding: 8bit\r\nContent-Location: file:///C:/report.htm\r\n\r\n';
  return Buffer.concat([Buffer.from(head), page, Buffer.from('\r\n------=_NextPart_report--\r\n')]);
}

/** The path an input is checked under: its own, or an .mht made of it in the scratch folder. */
function asChecked(input: Input): string {
  if (!input.mht) return join(ROOT, input.file);
  const path = join(dir, 'committed', basename(input.file).replace(/\.html?$/, '.mht'));
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, asMht(readFileSync(join(ROOT, input.file))));
  return path;
}

/** A copy of an input with its text edited (a Word document's document.xml; a page's or text file's UTF-8 text), written under `name`. */
function edited(input: string, edit: Edit, name: string, mht = false): string {
  const bytes = readFileSync(join(ROOT, input));
  let out: Uint8Array;
  if (input.endsWith('.docx')) {
    const parts = unzipSync(bytes);
    const xml = strFromU8(parts['word/document.xml']!);
    const changed = edit(xml);
    expect(changed, `${input}: the edit found its text`).not.toBe(xml);
    out = zipSync({ ...parts, 'word/document.xml': strToU8(changed) });
  } else {
    const text = bytes.toString('utf8');
    const changed = edit(text);
    expect(changed, `${input}: the edit found its text`).not.toBe(text);
    out = Buffer.from(changed, 'utf8');
    if (mht) out = asMht(out);
  }
  const path = join(dir, mht ? name.replace(/\.html?$/, '.mht') : name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, out);
  return path;
}

interface Found {
  file: string;
  diagnostics: Array<{ rule: string; paragraph?: number; line: number | null; page: number | null; message: string }>;
}

async function check(files: string[]): Promise<Found[]> {
  const { stdout } = await cli(['check', '--format', 'json', ...files]);
  return (JSON.parse(stdout) as { results: Found[] }).results;
}

const documentRules = (r: Found) => r.diagnostics.filter((d) => DOCUMENT_RULES.has(d.rule));

describe('rules about the text on every kind of input that carries narrative', () => {
  it('the inputs as committed: no finding', async () => {
    const results = await check(INPUTS.map(asChecked));
    for (const r of results) expect(documentRules(r), r.file).toEqual([]);
  });

  it.each(Object.keys(EDITS))('one sentence changed (%s): exactly its rule, at a paragraph, with the line for pages and text', async (kind) => {
    const { rule, edit, applies } = EDITS[kind]!;
    const inputs = INPUTS.filter(applies);
    const files = inputs.map((i) => edited(i.file, edit, `${kind}/${basename(i.file)}`, i.mht));
    const results = await check(files);
    for (const [k, r] of results.entries()) {
      const found = documentRules(r);
      expect(found.map((d) => d.rule), r.file).toEqual([rule]);
      expect(found[0]!.paragraph, r.file).toBeGreaterThan(0);
      if (!inputs[k]!.file.endsWith('.docx') && !inputs[k]!.mht) expect(found[0]!.line, r.file).toBeGreaterThan(0);
    }
  });

  it.each([
    ['fixtures/documents/balanced-2022.docx', '主要问题：公开内容的解读还不够通俗，部分栏目更新不够及时。'],
    ['fixtures/pages/wps-2022.html', '一是主动公开的深度和广度有待加强。二是政策解读形式还不够丰富。下一步将持续改进。'],
    ['fixtures/markdown-2022.txt', '主要问题：公开内容的解读还不够通俗，部分栏目更新不够及时。'],
  ])('%s: section 五 copied into the next year’s report is text-repeated, in a folder', async (input, problems) => {
      const year = Number(/(\d{4})\./.exec(input)![1]);
      // Section 五 as long as a real report's (the fixtures' are too short to be worth comparing).
      const longer = (t: string) => t.replace(problems, PROBLEMS);
      const folder = `repeated-${basename(input)}`;
      // Last year's report: the same text, its title and period a year earlier.
      const name = basename(input).replace(String(year), String(year - 1));
      const last = edited(input, (t) => longer(t).replaceAll(`${year}年`, `${year - 1}年`), `${folder}/${name}`);
      const now = edited(input, longer, `${folder}/${basename(input)}`);
      const results = await check([join(dir, folder)]);
      const byFile = new Map(results.map((r) => [basename(r.file), documentRules(r)]));
      expect(byFile.get(basename(last))).toEqual([]);
      const found = byFile.get(basename(now))!;
      expect(found.map((d) => d.rule)).toEqual(['text-repeated']);
      expect(found[0]!.message).toContain('100%');
  });

  it('the same documents with section 五 as short as the fixtures’: not compared', async () => {
    const input = 'fixtures/documents/balanced-2022.docx';
    edited(input, (t) => t.replaceAll('2022年', '2021年'), 'short/balanced-2021.docx');
    writeFileSync(join(dir, 'short', 'balanced-2022.docx'), readFileSync(join(ROOT, input)));
    for (const r of await check([join(dir, 'short')])) expect(documentRules(r), r.file).toEqual([]);
  });
});

// PDFs: LibreOffice renders the Word documents, edited, as a clerk exports them.
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));
const WRITER = Boolean(SOFFICE) && ['/usr/lib/libreoffice/program/libswlo.so', '/opt/libreoffice/program/libswlo.so'].some((p) => existsSync(p));
if (!WRITER && !process.env.CI) console.warn('LibreOffice Writer not found: skipping the PDF cases of tests/e2e/document-rules.test.ts (apt-get install libreoffice-writer-nogui)');

describe.skipIf(!WRITER && !process.env.CI)('rules about the text on PDFs', () => {
  it('each edit of both editions’ Word documents, exported to PDF, gives its rule and the page', async () => {
    expect(WRITER, 'LibreOffice Writer is required in CI: .ci/run installs libreoffice-writer-nogui').toBe(true);
    const documents = INPUTS.filter((i) => i.file.endsWith('.docx'));
    const cases = documents.flatMap((input) =>
      Object.entries(EDITS)
        .filter(([, e]) => e.applies(input))
        .map(([kind, e]) => ({ rule: e.rule, docx: edited(input.file, e.edit, `pdf/${kind}-${basename(input.file)}`) })),
    );
    const clean = documents.map((i) => join(ROOT, i.file));
    execFileSync(SOFFICE!, ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', join(dir, 'pdf-out'), ...clean, ...cases.map((c) => c.docx)], {
      stdio: 'pipe',
      timeout: 240_000,
    });
    const pdf = (docx: string) => join(dir, 'pdf-out', basename(docx).replace(/\.docx$/, '.pdf'));
    const results = await check([...clean.map(pdf), ...cases.map((c) => pdf(c.docx))]);
    for (const r of results.slice(0, clean.length)) expect(documentRules(r), r.file).toEqual([]);
    for (const [k, r] of results.slice(clean.length).entries()) {
      const found = documentRules(r);
      expect(found.map((d) => d.rule), r.file).toEqual([cases[k]!.rule]);
      expect(found[0]!.page, r.file).toBeGreaterThan(0);
    }
  }, 300_000);
});
