// The command line: a thin commander layer over the library. run(argv, io) returns the exit code;
// only bin/report.js touches the real process.

import { Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { checkReport, type FileResult } from '../engine/index.js';
import { EDITION_IDS } from '../form/index.js';
import { FORMATTERS } from '../formatters/index.js';
import { loadReport } from '../index.js';
import type { Lang } from '../rules/types.js';
import { colorEnabled, messages } from './messages.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal (colour). */
  isTTY: boolean;
  env: Record<string, string | undefined>;
}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

interface CheckFlags {
  format: string;
  lang: Lang;
  quiet?: boolean;
  edition?: '2019' | '2021';
}

function errorsOnly(r: FileResult): FileResult {
  const diagnostics = r.diagnostics.filter((d) => d.severity === 'error');
  return { ...r, diagnostics, warningCount: 0 };
}

async function check(files: string[], flags: CheckFlags, io: Io): Promise<number> {
  const text = messages(flags.lang);
  const results: FileResult[] = [];
  let missing = 0;
  for (const file of files) {
    const exists = await stat(file).then(
      () => true,
      () => false,
    );
    if (!exists) {
      io.stderr(`report: ${text.notFound(file)}\n`);
      missing++;
      continue;
    }
    const report = await loadReport(file, flags.edition ? { edition: flags.edition } : {});
    const result = checkReport(report, { lang: flags.lang });
    results.push(flags.quiet ? errorsOnly(result) : result);
  }
  const formatter = FORMATTERS.get(flags.format)!;
  if (results.length > 0) io.stdout(formatter.format(results, { lang: flags.lang, color: colorEnabled(io) }));
  if (missing > 0) return EXIT.usage;
  return results.some((r) => r.errorCount > 0) ? EXIT.findings : EXIT.ok;
}

function program(io: Io, setCode: (code: number) => void): Command {
  const langFromEnv = (io.env.REPORT_LANG === 'en' ? 'en' : 'zh') as Lang;
  const cmd = new Command('report')
    .description('政府信息公开工作年度报告检查工具 (validator for annual government information disclosure reports)')
    .version(version(), '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError();
  cmd
    .command('check')
    .description('按国家格式检查报告文件 (check reports against the national format)')
    .argument('<files...>', '报告文件 .xlsx .csv .tsv .txt (report files)')
    .addOption(new Option('-f, --format <format>', '输出格式 (output format)').choices([...FORMATTERS.keys()]).default('text'))
    .addOption(new Option('--lang <lang>', '信息语言 (message language; REPORT_LANG sets the default)').choices(['zh', 'en']).default(langFromEnv))
    .option('-q, --quiet', '只显示错误 (errors only)')
    .addOption(new Option('--edition <edition>', '按此版式读取和检查 (read and check as this edition)').choices(EDITION_IDS))
    .action(async (files: string[], flags: CheckFlags) => setCode(await check(files, flags, io)));
  return cmd;
}

export async function run(argv: string[], io: Io): Promise<number> {
  let code: number = EXIT.ok;
  try {
    await program(io, (c) => (code = c)).parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const text = messages(argv.includes('en') ? 'en' : 'zh');
    io.stderr(`${text.internal(version(), err instanceof Error ? err.message : String(err))}\n`);
    return EXIT.usage;
  }
  return code;
}
