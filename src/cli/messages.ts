// The CLI's own words (not rule messages), and whether to use colour.

import type { Lang } from '../rules/types.js';
import type { Io } from './io.js';

const MESSAGES = {
  zh: {
    notFound: (file: string) => `找不到文件：${file}`,
    output: {
      input: (path: string) => `不能写到输入文件上：${path}（请换一个输出文件名）`,
      directory: (path: string) => `输出路径是一个文件夹：${path}（请给出文件名）`,
      unwritable: (path: string, detail: string) => `无法写入 ${path}（${detail}）：请检查文件夹是否存在、是否有写权限`,
    },
    needsOne: (option: string) => `${option} 只能用于一个输入文件`,
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
      unwritable: (path: string, detail: string) => `cannot write ${path} (${detail}): check that the folder exists and is writable`,
    },
    needsOne: (option: string) => `${option} works with one input file only`,
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
