// Compressed streams that inflate beyond reason ("stream bombs"), found before pdf.js reads the
// file: pdf.js inflates a stream whole, outside the JavaScript heap a worker's limit bounds, so a
// 5 KB PDF whose page content inflates to a gigabyte would take that much memory. Each Flate
// stream (a page's content, an object stream, a font) is inflated here with the budget that is
// left, as many times as its filters say; what does not inflate cleanly is left to pdf.js to judge.

import { inflateSync } from 'node:zlib';
import { ReadError } from '../errors.js';
import { formatSize } from '../limits.js';

const STREAM = /stream\r?\n/g;
const ascii = (bytes: Uint8Array, from: number, to: number) => Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('latin1');

/** How many times a stream's dictionary (the text just before `stream`) says it is Flate-compressed. */
function flateLayers(dictionary: string): number {
  const filter = /\/Filter\s*(\[[^\]]*\]|\/\w+)/.exec(dictionary)?.[1] ?? '';
  return (filter.match(/\/(?:FlateDecode|Fl)\b/g) ?? []).length;
}

/**
 * Throws ReadError('inflated-too-large') when the file's Flate streams inflate to more than
 * `limit` bytes in all. Encrypted streams do not inflate and are not counted.
 */
export function checkInflation(bytes: Uint8Array, limit: number): void {
  let left = limit;
  const text = ascii(bytes, 0, bytes.length);
  for (const m of text.matchAll(STREAM)) {
    const start = m.index + m[0].length;
    // The dictionary ends right before `stream`; a kilobyte back holds any real one.
    const layers = flateLayers(text.slice(Math.max(0, m.index - 1024), m.index).split('obj').at(-1)!);
    if (layers === 0) continue;
    const end = text.indexOf('endstream', start);
    let data: Uint8Array = bytes.subarray(start, end < 0 ? bytes.length : end);
    for (let layer = 0; layer < layers; layer++) {
      try {
        data = inflateSync(data, { maxOutputLength: left + 1, finishFlush: 2 /* Z_SYNC_FLUSH: a stream cut short still counts */ });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ReadError('inflated-too-large', { limit: formatSize(limit) });
        break;
      }
      if (data.length > left) throw new ReadError('inflated-too-large', { limit: formatSize(limit) });
    }
    left -= data.length;
  }
}
