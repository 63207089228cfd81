// file-unreadable: the file is not a workbook, CSV or text file this tool can read.

import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'file-unreadable',
    category: 'file',
    severity: 'error',
    description: { zh: '文件无法读取（损坏、加密、类型不对或无法解码）', en: 'The file cannot be read (corrupt, encrypted, wrong type or undecodable)' },
    rationale: { zh: '读不出的文件无法检查，也无法公开。', en: 'A file that cannot be read cannot be checked or published.' },
    fix: { zh: '按提示另存为 .xlsx 或 UTF-8 CSV 后重新检查。', en: 'Save it as .xlsx or UTF-8 CSV as the message says, then check again.' },
    messages: {
      empty: { zh: '文件是空的（0 字节）：请重新导出或重新提交', en: 'the file is empty (0 bytes): export or submit it again' },
      'not-found': { zh: '文件不存在', en: 'the file does not exist' },
      special: { zh: '这不是普通文件（是管道、设备或套接字）', en: 'this is not a regular file (a pipe, device or socket)' },
      'is-directory': { zh: '这是一个文件夹，不是文件', en: 'this is a folder, not a file' },
      permission: { zh: '没有读取该文件的权限', en: 'no permission to read the file' },
      io: { zh: '读取文件时出错（{detail}）', en: 'error while reading the file ({detail})' },
      encrypted: {
        zh: '文件设置了打开密码（已加密），无法读取：请在 Excel/WPS 中取消密码后另存为 .xlsx',
        en: 'the workbook is password-protected (encrypted): remove the password in Excel/WPS and save it as .xlsx',
      },
      'old-binary': {
        zh: '这是旧版 Excel/WPS 二进制格式（{ext}），无法读取：请在 Excel/WPS 中“另存为” .xlsx 后再检查',
        en: 'this is the old binary Excel/WPS format ({ext}): open it in Excel/WPS and “Save As” .xlsx, then check again',
      },
      'wrong-type': { zh: '这是 {type} 文件，不是表格：请提交 .xlsx、.csv 或 .txt', en: 'this is a {type} file, not a spreadsheet: submit .xlsx, .csv or .txt' },
      'not-report-json': {
        zh: '这个 JSON 文件不是 report convert --to json 写出的规范报告（缺少 "version": 1 或 "tables"）',
        en: 'this JSON file is not a normalized report as report convert --to json writes it (no "version": 1 or "tables")',
      },
      'json-edition': {
        zh: 'JSON 中的版式 "{edition}" 不是已知的版式（{editions}）',
        en: 'the JSON names the edition "{edition}", which is not a known one ({editions})',
      },
      html: {
        zh: '这是网页（HTML）文件，只是扩展名为 {ext}：请在 Excel/WPS 中打开，另存为 .xlsx 后再检查',
        en: 'this is a web page (HTML) named {ext}: open it in Excel/WPS and save it as .xlsx, then check again',
      },
      unsupported: { zh: '不支持的文件类型（{ext}）：请提交 .xlsx、.csv 或 .txt', en: 'unsupported file type ({ext}): submit .xlsx, .csv or .txt' },
      'not-xlsx': {
        zh: '文件扩展名是 .xlsx，但内容不是 .xlsx 工作簿（可能已损坏或被改了扩展名）：请在 Excel/WPS 中打开原文件，另存为 .xlsx',
        en: 'the name ends in .xlsx but the content is not an .xlsx workbook (corrupt or renamed): open the original in Excel/WPS and save it as .xlsx',
      },
      'corrupt-xlsx': { zh: '.xlsx 文件已损坏，无法打开（{detail}）：请重新导出或另存', en: 'the .xlsx file is corrupt ({detail}): export or save it again' },
      'no-sheets': { zh: '文件是压缩包，但里面没有工作表：请在 Excel/WPS 中另存为 .xlsx', en: 'the file is a zip archive without worksheets: save the report as .xlsx in Excel/WPS' },
      'too-large': {
        zh: '文件有 {size}，超过了允许的大小 {limit}（真实的年报只有几十 KB）：请确认提交的是年度报告；确需检查时用 --max-file-size 调高上限',
        en: 'the file is {size}, over the limit of {limit} (a real report is a few dozen KB): check this is the annual report; raise the limit with --max-file-size if it is',
      },
      'inflated-too-large': {
        zh: '.xlsx 解压后超过 {limit}（可能是“压缩炸弹”或塞进了大量无关数据），已停止读取：请只保留年报表格后另存；确需检查时用 --max-inflated-size 调高上限',
        en: 'the .xlsx inflates to more than {limit} (a zip bomb, or much unrelated data), so reading stopped: keep only the report tables and save again; raise the limit with --max-inflated-size if needed',
      },
      'too-many-cells': {
        zh: '工作表“{sheet}”的单元格超过 {limit} 个，已停止读取（真实的年报只有几百个）：请删去无关数据后另存；确需检查时用 --max-cells 调高上限',
        en: 'sheet “{sheet}” has more than {limit} cells, so reading stopped (a real report has a few hundred): delete unrelated data and save again; raise the limit with --max-cells if needed',
      },
      'out-of-memory': {
        zh: '读取这个文件需要超过 {limit} 的内存，已放弃（其他文件照常检查）：请删去无关内容后另存为 .xlsx 再检查',
        en: 'reading this file needed more than {limit} of memory, so it was given up (the others were checked): delete unrelated content, save it as .xlsx and check again',
      },
      internal: {
        zh: '读取或检查这个文件时本工具出错（{detail}）：这是本工具的缺陷，不是您的文件的问题，请把这个文件反馈给我们',
        en: 'the tool failed while reading or checking this file ({detail}): a bug in the tool, not a problem with your file; please report it with the file',
      },
      timeout: {
        zh: '读取和检查超过了 {seconds} 秒，已放弃这个文件（其他文件照常检查）：请在 Excel/WPS 中打开并另存后重试；确需时用 --timeout 调高上限',
        en: 'reading and checking took longer than {seconds} s, so this file was given up (the others were checked): open and save it again in Excel/WPS and retry; raise the limit with --timeout if needed',
      },
      undecodable: { zh: '无法识别文件的文字编码：请另存为 UTF-8 编码的 CSV', en: 'the text encoding cannot be recognised: save it as UTF-8 CSV' },
      binary: { zh: '文件含有二进制内容（NUL 字节），不是文本表格', en: 'the file contains binary content (NUL bytes), not a text table' },
    },
  },
  check(report, { flag }) {
    if (!report.failure) return;
    flag({ messageId: report.failure.reason, table: null, row: null, column: null, loc: null, data: report.failure.data });
  },
});
