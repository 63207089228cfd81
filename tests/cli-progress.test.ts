// The progress line: only on a terminal, throttled, with count, rate and time left, cleared at the end.

import { describe, expect, it } from 'vitest';
import { progress } from '../src/cli/progress.js';

describe('progress', () => {
  it('draws done/total, the rate and the time left, and clears the line at the end', () => {
    let out = '';
    let now = 0;
    const bar = progress(100, (t) => (out += t), true, 'zh', () => now);
    now = 1000;
    bar.update(50);
    expect(out).toMatch(/\r█{12}░{12} 50\/100 个文件 {2}50 个\/秒 {2}剩余 1 秒/);
    now = 1050;
    bar.update(51);
    expect(out.match(/\r/g)).toHaveLength(1);
    now = 2000;
    bar.update(100);
    bar.end();
    expect(out.endsWith('\r\u001b[K')).toBe(true);
  });

  it('draws nothing when not on a terminal, or for a single file', () => {
    let out = '';
    progress(100, (t) => (out += t), false, 'en').update(10);
    progress(1, (t) => (out += t), true, 'en').update(1);
    expect(out).toBe('');
  });
});
