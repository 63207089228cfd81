// The command line: a thin commander layer over the library. run(argv, io) returns the exit code;
// only bin/report.js touches the real process.

import { Command, CommanderError } from 'commander';
import type { Lang } from '../rules/types.js';
import { OutputError } from '../writers/output.js';
import { registerCheck } from './check.js';
import { registerConvert } from './convert.js';
import { helpFor } from './help.js';
import { EXIT, outputMessage, UsageError, version, type Io } from './io.js';
import { messages } from './messages.js';
import { registerSchema, registerTemplate } from './template.js';

export { EXIT, type Io } from './io.js';

function program(io: Io, lang: Lang, defaultLang: Lang, done: (code: number) => void): Command {
  const width = () => io.columns ?? 80;
  const cmd = new Command('report')
    .description('政府信息公开工作年度报告检查和转换工具 (validator and converter for annual government information disclosure reports)')
    .version(version(), '-v, --version', '显示版本号 (print the version)')
    .helpOption('-h, --help', '显示帮助 (show help)')
    .helpCommand('help [command]', '显示命令的帮助 (show help for a command)')
    .configureHelp(helpFor(lang))
    .exitOverride()
    // Commander's own error lines are English and come with the whole help: run() prints one line instead.
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined, getOutHelpWidth: width, getErrHelpWidth: width });
  registerCheck(cmd, io, defaultLang, done);
  registerConvert(cmd, io, defaultLang, done);
  registerTemplate(cmd, io, defaultLang, done);
  registerSchema(cmd, io, done);
  return cmd;
}

const COMMANDS = ['check', 'convert', 'template', 'schema'];

/** The language when --lang is not given: REPORT_LANG, else Chinese. */
const envLang = (env: Io['env']): Lang => (env.REPORT_LANG === 'en' ? 'en' : 'zh');

/** The language asked for (--lang en, --lang=en, REPORT_LANG), known before commander has parsed anything. */
function langOf(argv: string[], env: Io['env']): Lang {
  let asked: string | undefined = envLang(env);
  argv.forEach((arg, i) => {
    if (arg === '--lang') asked = argv[i + 1];
    else if (arg.startsWith('--lang=')) asked = arg.slice('--lang='.length);
  });
  return asked === 'en' ? 'en' : 'zh';
}

/** A command-line mistake commander found, as one line in the user's language. */
function usageLine(err: CommanderError, argv: string[], lang: Lang): string {
  const text = messages(lang);
  const said = err.message.replace(/^error: /, '');
  const m = (re: RegExp) => re.exec(said);
  let detail = said;
  let match: RegExpExecArray | null;
  if (err.code === 'commander.invalidArgument' && (match = m(/option '(?:-\w, )?(--[\w-]+)[^']*' argument '([^']*)' is invalid\. Allowed choices are (.*)\.$/))) {
    detail = text.commander.invalidChoice(match[1]!, match[2]!, match[3]!);
  } else if (err.code === 'commander.missingArgument' && (match = m(/argument '([^']+)'/))) detail = text.commander.missingArgument(match[1]!);
  else if (err.code === 'commander.unknownOption' && (match = m(/option '([^']+)'/))) detail = text.commander.unknownOption(match[1]!);
  else if (err.code === 'commander.unknownCommand' && (match = m(/command '([^']+)'/))) detail = text.commander.unknownCommand(match[1]!);
  else if (err.code === 'commander.optionMissingArgument' && (match = m(/option '(?:-\w, )?(--[\w-]+)/))) detail = text.commander.optionMissingValue(match[1]!);
  else if (err.code === 'commander.excessArguments') detail = text.commander.excessArguments();
  else if (err.code === 'commander.missingMandatoryOptionValue' && (match = m(/option '(?:-\w, )?(--[\w-]+)/))) detail = text.commander.missingOption(match[1]!);
  const command = COMMANDS.find((c) => argv.includes(c));
  return `report: ${text.usage(detail, command ? `${command} ` : '')}`;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const lang = langOf(argv, io.env);
  let code: number = EXIT.ok;
  try {
    await program(io, lang, envLang(io.env), (c) => (code = c)).parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.exitCode === 0) return EXIT.ok;
      // `report` alone: commander has printed the help (to stderr); no command was given.
      if (err.code === 'commander.help') return EXIT.usage;
      io.stderr(`${usageLine(err, argv, lang)}\n`);
      return EXIT.usage;
    }
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
