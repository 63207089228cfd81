// The zip container of an .xlsx: the central directory read by hand, and only the parts asked for
// inflated, by Node's zlib. Sizes are checked twice against a budget: the sizes the directory
// declares before anything is inflated, and the bytes actually produced while inflating (a zip
// bomb may declare 1 KB and inflate to gigabytes), so no part can exhaust memory.
//
// Stopping a worker thread while it is inside native zlib aborts the whole Node 20 process: a
// worker pool that stops workers (time limits) brackets every inflate with `nativeSection`, and
// never stops a worker inside one (src/batch/pool.ts).

import { constants } from 'node:buffer';
import { ReadError } from './errors.js';
import { formatSize } from './limits.js';

/** A structural fault in the archive; the xlsx reader reports it as a corrupt workbook. */
export class ZipError extends Error {
  override name = 'ZipError';

  constructor(
    message: string,
    /** What went wrong, for callers that say it their own way: 'encrypted' for a password-protected entry. */
    readonly code: 'encrypted' | 'damaged' = 'damaged',
  ) {
    super(message);
  }
}

interface Entry {
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** A part as the archive holds it: its bytes compressed as they are (method 8) or not (method 0). */
export interface StoredPart {
  method: number;
  bytes: Uint8Array;
  crc: number;
  size: number;
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const lenient = new TextDecoder();
const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030');
/** General purpose flag 11: the name is UTF-8. */
const UTF8_NAME = 0x800;

/**
 * An entry's name: UTF-8 when the flag says so or the bytes are valid UTF-8; else GB18030, as the
 * zip tools of Chinese Windows write names (ASCII names are the same either way).
 */
function entryName(bytes: Uint8Array, flags: number): string {
  if (flags & UTF8_NAME) return lenient.decode(bytes);
  try {
    return utf8.decode(bytes);
  } catch {
    return gb18030.decode(bytes);
  }
}

let zlib: typeof import('node:zlib') | undefined;

/**
 * zlib's raw inflate, node:zlib loaded by the first call: a thread that never reads a workbook
 * (a batch's main thread, a checker of a small batch) does without it and the streams it loads.
 */
function inflateRawSync(data: Uint8Array, options: import('node:zlib').ZlibOptions): Buffer {
  zlib ??= process.getBuiltinModule('node:zlib');
  return zlib.inflateRawSync(data, options);
}

/** Called around every call into native zlib; a worker pool sets these (see above). */
export const nativeSection = { enter: () => {}, leave: () => {} };

export class ZipArchive {
  private readonly view: DataView;
  private readonly entries = new Map<string, Entry>();
  /** Names the directory lists more than once, each time after the first (only the first entry is read). */
  readonly duplicates: string[] = [];
  /** Bytes still allowed to be inflated. */
  private budget: number;

  constructor(
    private readonly bytes: Uint8Array,
    /** The most bytes all parts read from this archive may inflate to. */
    readonly maxInflated: number,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.budget = maxInflated;
    this.readDirectory();
  }

  private u16(at: number): number {
    this.need(at, 2);
    return this.view.getUint16(at, true);
  }

  private u32(at: number): number {
    this.need(at, 4);
    return this.view.getUint32(at, true);
  }

  private u64(at: number): number {
    this.need(at, 8);
    return Number(this.view.getBigUint64(at, true));
  }

  private need(at: number, length: number): void {
    if (at < 0 || at + length > this.bytes.length) throw new ZipError('the archive is truncated');
  }

  /**
   * The end-of-central-directory record: searched from the end, past a comment of up to 64 KB.
   * The one whose comment ends the file wins (a comment may itself contain the signature); the
   * last one found otherwise (bytes appended after the archive).
   */
  private findEnd(): number {
    const last = this.bytes.length - 22;
    let found = -1;
    for (let at = last; at >= Math.max(0, last - 0xffff); at--) {
      if (this.bytes[at] !== 0x50 || this.view.getUint32(at, true) !== EOCD) continue;
      if (at + 22 + this.view.getUint16(at + 20, true) === this.bytes.length) return at;
      if (found < 0) found = at;
    }
    if (found >= 0) return found;
    throw new ZipError('no zip directory (the file is truncated or not a zip archive)');
  }

  private readDirectory(): void {
    const end = this.findEnd();
    let count = this.u16(end + 10);
    let offset = this.u32(end + 16);
    if ((count === 0xffff || offset === 0xffffffff) && end >= 20 && this.u32(end - 20) === EOCD64_LOCATOR) {
      const at = this.u64(end - 20 + 8);
      if (this.u32(at) !== EOCD64) throw new ZipError('damaged zip64 directory');
      count = this.u64(at + 32);
      offset = this.u64(at + 48);
    }
    let at = offset;
    for (let i = 0; i < count; i++) {
      if (this.u32(at) !== CENTRAL) throw new ZipError('damaged zip directory');
      const nameLength = this.u16(at + 28);
      const extraLength = this.u16(at + 30);
      const commentLength = this.u16(at + 32);
      this.need(at + 46, nameLength + extraLength);
      const flags = this.u16(at + 8);
      const name = entryName(this.bytes.subarray(at + 46, at + 46 + nameLength), flags).replace(/^\/+/, '');
      const entry: Entry = {
        flags,
        method: this.u16(at + 10),
        crc: this.u32(at + 16),
        compressedSize: this.u32(at + 20),
        size: this.u32(at + 24),
        localOffset: this.u32(at + 42),
      };
      this.readZip64Extra(entry, at + 46 + nameLength, extraLength);
      if (name && !this.entries.has(name)) this.entries.set(name, entry);
      else if (name) this.duplicates.push(name);
      at += 46 + nameLength + extraLength + commentLength;
    }
  }

