/**
 * The `xinzhi` command line. Each command lives in its own module and
 * registers itself on the program; this file only wires them together and
 * turns errors into messages on stderr with a non-zero exit.
 */
import { Command } from 'commander';
import { registerFramework } from './framework.ts';
import { registerEvaluate } from './evaluate.ts';
import { registerAnalyze } from './analyze.ts';
import { reportFailure } from './util.ts';
import pkg from '../../../package.json' with { type: 'json' };

// A closed pipe (e.g. `xinzhi framework --json | head`) ends the program quietly.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const program = new Command();
program
  .name('xinzhi')
  .description('xinzhi 新质 — new quality productive forces, computable / 新质生产力的可计算工具')
  .version(pkg.version)
  .showHelpAfterError();

registerFramework(program);
registerEvaluate(program);
registerAnalyze(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  reportFailure(err);
}
