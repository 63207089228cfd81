// The command line: a thin commander layer over the library. run(argv, io) returns the exit code;
// only bin/report.js touches the real process.

import { Command, CommanderError } from 'commander';
import type { Lang } from '../rules/types.js';
import { OutputError } from '../writers/output.js';
import { registerCheck } from './check.js';
import { registerConvert } from './convert.js';
import { EXIT, outputMessage, UsageError, version, type Io } from './io.js';
import { messages } from './messages.js';
import { registerSchema, registerTemplate } from './template.js';

export { EXIT, type Io } from './io.js';

function program(io: Io, lang: Lang, done: (code: number) => void): Command {
  const cmd = new Command('report')
    .description('政府信息公开工作年度报告检查和转换工具 (validator and converter for annual government information disclosure reports)')
    .version(version(), '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError();
  registerCheck(cmd, io, lang, done);
  registerConvert(cmd, io, lang, done);
  registerTemplate(cmd, io, lang, done);
  registerSchema(cmd, io, done);
  return cmd;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const langFlag = argv.indexOf('--lang');
  const lang: Lang = (langFlag >= 0 ? argv[langFlag + 1] : io.env.REPORT_LANG) === 'en' ? 'en' : 'zh';
  let code: number = EXIT.ok;
  try {
    await program(io, lang, (c) => (code = c)).parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (err instanceof UsageError) {
      io.stderr(`report: ${err.message}\n`);
      return EXIT.usage;
    }
    if (err instanceof OutputError) {
      io.stderr(`${outputMessage(err, lang)}\n`);
      return EXIT.usage;
    }
    io.stderr(`${messages(lang).internal(version(), err instanceof Error ? err.message : String(err))}\n`);
    return EXIT.usage;
  }
  return code;
}
