// Paths on the command line -> the sorted list of report files to check: files as given, folders
// walked recursively, glob patterns matched; symlinked folders followed once (no loops). Every
// other file a folder holds is named as skipped, with its kind, so that a supervisor knows what
// was not checked; only hidden files and folders (.git, .DS_Store) are passed over unnamed. A zip
// archive, given or found, is opened like a folder: its reports are `archive.zip!path/inside.xlsx`.

import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, join, relative, sep } from 'node:path';
import { listArchive, memberPath, splitForDisplay, splitMember } from '../readers/archive.js';
import { readBytes } from '../readers/index.js';
import { limitsWith, type Limits } from '../readers/limits.js';

/**
 * What a folder run checks: the kinds this tool reads, and the kinds a report may be submitted
 * as (old spreadsheets, Word, web pages, PDF, OFD), so that each gets a result, read or saying why not.
 */
export const REPORT_KINDS = [
  ...['.xlsx', '.xlsm', '.csv', '.tsv', '.txt', '.json'],
  ...['.xls', '.xlt', '.et', '.ett', '.xlsb', '.ods'],
  ...['.doc', '.docx', '.wps', '.rtf', '.odt', '.html', '.htm', '.mht', '.mhtml', '.pdf', '.ofd'],
];
const REPORT_EXTENSIONS = new Set(REPORT_KINDS);

/** A file in a folder that is not checked, and why: its extension, or what it is. */
export interface SkippedFile {
  path: string;
  /** `.png`, `(none)`; `lock` for an Office/WPS lock file (~$…), `output` for what `report` itself writes. */
  kind: string;
}

/** Why a folder's file is not checked, or null when it is. Hidden files are not asked about. */
export function skipKind(name: string): string | null {
  if (name.startsWith('~$')) return 'lock';
  if (/\.official\.xlsx$/i.test(name)) return 'output';
  const ext = extname(name).toLowerCase();
  if (REPORT_EXTENSIONS.has(ext)) return null;
  return ext || '(none)';
}

export interface Walked {
  files: string[];
  /** Paths given that matched nothing. */
  missing: string[];
  /** Files in the folders (and matched by the patterns) that are not checked, sorted by path. */
  skipped: SkippedFile[];
}

function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*' && pattern[i + 1] === '*') {
      re += '.*';
      i++;
      if (pattern[i + 1] === '/') i++;
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

const isGlob = (p: string) => /[*?]/.test(p);

/** Whether a walk met a symbolic link to a file: then two paths may name one file. */
interface WalkState {
  seen: Set<string>;
  linkedFiles: boolean;
}

/** What a folder holds: the files to check (an archive's members among them, once opened), and the others. */
interface Found {
  files: string[];
  skipped: SkippedFile[];
  /** Zip archives, opened after the walk. */
  archives: string[];
}

const found = (): Found => ({ files: [], skipped: [], archives: [] });

const isArchive = (name: string) => /\.zip$/i.test(name);

/** A file met in a folder, checked, skipped or opened. */
function meet(path: string, name: string, out: Found): boolean {
  if (isArchive(name)) {
    out.archives.push(path);
    return true;
  }
  const kind = skipKind(name);
  if (kind === null) out.files.push(path);
  else out.skipped.push({ path, kind });
  return kind === null;
}

/**
 * The archives' members in place of the archives: each report member a file to check, the others
 * skipped. An archive that cannot be opened (damaged, too large) is a file to check itself, so that
 * its result says why.
 */
function openArchives(out: Found, limits: Limits): void {
  for (const archive of out.archives) {
    let listing;
    try {
      listing = listArchive(readBytes(archive, limits), limits, skipKind);
    } catch {
      out.files.push(archive);
      continue;
    }
    for (const member of listing.members) out.files.push(memberPath(archive, member));
    for (const { member, kind } of listing.skipped) out.skipped.push({ path: memberPath(archive, member), kind });
    if (listing.members.length === 0 && listing.skipped.length === 0) out.skipped.push({ path: archive, kind: '.zip' });
  }
  out.archives = [];
}

async function walkFolder(dir: string, out: Found, state: WalkState): Promise<void> {
  const seen = state.seen;
  const real = await realpath(dir).catch(() => dir);
  if (seen.has(real)) return;
  seen.add(real);
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  // What path.join puts before an entry's name, worked out once: joined for each entry, the paths
  // keep the pieces they were cut from alive, and a folder of thousands of files fills the main
  // thread's young generation with them. (An entry's name is one plain segment.)
  const prefix = join(dir, 'x').slice(0, -1);
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = prefix + entry.name;
    if (entry.isSymbolicLink()) {
      const target = await stat(path).catch(() => null);
      if (!target) continue;
      if (target.isDirectory()) await walkFolder(path, out, state);
      else if (target.isFile() && meet(path, entry.name, out)) state.linkedFiles = true;
      continue;
    }
    if (entry.isDirectory()) await walkFolder(path, out, state);
    else if (entry.isFile()) meet(path, entry.name, out);
  }
}

