// `report check`: validate reports (files, folders, globs) and print the findings in the format
// asked for; --annotate writes a single report marked up: the official-layout workbook, or the
// clerk's own Word document.

import { Option, type Command } from 'commander';
import { existsSync, statSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { availableParallelism } from 'node:os';
import { checkFiles, isInternalFailure, PreviousUnreadable } from '../batch/index.js';
import { pathDisplay } from '../batch/walk.js';
import { unreadableMessage, unreadableReport } from '../engine/file.js';
import { BaselineError, BaselinePool, baselineJson, entryOf, parseBaseline, type BaselineEntry } from '../engine/baseline.js';
import { checkRoster, type FileResult } from '../engine/index.js';
import { EDITION_IDS, plausibleYear } from '../form/index.js';
import type { EditionId } from '../form/types.js';
import { FORMATTERS, githubSummary } from '../formatters/index.js';
import type { FormatContext } from '../formatters/types.js';
import { matchRoster, type RosterEntry, type Submitted } from '../model/roster.js';
import { limitsWith, parseDuration, parseSize, type Limits } from '../readers/limits.js';
import { splitMember } from '../readers/archive.js';
import { parseRoster } from '../readers/roster.js';
import type { ZipArchive } from '../readers/zip.js';
import { RULES_BY_ID } from '../rules/index.js';
import type { Lang, Severity } from '../rules/types.js';
import { cellTexts, normalize } from '../writers/normalize.js';
import { blocks, writeOutput } from '../writers/output.js';
import { EXIT, UsageError, version, type Io } from './io.js';
import { colorEnabled, messages } from './messages.js';
import { progress, type Progress } from './progress.js';

interface CheckFlags {
  format: string;
  lang: Lang;
  quiet?: boolean;
  edition?: EditionId;
  annotate?: string;
  output?: string;
  outputFile?: string;
  verbose?: boolean;
  stdinFilename?: string;
  maxWarnings?: string;
  rule: string[];
  shard?: string;
  jobs?: string;
  progress: boolean;
  previous?: string;
  expect?: string;
  year?: string;
  baseline?: string;
  writeBaseline?: string;
  maxFileSize?: string;
  maxInflatedSize?: string;
  maxCells?: string;
  maxPages?: string;
  timeout?: string;
}

function errorsOnly(r: FileResult): FileResult {
  return { ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error'), warningCount: 0 };
}

function parseSeverities(specs: string[], lang: Lang): Record<string, Severity | 'off'> {
  const out: Record<string, Severity | 'off'> = {};
  for (const spec of specs) {
    const m = /^([a-z0-9-]+)=(off|warning|error)$/.exec(spec);
    if (!m || !RULES_BY_ID.has(m[1]!)) throw new UsageError(messages(lang).badRule(spec));
    out[m[1]!] = m[2] as Severity | 'off';
  }
  return out;
}

function parseShard(spec: string | undefined, lang: Lang): { index: number; count: number } | undefined {
  if (!spec) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(spec);
  const [index, count] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
  if (!m || count < 1 || index < 1 || index > count) throw new UsageError(messages(lang).badShard(spec));
  return { index, count };
}

function count(value: string | undefined, option: string, lang: Lang): number | null {
  if (value === undefined) return null;
  if (!/^\d+$/.test(value)) throw new UsageError(messages(lang).badNumber(option, value));
  return Number(value);
}

/** The limits the options change; the rest keep their defaults. */
function parseLimits(flags: CheckFlags, lang: Lang): Partial<Limits> {
  const limits: Partial<Limits> = {};
  const text = messages(lang);
  const positive = (value: string | undefined, option: string, parse: (text: string) => number | null, hint: (option: string, value: string) => string) => {
    if (value === undefined) return undefined;
    const n = parse(value);
    if (n === null || n < 1) throw new UsageError(hint(option, value));
    return n;
  };
  const fileBytes = positive(flags.maxFileSize, '--max-file-size', parseSize, text.badSize);
  const inflated = positive(flags.maxInflatedSize, '--max-inflated-size', parseSize, text.badSize);
  const count = (t: string) => (/^\d+$/.test(t) ? Number(t) : null);
  const cells = positive(flags.maxCells, '--max-cells', count, text.badCount);
  const pages = positive(flags.maxPages, '--max-pages', count, text.badCount);
  if (fileBytes !== undefined) limits.maxFileBytes = fileBytes;
  if (inflated !== undefined) limits.maxInflatedBytes = inflated;
  if (cells !== undefined) limits.maxCells = cells;
  if (pages !== undefined) limits.maxPages = pages;
  if (flags.timeout !== undefined) {
    const ms = parseDuration(flags.timeout);
    if (ms === null) throw new UsageError(text.badDuration('--timeout', flags.timeout));
    // setTimeout holds at most 2^31 - 1 ms (24.8 days); beyond it Node would fire at once.
    limits.timeoutMs = Math.min(ms, 2 ** 31 - 1);
  }
  return limits;
}

/** The name standard input's report is shown under, when --stdin-filename gives none. */
const STDIN_NAME = '<stdin>';

/** `report check -`: standard input, read whole (one byte past the size limit, so that the reader refuses it). */
async function readStdin(io: Io, limits: Partial<Limits>, lang: Lang): Promise<Uint8Array> {
  if (!io.stdin) throw new UsageError(messages(lang).noStdin());
  const max = limitsWith(limits).maxFileBytes;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of io.stdin()) {
    chunks.push(chunk);
    size += chunk.length;
    if (size > max) break;
  }
  return Buffer.concat(chunks, Math.min(size, max + 1));
}

/** An annotated copy that is the Word document itself (by the name asked for). */
const WORD_COPY = /\.(docx|docm|dotx|dotm)$/i;

/**
 * The Word document `--annotate 标注.docx` marks: the one file given, read once, here, so that the
 * check reads the very bytes that are marked; its archive opened. A usage error when the path is
 * not one file, the file is no Word package, or the name asked for is not its kind's (.docm for a
 * .docm); no archive when the file cannot be read at all (the check then says why, and nothing is
 * written).
 */
async function wordDocument(paths: string[], stdin: Uint8Array | undefined, limits: Partial<Limits>, annotate: string, lang: Lang): Promise<{ bytes?: Uint8Array; zip?: ZipArchive }> {
  const text = messages(lang);
  if (paths.length !== 1 || (!stdin && !statSync(paths[0]!, { throwIfNoEntry: false })?.isFile())) {
    if (paths.length === 1 && !existsSync(paths[0]!)) return {}; // the check says it is missing
    throw new UsageError(text.needsOne('--annotate'));
  }
  const file = paths[0]!;
  const { readBytes, ReadError } = await import('../readers/index.js');
  const { sniff } = await import('../readers/sniff.js');
  const { wordExtension } = await import('../writers/docx.js');
  let bytes: Uint8Array;
  let kind;
  let extension;
  try {
    bytes = stdin ?? readBytes(file, limits);
    kind = sniff(file, bytes, limitsWith(limits));
    if (kind.reader !== 'docx') throw new UsageError(text.annotateDocx(annotate, file));
    extension = wordExtension(kind.zip);
  } catch (err) {
    if (err instanceof ReadError) return {};
    throw err;
  }
  if (extname(annotate).toLowerCase() !== extension) throw new UsageError(text.annotateWordKind(annotate, file, extension));
  return { bytes, zip: kind.zip };
}

async function check(given: string[], flags: CheckFlags, io: Io): Promise<number> {
  const text = messages(flags.lang);
  const severities = parseSeverities(flags.rule, flags.lang);
  const part = parseShard(flags.shard, flags.lang);
  const maxWarnings = count(flags.maxWarnings, '--max-warnings', flags.lang);
  const jobs = count(flags.jobs, '--jobs', flags.lang) ?? availableParallelism();
  const limits = parseLimits(flags, flags.lang);
  const outputFile = flags.output ?? flags.outputFile;
  // The annotated copy is a workbook in the official layout, whatever the input was, or the Word document itself.
  if (flags.annotate && !/\.xlsx$/i.test(flags.annotate) && !WORD_COPY.test(flags.annotate)) throw new UsageError(text.annotateXlsx(flags.annotate));
  const fromStdin = given.includes('-');
  if (fromStdin && given.length > 1) throw new UsageError(text.stdinAlone());
  const stdin = fromStdin ? await readStdin(io, limits, flags.lang) : undefined;
  const paths = fromStdin ? [flags.stdinFilename ?? STDIN_NAME] : given;
  const document = flags.annotate && WORD_COPY.test(flags.annotate) ? await wordDocument(paths, stdin, limits, flags.annotate, flags.lang) : undefined;
  if (flags.year !== undefined && flags.expect === undefined) throw new UsageError(text.yearWithoutRoster());
  // A shard holds part of the batch: every body on the roster whose report is in another part would be missing.
  if (flags.expect !== undefined && part) throw new UsageError(text.rosterShard());
  const roster = flags.expect === undefined ? undefined : await readRosterFile(flags.expect, limits, flags.lang);
  const baseline = flags.baseline === undefined ? undefined : new BaselinePool(await readBaselineFile(flags.baseline, limits, flags.lang));
  const rosterYear = yearOption(flags.year, flags.lang);
  const bytes = document?.bytes ?? stdin;
  let bar: Progress | undefined;
  const batch = checkFiles(paths, {
    lang: flags.lang,
    severities,
    limits,
    jobs,
    keepReports: Boolean(flags.annotate),
    // The HTML page draws each report's tables.
    values: flags.format === 'html',
    // A time limit given on the command line holds for a single file too (on a worker, which can be stopped).
    isolate: flags.timeout !== undefined && limits.timeoutMs !== 0,
    onProgress: (done) => bar?.update(done),
    ...(flags.edition ? { edition: flags.edition } : {}),
    ...(part ? { shard: part } : {}),
    ...(flags.previous ? { previous: flags.previous } : {}),
    // The roster is not a report, wherever it is.
    ...(flags.expect ? { exclude: [flags.expect] } : {}),
    ...(bytes ? { bytes } : {}),
  });
  const { files, all, missing, skipped } = await batch.files();
  for (const path of missing) io.stderr(`report: ${text.notFound(path)}\n`);
  if (flags.annotate && files.length !== 1) throw new UsageError(text.needsOne('--annotate'));
  if (all.length === 0) {
    // Paths that exist but hold no report file (an empty folder, a glob matching only notes).
    const found = paths.filter((p) => !missing.includes(p));
    if (found.length > 0) io.stderr(`report: ${text.noReports(found.join(' '), skipped.length)}\n`);
    return EXIT.usage;
  }

  // Never written over: every file this run reads (all shards' files, and last year's report).
  // An archive's members are read from the archive: it is the input.
  const archiveOf = (path: string) => splitMember(path)?.archive ?? path;
  const archives = skipped.filter((s) => /\.zip$/i.test(s.path) || s.path.toLowerCase().includes('.zip!')).map((s) => s.path);
  const inputs = [...new Set([...all, ...archives, ...[flags.previous, flags.expect, flags.baseline].filter((f): f is string => f !== undefined)].map(archiveOf))];
  bar = progress(files.length, io.stderr, flags.progress && Boolean(io.stderrTTY), flags.lang, io.columns ? { columns: io.columns } : {});
  let results: Iterable<FileResult>;
  try {
    results = await batch.results();
  } catch (err) {
    if (err instanceof PreviousUnreadable) throw new UsageError(text.previous(err.file, err.reason));
    throw err;
  }
  bar.end();
  const cwd = process.cwd();
  const shownPath = pathDisplay(cwd);
  let errors = false;
  let warnings = 0;
  let first: FileResult | undefined;
  let bug: FileResult | undefined;
  const submitted: Submitted[] = [];
  const found: BaselineEntry[] = [];
  let known = 0;
  /**
   * A file's result as shown: path relative, its findings the baseline accepts set aside, errors
   * only with --quiet; counted. After them, the roster's (--expect).
   */
  function* shown(): Generator<FileResult> {
    const count = (result: FileResult) => {
      errors ||= result.errorCount > 0;
      warnings += result.warningCount;
    };
    /** A result as the baseline leaves it (it takes what it knows first: warnings too, or --quiet would leave them stale), errors only with --quiet. */
    const accepted = (r: FileResult): FileResult => {
      if (flags.writeBaseline) for (const d of r.diagnostics) found.push(entryOf(r, d));
      let result = r;
      if (baseline) {
        const taken = baseline.take(r);
        known += taken.known.length;
        result = taken.known.length ? { ...taken.result, baselined: taken.known } : taken.result;
      }
      return flags.quiet ? errorsOnly(result) : result;
    };
    for (const r of results) {
      r.file = shownPath(r.file);
      const result = accepted(r);
      count(result);
      first ??= result;
      if (!bug && isInternalFailure(r)) bug = r;
      if (roster) submitted.push({ file: r.file, agency: r.agency, year: r.year });
      yield result;
    }
    if (roster) {
      const outcome = matchRoster(roster, submitted, rosterYear);
      const file = shownPath(flags.expect!);
      context.roster = { file, ...outcome };
      // A body known not to report (merged, dissolved) can be accepted like any finding.
      const result = accepted(checkRoster(file, outcome, { lang: flags.lang, severities }));
      count(result);
      yield result;
    }
    if (baseline) context.baseline = { file: shownPath(flags.baseline!), known, stale: baseline.stale().map(({ rule, agency, year, file, message }) => ({ rule, agency, year, file, message })) };
  }

  const formatter = FORMATTERS.get(flags.format)!;
  const context: FormatContext = {
    lang: flags.lang,
    color: outputFile ? false : colorEnabled(io),
    toolVersion: version(),
    cwd,
    skipped: skipped.map((s) => ({ file: shownPath(s.path), kind: s.kind })),
    verbose: Boolean(flags.verbose),
    // A CI matrix shard gets its own SARIF run id, so shards do not close each other's alerts.
    ...(part ? { automationId: `report/shard-${part.index}-of-${part.count}` } : {}),
  };
  let pieces: Iterable<string>;
  if (formatter.stream) {
    // Written as it is made: a file's cross-year findings exist only while it is written, and a
    // batch's whole report is never in memory.
    pieces = formatter.stream(shown(), context);
  } else {
    const all = [...shown()];
    pieces = [formatter.format(all, context)];
    const summaryFile = io.env.GITHUB_STEP_SUMMARY;
    if (flags.format === 'github' && summaryFile) await appendFile(summaryFile, githubSummary(all, context)).catch(() => undefined);
  }
  if (outputFile) await writeOutput(outputFile, pieces, inputs);
  else for (const block of blocks(pieces)) io.stdout(block);
  if (flags.writeBaseline) {
    // The baseline read may be written over: a baseline is renewed in place as reports are mended.
    await writeOutput(flags.writeBaseline, baselineJson(found), inputs.filter((f) => f !== flags.baseline));
    io.stderr(`${text.written(flags.writeBaseline)}\n`);
  }

  if (flags.annotate) {
    // The report the check read, not the file read again.
    const report = batch.report(0);
    if (!report || report.failure) io.stderr(`report: ${text.annotateSkipped(files[0]!)}\n`);
    else {
      const annotations = first!.diagnostics;
      let bytes: Uint8Array | undefined;
      if (!document) {
        const { writeOfficialXlsx } = await import('../writers/xlsx.js');
        bytes = await writeOfficialXlsx(normalize(report), { annotations, lang: flags.lang, texts: cellTexts(report) });
      } else if (document.zip) {
        const { annotateDocx } = await import('../writers/docx.js');
        const { ReadError } = await import('../readers/index.js');
        try {
          bytes = annotateDocx(document.zip, annotations, limitsWith(limits));
        } catch (err) {
          if (!(err instanceof ReadError)) throw err;
          io.stderr(`report: ${text.annotateFailed(files[0]!, unreadableMessage(unreadableReport(files[0]!, err), flags.lang) ?? err.reason)}\n`);
        }
      } else io.stderr(`report: ${text.annotateSkipped(files[0]!)}\n`);
      if (bytes) {
        await writeOutput(flags.annotate, bytes, inputs);
        io.stderr(`${text.written(flags.annotate)}\n`);
      }
    }
  }
  if (bug) {
    // Every file got its result; the bug met on one of them is still a failure of the tool.
    const detail = bug.diagnostics.find((d) => d.messageId === 'internal')!.message;
    io.stderr(`${text.internal(version(), `${bug.file}: ${detail}`)}\n`);
    return EXIT.usage;
  }
  if (missing.length > 0) return EXIT.usage;
  return errors || (maxWarnings !== null && warnings > maxWarnings) ? EXIT.findings : EXIT.ok;
}

export function registerCheck(program: Command, io: Io, lang: Lang, done: (code: number) => void): void {
  program
    .command('check')
    .description('按国家格式检查报告文件、文件夹或通配符 (check report files, folders or globs against the national format)')
    .argument('<paths...>', '报告文件、文件夹或通配符；- 为标准输入 (report files, folders, globs; - for standard input)')
    .addOption(new Option('-f, --format <format>', '输出格式 (output format)').choices([...FORMATTERS.keys()]).default('text'))
    .option('-o, --output <path>', '把结果写入文件 (write the results to a file)')
    .addOption(new Option('--output-file <path>').hideHelp())
    .addOption(new Option('--lang <lang>', '信息语言 (message language; REPORT_LANG sets the default)').choices(['zh', 'en']).default(lang))
    .option('-q, --quiet', '只显示错误 (errors only)')
    .option('--verbose', '也列出没有问题的文件 (list clean files too)')
    .option('--max-warnings <n>', '警告超过 n 个时退出码为 1 (exit 1 when there are more than n warnings)')
    .option('--rule <id=severity>', '改变规则级别：off、warning、error，可重复 (set a rule’s severity; repeatable)', (v: string, all: string[]) => [...all, v], [])
    .option('--shard <i/n>', '只检查排序后文件列表的第 i 份（共 n 份）(check only the i-th of n parts of the sorted file list)')
    .option('-j, --jobs <n>', '并行线程数，默认为 CPU 核数 (worker threads; default: available cores)')
    .option('--no-progress', '不显示进度条 (no progress bar)')
    .option('--max-file-size <size>', '单个文件的大小上限，默认 50MB (largest file read; default 50MB)')
    .option('--max-inflated-size <size>', '.xlsx、.docx、PDF 解压后的大小上限，默认 100MB (most an .xlsx, .docx or PDF may inflate to; default 100MB)')
    .option('--max-cells <n>', '每个工作表的单元格数上限，默认 200000 (most cells per sheet; default 200000)')
    .option('--max-pages <n>', '每个 PDF 读取的页数上限，默认 1000 (most pages read of a PDF; default 1000)')
    .option('--timeout <duration>', '批量检查时每个文件读取、检查各自的时限，默认 30s，0 为不限 (time limit per file in a folder run, for reading and for checking; default 30s, 0 for none)')
    .option('--previous <file>', '上一年度的报告，用于跨年度核对 (last year’s report, for the cross-year checks)')
    .option('--expect <file>', '应报送单位名单（CSV 或文本，每行一个单位，可带年度列），列出未提交的单位 (roster of the bodies expected to report: CSV or text, one a line, an optional year column)')
    .option('--baseline <file>', '已确认可接受的问题（--write-baseline 写出），不再报告；列出已不存在的条目 (accepted findings, written by --write-baseline: not reported again; stale entries listed)')
    .option('--write-baseline <file>', '把本次的全部问题写成基线文件 (write this run’s findings as a baseline file)')
    .option('--year <year>', '名单中未写年度的行所指的年度，默认为本批报告最常见的年度 (the year expected of roster lines without one; default: the batch’s most frequent report year)')
    .addOption(new Option('--edition <edition>', '按此版式读取和检查 (read and check as this edition)').choices(EDITION_IDS))
    .option('--stdin-filename <name>', '用 - 从标准输入读取时，报告的文件名 (the file name of a report read from standard input with -)')
    .option('--annotate <file>', '另存一份标出问题格子的副本：.xlsx 为规范格式工作簿（任何输入，含网页、PDF），.docx 为 Word 原文档加批注 (write a copy with every flagged cell marked: .xlsx the official layout, for any input including web pages and PDFs; .docx the Word document with comments)')
    .action(async (paths: string[], flags: CheckFlags) => done(await check(paths, flags, io)));
}

/**
 * A file an option names (the roster, the baseline), read and parsed; a usage error naming it, with
 * why, when it cannot be read or decoded.
 */
async function optionFile<T>(file: string, limits: Partial<Limits>, lang: Lang, unreadable: (file: string, why: string) => string, parse: (bytes: Uint8Array) => T): Promise<T> {
  const { readBytes, ReadError } = await import('../readers/index.js');
  try {
    return parse(readBytes(file, limits));
  } catch (err) {
    if (err instanceof ReadError) throw new UsageError(unreadable(file, unreadableMessage(unreadableReport(file, err), lang) ?? err.reason));
    throw err;
  }
}

/** The roster (--expect): its lines' bodies and years; a usage error naming the file when it cannot be read or lists no body. */
async function readRosterFile(file: string, limits: Partial<Limits>, lang: Lang): Promise<RosterEntry[]> {
  const text = messages(lang);
  const entries = await optionFile(file, limits, lang, text.rosterUnreadable, parseRoster);
  if (entries.length === 0) throw new UsageError(text.rosterEmpty(file));
  return entries;
}

/** --year: a report year. */
function yearOption(value: string | undefined, lang: Lang): number | null {
  if (value === undefined) return null;
  const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
  if (!plausibleYear(year)) throw new UsageError(messages(lang).badYear(value));
  return year;
}

/** The baseline (--baseline): its entries; a usage error naming the file when it cannot be read or is of another format or version. */
async function readBaselineFile(file: string, limits: Partial<Limits>, lang: Lang): Promise<BaselineEntry[]> {
  const text = messages(lang);
  try {
    return await optionFile(file, limits, lang, text.baselineUnreadable, (bytes) => parseBaseline(new TextDecoder().decode(bytes)));
  } catch (err) {
    if (err instanceof BaselineError) throw new UsageError(text.baselineRefused(file, err.reason, String(err.found ?? '')));
    throw err;
  }
}
