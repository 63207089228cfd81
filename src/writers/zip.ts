// A zip archive written from parts: new ones deflated by Node's zlib, and parts of another archive
// copied as they are stored (their compressed bytes and CRC untouched), so that rewriting one part of
// a Word document leaves every other part byte for byte as it was. No zip64: the parts written here
// are bounded by the reading limits, far below 4 GB.

import { crc32, deflateRawSync } from 'node:zlib';
import type { StoredPart } from '../readers/zip.js';

/** A part to write: new content, or a part of another archive as it is stored. */
export type ZipPart = { name: string; data: Uint8Array } | { name: string; stored: StoredPart };

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
/** Names are UTF-8 (general purpose flag bit 11). */
const UTF8_NAMES = 0x0800;
/** 1980-01-01 00:00 in MS-DOS form: the same bytes for the same parts, whenever written. */
const DOS_TIME = 0;
const DOS_DATE = (1 << 5) | 1;

export function writeZip(parts: readonly ZipPart[]): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = encoder.encode(part.name);
    const stored: StoredPart = 'stored' in part ? part.stored : { method: 8, bytes: deflateRawSync(part.data), crc: crc32(part.data), size: part.data.length };
    const local = Buffer.alloc(30 + name.length);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    header(local, 6, stored, name.length);
    local.set(name, 30);
    const central = Buffer.alloc(46 + name.length);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    header(central, 8, stored, name.length);
    central.writeUInt32LE(offset, 42);
    central.set(name, 46);
    locals.push(local, stored.bytes);
    centrals.push(central);
    offset += local.length + stored.bytes.length;
  }
  const directorySize = centrals.reduce((n, c) => n + c.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** The fields local and central headers share, from flags to the name's length. */
function header(out: Buffer, at: number, part: StoredPart, nameLength: number): void {
  out.writeUInt16LE(UTF8_NAMES, at);
  out.writeUInt16LE(part.method, at + 2);
  out.writeUInt16LE(DOS_TIME, at + 4);
  out.writeUInt16LE(DOS_DATE, at + 6);
  out.writeUInt32LE(part.crc >>> 0, at + 8);
  out.writeUInt32LE(part.bytes.length, at + 12);
  out.writeUInt32LE(part.size, at + 16);
  out.writeUInt16LE(nameLength, at + 20);
}