const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Expand command-line paths. Order: the paths in the order given, each folder's or pattern's
 * files sorted by path (whatever order the file system returns them in); each file once.
 */
export async function walk(paths: string[], limits: Partial<Limits> = {}): Promise<Walked> {
  const bounds = limitsWith(limits);
  const checked = new Set<string>();
  const skipped = new Map<string, SkippedFile>();
  const missing: string[] = [];
  const state: WalkState = { seen: new Set<string>(), linkedFiles: false };
  const add = (out: Found) => {
    openArchives(out, bounds);
    for (const f of out.files.sort(byPath)) checked.add(f);
    for (const s of out.skipped) skipped.set(s.path, s);
  };
  for (const given of paths) {
    if (isGlob(given)) {
      const root = given.split('/').findIndex(isGlob);
      const base = given.split('/').slice(0, root).join('/') || '.';
      const all = found();
      await walkFolder(base, all, { seen: new Set(), linkedFiles: false });
      state.linkedFiles = true; // a pattern may match a file also given otherwise
      const re = globToRegExp(given.replace(/^\.\//, ''));
      const matches = (f: string) => re.test(f.split(sep).join('/').replace(/^\.\//, ''));
      const matched = { files: all.files.filter(matches), skipped: all.skipped.filter((s) => matches(s.path)), archives: all.archives.filter(matches) };
      if (matched.files.length + matched.skipped.length + matched.archives.length === 0) missing.push(given);
      add(matched);
      continue;
    }
    const info = await stat(given).catch(() => null);
    // One member of an archive, named as a result names it: checked (a result saying so if it is not there).
    if (!info && splitMember(given)) {
      checked.add(given);
      state.linkedFiles = true;
    } else if (!info) missing.push(given);
    else if (info.isDirectory()) {
      const all = found();
      await walkFolder(given, all, state);
      add(all);
    } else if (isArchive(given) && info.isFile()) {
      add({ ...found(), archives: [given] });
      state.linkedFiles = true;
    } else {
      checked.add(given);
      state.linkedFiles = true;
    }
  }
  const files = state.linkedFiles ? await oncePerFile([...checked]) : [...checked];
  // A file given by name is checked, even where a folder also holds it. (An archive's member that is
  // both is a name the archive lists twice: the second is not checked, and says so.)
  for (const f of files) if (!splitForDisplay(f)) skipped.delete(f);
  return { files, missing, skipped: [...skipped.values()].sort((a, b) => byPath(a.path, b.path)) };
}

/** Each file once, under the first path that names it (a symlink and its target are one file; an archive's member, its archive's). */
async function oncePerFile(files: string[]): Promise<string[]> {
  // An archive's members share its real path: resolved once an archive, not once a member.
  const archives = new Map<string, Promise<string>>();
  const real = async (f: string) => {
    const inArchive = splitMember(f);
    if (!inArchive) return realpath(f).catch(() => f);
    const { archive, member } = inArchive;
    let resolved = archives.get(archive);
    if (!resolved) archives.set(archive, (resolved = realpath(archive).catch(() => archive)));
    return memberPath(await resolved, member);
  };
  const reals = await Promise.all(files.map(real));
  const seen = new Set<string>();
  return files.filter((_, i) => !seen.has(reals[i]!) && Boolean(seen.add(reals[i]!)));
}

/** The I-th of N parts (1-based) of a sorted list: contiguous, sizes differing by at most one. */
export function shard<T>(items: T[], index: number, count: number): T[] {
  const start = Math.floor(((index - 1) * items.length) / count);
  const end = Math.floor((index * items.length) / count);
  return items.slice(start, end);
}

/** A path as shown in reports: relative to the working folder when inside it, with forward slashes. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  const shown = rel && !rel.startsWith('..') && !rel.startsWith(sep) ? rel : path;
  return shown.split(sep).join('/') || basename(path);
}

/**
 * displayPath for many files, most of them in a few folders: each folder is worked out once
 * (path.relative resolves both paths afresh on every call).
 */
export function pathDisplay(cwd: string): (path: string) => string {
  const folders = new Map<string, string>();
  const show = (path: string): string => {
    // An archive's member: the archive's path as shown, the member's name as it is (never resolved).
    const inArchive = splitForDisplay(path);
    if (inArchive) return memberPath(show(inArchive.archive), inArchive.member);
    const name = basename(path);
    // A path that ends in a separator, '.' or '..' names no file in a folder, and a name that
    // starts with '..' decides itself whether the path is outside: shown the long way.
    if (!name || name.startsWith('..') || name === '.' || !path.endsWith(name)) return displayPath(path, cwd);
    const folder = path.slice(0, path.length - name.length);
    let shown = folders.get(folder);
    if (shown === undefined) folders.set(folder, (shown = displayPath(`${folder}_`, cwd).slice(0, -1)));
    return shown + name;
  };
  return show;
}
