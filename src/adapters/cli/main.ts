/**
 * The `xinzhi` command line. Each command lives in its own module and
 * registers itself on the program; this file only wires them together and
 * turns errors into messages on stderr with a non-zero exit. Only the module
 * of the command being run is loaded, so a command never pays for the
 * libraries of another (charts, workbooks, spatial code).
 */
import { Command } from 'commander';
import { reportFailure } from './util.ts';
import pkg from '../../../package.json' with { type: 'json' };

// A closed pipe (e.g. `xinzhi framework --json | head`) ends the program quietly.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

type Register = (program: Command) => void;
const COMMANDS: Record<string, () => Promise<Register>> = {
  framework: async () => (await import('./framework.ts')).registerFramework,
  evaluate: async () => (await import('./evaluate.ts')).registerEvaluate,
  analyze: async () => (await import('./analyze.ts')).registerAnalyze,
};

const program = new Command();
program
  .name('xinzhi')
  .description('xinzhi 新质 — new quality productive forces, computable / 新质生产力的可计算工具')
  .version(pkg.version)
  .showHelpAfterError();

try {
  const requested = process.argv[2];
  const names = requested && requested in COMMANDS ? [requested] : Object.keys(COMMANDS);
  for (const name of names) (await COMMANDS[name]())(program);
  await program.parseAsync(process.argv);
} catch (err) {
  reportFailure(err);
}
