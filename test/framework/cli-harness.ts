/**
 * Runs only the `framework` command (as main.ts wires it) so that its tests
 * do not depend on the other commands: `node bin/run-ts.js test/framework/cli-harness.ts framework ...`.
 */
import { Command } from 'commander';
import { registerFramework } from '../../src/adapters/cli/framework.ts';
import { reportFailure } from '../../src/adapters/cli/util.ts';

const program = new Command().name('xinzhi').showHelpAfterError();
registerFramework(program);
try {
  await program.parseAsync(process.argv);
} catch (err) {
  reportFailure(err);
}
