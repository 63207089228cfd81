// file-unreadable: a file that is not a readable workbook, CSV/text file, Word document or web page gets
// exactly one diagnostic saying why and what to do, and no other rule runs on it.

import { strToU8, zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReport, type Diagnostic } from '../../src/engine/index.js';
import { loadReport, ReadError, unreadableReport } from '../../src/index.js';
import type { Report } from '../../src/model/report.js';
import { ROOT } from '../helpers/cli.js';
import { balancedReport } from '../helpers/report.js';

const ID = 'file-unreadable';

function diagnostics(report: Report, lang: 'zh' | 'en' = 'zh'): Diagnostic[] {
  return checkReport(report, { lang }).diagnostics;
}

/** A message tells the clerk what to do: an instruction (请… / an imperative verb), not only what is wrong. */
function expectInstruction(zh: string, en: string): void {
  expect(zh).toMatch(/请/);
  expect(en).toMatch(/\b(save|submit|export|remove|open|unpack)\b/i);
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n');

/** An OLE compound file whose directory lists these streams (128-byte entries after the 512-byte header). */
function ole(...streams: string[]): Uint8Array {
  const bytes = new Uint8Array(2048);
  bytes.set(OLE);
  ['Root Entry', ...streams].forEach((name, i) => {
    const at = 512 + 128 * i;
    for (let c = 0; c < name.length; c++) bytes[at + 2 * c] = name.charCodeAt(c);
    bytes[at + 64] = (name.length + 1) * 2;
    bytes[at + 66] = i === 0 ? 5 : 2;
  });
  return bytes;
}

/** A Word document (.docx) as Word writes its parts: a title and the first row of table 3. */
function docx(): Uint8Array {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const cell = (t: string) => `<w:tc><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'docProps/core.xml': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"/>'),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>某某县2022年政府信息公开工作年度报告</w:t></w:r></w:p><w:tbl><w:tr>${cell('一、本年新收政府信息公开申请数量')}${cell('12')}</w:tr></w:tbl></w:body></w:document>`,
    ),
    'word/styles.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}"/>`),
  });
}

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
    const { zh } = await load('report.xlsx', ole('EncryptionInfo', 'EncryptedPackage'));
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

  it.each(['report.pdf', 'report.xlsx', 'report.doc'])('a PDF cut short after its header, named %s: read as a PDF, one finding saying it is damaged', async (name) => {
    const { zh, en } = await load(name, PDF);
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatchObject({ rule: ID, severity: 'error', messageId: 'corrupt-pdf' });
    expect(zh[0]!.message).toMatch(/^PDF 文件已损坏，无法读取（.+）：请重新导出或重新下载$/);
    expect(en[0]!.message).toMatch(/^the PDF is corrupt \(.+\): export or download it again$/);
  });

  it('an encrypted PDF: the advice is a PDF’s (open it with the password, save a copy), not Excel’s', () => {
    const report = unreadableReport('secret.pdf', new ReadError('encrypted', { type: 'PDF' }));
    const [zh] = diagnostics(report);
    const [en] = diagnostics(report, 'en');
    expect(zh!.message).toBe('文件设置了打开密码（已加密），无法读取：这是加密的 PDF，请在阅读器中输入密码打开后另存为不加密的 PDF，或提交报告的 Word 原文件');
    expect(en!.message).toBe('the file is password-protected (encrypted): an encrypted PDF; open it with the password and save an unprotected copy, or submit the report’s Word document');
    expect(zh!.message).not.toContain('Excel');
  });

  it('a zip named .docx whose directory cannot be read: exactly one finding saying the Word document is damaged', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array<number>(60).fill(0)]);
    const { zh, en } = await load('report.docx', zip);
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatchObject({ rule: ID, severity: 'error', messageId: 'corrupt-docx' });
    expect(zh[0]!.message).toMatch(/^Word 文档已损坏，无法读取（.+）：请在 Word\/WPS 中打开原文件，重新另存为 \.docx$/);
    expect(en[0]!.message).toMatch(/^the Word document is corrupt \(.+\): open the original in Word\/WPS and save it as \.docx again$/);
    expectInstruction(zh[0]!.message, en[0]!.message);
  });

  it('an unknown extension: exactly one finding naming it', async () => {
    const { zh, en } = await load('report.numbers', new TextEncoder().encode('hello'));
    expect(zh.map((d) => [d.rule, d.messageId])).toEqual([[ID, 'unsupported']]);
    expect(zh[0]!.message).toContain('.numbers');
    expectInstruction(zh[0]!.message, en[0]!.message);
  });
});

