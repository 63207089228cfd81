// The zip reader: parts read back as written, sizes bounded before and while inflating, damage
// reported as damage, zip64 directories understood.

import { deflateRawSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ReadError } from '../../src/readers/errors.js';
import { ZipArchive, ZipError } from '../../src/readers/zip.js';

interface Part {
  name: string;
  data: Uint8Array;
  method?: 0 | 8 | 12;
  /** The uncompressed size the headers declare (default: the true one). */
  declared?: number;
  flags?: number;
  zip64?: boolean;
}

/** A zip written field by field, so headers can lie and zip64 can be forced. */
function zip(parts: Part[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const method = p.method ?? 8;
    const body = method === 8 ? deflateRawSync(p.data) : Buffer.from(p.data);
    const name = Buffer.from(p.name);
    const size = p.declared ?? p.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(p.flags ?? 0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, body);
    const extra = Buffer.alloc(p.zip64 ? 28 : 0);
    if (p.zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
      extra.writeBigUInt64LE(BigInt(body.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
    }
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(45, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(p.flags ?? 0, 8);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt32LE(p.zip64 ? 0xffffffff : body.length, 20);
    entry.writeUInt32LE(p.zip64 ? 0xffffffff : size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt16LE(extra.length, 30);
    entry.writeUInt32LE(p.zip64 ? 0xffffffff : offset, 42);
    central.push(entry, name, extra);
    offset += local.length + name.length + body.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, dir, end]);
}

const MB = 1024 * 1024;
const text = (data: Uint8Array | undefined) => new TextDecoder().decode(data);

describe('ZipArchive', () => {
  it('reads stored and deflated parts as written, and skips what is not asked for or not there', () => {
    const bytes = zip([
      { name: 'a.xml', data: strToU8('<a>一</a>') },
      { name: 'b.txt', data: strToU8('stored'), method: 0 },
    ]);
    const archive = new ZipArchive(bytes, MB);
    expect(text(archive.part('a.xml'))).toBe('<a>一</a>');
    expect([...archive.read(['b.txt', 'missing', 'b.txt']).entries()].map(([k, v]) => [k, text(v)])).toEqual([['b.txt', 'stored']]);
    expect(archive.has('missing')).toBe(false);
  });

  it('reads what fflate writes, including names stored with a leading slash', () => {
    const archive = new ZipArchive(zipSync({ 'xl/workbook.xml': strToU8('<w/>'), '/xl/styles.xml': strToU8('<s/>') }), MB);
    expect(text(archive.part('xl/workbook.xml'))).toBe('<w/>');
    expect(text(archive.part('xl/styles.xml'))).toBe('<s/>');
  });

  it('refuses by the declared sizes before inflating anything', () => {
    const archive = new ZipArchive(zip([{ name: 'big.xml', data: strToU8('x'), declared: 5 * MB }]), MB);
    expect(() => archive.checkDeclared(['big.xml'])).toThrow(ReadError);
    expect(() => archive.read(['big.xml'])).toThrow(expect.objectContaining({ reason: 'inflated-too-large', data: { limit: '1 MB' } }));
  });

  it('refuses by the bytes really inflated when the headers lie (a zip bomb declaring 100 bytes)', () => {
    const bomb = zip([{ name: 'bomb.xml', data: new Uint8Array(20 * MB), declared: 100 }]);
    expect(bomb.length).toBeLessThan(64 * 1024);
    const archive = new ZipArchive(bomb, MB);
    expect(() => archive.part('bomb.xml')).toThrow(expect.objectContaining({ reason: 'inflated-too-large' }));
  });

  it('reads a part whatever size it declares: a lie in either direction still gives the bytes written', () => {
    const data = strToU8('<sheet>一二三</sheet>'.repeat(50));
    for (const declared of [0, 1, 10, data.length - 1, data.length, data.length + 1, 90 * MB]) {
      const archive = new ZipArchive(zip([{ name: 'a.xml', data, declared }]), 100 * MB);
      expect(text(archive.part('a.xml'))).toBe(text(data));
    }
    // A bomb that declares its true size gets the buffer it needs, and its inflated size still counts.
    const honest = zip([{ name: 'zeros', data: new Uint8Array(5 * MB) }]);
    expect(new ZipArchive(honest, 6 * MB).part('zeros')!.length).toBe(5 * MB);
  });

  it('counts every part against one budget', () => {
    const archive = new ZipArchive(zip([{ name: 'a', data: new Uint8Array(600 * 1024) }, { name: 'b', data: new Uint8Array(600 * 1024) }]), MB);
    archive.part('a');
    expect(() => archive.part('b')).toThrow(expect.objectContaining({ reason: 'inflated-too-large' }));
  });

  it('understands zip64 sizes and offsets in the central directory', () => {
    const archive = new ZipArchive(zip([{ name: 'a.xml', data: strToU8('<a/>') }, { name: 'b.xml', data: strToU8('<b/>'), zip64: true }]), MB);
    expect(text(archive.part('b.xml'))).toBe('<b/>');
  });

  it.each([
    ['a truncated archive', (z: Uint8Array) => z.subarray(0, z.length - 30), /zip directory|truncated/],
    ['not a zip at all', () => strToU8('just text, no directory'), /no zip directory/],
    ['a damaged directory entry', (z: Uint8Array) => {
      const b = Buffer.from(z);
      const directory = b.readUInt32LE(b.length - 22 + 16);
      return b.fill(0, directory, directory + 4);
    }, /damaged zip directory/],
  ])('reports %s as a ZipError', (_what, damage, message) => {
    const bytes = damage(zip([{ name: 'a.xml', data: strToU8('<a/>') }]));
    expect(() => new ZipArchive(bytes, MB).part('a.xml')).toThrow(message);
    expect(() => new ZipArchive(bytes, MB).part('a.xml')).toThrow(ZipError);
  });

  it('reports an encrypted part, an unknown method and a corrupt deflate stream as ZipErrors', () => {
    expect(() => new ZipArchive(zip([{ name: 'a', data: strToU8('x'), flags: 1 }]), MB).part('a')).toThrow(/encrypted/);
    expect(() => new ZipArchive(zip([{ name: 'a', data: strToU8('x'), method: 12 }]), MB).part('a')).toThrow(/compression method 12/);
    const bytes = Buffer.from(zip([{ name: 'a', data: new Uint8Array(1000).fill(65) }]));
    bytes[30 + 1] = 0xff; // the deflate stream's first bytes
    expect(() => new ZipArchive(bytes, MB).part('a')).toThrow(ZipError);
  });
});
