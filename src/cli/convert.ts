// `report convert`: reports -> normalized JSON, one tidy CSV, or official-layout workbooks.

import { Option, type Command } from 'commander';
import { basename, extname, join } from 'node:path';
import { unreadableMessage } from '../engine/file.js';
import { EDITION_IDS } from '../form/index.js';
import type { EditionId } from '../form/types.js';
import type { Lang } from '../rules/types.js';
import { toCsv } from '../writers/csv.js';
import { cellTexts, normalize, type NormalizedReport } from '../writers/normalize.js';
import { writeOutput } from '../writers/output.js';
import { EXIT, loadInputs, UsageError, type Io, type LoadedInput } from './io.js';
import { messages } from './messages.js';

interface ConvertFlags {
  to: 'json' | 'csv' | 'xlsx';
  output?: string;
  outputFile?: string;
  lang: Lang;
  edition?: EditionId;
}

/** Where an input's workbook goes: -o as given for one input, inside -o as a folder for several, or beside the input. */
function xlsxTarget(file: string, output: string | undefined, many: boolean): string {
  const name = `${basename(file, extname(file))}.official.xlsx`;
  if (!output) return join(file, '..', name);
  return many || output.endsWith('/') ? join(output, name) : output;
}

async function convert(files: string[], flags: ConvertFlags, io: Io): Promise<number> {
  const text = messages(flags.lang);
  const { inputs, missing } = await loadInputs(files, flags, io);
  const readable: LoadedInput[] = [];
  for (const input of inputs) {
    const unreadable = unreadableMessage(input.report, flags.lang);
    if (unreadable === null) readable.push(input);
    else io.stderr(`report: ${text.unreadable(input.file, unreadable)}\n`);
  }
  const reports: NormalizedReport[] = readable.map((i) => normalize(i.report, i.sha256));
  if (flags.to === 'xlsx') {
    const { writeOfficialXlsx } = await import('../writers/xlsx.js');
    for (const [i, report] of reports.entries()) {
      const input = readable[i]!;
      const target = xlsxTarget(input.file, flags.output, files.length > 1);
      await writeOutput(target, await writeOfficialXlsx(report, { lang: flags.lang, texts: cellTexts(input.report) }), files);
      io.stderr(`${text.written(target)}\n`);
    }
  } else if (reports.length > 0) {
    const data = flags.to === 'csv' ? toCsv(reports) : `${JSON.stringify(files.length === 1 ? reports[0] : reports, null, 2)}\n`;
    if (flags.output) {
      await writeOutput(flags.output, data, files);
      io.stderr(`${text.written(flags.output)}\n`);
    } else io.stdout(data);
  }
  if (missing > 0) return EXIT.usage;
  return readable.length < inputs.length ? EXIT.findings : EXIT.ok;
}

export function registerConvert(program: Command, io: Io, lang: Lang, done: (code: number) => void): void {
  program
    .command('convert')
    .description('把报告转换为规范 JSON、CSV 或规范格式的 .xlsx (convert reports to normalized JSON, tidy CSV or the official layout)')
    .argument('<files...>', '报告文件 (report files)')
    .addOption(new Option('--to <format>', '目标格式 (target format)').choices(['json', 'csv', 'xlsx']).makeOptionMandatory())
    .option('-o, --output <path>', '输出文件；多个 .xlsx 时为文件夹 (output file; a folder for several workbooks)')
    .addOption(new Option('--output-file <path>').hideHelp())
    .addOption(new Option('--lang <lang>', '信息语言 (message language)').choices(['zh', 'en']).default(lang))
    .addOption(new Option('--edition <edition>', '按此版式读取 (read as this edition)').choices(EDITION_IDS))
    .action(async (files: string[], flags: ConvertFlags) => {
      flags.output ??= flags.outputFile;
      if (flags.to !== 'xlsx' && flags.output?.endsWith('/')) throw new UsageError(messages(flags.lang).output.directory(flags.output));
      done(await convert(files, flags, io));
    });
}