describe('file-unreadable: says what the file really is, whatever its name', () => {
  it('a Word document renamed .xlsx is read and checked like the Word document it is', async () => {
    const asDocx = await load('2022年报.docx', docx());
    const report = await loadReport('2022年报.xlsx', {}, docx());
    expect(report.failure).toBeUndefined();
    expect(report.source.kind).toBe('docx');
    const found = diagnostics(report);
    expect(found.filter((d) => d.rule === ID)).toEqual([]);
    // A title and one row of table 3: read, but not a whole report.
    expect(found.map((d) => d.rule)).toContain('table-missing');
    expect(found.map((d) => [d.rule, d.messageId, d.cell])).toEqual(asDocx.zh.map((d) => [d.rule, d.messageId, d.cell]));
  });

  it('a workbook renamed .docx (or .zip) is read and checked like the workbook it is', async () => {
    const bytes = readFileSync(join(ROOT, 'fixtures/official-2022.xlsx'));
    const asXlsx = await load('official-2022.xlsx', bytes);
    for (const name of ['official-2022.docx', 'official-2022.zip']) {
      const report = await loadReport(name, {}, bytes);
      expect(report.failure).toBeUndefined();
      expect(report.source.kind).toBe('xlsx');
      expect(diagnostics(report).map((d) => [d.rule, d.messageId, d.cell])).toEqual(asXlsx.zh.map((d) => [d.rule, d.messageId, d.cell]));
    }
  });

  it.each(['report.doc', 'report.xls', 'report.xlsx', 'report.htm'])('a web page named %s is read as a web page (no report tables in it: table-missing, not file-unreadable)', async (name) => {
    const report = await loadReport(name, {}, new TextEncoder().encode('<html><body><table><tr><td>总计</td><td>12</td></tr></table></body></html>'));
    expect(report.failure).toBeUndefined();
    expect(report.source.kind).toBe('html');
    const rules = diagnostics(report).map((d) => d.rule);
    expect(rules).not.toContain(ID);
    expect(rules).toContain('table-missing');
  });

  it.each([
    [
      'a Word 2003 XML document named .doc',
      'report.doc',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"><w:body><w:p><w:r><w:t>某某县2022年政府信息公开工作年度报告</w:t></w:r></w:p></w:body></w:wordDocument>',
      'docx',
    ],
    [
      'a single-file web page (MHT) named .xls',
      'report.xls',
      'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: text/html; charset="utf-8"\r\n\r\n<html><body><p>某某县2022年政府信息公开工作年度报告</p></body></html>\r\n--b--\r\n',
      'html',
    ],
  ])('%s is read (no report tables in it: table-missing, not file-unreadable)', async (_, name, content, kind) => {
    const report = await loadReport(name, {}, new TextEncoder().encode(content));
    expect(report.failure).toBeUndefined();
    expect(report.source.kind).toBe(kind);
    const rules = diagnostics(report).map((d) => d.rule);
    expect(rules).not.toContain(ID);
    expect(rules).toContain('table-missing');
  });

  it('a Word .doc and an Excel .xls (both OLE files named .xls) get different advice', async () => {
    const word = await load('report.xls', ole('WordDocument', '1Table'));
    const excel = await load('report.xls', ole('Workbook'));
    expect(word.zh.map((d) => d.messageId)).toEqual(['doc']);
    expect(excel.zh.map((d) => d.messageId)).toEqual(['old-binary']);
    expect(word.zh[0]!.message).toBe(
      '这是旧版 Word/WPS 文字文档（.doc），只是扩展名为 .xls：请在 Word/WPS 中另存为 .docx（以后的版本会读取）；现在请把其中的表格复制到 Excel/WPS 表格，另存为 .xlsx 后检查',
    );
    expect(excel.zh[0]!.message).toBe('这是旧版 Excel/WPS 二进制表格（.xls）：无法读取，请在 Excel/WPS 中“另存为” .xlsx 后再检查');
    expect(word.en[0]!.message).toMatch(/^this is an old Word\/WPS document \(\.doc\) named \.xls: save it as \.docx/);
    expect(excel.en[0]!.message).toMatch(/^this is an old binary Excel\/WPS spreadsheet \(\.xls\): open it in Excel\/WPS and “Save As” \.xlsx/);
  });

  const mimetype = (type: string) => zipSync({ mimetype: [strToU8(type), { level: 0 }], 'content.xml': strToU8('<x/>') });
  it.each([
    ['old-binary', 'report.xlsx', () => ole('Workbook'), '旧版 Excel/WPS 二进制表格（.xls），只是扩展名为 .xlsx', 'old binary Excel/WPS spreadsheet (.xls) named .xlsx'],
    ['xlsb', 'report.xlsx', () => zipSync({ 'xl/workbook.bin': strToU8('') }), 'Excel 二进制工作簿（.xlsb），只是扩展名为 .xlsx', 'Excel binary workbook (.xlsb) named .xlsx'],
    ['ods', 'report.ods', () => mimetype('application/vnd.oasis.opendocument.spreadsheet'), 'OpenDocument 电子表格（.ods）：', 'OpenDocument spreadsheet (.ods): '],
    ['excel-xml', 'report.xls', () => new TextEncoder().encode('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook>'), 'Excel 2003 XML 表格，只是扩展名为 .xls', 'Excel 2003 XML spreadsheet named .xls'],
    ['doc', 'report.wps', () => ole('WordDocument'), '旧版 Word/WPS 文字文档（.wps）：', 'old Word/WPS document (.wps): '],
    ['rtf', 'report.doc', () => new TextEncoder().encode('{\\rtf1\\ansi }'), 'RTF 文档，只是扩展名为 .doc', 'RTF document named .doc'],
    ['odt', 'report.odt', () => mimetype('application/vnd.oasis.opendocument.text'), 'OpenDocument 文本文档（.odt）：', 'OpenDocument text document (.odt): '],
    ['mht-no-html', 'report.mhtml', () => new TextEncoder().encode('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n'), '单个文件网页（MHT），但其中找不到网页（HTML）部分', 'single-file web page (MHT) holds no HTML part'],
    ['ofd', 'report.ofd', () => zipSync({ 'OFD.xml': strToU8('<ofd:OFD/>') }), 'OFD 版式文档：', 'OFD fixed-layout document: '],
    ['image', 'report.xlsx', () => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]), '图片（JPEG），只是扩展名为 .xlsx', 'image (JPEG) named .xlsx'],
    ['archive', 'reports.xlsx', () => zipSync({ 'a/2022.xlsx': strToU8('x'), 'b/2022.xlsx': strToU8('y') }), '压缩包（ZIP），只是扩展名为 .xlsx', 'ZIP archive named .xlsx'],
    ['archive', 'reports.rar', () => new Uint8Array([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x00]), '压缩包（RAR），不是一份报告', 'RAR archive, not a report'],
    ['wrong-type', 'report.xlsx', () => zipSync({ 'ppt/presentation.xml': strToU8('<p/>') }), 'PowerPoint 文件，只是扩展名为 .xlsx', 'PowerPoint file named .xlsx'],
    ['unrecognised', 'report.ofd', () => new TextEncoder().encode('某某县2022年政府信息公开工作年度报告'), '文件扩展名是 .ofd', 'the name ends in .ofd'],
  ])('%s (%s): one finding that says what it is and what to do', async (messageId, name, make, zh, en) => {
    const found = await load(name, make());
    expect(found.zh.map((d) => [d.rule, d.messageId])).toEqual([[ID, messageId]]);
    expect(found.zh[0]!.message).toContain(zh);
    expect(found.en[0]!.message).toContain(en);
    expectInstruction(found.zh[0]!.message, found.en[0]!.message);
  });
});

describe('file-unreadable: the limits and the password speak of documents as well as workbooks', () => {
  it('a password-protected Word document is told to save as .docx, and a page’s table is not called a worksheet', async () => {
    const encrypted = await load('report.docx', readFileSync(join(ROOT, 'fixtures/bad/password-protected.docx')));
    expect(encrypted.zh.map((d) => d.messageId)).toEqual(['encrypted']);
    expect(encrypted.zh[0]!.message).toContain('.docx');
    expect(encrypted.en[0]!.message).toContain('Word');
    const cells = diagnostics(unreadableReport('page.html', new ReadError('too-many-cells', { sheet: '表格1', limit: 200000 })));
    expect(cells[0]!.message).toBe('“表格1”的格子超过 200000 个，已停止读取（真实的年报只有几百个）：请删去无关内容后另存；确需检查时用 --max-cells 调高上限');
    const inflated = diagnostics(unreadableReport('report.docx', new ReadError('inflated-too-large', { limit: '100 MB' })), 'en');
    expect(inflated[0]!.message).not.toContain('.xlsx');
  });
});
