// Checking many files at once: the paths walked into a sorted list of files, the files read and
// checked on worker threads (pool.ts), and the cross-year checks over all of them. `report check`
// is this with flags, a formatter and an exit code around it.
//
//   const batch = checkFiles(['提交/'], { lang: 'zh' });
//   for await (const result of batch) console.log(result.file, result.errorCount);

import { realpathSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { historyChecker, type FileResult } from '../engine/index.js';
import { loadReport, unreadableMessage } from '../engine/file.js';
import { yearFacts, type YearFacts } from '../model/facts.js';
import type { Report } from '../model/report.js';
import { limitsWith } from '../readers/limits.js';
import type { KeptBatch } from './kept.js';
import { checkAll } from './pool.js';
import type { TaskOptions } from './task.js';
import { shard, walk, type SkippedFile } from './walk.js';

export { isInternalFailure } from '../engine/file.js';
export type { SkippedFile } from './walk.js';

export interface BatchOptions extends Omit<TaskOptions, 'keepReports'> {
  /** Worker threads; by default one a core. */
  jobs?: number;
  /** Check only the `index`-th (from 1) of `count` parts of the sorted list of files. */
  shard?: { index: number; count: number };
  /** Last year's report: every file is paired with it for the cross-year checks. */
  previous?: string;
  /** Files the paths may hold that are not to be checked (the roster of --expect). */
  exclude?: readonly string[];
  /** Keep every file's report, for batch.report(index) (a single report to annotate). */
  keepReports?: boolean;
  /** Check even a single file on a worker thread, so that limits.timeoutMs holds for it too. */
  isolate?: boolean;
  /** Called as files are done, in any order. */
  onProgress?: (done: number, total: number) => void;
  /**
   * The one file's bytes, already read (standard input): the paths are then its one name, shown
   * in results and used, with the bytes, to tell what kind of file it is.
   */
  bytes?: Uint8Array;
}

export interface BatchFiles {
  /** The files to check, in order (the walk's files, or the shard's part of them). */
  files: string[];
  /** Every file the paths name, all parts of a shard. */
  all: string[];
  /** Paths given that matched nothing. */
  missing: string[];
  /** The folders' files that are not checked (in the first shard only, so that shards do not repeat them). */
  skipped: SkippedFile[];
}

/** Last year's report (--previous) cannot be read: the reason, as the file-unreadable rule says it. */
export class PreviousUnreadable extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'PreviousUnreadable';
  }
}

export class FileBatch implements AsyncIterable<FileResult> {
  private walked: Promise<BatchFiles> | undefined;
  private checked: Promise<KeptBatch> | undefined;
  private kept: KeptBatch | undefined;

  constructor(
    private readonly paths: readonly string[],
    private readonly options: BatchOptions = {},
  ) {}

  /** The paths walked (once): the files to check, every input, the paths that matched nothing. */
  files(): Promise<BatchFiles> {
    this.walked ??= (async () => {
      if (this.options.bytes) return { files: [...this.paths], all: [...this.paths], missing: [], skipped: [] };
      const walked = await walk([...this.paths], this.options.limits);
      const { missing, skipped } = walked;
      const excluded = new Set((this.options.exclude ?? []).map((f) => realpathOf(f)));
      const files = excluded.size ? walked.files.filter((f) => !excluded.has(realpathOf(f))) : walked.files;
      const part = this.options.shard;
      return {
        files: part ? shard(files, part.index, part.count) : files,
        all: files,
        missing,
        skipped: part && part.index > 1 ? [] : skipped,
      };
    })();
    return this.walked;
  }

  /**
   * Check every file (once): the results in the files' order, each with its cross-year findings,
   * made one at a time as they are iterated. Throws PreviousUnreadable before checking anything.
   */
  async results(): Promise<Iterable<FileResult>> {
    const { files } = await this.files();
    const previous = this.options.previous === undefined ? undefined : await this.previousFacts(this.options.previous);
    this.checked ??= this.check(files);
    const kept = (this.kept = await this.checked);
    const { lang, severities } = this.options;
    const withHistory = historyChecker({ headings: kept.headings, facts: (i) => kept.facts(i) }, { lang, severities, ...(previous ? { previous } : {}) });
    return {
      *[Symbol.iterator]() {
        for (let i = 0; i < files.length; i++) yield withHistory(kept.result(i), i);
      },
    };
  }

  async *[Symbol.asyncIterator](): AsyncIterator<FileResult> {
    yield* await this.results();
  }

  /** The report of the file at `index` (of files()) once checked, when the batch was asked to keep reports. */
  report(index: number): Report | undefined {
    return this.kept?.report(index);
  }

  private async check(files: string[]): Promise<KeptBatch> {
    const { jobs, isolate, onProgress, shard: _, previous: __, bytes, ...task } = this.options;
    return checkAll(files, {
      jobs: jobs ?? availableParallelism(),
      task,
      timeoutMs: limitsWith(task.limits).timeoutMs,
      isolate: isolate ?? false,
      ...(bytes ? { bytes } : {}),
      ...(onProgress ? { onProgress: (done: number) => onProgress(done, files.length) } : {}),
    });
  }

  private async previousFacts(file: string): Promise<YearFacts> {
    const report = await loadReport(file, this.options);
    const unreadable = unreadableMessage(report, this.options.lang);
    if (unreadable !== null) throw new PreviousUnreadable(file, unreadable);
    return yearFacts(report);
  }
}

/** Check report files, folders and glob patterns: walked, checked on worker threads, paired across years. */
export function checkFiles(paths: readonly string[], options: BatchOptions = {}): FileBatch {
  return new FileBatch(paths, options);
}

/** A file's real path (itself when it cannot be resolved, as a member of an archive). */
function realpathOf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}
