// What a batch keeps of each file until the end: its result, to be written, and its facts, for
// the cross-year checks, which need every file's body and year at once but the cells only of the
// files they pair. A worker sends both serialized (v8.serialize; the buffer is moved between
// threads, not copied) with the body and year beside them; the main thread keeps the bytes one
// file after another in large blocks, outside the JS heap and without an object a file, and reads
// them back only where they are needed. (Kept as objects, the results and facts of 20,000 files
// made the main thread's heap, and the young generation V8 grows for what survives there, most of
// a batch's peak memory.)

import { deserialize, serialize } from 'node:v8';
import type { FileResult } from '../engine/index.js';
import type { PackedFacts } from './facts.js';
import type { TaskOutput } from './task.js';

/** The facts the main thread holds as values: what pairing looks at. */
type Heading = Pick<PackedFacts, 'agency' | 'agencyKey' | 'year' | 'edition'>;

/** What is read back from the bytes. */
interface Kept {
  result: FileResult;
  cells: string;
  sheets: string[];
}

/** A file's output on its way to the main thread. */
export interface KeptOutput {
  bytes: Uint8Array;
  heading: Heading;
}

export function keep({ result, facts }: TaskOutput): KeptOutput {
  const { agency, agencyKey, year, edition, cells, sheets } = facts;
  const bytes = serialize({ result, cells, sheets } satisfies Kept);
  // Moved between threads by its buffer: the bytes must be the whole of it (they are, in Node 20).
  return { bytes: bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes), heading: { agency, agencyKey, year, edition } };
}

/** Bytes a block holds (a larger output gets a block of its own). */
const BLOCK_BYTES = 1 << 20;

/** Every file's kept output, by the file's index. */
export class KeptBatch {
  /** Each file's facts; their cells are read back from the bytes when asked for. */
  readonly facts: PackedFacts[];
  private readonly blocks: Uint8Array[] = [];
  private used = BLOCK_BYTES;
  private readonly blockOf: Int32Array;
  private readonly startOf: Int32Array;
  private readonly lengthOf: Int32Array;
  private lastIndex = -1;
  private last: Kept | undefined;

  constructor(count: number) {
    this.facts = new Array(count);
    this.blockOf = new Int32Array(count);
    this.startOf = new Int32Array(count);
    this.lengthOf = new Int32Array(count);
  }

  set(index: number, file: string, { bytes, heading }: KeptOutput): void {
    let block = this.blocks[this.blocks.length - 1];
    if (!block || this.used + bytes.length > block.length) {
      block = new Uint8Array(Math.max(BLOCK_BYTES, bytes.length));
      this.blocks.push(block);
      this.used = 0;
    }
    block.set(bytes, this.used);
    this.blockOf[index] = this.blocks.length - 1;
    this.startOf[index] = this.used;
    this.lengthOf[index] = bytes.length;
    this.used += bytes.length;
    this.facts[index] = new KeptFacts(this, index, file, heading);
  }

  result(index: number): FileResult {
    return this.read(index).result;
  }

  /**
   * A file's kept output; the last one read is read once for its result and its facts' cells (the
   * same objects: read a file's result once, or do not change it).
   */
  read(index: number): Kept {
    if (index !== this.lastIndex) {
      const start = this.startOf[index]!;
      this.last = deserialize(this.blocks[this.blockOf[index]!]!.subarray(start, start + this.lengthOf[index]!)) as Kept;
      this.lastIndex = index;
    }
    return this.last!;
  }
}

/** Facts whose cells stay in the batch's bytes until a rule needs them. */
class KeptFacts implements PackedFacts {
  readonly #batch: KeptBatch;
  readonly #index: number;
  readonly agency: string | null;
  readonly agencyKey: string | null;
  readonly year: number | null;
  readonly edition: PackedFacts['edition'];

  constructor(
    batch: KeptBatch,
    index: number,
    readonly file: string,
    heading: Heading,
  ) {
    this.#batch = batch;
    this.#index = index;
    this.agency = heading.agency;
    this.agencyKey = heading.agencyKey;
    this.year = heading.year;
    this.edition = heading.edition;
  }

  get cells(): string {
    return this.#batch.read(this.#index).cells;
  }

  get sheets(): string[] {
    return this.#batch.read(this.#index).sheets;
  }
}
