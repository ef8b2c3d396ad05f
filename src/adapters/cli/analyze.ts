/**
 * `xinzhi analyze <method>`: the analysis toolkit on a panel file or on the
 * results.json of an evaluation. Each method registers its own subcommand.
 */
import type { Command } from 'commander';
import { registerCoupling } from './analyze/coupling.ts';
import { registerObstacle } from './analyze/obstacle.ts';
import { registerGini } from './analyze/gini.ts';
import { registerTheil } from './analyze/theil.ts';
import { registerKde } from './analyze/kde.ts';
import { registerWeights } from './analyze/weights.ts';
import { registerMoran } from './analyze/moran.ts';
import { registerGeary } from './analyze/geary.ts';
import { registerLisa } from './analyze/lisa.ts';
import { registerMarkov } from './analyze/markov.ts';
import { registerConvergence } from './analyze/convergence.ts';
import { registerGra } from './analyze/gra.ts';
import { COMMAND_SUMMARIES } from './summaries.ts';

export function registerAnalyze(program: Command): void {
  const analyze = program.command('analyze').description(COMMAND_SUMMARIES.analyze);
  registerCoupling(analyze);
  registerObstacle(analyze);
  registerGini(analyze);
  registerTheil(analyze);
  registerKde(analyze);
  registerWeights(analyze);
  registerMoran(analyze);
  registerGeary(analyze);
  registerLisa(analyze);
  registerMarkov(analyze);
  registerConvergence(analyze);
  registerGra(analyze);
}