  /** Sizes and offsets too large for 32 bits are in the zip64 extra field, in this order. */
  private readZip64Extra(entry: Entry, at: number, length: number): void {
    if (entry.size !== 0xffffffff && entry.compressedSize !== 0xffffffff && entry.localOffset !== 0xffffffff) return;
    for (let p = at; p + 4 <= at + length; ) {
      const id = this.u16(p);
      const size = this.u16(p + 2);
      if (id === 0x0001) {
        let q = p + 4;
        if (entry.size === 0xffffffff) (entry.size = this.u64(q)), (q += 8);
        if (entry.compressedSize === 0xffffffff) (entry.compressedSize = this.u64(q)), (q += 8);
        if (entry.localOffset === 0xffffffff) entry.localOffset = this.u64(q);
        return;
      }
      p += 4 + size;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entries' names, in the directory's order. */
  names(): IterableIterator<string> {
    return this.entries.keys();
  }

  /** Refuse (ReadError 'inflated-too-large') before inflating anything when the declared sizes of `wanted` exceed the budget. */
  checkDeclared(wanted: Iterable<string>): void {
    let declared = 0;
    for (const name of new Set(wanted)) declared += this.entries.get(name)?.size ?? 0;
    if (declared > this.budget) throw this.tooLarge();
  }

  /**
   * One part inflated within a budget of its own (the archive's whole limit, whatever other parts
   * took): an archive of files, each a file of its own. Undefined when there is no such part.
   */
  partAlone(name: string): Uint8Array | undefined {
    const budget = this.budget;
    this.budget = this.maxInflated;
    try {
      return this.part(name);
    } finally {
      this.budget = budget;
    }
  }

  /** One part inflated, or undefined when the archive has no such part. */
  part(name: string): Uint8Array | undefined {
    const entry = this.entries.get(name);
    return entry && this.inflate(name, entry);
  }

  /**
   * The inflated parts that exist among `wanted`. Refuses (ReadError 'inflated-too-large') when
   * their declared sizes, or the bytes they really inflate to, exceed what is left of the budget.
   */
  read(wanted: Iterable<string>): Map<string, Uint8Array> {
    const names = [...new Set(wanted)];
    this.checkDeclared(names);
    return new Map(names.flatMap((name) => {
      const data = this.part(name);
      return data ? [[name, data] as const] : [];
    }));
  }

  private tooLarge(): ReadError {
    return new ReadError('inflated-too-large', { limit: formatSize(this.maxInflated) });
  }

  /**
   * Inflate into one buffer of the size the directory declares: zlib otherwise fills 16 KB
   * pieces and joins them, which costs more than inflating small parts. Undefined when the part inflates to
   * more than it declares (a lying header): the caller then inflates against the whole budget.
   */
  private inflateDeclared(data: Uint8Array, declared: number): Buffer | undefined {
    if (declared > Math.min(this.budget, constants.MAX_LENGTH - 1)) return undefined;
    try {
      // Never more room up front than deflate can fill from these bytes (at most 1032 to 1): a part
      // that declares 100 MB over a few bytes gets a small buffer, grown only if it really inflates.
      const room = Math.min(declared + 1, data.length * 1032 + 1024);
      return inflateRawSync(data, { maxOutputLength: Math.max(declared, 1), chunkSize: Math.max(64, room) });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return undefined;
      throw err;
    }
  }

  /**
   * A part as stored (its compression method, bytes, CRC-32 and inflated size), to tell a part seen
   * before without inflating it, or to copy it into another archive as it is; undefined when the
   * archive has no such part.
   */
  stored(name: string): StoredPart | undefined {
    const entry = this.entries.get(name);
    return entry && { method: entry.method, bytes: this.data(name, entry), crc: entry.crc, size: entry.size };
  }

  /** Bytes inflated (or counted) so far. */
  get inflated(): number {
    return this.maxInflated - this.budget;
  }

  /** Count a part of `size` bytes, known without inflating it, against the budget. */
  charge(size: number): void {
    if (size > this.budget) throw this.tooLarge();
    this.budget -= size;
  }

  private data(name: string, entry: Entry): Uint8Array {
    if (entry.flags & 1) throw new ZipError(`${name} is encrypted`, 'encrypted');
    const at = entry.localOffset;
    if (this.u32(at) !== LOCAL) throw new ZipError(`damaged entry ${name}`);
    const start = at + 30 + this.u16(at + 26) + this.u16(at + 28);
    this.need(start, entry.compressedSize);
    return this.bytes.subarray(start, start + entry.compressedSize);
  }

  private inflate(name: string, entry: Entry): Uint8Array {
    const data = this.data(name, entry);
    let out: Uint8Array;
    if (entry.method === 0) out = data;
    else if (entry.method === 8) {
      if (this.budget < 1) throw this.tooLarge();
      nativeSection.enter();
      try {
        out = this.inflateDeclared(data, entry.size) ?? inflateRawSync(data, { maxOutputLength: Math.min(this.budget, constants.MAX_LENGTH) });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw this.tooLarge();
        throw new ZipError(`${name} cannot be inflated (${(err as Error).message})`);
      } finally {
        nativeSection.leave();
      }
    } else throw new ZipError(`${name} uses compression method ${entry.method}`);
    this.charge(out.length);
    return out;
  }
}
