// Compressed streams that inflate beyond reason ("stream bombs"), found before pdf.js reads the
// file: pdf.js inflates a stream whole, outside the JavaScript heap a worker's limit bounds, so a
// 5 KB PDF whose page content inflates to a gigabyte would take that much memory. Each Flate
// stream (a page's content, an object stream, a font) is inflated here with the budget that is
// left, as many times as its filters say, the last time counted as it streams by when it is large;
// what does not inflate cleanly is left to pdf.js to judge.

import { constants, createInflate, inflateSync } from 'node:zlib';
import { ReadError } from '../errors.js';
import { formatSize } from '../limits.js';

const STREAM = /stream\r?\n/g;
const ascii = (bytes: Uint8Array, from: number, to: number) => Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('latin1');

/** How many times a stream's dictionary (the text just before `stream`) says it is Flate-compressed. */
function flateLayers(dictionary: string): number {
  const filter = /\/Filter\s*(\[[^\]]*\]|\/\w+)/.exec(dictionary)?.[1] ?? '';
  return (filter.match(/\/(?:FlateDecode|Fl)\b/g) ?? []).length;
}

/** A stream's last layer inflated in one piece up to this size; beyond it, counted as it streams by (a bomb is never held whole). */
const AT_ONCE = 8 * 1024 * 1024;

/** How many bytes `data` inflates to, counted up to just past `budget`, nothing kept. */
function countInflated(data: Uint8Array, budget: number): Promise<number> {
  return new Promise((resolve) => {
    const inflate = createInflate({ finishFlush: constants.Z_SYNC_FLUSH });
    let count = 0;
    inflate.on('data', (chunk: Buffer) => {
      count += chunk.length;
      if (count > budget) {
        inflate.destroy();
        resolve(count);
      }
    });
    inflate.on('end', () => resolve(count));
    inflate.on('error', () => resolve(count));
    inflate.end(data);
  });
}

/**
 * Throws ReadError('inflated-too-large') when the file's Flate streams inflate to more than
 * `limit` bytes in all. Encrypted streams do not inflate and are not counted.
 */
export async function checkInflation(bytes: Uint8Array, limit: number): Promise<void> {
  const tooLarge = () => new ReadError('inflated-too-large', { limit: formatSize(limit) });
  let left = limit;
  const text = ascii(bytes, 0, bytes.length);
  for (const m of text.matchAll(STREAM)) {
    const start = m.index + m[0].length;
    // The dictionary ends right before `stream`; a kilobyte back holds any real one.
    const layers = flateLayers(text.slice(Math.max(0, m.index - 1024), m.index).split('obj').at(-1)!);
    if (layers === 0) continue;
    const end = text.indexOf('endstream', start);
    let data: Uint8Array = bytes.subarray(start, end < 0 ? bytes.length : end);
    let size = 0;
    for (let layer = 1; layer <= layers; layer++) {
      // Every layer but the last is input to the next, so held (it is compressed data: small);
      // the last is only counted.
      const cap = layer < layers ? left : Math.min(left, AT_ONCE);
      try {
        data = inflateSync(data, { maxOutputLength: cap + 1, finishFlush: constants.Z_SYNC_FLUSH /* a stream cut short still counts */ });
        size = data.length;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') break;
        if (layer < layers || cap === left) throw tooLarge();
        size = await countInflated(data, left);
      }
      if (size > left) throw tooLarge();
    }
    left -= size;
  }
}
