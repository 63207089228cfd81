// `report check`: validate reports and print the findings; --annotate writes the marked-up workbook.

import { Option, type Command } from 'commander';
import { checkReport, type FileResult } from '../engine/index.js';
import { EDITION_IDS } from '../form/index.js';
import type { EditionId } from '../form/types.js';
import { FORMATTERS } from '../formatters/index.js';
import type { Lang } from '../rules/types.js';
import { cellTexts, normalize } from '../writers/normalize.js';
import { writeOutput } from '../writers/output.js';
import { EXIT, loadInputs, UsageError, type Io } from './io.js';
import { colorEnabled, messages } from './messages.js';

interface CheckFlags {
  format: string;
  lang: Lang;
  quiet?: boolean;
  edition?: EditionId;
  annotate?: string;
}

function errorsOnly(r: FileResult): FileResult {
  return { ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error'), warningCount: 0 };
}

async function check(files: string[], flags: CheckFlags, io: Io): Promise<number> {
  if (flags.annotate && files.length !== 1) throw new UsageError(messages(flags.lang).needsOne('--annotate'));
  const { inputs, missing } = await loadInputs(files, flags, io);
  const results = inputs.map(({ report }) => checkReport(report, { lang: flags.lang }));
  const shown = flags.quiet ? results.map(errorsOnly) : results;
  if (shown.length > 0) io.stdout(FORMATTERS.get(flags.format)!.format(shown, { lang: flags.lang, color: colorEnabled(io) }));
  const [input] = inputs;
  if (flags.annotate && input && !input.report.failure) {
    const { writeOfficialXlsx } = await import('../writers/xlsx.js');
    const bytes = await writeOfficialXlsx(normalize(input.report, input.sha256), {
      annotations: results[0]!.diagnostics,
      lang: flags.lang,
      texts: cellTexts(input.report),
    });
    await writeOutput(flags.annotate, bytes, files);
    io.stderr(`${messages(flags.lang).written(flags.annotate)}\n`);
  }
  if (missing > 0) return EXIT.usage;
  return results.some((r) => r.errorCount > 0) ? EXIT.findings : EXIT.ok;
}

export function registerCheck(program: Command, io: Io, lang: Lang, done: (code: number) => void): void {
  program
    .command('check')
    .description('按国家格式检查报告文件 (check reports against the national format)')
    .argument('<files...>', '报告文件 .xlsx .csv .tsv .txt (report files)')
    .addOption(new Option('-f, --format <format>', '输出格式 (output format)').choices([...FORMATTERS.keys()]).default('text'))
    .addOption(new Option('--lang <lang>', '信息语言 (message language; REPORT_LANG sets the default)').choices(['zh', 'en']).default(lang))
    .option('-q, --quiet', '只显示错误 (errors only)')
    .addOption(new Option('--edition <edition>', '按此版式读取和检查 (read and check as this edition)').choices(EDITION_IDS))
    .option('--annotate <out.xlsx>', '另存一份标出问题格子的规范格式工作簿 (write the official layout with every flagged cell marked)')
    .action(async (files: string[], flags: CheckFlags) => done(await check(files, flags, io)));
}
