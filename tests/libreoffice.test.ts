// A real spreadsheet application opens what we write: LibreOffice (headless) converts the official
// layout, the annotated copy and filled templates to CSV and PDF. The CSV shows the values and the
// template's own check formulas as LibreOffice computes them; the PDF renders.
// Skipped with a message where LibreOffice is absent locally; in CI (.ci/run installs it) never.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkReport } from '../src/engine/index.js';
import { loadReport } from '../src/index.js';
import { blankReport, normalize } from '../src/writers/normalize.js';
import { writeOfficialXlsx } from '../src/writers/xlsx.js';
import { fillTemplate } from './helpers/template.js';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));
const REQUIRED = Boolean(process.env.CI);
if (!SOFFICE && !REQUIRED) console.warn('LibreOffice (soffice) not found: skipping tests/libreoffice.test.ts (apt-get install libreoffice-calc-nogui)');

const dir = mkdtempSync(join(tmpdir(), 'report-lo-'));

function convert(format: 'csv' | 'pdf', files: string[]): void {
  const filter = format === 'csv' ? 'csv:Text - txt - csv (StarCalc):44,34,76,1' : 'pdf';
  execFileSync(SOFFICE!, ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', filter, '--outdir', join(dir, format), ...files], {
    stdio: 'pipe',
    timeout: 180_000,
  });
}

const csv = (name: string) => readFileSync(join(dir, 'csv', `${name}.csv`), 'utf8');
const FAILING = /不平衡|总计不符/;
/** The check cells' texts, without the instruction line that names them. */
const marks = (text: string) => text.split('\n').filter((l) => !l.includes('说明')).filter((l) => FAILING.test(l));

describe.skipIf(!SOFFICE && !REQUIRED)('LibreOffice', () => {
  beforeAll(async () => {
    expect(SOFFICE, 'LibreOffice is required in CI: .ci/run installs libreoffice-calc-nogui').toBeTruthy();
    const source = await loadReport('fixtures/official-2022.xlsx');
    const model = normalize(source);
    const broken = await loadReport('fixtures/seeded-errors-2022.xlsx');
    const unbalanced = structuredClone(model);
    unbalanced.tables.t3.granted!.natural! += 2;
    unbalanced.tables.t4.review!.total! += 1;
    const files: Record<string, Uint8Array> = {
      official: await writeOfficialXlsx(model),
      annotated: await writeOfficialXlsx(normalize(broken), { annotations: checkReport(broken).diagnostics }),
      template: await writeOfficialXlsx(blankReport('2021'), { template: true }),
      balanced: (await fillTemplate('2021', model)).bytes,
      unbalanced: (await fillTemplate('2021', unbalanced)).bytes,
      balanced2019: (await fillTemplate('2019', normalize(await loadReport('fixtures/edition2019-2020.xlsx')))).bytes,
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, `${name}.xlsx`), bytes);
    const paths = Object.keys(files).map((n) => join(dir, `${n}.xlsx`));
    convert('csv', paths);
    convert('pdf', ['official', 'annotated', 'template', 'unbalanced'].map((n) => join(dir, `${n}.xlsx`)));
  }, 240_000);

  it('shows the converted report’s values where the official layout puts them', () => {
    const rows = csv('official').split('\n');
    expect(rows[0]).toMatch(/^"?示例市生态环境局2022年政府信息公开工作年度报告/);
    const received = rows.find((r) => r.startsWith('"一、本年新收政府信息公开申请数量"'))!;
    expect(received.split(',').slice(3, 10).every((v) => /^\d+$/.test(v))).toBe(true);
    expect(rows.some((r) => r.includes('"（七）总计"'))).toBe(true);
  });

  it('opens the blank template with its 填报单位 area and every table', () => {
    const text = csv('template');
    for (const label of ['填报单位', '报告年度', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']) expect(text).toContain(label);
  });

  it('a balanced template shows no failing check, in both editions', () => {
    expect(marks(csv('balanced'))).toEqual([]);
    expect(marks(csv('balanced2019'))).toEqual([]);
  });

  it('an unbalanced template shows its failing checks, computed by LibreOffice', () => {
    const failing = marks(csv('unbalanced'));
    expect(failing.length).toBeGreaterThanOrEqual(3);
    expect(failing.some((l) => l.startsWith('"三、本年度办理结果","（一）予以公开"'))).toBe(true);
  });

  it('renders PDFs', () => {
    for (const name of ['official', 'annotated', 'template', 'unbalanced']) {
      const pdf = join(dir, 'pdf', `${name}.pdf`);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      expect(statSync(pdf).size).toBeGreaterThan(10_000);
    }
  });
});
