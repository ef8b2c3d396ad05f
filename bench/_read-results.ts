/**
 * The xinzhi side of the "results.json read" row of bench/cli-evaluate.ts, in
 * a fresh process as the Python script is: read a results.json into the
 * evaluation the analyses run on (cli/analyze/input.ts readEvaluationInput:
 * the file read piece by piece, the entries checked, the normalised values
 * as Float64Arrays), `reps` times, with the compiled package when it is
 * built; prints one JSON line [best wall s, best CPU s].
 * Usage: node bin/run-ts.js bench/_read-results.ts results.json reps
 */
import { existsSync } from 'node:fs';
import { printBest } from './_best.ts';

const built = existsSync(new URL('../dist/adapters/cli/analyze/input.js', import.meta.url));
const from = (path: string) => new URL(built ? `../dist/${path}.js` : `../src/${path}.ts`, import.meta.url).href;
const { readEvaluationInput } = (await import(
  from('adapters/cli/analyze/input')
)) as typeof import('../src/adapters/cli/analyze/input.ts');

const [file, repsArg] = process.argv.slice(2);
await printBest(Number(repsArg), async () => {
  if (!(await readEvaluationInput(file))) throw new Error(`${file} is not a results.json with normalised values`);
});
