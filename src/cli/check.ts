// `report check`: validate reports (files, folders, globs) and print the findings in the format
// asked for; --annotate writes the marked-up workbook of a single report.

import { Option, type Command } from 'commander';
import { appendFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { factsOf } from '../batch/facts.js';
import { checkAll } from '../batch/pool.js';
import { displayPath, shard, walk } from '../batch/walk.js';
import { checkHistory, type FileResult } from '../engine/index.js';
import { EDITION_IDS } from '../form/index.js';
import type { EditionId } from '../form/types.js';
import { FORMATTERS, githubSummary } from '../formatters/index.js';
import { loadReport } from '../index.js';
import { RULES_BY_ID } from '../rules/index.js';
import type { Lang, Severity } from '../rules/types.js';
import { cellTexts, normalize } from '../writers/normalize.js';
import { writeOutput } from '../writers/output.js';
import { EXIT, UsageError, version, type Io } from './io.js';
import { colorEnabled, messages } from './messages.js';
import { progress } from './progress.js';

interface CheckFlags {
  format: string;
  lang: Lang;
  quiet?: boolean;
  edition?: EditionId;
  annotate?: string;
  outputFile?: string;
  maxWarnings?: string;
  rule: string[];
  shard?: string;
  jobs?: string;
  progress: boolean;
  previous?: string;
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

function parseShard(spec: string | undefined, lang: Lang): [number, number] | null {
  if (!spec) return null;
  const m = /^(\d+)\/(\d+)$/.exec(spec);
  const [i, n] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
  if (!m || n < 1 || i < 1 || i > n) throw new UsageError(messages(lang).badShard(spec));
  return [i, n];
}

function count(value: string | undefined, option: string, lang: Lang): number | null {
  if (value === undefined) return null;
  if (!/^\d+$/.test(value)) throw new UsageError(messages(lang).badNumber(option, value));
  return Number(value);
}

async function check(paths: string[], flags: CheckFlags, io: Io): Promise<number> {
  const text = messages(flags.lang);
  const severities = parseSeverities(flags.rule, flags.lang);
  const part = parseShard(flags.shard, flags.lang);
  const maxWarnings = count(flags.maxWarnings, '--max-warnings', flags.lang);
  const jobs = count(flags.jobs, '--jobs', flags.lang) ?? availableParallelism();
  const walked = await walk(paths);
  for (const missing of walked.missing) io.stderr(`report: ${text.notFound(missing)}\n`);
  const files = part ? shard(walked.files, part[0], part[1]) : walked.files;
  if (flags.annotate && files.length !== 1) throw new UsageError(text.needsOne('--annotate'));
  if (walked.files.length === 0) return EXIT.usage;

  const task = { lang: flags.lang, severities, ...(flags.edition ? { edition: flags.edition } : {}) };
  const bar = progress(files.length, io.stderr, flags.progress && Boolean(io.stderrTTY), flags.lang);
  const outputs = await checkAll(files, { jobs, task, onProgress: (done) => bar.update(done) });
  bar.end();
  const previous = flags.previous ? factsOf(await loadReport(flags.previous, flags.edition ? { edition: flags.edition } : {})) : undefined;
  const cwd = process.cwd();
  const results = checkHistory(
    outputs.map((o) => o.result),
    outputs.map((o) => o.facts),
    { ...task, ...(previous ? { previous } : {}) },
  ).map((r) => ({ ...r, file: displayPath(r.file, cwd) }));

  const shown = flags.quiet ? results.map(errorsOnly) : results;
  const formatter = FORMATTERS.get(flags.format)!;
  const context = {
    lang: flags.lang,
    color: flags.outputFile ? false : colorEnabled(io),
    toolVersion: version(),
    cwd,
    // A CI matrix shard gets its own SARIF run id, so shards do not close each other's alerts.
    ...(part ? { automationId: `report/shard-${part[0]}-of-${part[1]}` } : {}),
  };
  const out = formatter.format(shown, context);
  if (flags.outputFile) await writeOutput(flags.outputFile, out, files);
  else io.stdout(out);
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (flags.format === 'github' && summaryFile) await appendFile(summaryFile, githubSummary(shown, context)).catch(() => undefined);

  const [single] = files;
  if (flags.annotate && single) {
    const report = await loadReport(single, flags.edition ? { edition: flags.edition } : {});
    if (!report.failure) {
      const { writeOfficialXlsx } = await import('../writers/xlsx.js');
      const bytes = await writeOfficialXlsx(normalize(report), { annotations: results[0]!.diagnostics, lang: flags.lang, texts: cellTexts(report) });
      await writeOutput(flags.annotate, bytes, files);
      io.stderr(`${text.written(flags.annotate)}\n`);
    }
  }
  if (walked.missing.length > 0) return EXIT.usage;
  const errors = shown.some((r) => r.errorCount > 0);
  const warnings = shown.reduce((n, r) => n + r.warningCount, 0);
  return errors || (maxWarnings !== null && warnings > maxWarnings) ? EXIT.findings : EXIT.ok;
}

export function registerCheck(program: Command, io: Io, lang: Lang, done: (code: number) => void): void {
  program
    .command('check')
    .description('按国家格式检查报告文件、文件夹或通配符 (check report files, folders or globs against the national format)')
    .argument('<paths...>', '报告文件、文件夹或通配符 (report files, folders, globs)')
    .addOption(new Option('-f, --format <format>', '输出格式 (output format)').choices([...FORMATTERS.keys()]).default('text'))
    .option('-o, --output-file <path>', '把结果写入文件 (write the results to a file)')
    .addOption(new Option('--lang <lang>', '信息语言 (message language; REPORT_LANG sets the default)').choices(['zh', 'en']).default(lang))
    .option('-q, --quiet', '只显示错误 (errors only)')
    .option('--max-warnings <n>', '警告超过 n 个时退出码为 1 (exit 1 when there are more than n warnings)')
    .option('--rule <id=severity>', '改变规则级别：off、warning、error，可重复 (set a rule’s severity; repeatable)', (v: string, all: string[]) => [...all, v], [])
    .option('--shard <i/n>', '只检查排序后文件列表的第 i 份（共 n 份）(check only the i-th of n parts of the sorted file list)')
    .option('-j, --jobs <n>', '并行线程数，默认为 CPU 核数 (worker threads; default: available cores)')
    .option('--no-progress', '不显示进度条 (no progress bar)')
    .option('--previous <file>', '上一年度的报告，用于跨年度核对 (last year’s report, for the cross-year checks)')
    .addOption(new Option('--edition <edition>', '按此版式读取和检查 (read and check as this edition)').choices(EDITION_IDS))
    .option('--annotate <out.xlsx>', '另存一份标出问题格子的规范格式工作簿 (write the official layout with every flagged cell marked)')
    .action(async (paths: string[], flags: CheckFlags) => done(await check(paths, flags, io)));
}
