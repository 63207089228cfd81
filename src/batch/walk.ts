// Paths on the command line -> the sorted list of report files to check: files as given, folders
// walked recursively, glob patterns matched; Office lock files, hidden files and our own outputs
// skipped; symlinked folders followed once (no loops).

import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';

/**
 * What a folder run reads: reports, and the spreadsheets clerks submit in their place (.xls, .et,
 * .xlsb, .ods), so that each gets a result telling the clerk to save it as .xlsx.
 */
export const REPORT_EXTENSIONS = /\.(xlsx|xlsm|csv|tsv|txt|json|xls|xlt|et|ett|xlsb|ods)$/i;

/** Files a folder walk passes over: Office/WPS lock files, hidden files, what `report` itself writes. */
export function skipped(name: string): boolean {
  return name.startsWith('~$') || name.startsWith('.') || /\.official\.xlsx$/i.test(name) || /\.tmp$/i.test(name);
}

export interface Walked {
  files: string[];
  /** Paths given that matched nothing. */
  missing: string[];
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

async function walkFolder(dir: string, out: string[], state: WalkState): Promise<void> {
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
    if (skipped(entry.name)) continue;
    const path = prefix + entry.name;
    if (entry.isSymbolicLink()) {
      const target = await stat(path).catch(() => null);
      if (!target) continue;
      if (target.isDirectory()) await walkFolder(path, out, state);
      else if (target.isFile() && REPORT_EXTENSIONS.test(entry.name)) {
        out.push(path);
        state.linkedFiles = true;
      }
      continue;
    }
    if (entry.isDirectory()) await walkFolder(path, out, state);
    else if (entry.isFile() && REPORT_EXTENSIONS.test(entry.name)) out.push(path);
  }
}

const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Expand command-line paths. Order: the paths in the order given, each folder's or pattern's
 * files sorted by path (whatever order the file system returns them in); each file once.
 */
export async function walk(paths: string[]): Promise<Walked> {
  const found = new Set<string>();
  const missing: string[] = [];
  const state: WalkState = { seen: new Set<string>(), linkedFiles: false };
  for (const given of paths) {
    if (isGlob(given)) {
      const root = given.split('/').findIndex(isGlob);
      const base = given.split('/').slice(0, root).join('/') || '.';
      const all: string[] = [];
      await walkFolder(base, all, { seen: new Set(), linkedFiles: false });
      state.linkedFiles = true; // a pattern may match a file also given otherwise
      const re = globToRegExp(given.replace(/^\.\//, ''));
      const matched = all.filter((f) => re.test(f.split(sep).join('/').replace(/^\.\//, '')));
      if (matched.length === 0) missing.push(given);
      for (const f of matched.sort(byPath)) found.add(f);
      continue;
    }
    const info = await stat(given).catch(() => null);
    if (!info) missing.push(given);
    else if (info.isDirectory()) {
      const all: string[] = [];
      await walkFolder(given, all, state);
      for (const f of all.sort(byPath)) found.add(f);
    } else {
      found.add(given);
      state.linkedFiles = true;
    }
  }
  return { files: state.linkedFiles ? await oncePerFile([...found]) : [...found], missing };
}

/** Each file once, under the first path that names it (a symlink and its target are one file). */
async function oncePerFile(files: string[]): Promise<string[]> {
  const reals = await Promise.all(files.map((f) => realpath(f).catch(() => f)));
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
  return (path) => {
    const name = basename(path);
    // A path that ends in a separator, '.' or '..' names no file in a folder, and a name that
    // starts with '..' decides itself whether the path is outside: shown the long way.
    if (!name || name.startsWith('..') || name === '.' || !path.endsWith(name)) return displayPath(path, cwd);
    const folder = path.slice(0, path.length - name.length);
    let shown = folders.get(folder);
    if (shown === undefined) folders.set(folder, (shown = displayPath(`${folder}_`, cwd).slice(0, -1)));
    return shown + name;
  };
}
