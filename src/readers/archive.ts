// Reports inside zip archives, as submissions arrive: a `.zip` given or found in a folder is opened
// and its members checked like a folder's files, each named `archive.zip!path/inside.xlsx`. Nothing
// is written to disk: a member's name (`..`, an absolute path) is only a name. Within the limits of
// any file: the archive is read as a file (--max-file-size), each member inflated within
// --max-inflated-size; a zip inside a zip is named as not checked.

import { existsSync, statSync } from 'node:fs';
import { ReadError } from './errors.js';
import { limitsWith, type Limits } from './limits.js';
import { ZipArchive, ZipError } from './zip.js';

/** `archive.zip!member`: where the archive's path ends and the member's name begins. */
const MEMBER = /\.zip!/gi;

/** Most members of one archive that are checked: a directory of a million names is no submission. */
export const MAX_MEMBERS = 20_000;

/** The path that names a member of an archive. */
export function memberPath(archive: string, member: string): string {
  return `${archive}!${member}`;
}

/** Every way a path splits into an archive and a member, at each `.zip!` it holds, the first first. */
function splits(path: string): Array<{ archive: string; member: string }> {
  return [...path.matchAll(MEMBER)].map((m) => {
    const at = m.index + m[0].length - 1;
    return { archive: path.slice(0, at), member: path.slice(at + 1) };
  });
}

/**
 * The archive and member a path names (`a.zip!b/c.xlsx`): split where the part before is an existing
 * file (a folder may itself be named `x.zip!y`); null for any other path, and for a path that is a
 * file of its own.
 */
export function splitMember(path: string): { archive: string; member: string } | null {
  if (!path.toLowerCase().includes('.zip!') || existsSync(path)) return null;
  return splits(path).find(({ archive }) => statSync(archive, { throwIfNoEntry: false })?.isFile()) ?? null;
}

/** How a member's path is shown: split at the first `.zip!` (only for display: nothing is read). */
export function splitForDisplay(path: string): { archive: string; member: string } | null {
  return splits(path)[0] ?? null;
}

/**
 * Whether a member is passed over unnamed: a folder, a hidden file, macOS's resource forks
 * (__MACOSX/). A `..` in a name is no hidden file: the member is checked under its name as it is.
 */
function hidden(member: string): boolean {
  return member.endsWith('/') || member.split('/').some((part) => (part.startsWith('.') && part !== '..' && part !== '.') || part === '__MACOSX');
}

/** A zip that is a document, not an archive of files: a workbook or Word document (or ODF) named .zip. */
export class PackageNotArchive extends Error {
  override name = 'PackageNotArchive';
}

export interface ArchiveListing {
  /** Members to check, sorted. */
  members: string[];
  /** Members not checked (by `kind`: their extension; a zip inside the archive is `.zip`). */
  skipped: Array<{ member: string; kind: string }>;
}

/**
 * What an archive holds: the members `check(name)` says are reports (null) and the others (their
 * kind). Throws ReadError when the archive cannot be read, PackageNotArchive when it is a document.
 */
export function listArchive(bytes: Uint8Array, limits: Limits, kindOf: (name: string) => string | null): ArchiveListing {
  let zip: ZipArchive;
  try {
    zip = new ZipArchive(bytes, limits.maxInflatedBytes);
  } catch (err) {
    if (err instanceof ZipError) throw new ReadError('corrupt-zip', { detail: err.message });
    throw err;
  }
  // An Office or OpenDocument package is one document, read as what it is (a renamed workbook).
  if (zip.has('[Content_Types].xml') || zip.has('mimetype')) throw new PackageNotArchive();
  const members: string[] = [];
  const skipped: ArchiveListing['skipped'] = [];
  for (const member of zip.names()) {
    if (hidden(member)) continue;
    const name = member.slice(member.lastIndexOf('/') + 1);
    const kind = /\.zip$/i.test(name) ? '.zip' : kindOf(name);
    if (kind === null) members.push(member);
    else skipped.push({ member, kind });
  }
  if (members.length > MAX_MEMBERS) throw new ReadError('too-many-members', { count: members.length, limit: MAX_MEMBERS });
  // A name listed twice: only the first entry can be read; the others are named as not checked.
  for (const member of zip.duplicates) if (!hidden(member)) skipped.push({ member, kind: 'duplicate' });
  members.sort();
  return { members, skipped };
}

/** The archive last opened by this thread, its directory read: its members are read one after another. */
let cached: { path: string; mtimeMs: number; size: number; zip: ZipArchive } | undefined;

/**
 * A member's bytes (of the archive and member splitMember found), inflated within the limits;
 * `readFile` reads the archive (a file's bytes, within --max-file-size). Throws ReadError: the
 * archive unreadable, the member absent, encrypted, or inflating past the limit.
 */
export function readMember(
  { archive, member }: { archive: string; member: string },
  readFile: (path: string, limits?: Partial<Limits>) => Uint8Array,
  limits?: Partial<Limits>,
): Uint8Array {
  const bounds = limitsWith(limits);
  const stat = statSync(archive);
  try {
    if (!cached || cached.path !== archive || cached.mtimeMs !== stat.mtimeMs || cached.size !== stat.size || cached.zip.maxInflated !== bounds.maxInflatedBytes) {
      cached = undefined;
      cached = { path: archive, mtimeMs: stat.mtimeMs, size: stat.size, zip: new ZipArchive(readFile(archive, limits), bounds.maxInflatedBytes) };
    }
    if (!cached.zip.has(member)) throw new ReadError('not-found');
    return cached.zip.partAlone(member)!;
  } catch (err) {
    if (err instanceof ZipError) throw err.code === 'encrypted' ? new ReadError('encrypted-zip') : new ReadError('corrupt-zip', { detail: err.message });
    throw err;
  }
}
