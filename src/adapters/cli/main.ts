/**
 * The `xinzhi` command line. Each command lives in its own module and
 * registers itself on the program; this file only wires them together and
 * turns errors into messages on stderr with a non-zero exit. Only the module
 * of the command being run is loaded, so a command never pays for the
 * libraries of another (charts, workbooks, spatial code).
 */
import { Command, Help } from 'commander';
import { createRequire } from 'node:module';
import { reportFailure } from './util.ts';
import { COMMAND_SUMMARIES, type CommandName } from './summaries.ts';

// Read at run time (not imported) so that the compiled CLI in dist/ finds the same file.
const pkg = createRequire(import.meta.url)('../../../package.json') as { version: string };

// A closed pipe (e.g. `xinzhi framework --json | head`) ends the program quietly.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

type Register = (program: Command) => void;
const COMMANDS: Record<CommandName, () => Promise<Register>> = {
  framework: async () => (await import('./framework.ts')).registerFramework,
  evaluate: async () => (await import('./evaluate.ts')).registerEvaluate,
  compare: async () => (await import('./compare.ts')).registerCompare,
  sql: async () => (await import('./sql.ts')).registerSql,
  analyze: async () => (await import('./analyze.ts')).registerAnalyze,
  estimate: async () => (await import('./estimate.ts')).registerEstimate,
  describe: async () => (await import('./describe.ts')).registerDescribe,
  simulate: async () => (await import('./simulate.ts')).registerSimulate,
  tfp: async () => (await import('./tfp.ts')).registerTfp,
  qca: async () => (await import('./qca.ts')).registerQca,
  text: async () => (await import('./text.ts')).registerText,
  assess: async () => (await import('./assess.ts')).registerAssess,
  serve: async () => (await import('./serve.ts')).registerServe,
};

/** Help headings in both languages (commander prints them in English). */
const HELP_TITLES: Record<string, string> = {
  'Usage:': '用法 / Usage:',
  'Options:': '选项 / Options:',
  'Commands:': '命令 / Commands:',
  'Arguments:': '参数 / Arguments:',
  'Global Options:': '全局选项 / Global Options:',
};

/** Commander's own error messages, each with a Chinese line before the English one. */
const COMMANDER_ERRORS: Array<[RegExp, (...m: string[]) => string]> = [
  [/^error: unknown option '(.*)'/, (o) => `错误：未知选项 '${o}'`],
  [/^error: unknown command '(.*)'/, (c) => `错误：未知命令 '${c}'`],
  [/^error: option '(.*)' argument missing/, (o) => `错误：选项 '${o}' 缺少取值`],
  [/^error: required option '(.*)' not specified/, (o) => `错误：缺少必需的选项 '${o}'`],
  [/^error: missing required argument '(.*)'/, (a) => `错误：缺少必需的参数 <${a}>`],
  [/^error: too many arguments/, () => '错误：参数过多'],
  [/^error: option '(.*)' argument '(.*)' is invalid/, (o, v) => `错误：选项 '${o}' 的值 '${v}' 无效`],
];

/** Put the Chinese version of a commander error before the English one. */
export function bilingualCommanderError(text: string): string {
  for (const [re, zh] of COMMANDER_ERRORS) {
    const m = re.exec(text);
    if (m) return `${zh(...m.slice(1))}\n${text}`;
  }
  return text;
}

const program = new Command();
program
  .name('xinzhi')
  .description('xinzhi 新质 — new quality productive forces, computable / 新质生产力的可计算工具')
  .version(pkg.version, '-V, --version', 'print the version / 显示版本号')
  .helpOption('-h, --help', 'show this help / 显示帮助')
  .helpCommand('help [command]', 'show the help of a command / 显示命令的帮助')
  .configureHelp({
    styleTitle: (title: string) => HELP_TITLES[title] ?? title,
    optionDescription(option) {
      return Help.prototype.optionDescription
        .call(this, option)
        .replace(/\((default|choices): /g, (_m, k: string) => `(${k === 'default' ? '默认' : '可选'} ${k}: `);
    },
  })
  .configureOutput({ outputError: (text, write) => write(bilingualCommanderError(text)) })
  .showHelpAfterError('（用 --help 查看用法 / add --help for usage）');

try {
  // Only the command being run (or asked about with `help <command>`) is loaded;
  // the top-level help lists the others by their summaries alone.
  const isCommand = (name: string | undefined): name is CommandName => !!name && name in COMMANDS;
  const [first, second] = process.argv.slice(2);
  const requested = isCommand(first) ? first : first === 'help' && isCommand(second) ? second : undefined;
  for (const name of Object.keys(COMMANDS) as CommandName[]) {
    if (name === requested) (await COMMANDS[name]())(program);
    else program.command(name).description(COMMAND_SUMMARIES[name]);
  }
  await program.parseAsync(process.argv);
} catch (err) {
  reportFailure(err);
}
