// The zip reader: parts read back as written, sizes bounded before and while inflating, damage
// reported as damage, zip64 directories understood.

import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ReadError } from '../../src/readers/errors.js';
import { ZipArchive, ZipError } from '../../src/readers/zip.js';
import { handZip as zip } from '../helpers/zip.js';

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
