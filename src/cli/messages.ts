// The CLI's own words (not rule messages), and whether to use colour.

import type { Lang } from '../rules/types.js';
import type { Io } from './io.js';

/** Why a file cannot be written, by the system's error code. */
const WHY_UNWRITABLE: Record<Lang, Record<string, string>> = {
  zh: {
    ENOTDIR: '路径中有一段是文件，不是文件夹',
    EEXIST: '路径中有一段是文件，不是文件夹',
    EACCES: '没有写权限',
    EPERM: '没有写权限',
    EROFS: '磁盘是只读的',
    ENOSPC: '磁盘空间已满',
  },
  en: {
    ENOTDIR: 'part of the path is a file, not a folder',
    EEXIST: 'part of the path is a file, not a folder',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the disk is read-only',
    ENOSPC: 'the disk is full',
  },
};

const MESSAGES = {
  zh: {
    notFound: (file: string) => `找不到文件：${file}`,
    output: {
      input: (path: string) => `不能写到输入文件上：${path}（请换一个输出文件名）`,
      directory: (path: string) => `输出路径是一个文件夹：${path}（请给出文件名）`,
      unwritable: (path: string, code: string) => `无法写入 ${path}：${WHY_UNWRITABLE.zh[code] ?? `${code}，请检查文件夹和写权限`}`,
    },
    needsOne: (option: string) => `${option} 只能用于一个输入文件`,
    badRule: (spec: string) => `--rule ${spec} 不对：应为 规则编号=off|warning|error，如 --rule cell-number-text=off`,
    badShard: (spec: string) => `--shard ${spec} 不对：应为 i/n，如 --shard 2/4`,
    badNumber: (option: string, value: string) => `${option} ${value} 不对：应为非负整数`,
    unreadable: (file: string, message: string) => `${file}：${message}`,
    written: (path: string) => `已写入 ${path}`,
    internal: (version: string, detail: string) =>
      `report ${version} 内部错误：${detail}\n这是本工具的缺陷，不是您的文件的问题。请把这条信息和出错的文件一起反馈给我们。`,
  },
  en: {
    notFound: (file: string) => `no such file: ${file}`,
    output: {
      input: (path: string) => `will not write over an input file: ${path} (choose another output name)`,
      directory: (path: string) => `the output path is a folder: ${path} (give a file name)`,
      unwritable: (path: string, code: string) => `cannot write ${path}: ${WHY_UNWRITABLE.en[code] ?? `${code}; check the folder and its permissions`}`,
    },
    needsOne: (option: string) => `${option} works with one input file only`,
    badRule: (spec: string) => `--rule ${spec} is not valid: use rule-id=off|warning|error, e.g. --rule cell-number-text=off`,
    badShard: (spec: string) => `--shard ${spec} is not valid: use i/n, e.g. --shard 2/4`,
    badNumber: (option: string, value: string) => `${option} ${value} is not valid: use a whole number`,
    unreadable: (file: string, message: string) => `${file}: ${message}`,
    written: (path: string) => `wrote ${path}`,
    internal: (version: string, detail: string) =>
      `report ${version} internal error: ${detail}\nThis is a bug in the tool, not a problem with your file. Please report it together with the file.`,
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
