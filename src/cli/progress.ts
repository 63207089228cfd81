// A progress line on stderr while a folder is checked: files done/total, rate, time left.
// Only on a terminal; never in a log or a pipe. The line never reaches the terminal's last column:
// a line that wraps cannot be rewritten with \r, and each update would leave a stale line behind.

import { displayWidth } from '../formatters/width.js';
import type { Lang } from '../rules/types.js';

export interface Progress {
  update(done: number): void;
  end(): void;
}

const NONE: Progress = { update: () => undefined, end: () => undefined };

/** The bar's width at most; narrower terminals get a shorter bar, then the text alone. */
const BAR = 24;

/** `text` cut to at most `columns` display columns (a CJK character takes two). */
export function truncate(text: string, columns: number): string {
  if (displayWidth(text) <= columns) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = displayWidth(ch);
    if (used + w > columns) break;
    out += ch;
    used += w;
  }
  return out;
}

export interface ProgressOptions {
  /** The terminal's width (80 when unknown). */
  columns?: number;
  now?: () => number;
}

export function progress(total: number, write: (text: string) => void, enabled: boolean, lang: Lang, options: ProgressOptions = {}): Progress {
  if (!enabled || total < 2) return NONE;
  const now = options.now ?? Date.now;
  // One column short of the width: writing the last column makes some terminals wrap at once.
  const room = Math.max((options.columns ?? 80) - 1, 1);
  const start = now();
  let last = 0;
  return {
    update(done) {
      const t = now();
      if (done < total && t - last < 100) return;
      last = t;
      const rate = done / Math.max((t - start) / 1000, 0.001);
      const left = rate > 0 ? Math.ceil((total - done) / rate) : 0;
      const text = lang === 'zh' ? `${done}/${total} 个文件  ${rate.toFixed(0)} 个/秒  剩余 ${left} 秒` : `${done}/${total} files  ${rate.toFixed(0)}/s  ${left}s left`;
      const width = Math.min(BAR, room - displayWidth(text) - 1);
      const filled = Math.round((done / total) * Math.max(width, 0));
      const line = width >= 5 ? `${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${text}` : text;
      write(`\r${truncate(line, room)}\u001b[K`);
    },
    end() {
      write('\r\u001b[K');
    },
  };
}
