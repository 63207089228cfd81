// The CLI's own words (not rule messages), and whether to use colour.

import type { Lang } from '../rules/types.js';
import type { Io } from './index.js';

const MESSAGES = {
  zh: {
    notFound: (file: string) => `找不到文件：${file}`,
    internal: (version: string, detail: string) =>
      `report ${version} 内部错误：${detail}\n这是本工具的缺陷，不是您的文件的问题。请把这条信息和出错的文件一起反馈给我们。`,
  },
  en: {
    notFound: (file: string) => `no such file: ${file}`,
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
