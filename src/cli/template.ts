// `report template` (a blank official workbook or CSV skeleton for clerks) and `report schema`
// (the JSON Schema of `report convert --to json`).

import { Option, type Command } from 'commander';
import { EDITION_IDS } from '../form/index.js';
import type { EditionId } from '../form/types.js';
import type { Lang } from '../rules/types.js';
import { layoutCsv } from '../writers/layout.js';
import { blankReport } from '../writers/normalize.js';
import { writeOutput } from '../writers/output.js';
import { reportSchema } from '../writers/schema.js';
import { EXIT, type Io } from './io.js';
import { messages } from './messages.js';

interface TemplateFlags {
  edition: EditionId;
  to: 'xlsx' | 'csv';
  output?: string;
  outputFile?: string;
  lang: Lang;
}

async function template(flags: TemplateFlags, io: Io): Promise<number> {
  const report = blankReport(flags.edition);
  if (flags.to === 'csv') {
    const data = layoutCsv(report);
    if (flags.output) {
      await writeOutput(flags.output, data);
      io.stderr(`${messages(flags.lang).written(flags.output)}\n`);
    } else io.stdout(data);
    return EXIT.ok;
  }
  const target = flags.output ?? `政府信息公开工作年度报告模板-${flags.edition}.xlsx`;
  const { writeOfficialXlsx } = await import('../writers/xlsx.js');
  await writeOutput(target, await writeOfficialXlsx(report, { template: true, lang: flags.lang }));
  io.stderr(`${messages(flags.lang).written(target)}\n`);
  return EXIT.ok;
}

export function registerTemplate(program: Command, io: Io, lang: Lang, done: (code: number) => void): void {
  program
    .command('template')
    .description('生成带数据校验和自动核对的空白报告模板 (write a blank, self-checking report template)')
    .addOption(new Option('--edition <edition>', '格式版本 (edition)').choices(EDITION_IDS).default('2021'))
    .addOption(new Option('--to <format>', '模板格式 (template format)').choices(['xlsx', 'csv']).default('xlsx'))
    .option('-o, --output <path>', '输出文件 (output file)')
    .addOption(new Option('--output-file <path>').hideHelp())
    .addOption(new Option('--lang <lang>', '信息语言 (message language)').choices(['zh', 'en']).default(lang))
    .action(async (flags: TemplateFlags) => {
      flags.output ??= flags.outputFile;
      done(await template(flags, io));
    });
}

export function registerSchema(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('schema')
    .description('输出规范 JSON 的 JSON Schema (print the JSON Schema of the normalized JSON)')
    .action(() => {
      io.stdout(`${JSON.stringify(reportSchema(), null, 2)}\n`);
      done(EXIT.ok);
    });
}
