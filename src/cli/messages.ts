// The CLI's own words (not rule messages), and whether to use colour.

import { REPORT_KINDS } from '../batch/walk.js';
import { BASELINE_VERSION } from '../engine/baseline.js';
import type { Lang } from '../rules/types.js';
import type { Io } from './io.js';

/** Why a file cannot be written, by the system's error code. */
const WHY_UNWRITABLE: Record<Lang, Record<string, string>> = {
  zh: {
    ENOTDIR: '路径中有一段是文件，不是文件夹',
    ENOENT: '文件夹不存在，也无法创建',
    EEXIST: '路径中有一段是文件，不是文件夹',
    EACCES: '没有写权限',
    EPERM: '没有写权限',
    EROFS: '磁盘是只读的',
    ENOSPC: '磁盘空间已满',
  },
  en: {
    ENOTDIR: 'part of the path is a file, not a folder',
    ENOENT: 'the folder does not exist and cannot be created',
    EEXIST: 'part of the path is a file, not a folder',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the disk is read-only',
    ENOSPC: 'the disk is full',
  },
};

/** A bug's message without its stack: the banner stays short. */
const firstLine = (text: string) => text.split('\n')[0]!.slice(0, 300);

const MESSAGES = {
  zh: {
    notFound: (file: string) => `找不到文件：${file}`,
    rosterEmpty: (file: string) => `名单 ${file} 中没有单位：每行写一个单位名称（可加一列年度）`,
    rosterUnreadable: (file: string, why: string) => `名单 ${file} 无法读取：${why}`,
    badYear: (value: string) => `--year ${value} 不对：应为报告年度，如 2023`,
    yearWithoutRoster: () => '--year 只和 --expect（应报送单位名单）一起使用',
    baselineUnreadable: (file: string, why: string) => `基线文件 ${file} 无法读取：${why}`,
    baselineRefused: (file: string, reason: string, found: string) =>
      reason === 'version'
        ? `基线文件 ${file} 的格式版本是 ${found || '未知'}，本工具只认第 ${BASELINE_VERSION} 版：请用本工具的 --write-baseline 重新生成`
        : `${file} 不是本工具写出的基线文件：请用 --write-baseline 生成`,
    rosterShard: () => '--expect 不能和 --shard 一起使用：分片只含部分报告，其他分片中的单位会被当作未提交',
    output: {
      input: (path: string) => `不能写到输入文件上：${path}（请换一个输出文件名）`,
      directory: (path: string) => `输出路径是一个文件夹：${path}（请给出文件名）`,
      unwritable: (path: string, code: string) => `无法写入 ${path}：${WHY_UNWRITABLE.zh[code] ?? `${code}，请检查文件夹和写权限`}`,
    },
    needsOne: (option: string) => `${option} 只能用于一个输入文件`,
    badRule: (spec: string) => `--rule ${spec} 不对：应为 规则编号=off|warning|error，如 --rule cell-number-text=off`,
    badShard: (spec: string) => `--shard ${spec} 不对：应为 i/n，如 --shard 2/4`,
    badNumber: (option: string, value: string) => `${option} ${value} 不对：应为非负整数`,
    badCount: (option: string, value: string) => `${option} ${value} 不对：应为大于 0 的整数，如 ${option} 200000`,
    badSize: (option: string, value: string) => `${option} ${value} 不对：应为大于 0 的大小，如 50MB、512k 或字节数`,
    badDuration: (option: string, value: string) => `${option} ${value} 不对：应为时长，如 30s、500ms、2m，0 为不限`,
    noReports: (paths: string, skipped: number) =>
      `${paths} 中没有报告文件（${REPORT_KINDS.join('、')}）${skipped ? `，只有 ${skipped} 个其他文件` : ''}`,
    stdinAlone: () => `- （标准输入）只能单独使用，不能和其他文件一起检查`,
    noStdin: () => `没有标准输入可读`,
    previous: (file: string, why: string) => `--previous ${file} 无法使用：${why}`,
    annotateSkipped: (file: string) => `${file} 无法读取，没有写出标注文件`,
    annotateXlsx: (path: string) => `--annotate ${path} 不对：标注的副本是规范格式的 .xlsx 工作簿，或者（检查 .docx 时）标注后的 Word 文档；请给出以 .xlsx 或 .docx 结尾的文件名`,
    annotateDocx: (path: string, file: string) => `--annotate ${path} 不对：${file} 不是 .docx 格式的 Word 文档，只有 .docx 能标注成 Word 文档；请给出以 .xlsx 结尾的文件名，得到标注后的规范格式工作簿`,
    annotateWordKind: (path: string, file: string, extension: string) => `--annotate ${path} 不对：${file} 是 ${extension} 文件，标注后的副本也要以 ${extension} 结尾（或以 .xlsx 结尾，得到规范格式工作簿）`,
    annotateFailed: (file: string, why: string) => `${file} 无法标注（${why}），没有写出标注文件`,
    usage: (detail: string, command: string) => `${detail}（运行 report ${command}--help 查看用法）`,
    commander: {
      invalidChoice: (option: string, value: string, choices: string) => `${option} ${value} 不对：可选 ${choices}`,
      missingArgument: (argument: string) => `缺少参数 <${argument}>，如 report check 报告.xlsx`,
      unknownOption: (option: string) => `没有 ${option} 这个选项`,
      unknownCommand: (command: string) => `没有 ${command} 这个命令：可用 check、convert、template、schema`,
      optionMissingValue: (option: string) => `${option} 后面缺少值`,
      excessArguments: () => `参数太多`,
      missingOption: (option: string) => `缺少选项 ${option}`,
    },
    unreadable: (file: string, message: string) => `${file}：${message}`,
    written: (path: string) => `已写入 ${path}`,
    internal: (version: string, detail: string) =>
      `report ${version} 内部错误：${firstLine(detail)}\n这是本工具的缺陷，不是您的文件的问题。请把这条信息和出错的文件一起反馈给我们。`,
  },
  en: {
    notFound: (file: string) => `no such file: ${file}`,
    rosterEmpty: (file: string) => `the roster ${file} lists no body: write one body's name a line (a year column may follow)`,
    rosterUnreadable: (file: string, why: string) => `the roster ${file} cannot be read: ${why}`,
    badYear: (value: string) => `--year ${value} is not valid: give a report year such as 2023`,
    yearWithoutRoster: () => '--year goes with --expect (the roster of bodies expected to report)',
    baselineUnreadable: (file: string, why: string) => `the baseline ${file} cannot be read: ${why}`,
    baselineRefused: (file: string, reason: string, found: string) =>
      reason === 'version'
        ? `the baseline ${file} is version ${found || 'unknown'} of the format; this tool reads version ${BASELINE_VERSION}: write it again with --write-baseline`
        : `${file} is not a baseline this tool wrote: write one with --write-baseline`,
    rosterShard: () => '--expect cannot be used with --shard: a shard holds part of the reports, and the bodies in other shards would count as not submitted',
    output: {
      input: (path: string) => `will not write over an input file: ${path} (choose another output name)`,
      directory: (path: string) => `the output path is a folder: ${path} (give a file name)`,
      unwritable: (path: string, code: string) => `cannot write ${path}: ${WHY_UNWRITABLE.en[code] ?? `${code}; check the folder and its permissions`}`,
    },
    needsOne: (option: string) => `${option} works with one input file only`,
    badRule: (spec: string) => `--rule ${spec} is not valid: use rule-id=off|warning|error, e.g. --rule cell-number-text=off`,
    badShard: (spec: string) => `--shard ${spec} is not valid: use i/n, e.g. --shard 2/4`,
    badNumber: (option: string, value: string) => `${option} ${value} is not valid: use a whole number`,
    badCount: (option: string, value: string) => `${option} ${value} is not valid: use a count above 0, e.g. ${option} 200000`,
    badSize: (option: string, value: string) => `${option} ${value} is not valid: use a size above 0, e.g. 50MB, 512k or bytes`,
    badDuration: (option: string, value: string) => `${option} ${value} is not valid: use a duration, e.g. 30s, 500ms, 2m; 0 for none`,
    noReports: (paths: string, skipped: number) =>
      `no report files (${REPORT_KINDS.join(', ')}) in ${paths}${skipped ? `, only ${skipped} other file${skipped === 1 ? '' : 's'}` : ''}`,
    stdinAlone: () => `- (standard input) must be the only path to check`,
    noStdin: () => `there is no standard input to read`,
    previous: (file: string, why: string) => `--previous ${file} cannot be used: ${why}`,
    annotateSkipped: (file: string) => `${file} cannot be read, so no annotated workbook was written`,
    annotateXlsx: (path: string) => `--annotate ${path} is not valid: the annotated copy is an .xlsx workbook in the official layout or, when checking a .docx, the Word document marked up; give a name ending in .xlsx or .docx`,
    annotateDocx: (path: string, file: string) => `--annotate ${path} is not valid: ${file} is not a .docx Word document, and only a .docx can be annotated as a Word document; give a name ending in .xlsx for the official layout annotated`,
    annotateWordKind: (path: string, file: string, extension: string) => `--annotate ${path} is not valid: ${file} is a ${extension} file, so its annotated copy must end in ${extension} too (or in .xlsx, for the official layout annotated)`,
    annotateFailed: (file: string, why: string) => `${file} cannot be annotated (${why}), so nothing was written`,
    usage: (detail: string, command: string) => `${detail} (see report ${command}--help)`,
    commander: {
      invalidChoice: (option: string, value: string, choices: string) => `${option} ${value} is not valid: choose ${choices}`,
      missingArgument: (argument: string) => `missing <${argument}>, e.g. report check report.xlsx`,
      unknownOption: (option: string) => `there is no option ${option}`,
      unknownCommand: (command: string) => `there is no command ${command}: use check, convert, template or schema`,
      optionMissingValue: (option: string) => `${option} needs a value`,
      excessArguments: () => `too many arguments`,
      missingOption: (option: string) => `${option} is required`,
    },
    unreadable: (file: string, message: string) => `${file}: ${message}`,
    written: (path: string) => `wrote ${path}`,
    internal: (version: string, detail: string) =>
      `report ${version} internal error: ${firstLine(detail)}\nThis is a bug in the tool, not a problem with your file. Please report it together with the file.`,
  },
} as const;

export function messages(lang: Lang) {
  return MESSAGES[lang];
}

/** Colour on a terminal; FORCE_COLOR and NO_COLOR (https://no-color.org) win over detection. */
export function colorEnabled(io: Pick<Io, 'isTTY' | 'env'>): boolean {
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false', ''].includes(force);
  if (io.env.NO_COLOR) return false;
  return io.isTTY && io.env.TERM !== 'dumb';
}
