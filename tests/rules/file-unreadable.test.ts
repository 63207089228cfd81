// file-unreadable: a file that is not a readable workbook/CSV/text file gets exactly one diagnostic saying
// why and what to do, and no other rule runs on it.

import { describe, expect, it } from 'vitest';
import { checkReport, type Diagnostic } from '../../src/engine/index.js';
import { loadReport, ReadError, unreadableReport } from '../../src/index.js';
import type { Report } from '../../src/model/report.js';
import { balancedReport } from '../helpers/report.js';

const ID = 'file-unreadable';

function diagnostics(report: Report, lang: 'zh' | 'en' = 'zh'): Diagnostic[] {
  return checkReport(report, { lang }).diagnostics;
}

/** A message tells the clerk what to do: an instruction (请… / an imperative verb), not only what is wrong. */
function expectInstruction(zh: string, en: string): void {
  expect(zh).toMatch(/请/);
  expect(en).toMatch(/\b(save|submit|export|remove|open)\b/i);
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Deterministic noise that starts with none of the recognised signatures. */
function noise(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = 12345;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = x >> 16 & 0xff;
  }
  bytes[0] = 0x13;
  return bytes;
}

async function load(name: string, bytes: Uint8Array): Promise<{ zh: Diagnostic[]; en: Diagnostic[] }> {
  const report = await loadReport(name, {}, bytes);
  return { zh: diagnostics(report), en: diagnostics(report, 'en') };
}

describe('file-unreadable: valid', () => {
  it('a readable report has no finding', () => {
    expect(diagnostics(balancedReport('2021')).filter((d) => d.rule === ID)).toEqual([]);
  });

  it('a real text file is read, not reported unreadable', async () => {
    const { zh } = await load('report.txt', new TextEncoder().encode('某某县2022年政府信息公开工作年度报告\n'));
    expect(zh.filter((d) => d.rule === ID)).toEqual([]);
  });
});

describe('file-unreadable: unreadableReport', () => {
  it('an encrypted workbook: exactly one error, no location, saying to remove the password and save as .xlsx', () => {
    const report = unreadableReport('secret.xlsx', new ReadError('encrypted'));
    const result = checkReport(report);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({
      rule: ID,
      severity: 'error',
      messageId: 'encrypted',
      table: null,
      row: null,
      column: null,
      sheet: null,
      cell: null,
      line: null,
      expected: null,
      actual: null,
      difference: null,
    });
    expect(result.errorCount).toBe(1);
    const zh = result.diagnostics[0]!.message;
    const en = diagnostics(report, 'en')[0]!.message;
    expect(zh).toContain('密码');
    expect(zh).toContain('.xlsx');
    expect(en).toContain('password');
    expect(en).toContain('.xlsx');
    expectInstruction(zh, en);
  });

  it('the reason’s data is rendered into the message', () => {
    const report = unreadableReport('x.et', new ReadError('old-binary', { ext: '.et' }));
    expect(diagnostics(report)[0]!.message).toContain('（.et）');
    expect(diagnostics(report, 'en')[0]!.message).toContain('(.et)');
  });

  it('can be turned off like any rule', () => {
    const report = unreadableReport('secret.xlsx', new ReadError('encrypted'));
    expect(checkReport(report, { severities: { [ID]: 'off' } }).diagnostics).toEqual([]);
  });
});

describe('file-unreadable: real bytes through loadReport', () => {
  it('empty bytes: exactly one finding, saying the file is empty', async () => {
    const { zh, en } = await load('report.xlsx', new Uint8Array());
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatchObject({ rule: ID, severity: 'error', messageId: 'empty', cell: null });
    expect(zh[0]!.message).toContain('空');
    expect(en[0]!.message).toContain('empty');
  });

  it('empty bytes: the message says what to do', async () => {
    const { zh, en } = await load('report.xlsx', new Uint8Array());
    expectInstruction(zh[0]!.message, en[0]!.message);
  });

  it('an OLE header named .xls: exactly one finding telling the clerk to 另存为 .xlsx', async () => {
    const { zh, en } = await load('report.xls', new Uint8Array([...OLE, ...new Array<number>(504).fill(0)]));
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatchObject({ rule: ID, severity: 'error', messageId: 'old-binary' });
    expect(zh[0]!.message).toContain('另存为');
    expect(zh[0]!.message).toContain('.xlsx');
    expect(zh[0]!.message).toContain('.xls');
    expect(en[0]!.message).toContain('Save As');
    expect(en[0]!.message).toContain('.xlsx');
    expectInstruction(zh[0]!.message, en[0]!.message);
  });

  it('an OLE container holding an EncryptedPackage named .xlsx is a password-protected workbook', async () => {
    const marker = [...new TextEncoder().encode('EncryptedPackage')].flatMap((b) => [b, 0]);
    const { zh } = await load('report.xlsx', new Uint8Array([...OLE, ...new Array<number>(120).fill(0), ...marker, ...new Array<number>(64).fill(0)]));
    expect(zh.map((d) => [d.rule, d.messageId])).toEqual([[ID, 'encrypted']]);
  });

  it('random bytes named .xlsx: exactly one finding, saying the content is not a workbook', async () => {
    const { zh, en } = await load('report.xlsx', noise(2048));
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatchObject({ rule: ID, severity: 'error', messageId: 'not-xlsx' });
    expect(zh[0]!.message).toContain('.xlsx');
    expect(en[0]!.message).toContain('not an .xlsx workbook');
  });

  it('random bytes named .xlsx: the message says what to do', async () => {
    const { zh, en } = await load('report.xlsx', noise(2048));
    expectInstruction(zh[0]!.message, en[0]!.message);
  });

  it.each(['report.pdf', 'report.xlsx', 'report.csv'])('a PDF header (named %s): exactly one finding asking for .xlsx, .csv or .txt', async (name) => {
    const { zh, en } = await load(name, new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'));
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatchObject({ rule: ID, severity: 'error', messageId: 'wrong-type' });
    expect(zh[0]!.message).toBe('这是 PDF 文件，不是表格：请提交 .xlsx、.csv 或 .txt');
    expect(en[0]!.message).toBe('this is a PDF file, not a spreadsheet: submit .xlsx, .csv or .txt');
    expectInstruction(zh[0]!.message, en[0]!.message);
  });

  it('a zip named .docx: exactly one finding saying it is a Word file', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array<number>(60).fill(0)]);
    const { zh, en } = await load('report.docx', zip);
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatchObject({ rule: ID, severity: 'error', messageId: 'wrong-type' });
    expect(zh[0]!.message).toBe('这是 Word 文件，不是表格：请提交 .xlsx、.csv 或 .txt');
    expect(en[0]!.message).toContain('Word');
    expectInstruction(zh[0]!.message, en[0]!.message);
  });

  it('an unknown extension: exactly one finding naming it', async () => {
    const { zh, en } = await load('report.numbers', new TextEncoder().encode('hello'));
    expect(zh.map((d) => [d.rule, d.messageId])).toEqual([[ID, 'unsupported']]);
    expect(zh[0]!.message).toContain('.numbers');
    expectInstruction(zh[0]!.message, en[0]!.message);
  });
});
