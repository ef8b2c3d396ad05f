/**
 * The xinzhi side of the "CSV read" row of bench/cli-evaluate.ts, in a fresh
 * process as pandas is: read the panel file into the panel `evaluate` builds
 * on (file → cell grid → typed columns, every check), `reps` times, with the
 * compiled package when it is built; prints
 * one JSON line [best wall s, best CPU s].
 * Usage: node bin/run-ts.js bench/_read-csv.ts panel.csv spec.json reps
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Spec } from '../src/core/measure/spec.ts';
import { printBest } from './_best.ts';

// the compiled modules, as the `xinzhi` command runs them (a worker thread of the sources would load tsx first)
const built = existsSync(new URL('../dist/adapters/io/read.js', import.meta.url));
const from = (path: string) => new URL(built ? `../dist/${path}.js` : `../src/${path}.ts`, import.meta.url).href;
const { readTableFile } = (await import(from('adapters/io/read'))) as typeof import('../src/adapters/io/read.ts');
const { specPanelFromTable } = (await import(
  from('adapters/io/spec-panel')
)) as typeof import('../src/adapters/io/spec-panel.ts');

const [csv, specFile, repsArg] = process.argv.slice(2);
const spec = JSON.parse(readFileSync(specFile, 'utf8')) as Spec;
await printBest(Number(repsArg), async () => specPanelFromTable(await readTableFile(csv), spec));
