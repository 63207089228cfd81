// A progress line on stderr while a folder is checked: files done/total, rate, time left.
// Only on a terminal; never in a log or a pipe.

import type { Lang } from '../rules/types.js';

export interface Progress {
  update(done: number): void;
  end(): void;
}

const NONE: Progress = { update: () => undefined, end: () => undefined };

export function progress(total: number, write: (text: string) => void, enabled: boolean, lang: Lang, now: () => number = Date.now): Progress {
  if (!enabled || total < 2) return NONE;
  const start = now();
  let last = 0;
  return {
    update(done) {
      const t = now();
      if (done < total && t - last < 100) return;
      last = t;
      const rate = done / Math.max((t - start) / 1000, 0.001);
      const left = rate > 0 ? Math.ceil((total - done) / rate) : 0;
      const width = 24;
      const filled = Math.round((done / total) * width);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      const text = lang === 'zh' ? `${done}/${total} 个文件  ${rate.toFixed(0)} 个/秒  剩余 ${left} 秒` : `${done}/${total} files  ${rate.toFixed(0)}/s  ${left}s left`;
      write(`\r${bar} ${text}\u001b[K`);
    },
    end() {
      write('\r\u001b[K');
    },
  };
}
