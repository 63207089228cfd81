// file-unreadable: the file is not a workbook, CSV or text file this tool can read; the message says
// what it is instead (by its content, whatever its name) and what to do.

import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'file-unreadable',
    category: 'file',
    severity: 'error',
    description: { zh: '文件无法读取（损坏、加密、类型不对或无法解码）', en: 'The file cannot be read (corrupt, encrypted, wrong type or undecodable)' },
    rationale: { zh: '读不出的文件无法检查，也无法公开。', en: 'A file that cannot be read cannot be checked or published.' },
    fix: { zh: '按提示另存（如 .xlsx、.docx 或 UTF-8 CSV）后重新检查。', en: 'Save it as the message says (such as .xlsx, .docx or UTF-8 CSV), then check again.' },
    messages: {
      empty: { zh: '文件是空的（0 字节）：请重新导出或重新提交', en: 'the file is empty (0 bytes): export or submit it again' },
      'not-found': { zh: '文件不存在', en: 'the file does not exist' },
      special: { zh: '这不是普通文件（是管道、设备或套接字）', en: 'this is not a regular file (a pipe, device or socket)' },
      'is-directory': { zh: '这是一个文件夹，不是文件', en: 'this is a folder, not a file' },
      permission: { zh: '没有读取该文件的权限', en: 'no permission to read the file' },
      io: { zh: '读取文件时出错（{detail}）', en: 'error while reading the file ({detail})' },
      encrypted: {
        zh: '文件设置了打开密码（已加密），无法读取：[这是加密的 {type}，请在阅读器中输入密码打开后另存为不加密的 PDF，或提交报告的 Word 原文件|请在 Excel、Word 或 WPS 中取消密码后另存（工作簿为 .xlsx，文档为 .docx）]',
        en: 'the file is password-protected (encrypted)[: an encrypted {type}; open it with the password and save an unprotected copy, or submit the report’s Word document|: remove the password in Excel, Word or WPS and save it again (a workbook as .xlsx, a document as .docx)]',
      },
      'old-binary': {
        zh: '这是旧版 Excel/WPS 二进制表格（{ext}）[，只是扩展名为 {renamed}]：无法读取，请在 Excel/WPS 中“另存为” .xlsx 后再检查',
        en: 'this is an old binary Excel/WPS spreadsheet ({ext})[ named {renamed}]: open it in Excel/WPS and “Save As” .xlsx, then check again',
      },
      xlsb: {
        zh: '这是 Excel 二进制工作簿（.xlsb）[，只是扩展名为 {renamed}]：无法读取，请在 Excel/WPS 中“另存为” .xlsx 后再检查',
        en: 'this is an Excel binary workbook (.xlsb)[ named {renamed}]: open it in Excel/WPS and “Save As” .xlsx, then check again',
      },
      ods: {
        zh: '这是 OpenDocument 电子表格（{ext}）[，只是扩展名为 {renamed}]：无法读取，请在 WPS、LibreOffice 或 Excel 中另存为 .xlsx 后再检查',
        en: 'this is an OpenDocument spreadsheet ({ext})[ named {renamed}]: save it as .xlsx in WPS, LibreOffice or Excel, then check again',
      },
      'excel-xml': {
        zh: '这是 Excel 2003 XML 表格[，只是扩展名为 {renamed}]：无法读取，请在 Excel/WPS 中打开，另存为 .xlsx 后再检查',
        en: 'this is an Excel 2003 XML spreadsheet[ named {renamed}]: open it in Excel/WPS and save it as .xlsx, then check again',
      },
      doc: {
        zh: '这是旧版 Word/WPS 文字文档（{ext}）[，只是扩展名为 {renamed}]：请在 Word/WPS 中另存为 .docx（以后的版本会读取）；现在请把其中的表格复制到 Excel/WPS 表格，另存为 .xlsx 后检查',
        en: 'this is an old Word/WPS document ({ext})[ named {renamed}]: save it as .docx in Word/WPS (a later version will read that); for now copy its tables into Excel/WPS, save them as .xlsx and check them',
      },
      rtf: {
        zh: '这是 RTF 文档[，只是扩展名为 {renamed}]：请在 Word/WPS 中另存为 .docx（以后的版本会读取）；现在请把其中的表格复制到 Excel/WPS 表格，另存为 .xlsx 后检查',
        en: 'this is an RTF document[ named {renamed}]: save it as .docx in Word/WPS (a later version will read that); for now copy its tables into Excel/WPS, save them as .xlsx and check them',
      },
      odt: {
        zh: '这是 OpenDocument 文本文档（{ext}）[，只是扩展名为 {renamed}]：请在 WPS、LibreOffice 或 Word 中另存为 .docx（以后的版本会读取）；现在请把其中的表格复制到 Excel/WPS 表格，另存为 .xlsx 后检查',
        en: 'this is an OpenDocument text document ({ext})[ named {renamed}]: save it as .docx in WPS, LibreOffice or Word (a later version will read that); for now copy its tables into Excel/WPS, save them as .xlsx and check them',
      },
      'mht-no-html': {
        zh: '这是单个文件网页（MHT），但其中找不到网页（HTML）部分（文件可能已损坏或不完整）：请在浏览器或 Word 中打开原文件，另存为网页（.html）或 .xlsx 后再检查',
        en: 'this single-file web page (MHT) holds no HTML part (the file may be damaged or cut short): open the original in a browser or Word and save it as a web page (.html) or .xlsx, then check again',
      },
      ofd: {
        zh: '这是 OFD 版式文档[，只是扩展名为 {renamed}]：本工具不能读取 OFD，请提交报告表格的原始 .xlsx 文件（或 .csv、.txt）',
        en: 'this is an OFD fixed-layout document[ named {renamed}]: this tool cannot read OFD; submit the report’s tables as the original .xlsx (or .csv or .txt)',
      },
      image: {
        zh: '这是图片（{type}）[，只是扩展名为 {renamed}]，不是表格：请提交报告表格的原始 .xlsx 文件（或 .csv、.txt）',
        en: 'this is an image ({type})[ named {renamed}], not a spreadsheet: submit the report’s tables as the original .xlsx (or .csv or .txt)',
      },
      archive: {
        zh: '这是压缩包（{type}）[，只是扩展名为 {renamed}]，不是一份报告：请解压后检查其中的文件',
        en: 'this is a {type} archive[ named {renamed}], not a report: unpack it and check the files inside',
      },
      'wrong-type': {
        zh: '这是 {type} 文件[，只是扩展名为 {renamed}]，不是表格：请提交 .xlsx、.csv 或 .txt',
        en: 'this is a {type} file[ named {renamed}], not a spreadsheet: submit .xlsx, .csv or .txt',
      },
      unrecognised: {
        zh: '文件扩展名是 {ext}，但内容既不是这种文件，也不是本工具认得的其他格式（可能已损坏或被改了扩展名）：请打开原文件，另存为 .xlsx（文档另存为 .docx）后再检查',
        en: 'the name ends in {ext} but the content is neither that kind of file nor another this tool recognises (corrupt or renamed): open the original and save it as .xlsx (a document as .docx), then check again',
      },
      'not-report-json': {
        zh: '这个 JSON 文件不是 report convert --to json 写出的规范报告（缺少 "version": 1 或 "tables"）',
        en: 'this JSON file is not a normalized report as report convert --to json writes it (no "version": 1 or "tables")',
      },
      'json-edition': {
        zh: 'JSON 中的版式 "{edition}" 不是已知的版式（{editions}）',
        en: 'the JSON names the edition "{edition}", which is not a known one ({editions})',
      },
      unsupported: { zh: '不支持的文件类型（{ext}）：请提交 .xlsx、.csv 或 .txt', en: 'unsupported file type ({ext}): submit .xlsx, .csv or .txt' },
      'not-xlsx': {
        zh: '文件扩展名是 .xlsx，但内容不是 .xlsx 工作簿（可能已损坏或被改了扩展名）：请在 Excel/WPS 中打开原文件，另存为 .xlsx',
        en: 'the name ends in .xlsx but the content is not an .xlsx workbook (corrupt or renamed): open the original in Excel/WPS and save it as .xlsx',
      },
      'corrupt-xlsx': { zh: '.xlsx 文件已损坏，无法打开（{detail}）：请重新导出或另存', en: 'the .xlsx file is corrupt ({detail}): export or save it again' },
      'corrupt-docx': {
        zh: 'Word 文档已损坏，无法读取（{detail}）：请在 Word/WPS 中打开原文件，重新另存为 .docx',
        en: 'the Word document is corrupt ({detail}): open the original in Word/WPS and save it as .docx again',
      },
      'corrupt-zip': {
        zh: '压缩包已损坏，无法打开（{detail}）：请重新打包，或解压后检查其中的文件',
        en: 'the zip archive is damaged ({detail}): pack it again, or unpack it and check the files inside',
      },
      'too-many-members': {
        zh: '压缩包里有 {count} 个报告文件，超过一次能检查的 {limit} 个：请分成几个压缩包，或解压后按文件夹检查',
        en: 'the archive holds {count} report files, over the {limit} one archive may hold: split it, or unpack it and check the folder',
      },
      'encrypted-zip': {
        zh: '压缩包中的这个文件设置了密码，无法读取：请用密码解压后检查',
        en: 'this file in the zip archive is password-protected: unpack it with the password and check it',
      },
      'corrupt-pdf': {
        zh: 'PDF 文件已损坏，无法读取（{detail}）：请重新导出或重新下载',
        en: 'the PDF is corrupt ({detail}): export or download it again',
      },
      'scanned-pdf': {
        zh: '扫描件，没有文字层：请提交 Word 或 PDF 导出的原文件（这个 PDF 的 {pages} 页都只有图片，读不出文字）',
        en: 'a scan without a text layer: submit the Word document or a PDF exported from it (all {pages} pages of this PDF are images, with no text to read)',
      },
      'no-text-pdf': {
        zh: 'PDF 里读不出任何文字，也没有图片（共 {pages} 页）：文件可能已损坏，或只有空白页：请重新导出 PDF，或提交报告的 Word 原文件',
        en: 'no text can be read from the PDF, and it shows no image ({pages} pages): it may be damaged, or blank: export the PDF again, or submit the report’s Word document',
      },
      'too-many-pages': {
        zh: 'PDF 有 {pages} 页，超过了允许的 {limit} 页（真实的年报只有 5 到 20 页），已停止读取：请确认提交的是年度报告；确需检查时用 --max-pages 调高上限',
        en: 'the PDF has {pages} pages, over the limit of {limit} (a real report has 5 to 20), so reading stopped: check this is the annual report; raise the limit with --max-pages if it is',
      },
      'no-sheets': { zh: '文件是压缩包，但里面没有工作表：请在 Excel/WPS 中另存为 .xlsx', en: 'the file is a zip archive without worksheets: save the report as .xlsx in Excel/WPS' },
      'too-large': {
        zh: '文件有 {size}，超过了允许的大小 {limit}（真实的年报只有几十 KB）：请确认提交的是年度报告；确需检查时用 --max-file-size 调高上限',
        en: 'the file is {size}, over the limit of {limit} (a real report is a few dozen KB): check this is the annual report; raise the limit with --max-file-size if it is',
      },
      'inflated-too-large': {
        zh: '文件解压后超过 {limit}（可能是“压缩炸弹”或塞进了大量无关数据），已停止读取：请只保留年报内容后另存；确需检查时用 --max-inflated-size 调高上限',
        en: 'the file inflates to more than {limit} (a zip bomb, or much unrelated data), so reading stopped: keep only the report and save again; raise the limit with --max-inflated-size if needed',
      },
      'too-many-cells': {
        zh: '“{sheet}”的格子超过 {limit} 个，已停止读取（真实的年报只有几百个）：请删去无关内容后另存；确需检查时用 --max-cells 调高上限',
        en: '“{sheet}” has more than {limit} cells, so reading stopped (a real report has a few hundred): delete unrelated content and save again; raise the limit with --max-cells if needed',
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
        zh: '读取和检查超过了 {seconds} 秒，已放弃这个文件（其他文件照常检查）：请用编辑它的程序（Excel、Word、WPS）打开并另存或重新导出后重试；确需时用 --timeout 调高上限',
        en: 'reading and checking took longer than {seconds} s, so this file was given up (the others were checked): open it in the program it was made with (Excel, Word, WPS), save or export it again and retry; raise the limit with --timeout if needed',
      },
      undecodable: { zh: '无法识别文件的文字编码：请另存为 UTF-8 编码的 CSV', en: 'the text encoding cannot be recognised: save it as UTF-8 CSV' },
      binary: { zh: '文件含有二进制内容（NUL 字节），不是文本表格', en: 'the file contains binary content (NUL bytes), not a text table' },
    },
  },
  check(report, { flag }) {
    if (!report.failure) return;
    // `renamed` is the file's extension when its content is of another kind (readers/sniff.ts); a
    // reason given without it is about a file whose name is right.
    flag({ messageId: report.failure.reason, table: null, row: null, column: null, loc: null, data: { renamed: '', type: '', ...report.failure.data } });
  },
});
