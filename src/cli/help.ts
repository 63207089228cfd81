// Help as the terminal shows it: wrapped by display width (a CJK character takes two columns,
// where commander counts one), breaking between Chinese characters as well as at spaces, to the
// terminal's width or 80 columns; headings and commander's own words in the user's language.

import { Help, type Option } from 'commander';
import { displayWidth } from '../formatters/width.js';
import type { Lang } from '../rules/types.js';

const WORDS: Record<Lang, Record<string, string>> = {
  zh: { 'Usage:': '用法：', 'Options:': '选项：', 'Commands:': '命令：', 'Arguments:': '参数：', default: '默认：', choices: '可选：' },
  en: {},
};

/**
 * Where a line may break: before a space-separated word, and before each wide (CJK) character,
 * keeping the punctuation that may not begin a line with the character before it.
 */
const PIECE = /\s*(?:[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef][，。、；：？！）」』〉》\uff09\uff0c\uff1a]*|[^\s\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]+)/g;

/** `text` wrapped to `width` display columns; a piece wider than the line stays whole. */
export function wrap(text: string, width: number): string {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const piece of paragraph.match(PIECE) ?? ['']) {
      if (line && displayWidth(line + piece) > width) {
        lines.push(line);
        line = piece.trimStart();
      } else line += piece;
    }
    lines.push(line);
  }
  return lines.join('\n');
}

/** Narrower than this beside its term, a description goes on the lines below it. */
const NARROW = 24;
const BELOW = 6;

export function helpFor(lang: Lang): Partial<Help> {
  const words = WORDS[lang];
  return {
    minWidthToWrap: 1,
    displayWidth: (text: string) => displayWidth(text),
    boxWrap: (text: string, width: number) => wrap(text, width),
    styleTitle: (title: string) => words[title] ?? title,
    optionDescription(option: Option) {
      // Only what commander adds after the description, in parentheses: (choices: …, default: …).
      const full = Help.prototype.optionDescription.call(this, option);
      const own = option.description;
      return own + full.slice(own.length).replace(/\b(default|choices): /g, (word, name: string) => words[name] ?? word);
    },
    formatItem(this: Help, term: string, termWidth: number, description: string, helper: Help) {
      const width = this.helpWidth ?? 80;
      if (!description || width - termWidth - 4 >= NARROW) return Help.prototype.formatItem.call(this, term, termWidth, description, helper);
      const indent = ' '.repeat(BELOW);
      return `  ${term}\n${indent}${wrap(description, Math.max(width - BELOW, 1)).replace(/\n/g, `\n${indent}`)}`;
    },
  };
}
