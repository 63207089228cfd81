// The progress line: only on a terminal, throttled, with count, rate and time left, cleared at the end.

import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { progress, truncate } from '../src/cli/progress.js';

/** Each line as the terminal shows it: what follows the last carriage return, escape codes removed. */
const drawn = (out: string) => out.split('\r').filter(Boolean).map((l) => l.replace(/\u001b\[K/g, ''));

describe('progress', () => {
  it('draws done/total, the rate and the time left, and clears the line at the end', () => {
    let out = '';
    let now = 0;
    const bar = progress(100, (t) => (out += t), true, 'zh', { now: () => now });
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

  it.each([50, 40, 30, 12])('never reaches the last column of a %i-column terminal, so it never wraps', (columns) => {
    let out = '';
    let now = 0;
    const bar = progress(3000, (t) => (out += t), true, 'zh', { columns, now: () => now });
    for (const done of [1, 1500, 2999, 3000]) {
      now += 1000;
      bar.update(done);
    }
    const lines = drawn(out);
    expect(lines.length).toBe(4);
    for (const line of lines) expect(stringWidth(line)).toBeLessThan(columns);
    // The count is kept as long as it fits; the bar goes first.
    if (columns >= 40) expect(lines[3]).toContain('3000/3000 个文件');
  });

  it('cuts by display width: a CJK character takes two columns', () => {
    expect(truncate('个文件abc', 5)).toBe('个文');
    expect(truncate('个文件abc', 7)).toBe('个文件a');
    expect(truncate('abc', 10)).toBe('abc');
  });
});
