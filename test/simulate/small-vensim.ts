/** Small Vensim models for the engine's feature tests: a fixed time control (0–4 months, DT 0.5, saved every month), a run, and the first problem of a refused model. */
import type { XinzhiError } from '../../src/core/errors.ts';
import { compileModel, readVensim, simulate } from '../../src/core/simulate/index.ts';

export const CONTROL = `
INITIAL TIME = 0 ~ Month ~ |
FINAL TIME = 4 ~ Month ~ |
TIME STEP = 0.5 ~ Month ~ |
SAVEPER = 1 ~ Month ~ |
`;

export const run = (mdl: string) => simulate(compileModel(readVensim(`${mdl}\n${CONTROL}`, 'm.mdl')));

export function problem(mdl: string) {
  try {
    compileModel(readVensim(`${mdl}\n${CONTROL}`, 'bad.mdl'));
  } catch (e) {
    return (e as XinzhiError).problems[0];
  }
  throw new Error('no error');
}
